"""A lazy table model over the customer list: ids per query, rows fetched a page at a time."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from db import clock, text
from db.customers.search import CustomerQuery, CustomerRow, fetch_rows, search_ids
from desktop.customers import labels
from desktop.widgets.lazy_table_model import LazyTableModel

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the CustomerRow itself
ID_ROLE = Qt.ItemDataRole.UserRole + 2
_ROLES = {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
          Qt.ItemDataRole.ToolTipRole, ROW_ROLE, ID_ROLE}


class CustomerTableModel(LazyTableModel):
    COLUMNS = ["name", "phone", "wechat", "platform_account", "type", "tags", "staff",
               "next_visit", "updated_at"]
    SORTABLE = {"name", "phone", "wechat", "platform_account", "type", "staff", "next_visit",
                "updated_at"}
    PAGE = 40  # a screenful or two: a keystroke fetches only what is shown

    def __init__(self, parent: QObject | None = None):
        super().__init__(CustomerQuery(), parent)
        self._headers = {
            "name": self.tr("称呼"), "phone": self.tr("手机"), "wechat": self.tr("微信"),
            "platform_account": self.tr("平台账号"), "type": self.tr("类型"),
            "tags": self.tr("标签"), "staff": self.tr("负责客服"),
            "next_visit": self.tr("下次回访"), "updated_at": self.tr("更新时间"),
        }

    def _search(self, query: CustomerQuery) -> list[int]:
        return search_ids(query)

    def _fetch(self, ids: list[int]) -> dict[int, CustomerRow]:
        return fetch_rows(ids)

    def customer_id(self, row: int) -> int | None:
        return self.item_id(row)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        # The view asks ~10 roles per cell on every paint: leave the unused ones at once.
        row = self._row_at(index) if role in _ROLES else None
        if row is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "next_visit" and row.next_visit and row.next_visit <= clock.today():
                return QBrush(QColor("#c2410c"))  # due or overdue return visit
            if row.type_code == "blacklist":
                return QBrush(QColor("#64748b"))  # greyed, still 4.8:1 on white
        if role == Qt.ItemDataRole.ToolTipRole and column == "tags" and row.tags:
            return "、".join(row.tags)
        return None

    @staticmethod
    def _display(row: CustomerRow, column: str) -> str:
        if column == "phone":
            return text.format_phone(row.phone)
        if column == "platform_account":
            return labels.account_shown(row.platform, row.platform_account)
        if column == "type":
            return labels.customer_type(row.type_name, row.type_code)
        if column == "tags":
            return " ".join(row.tags)
        if column == "staff":
            return row.staff_name
        if column == "next_visit":
            return row.next_visit.isoformat() if row.next_visit else ""
        if column == "updated_at":
            return clock.to_local(row.updated_at).strftime("%Y-%m-%d %H:%M")
        return getattr(row, column)
