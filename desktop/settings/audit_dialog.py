"""操作日志: the owner reads and exports who did what."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from db import clock, errors
from db.models import AuditLog
from db.trust import audit, staff as staff_rules
from desktop import file_dialogs
from desktop.security import show_chain
from desktop.widgets.error_label import ErrorLabel


class AuditDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, ui: QSettings | None = None):
        super().__init__(parent)
        self._ui = ui  # where the export folder is remembered
        self.setWindowTitle(self.tr("操作日志"))
        self.resize(900, 560)
        self.staff = QComboBox()
        self.staff.addItem(self.tr("全部客服"), None)
        for member in staff_rules.all_staff():
            self.staff.addItem(member.name, member.id)
        self.action = QComboBox()
        self.action.addItem(self.tr("全部操作"), None)
        for code in [a.action for a in AuditLog.select(AuditLog.action).distinct()]:
            self.action.addItem(self._action_label(code), code)
        today = clock.today()
        self.since = QDateEdit(QDate(today.year, today.month, 1))
        self.until = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("内容包含…"))
        for widget in (self.staff, self.action):
            widget.currentIndexChanged.connect(self.reload)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self.reload)
        self.text.textChanged.connect(self.reload)
        filters = QHBoxLayout()
        for widget in (self.staff, self.action, QLabel(self.tr("从")), self.since,
                       QLabel(self.tr("到")), self.until, self.text):
            filters.addWidget(widget)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("客服"), self.tr("操作"),
                                              self.tr("对象"), self.tr("内容"), self.tr("来源")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.export_button = QPushButton(self.tr("导出为 Excel…"))
        self.export_button.clicked.connect(self.export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.integrity = QLabel()
        self.integrity.setWordWrap(True)
        self.integrity_error = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.integrity)
        layout.addWidget(self.integrity_error)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.check_chain()
        self.reload()

    def check_chain(self) -> None:
        show_chain(self.integrity, self.integrity_error)

    def entries(self) -> list[AuditLog]:
        def utc(day: QDate) -> dt.datetime:  # local midnight as naive UTC
            local = dt.datetime.combine(day.toPython(), dt.time()).astimezone()
            return local.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return audit.search(staff_id=self.staff.currentData(), action=self.action.currentData(),
                            since=utc(self.since.date()), until=utc(self.until.date().addDays(1)),
                            text=self.text.text().strip())

    def _action_label(self, code: str) -> str:
        """The log stores codes; a person reads words (an unknown code as it is)."""
        return {"create": self.tr("新建"), "update": self.tr("修改"), "delete": self.tr("删除"),
                "import": self.tr("导入"), "export": self.tr("导出"), "restore": self.tr("恢复"),
                "password": self.tr("店主密码"), "denied": self.tr("拒绝"),
                "copy_to_server": self.tr("复制到服务器")}.get(code, code)

    def reload(self) -> None:
        found = self.entries()
        self.table.setRowCount(len(found))
        for row, entry in enumerate(found):
            where = f"{entry.entity} #{entry.entity_id}" if entry.entity_id else entry.entity
            values = [clock.to_local(entry.at).strftime("%Y-%m-%d %H:%M:%S"), entry.staff_name,
                      self._action_label(entry.action), where, entry.detail, entry.source]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def export(self) -> None:
        path, _ = file_dialogs.save_file(self, self._ui, "export", self.tr("导出操作日志"),
                                         self.tr("操作日志.xlsx"), "Excel (*.xlsx)")
        if path:
            entries = self.entries()
            try:
                audit.write_xlsx(entries, path)
            except OSError as exc:  # e.g. the old export still open in Excel: about that file
                QMessageBox.warning(self, self.tr("导出失败"), errors.file_message(exc, path))
                return
            audit.record("export", "audit_log", detail={"rows": len(entries), "file": path})
