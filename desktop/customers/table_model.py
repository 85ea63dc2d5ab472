"""A lazy table model over the customer list: ids per query, rows fetched a page at a time."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from db import clock, text
from db.customer_search import CustomerQuery, CustomerRow, fetch_rows, search_ids

PAGE = 40  # a screenful or two: a keystroke fetches only what is shown
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the CustomerRow itself
ID_ROLE = Qt.ItemDataRole.UserRole + 2
_ROLES = {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
          Qt.ItemDataRole.ToolTipRole, ROW_ROLE, ID_ROLE}


class CustomerTableModel(QAbstractTableModel):
    COLUMNS = ["name", "phone", "wechat", "platform_account", "type", "tags", "staff",
               "next_visit", "updated_at"]
    SORTABLE = {"name", "phone", "wechat", "platform_account", "type", "staff", "next_visit",
                "updated_at"}

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._query = CustomerQuery()
        self._ids: list[int] = []
        self._loaded = False
        self._rows: dict[int, CustomerRow] = {}
        self._headers = {
            "name": self.tr("称呼"), "phone": self.tr("手机"), "wechat": self.tr("微信"),
            "platform_account": self.tr("平台账号"), "type": self.tr("类型"),
            "tags": self.tr("标签"), "staff": self.tr("负责客服"),
            "next_visit": self.tr("下次回访"), "updated_at": self.tr("更新时间"),
        }

    # --- public -------------------------------------------------------------------------
    @property
    def query(self) -> CustomerQuery:
        return self._query

    def set_query(self, query: CustomerQuery) -> None:
        self._query = query
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._ids = search_ids(self._query)
        self._rows.clear()
        self._loaded = True
        self.endResetModel()

    def customer_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, customer_id: int) -> int:
        try:
            return self._ids.index(customer_id)
        except ValueError:
            return -1

    # --- Qt model interface -------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[self.COLUMNS[section]]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        # The view asks ~10 roles per cell on every paint: leave the unused ones at once.
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        row = self._row(index.row())
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
                return QBrush(QColor("#94a3b8"))
        if role == Qt.ItemDataRole.ToolTipRole and column == "tags" and row.tags:
            return "、".join(row.tags)
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = self.COLUMNS[column]
        descending = order == Qt.SortOrder.DescendingOrder
        if key not in self.SORTABLE or (self._loaded and (key, descending) ==
                                        (self._query.sort, self._query.descending)):
            return  # the view re-sorts on every header restore: only real changes count
        self._query.sort = key
        self._query.descending = descending
        self.refresh()

    # --- helpers ------------------------------------------------------------------------
    def _row(self, row: int) -> CustomerRow | None:
        customer_id = self._ids[row]
        if customer_id not in self._rows:
            start = row - row % PAGE
            page = self._ids[start:start + PAGE]
            if len(self._rows) > 20 * PAGE:  # keep memory flat while scrolling far
                self._rows.clear()
            self._rows.update(fetch_rows(page))
        return self._rows.get(customer_id)

    @staticmethod
    def _display(row: CustomerRow, column: str) -> str:
        if column == "phone":
            return text.format_phone(row.phone)
        if column == "platform_account":
            return f"{row.platform} {row.platform_account}".strip() if row.platform_account else ""
        if column == "type":
            return row.type_name
        if column == "tags":
            return " ".join(row.tags)
        if column == "staff":
            return row.staff_name
        if column == "next_visit":
            return row.next_visit.isoformat() if row.next_visit else ""
        if column == "updated_at":
            return clock.to_local(row.updated_at).strftime("%Y-%m-%d %H:%M")
        return getattr(row, column)
