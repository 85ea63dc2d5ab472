"""The customer's cases, shown in the customer detail pane; a click opens the case."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from db import clock
from db.cases import records as cases, deadlines
from desktop.cases import labels

CASE_ROLE = Qt.ItemDataRole.UserRole + 1


class CustomerCasesSection(QWidget):
    case_requested = Signal(int)
    new_case_requested = Signal(int)  # customer id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._customer_id: int | None = None
        title = QLabel(self.tr("售后工单"))
        title.setObjectName("sectionTitle")
        new_text = self.tr("为该客户新建工单")
        self.new_link = QLabel(f"<a href='new'>{new_text}</a>")
        self.new_link.linkActivated.connect(
            lambda _l: self._customer_id and self.new_case_requested.emit(self._customer_id))
        self.list = QListWidget()
        self.list.setObjectName("customerCases")
        self.list.setMaximumHeight(140)
        self.list.itemClicked.connect(self._open)
        self.list.itemActivated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.list)
        layout.addWidget(self.new_link)

    def show_customer(self, customer_id: int | None) -> None:
        self._customer_id = customer_id
        self.list.clear()
        if customer_id is None:
            return
        now = clock.now()
        for case in cases.cases_of_customer(customer_id):
            when = clock.to_local(case.created_at).strftime("%Y-%m-%d")
            parts = [when, labels.stage(case.stage), labels.category(case.category),
                     case.product]
            item = QListWidgetItem(" · ".join(p for p in parts if p), self.list)
            item.setData(CASE_ROLE, case.id)
            status = deadlines.status(case.due_at, now) if case.stage != "closed" else ""
            if status in ("overdue", "today"):
                item.setForeground(QBrush(labels.OVERDUE if status == "overdue"
                                          else labels.DUE_TODAY))
        if not self.list.count():
            QListWidgetItem(self.tr("没有售后工单"), self.list).setFlags(Qt.ItemFlag.NoItemFlags)

    def _open(self, item: QListWidgetItem) -> None:
        case_id = item.data(CASE_ROLE)
        if case_id is not None:
            self.case_requested.emit(case_id)


def attach(customers_page, context) -> CustomerCasesSection:
    """Add the section to the customer page's detail pane and keep it in step with it."""
    section = CustomerCasesSection()
    detail = customers_page.detail
    detail.extra_sections.addWidget(section)
    detail.customer_shown.connect(section.show_customer)
    context.cases_changed.connect(lambda: section.show_customer(detail.customer_id))
    return section
