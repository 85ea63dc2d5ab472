"""工作日志 tab: pick a staff member and a day, read the log, copy it as text."""
from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from db.reports import daily_log
from db.trust import staff as staff_rules
from desktop import clipboard
from desktop.context import AppContext


class DailyLogPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.staff_combo = QComboBox()
        self.day_edit = QDateEdit(QDate.currentDate())
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.copy_button = QPushButton(self.tr("复制日志"))
        self.copy_button.setShortcut("Ctrl+Shift+C")
        self.copy_button.clicked.connect(self.copy)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("客服")))
        bar.addWidget(self.staff_combo)
        bar.addWidget(QLabel(self.tr("日期")))
        bar.addWidget(self.day_edit)
        bar.addStretch(1)
        bar.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.text, 1)
        self._fill_staff()
        self.staff_combo.currentIndexChanged.connect(self.refresh)
        self.day_edit.dateChanged.connect(self.refresh)
        context.staff_list_changed.connect(self._fill_staff)
        context.staff_changed.connect(self._fill_staff)

    def _fill_staff(self) -> None:
        current = self.staff_combo.currentData()
        if current is None and self.context.staff is not None:
            current = self.context.staff.id
        self.staff_combo.blockSignals(True)
        self.staff_combo.clear()
        for member in staff_rules.active_staff():
            self.staff_combo.addItem(member.name, member.id)
        index = self.staff_combo.findData(current)
        self.staff_combo.setCurrentIndex(max(0, index))
        self.staff_combo.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        staff_id = self.staff_combo.currentData()
        if staff_id is None:
            self.text.setPlainText(self.tr("还没有客服"))
            return
        self.text.setPlainText(daily_log.daily_log_text(staff_id, self.day_edit.date().toPython()))

    def copy(self) -> None:
        clipboard.put(self.text.toPlainText())
        self.context.notify(self.tr("工作日志已复制，可以直接粘贴"))
