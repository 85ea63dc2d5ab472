"""Pick the duplicate to fold into the current customer, then confirm."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
    QVBoxLayout, QWidget,
)

from db import text
from db.customers import records as customers
from db.orders import repeat_buyers
from db.customers.search import CustomerQuery, fetch_rows, search_ids
from db.models import Customer
from desktop.context import AppContext


class MergeDialog(QDialog):
    def __init__(self, context: AppContext, keep_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._keep = Customer.get_by_id(keep_id)
        self.setWindowTitle(self.tr("合并重复客户"))
        self.resize(480, 420)
        intro = QLabel(self.tr("选择与“%1”重复的客户。它的联系记录、工单和标签会并入“%1”，"
                               "空白资料会被补齐，之后它会移到回收站。").replace("%1", self._keep.name))
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索称呼、手机、微信、拼音"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.search.textChanged.connect(self._search)
        self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("合并"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.buttons)
        self.search.setText(self._keep.phone or self._keep.name)

    def _search(self, query: str) -> None:
        self.results.clear()
        ids = [i for i in search_ids(CustomerQuery(text=query)) if i != self._keep.id][:50]
        rows = fetch_rows(ids)
        for customer_id in ids:
            row = rows[customer_id]
            label = "  ".join(p for p in (row.name, text.format_phone(row.phone), row.wechat,
                                          row.platform_account) if p)
            item = QListWidgetItem(label, self.results)
            item.setData(Qt.ItemDataRole.UserRole, customer_id)
        if self.results.count():
            self.results.setCurrentRow(0)

    def accept(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        other_id = item.data(Qt.ItemDataRole.UserRole)
        other = Customer.get_by_id(other_id)
        answer = QMessageBox.question(
            self, self.tr("确认合并"),
            self.tr("把“%1”合并到“%2”？").replace("%1", other.name).replace("%2", self._keep.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        customers.merge(self._keep.id, other_id, self._context.staff)
        repeat_buyers.mark_repeat_buyers([self._keep.id])  # their orders add up now
        self._context.customers_changed.emit()
        self._context.notify(self.tr("已合并“%1”").replace("%1", other.name))
        super().accept()
