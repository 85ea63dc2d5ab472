"""Choosing the buyer inside the palette: search as on the 客户 page (name, phone, platform
account, pinyin initials); a customer is chosen only by Enter or a click, never by default."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from db.customers.search import CustomerQuery, fetch_rows, search_ids
from desktop.snippets.search_box import SnippetSearchBox

SHOWN = 8


class CustomerPicker(QWidget):
    picked = Signal(int)  # a customer id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.search = SnippetSearchBox()
        self.search.setObjectName("customerPicker")
        self.search.setPlaceholderText(self.tr("换客户：姓名、手机号、平台账号或拼音首字母"))
        self.search.textChanged.connect(self._search)
        self.search.accepted.connect(self._pick_current)
        self.search.move_requested.connect(self._move)
        self.hits = QListWidget()
        self.hits.setObjectName("customerHits")
        self.hits.setMaximumHeight(130)
        self.hits.itemActivated.connect(self._pick)
        self.hits.itemClicked.connect(self._pick)
        self.hits.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.search)
        layout.addWidget(self.hits)

    def _search(self, text: str) -> None:
        self.hits.clear()
        if not text.strip():
            self.hits.hide()
            return
        ids = search_ids(CustomerQuery(text=text))[:SHOWN]
        rows = fetch_rows(ids)
        for customer_id in ids:
            row = rows[customer_id]
            account = " ".join(p for p in (row.platform, row.platform_account) if p)
            details = "  ".join(p for p in (row.phone, account) if p)
            item = QListWidgetItem(f"{row.name}  {details}".strip(), self.hits)
            item.setData(Qt.ItemDataRole.UserRole, customer_id)
        if not ids:
            QListWidgetItem(self.tr("没有找到客户"), self.hits).setFlags(Qt.ItemFlag.NoItemFlags)
        self.hits.setVisible(True)

    def _move(self, step: int) -> None:
        if self.hits.count():
            row = self.hits.currentRow() + step if self.hits.currentRow() >= 0 else 0
            self.hits.setCurrentRow(max(0, min(self.hits.count() - 1, row)))

    def _pick_current(self) -> None:
        item = self.hits.currentItem() or (self.hits.item(0) if self.hits.count() == 1 else None)
        if item is not None:
            self._pick(item)

    def _pick(self, item: QListWidgetItem) -> None:
        customer_id = item.data(Qt.ItemDataRole.UserRole)
        if customer_id is None:
            return
        self.search.clear()
        self.picked.emit(customer_id)
