"""Log one contact with a customer (a return visit, a call) and plan the next visit."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QPlainTextEdit, QVBoxLayout, QWidget,
)

from db import clock
from db.customers import records as customers
from db.customers.records import CustomerError
from db.storage import settings
from desktop.context import AppContext
from desktop.customers import labels
from desktop.errors import said
from desktop.widgets.error_label import ErrorLabel


class ContactDialog(QDialog):
    def __init__(self, context: AppContext, customer_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._customer_id = customer_id
        self.setWindowTitle(self.tr("添加联系记录"))
        self.setMinimumWidth(440)
        self.at = QDateTimeEdit(QDateTime.currentDateTime())
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at.setCalendarPopup(True)
        self.channel = QComboBox()
        self.channel.setEditable(True)
        self.channel.addItems(labels.channels())
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(self.tr("聊了什么、客户是否满意、有无新需求"))
        self.plan_next = QCheckBox(self.tr("安排下次回访"))
        self.next_visit = QDateEdit()
        self.next_visit.setCalendarPopup(True)
        self.next_visit.setDisplayFormat("yyyy-MM-dd")
        days = int(settings.get("return_visit_days"))
        nxt = clock.today() + dt.timedelta(days=days)
        self.next_visit.setDate(QDate(nxt.year, nxt.month, nxt.day))
        self.next_visit.setEnabled(False)
        self.plan_next.toggled.connect(self.next_visit.setEnabled)
        visit_row = QHBoxLayout()
        visit_row.addWidget(self.plan_next)
        visit_row.addWidget(self.next_visit, 1)
        form = QFormLayout()
        form.addRow(self.tr("时间"), self.at)
        form.addRow(self.tr("方式"), self.channel)
        form.addRow(self.tr("内容 *"), self.summary)
        form.addRow(self.tr("下次回访"), visit_row)
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        local = self.at.dateTime().toPython()
        at_utc = local.astimezone(dt.timezone.utc).replace(tzinfo=None)
        try:
            customers.add_contact(
                self._customer_id, self._context.staff, self.channel.currentText(),
                self.summary.toPlainText(), at=at_utc,
                next_visit=self.next_visit.date().toPython() if self.plan_next.isChecked() else None)
        except CustomerError as exc:
            self.error.show_message(said(exc))
            self.summary.setFocus()
            return
        super().accept()
