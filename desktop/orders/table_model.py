"""One customer's orders as a lazy table: ids newest first, rows fetched a page at a time
(a customer with 200 orders opens as fast as one with two)."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt

from db.orders import records as orders
from db.orders.records import OrderRow
from desktop.orders import labels
from desktop.widgets.lazy_table_model import LazyTableModel

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the OrderRow itself
_ROLES = {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
          Qt.ItemDataRole.TextAlignmentRole, ROW_ROLE}


class OrderTableModel(LazyTableModel):
    """The query is a customer id (or None: no rows); the order is fixed, newest first."""
    # What was bought, for how much and where it stands come first: the customer pane is
    # narrow, and the order number is mostly looked for by pasting it elsewhere.
    COLUMNS = ["ordered_at", "items", "amount", "status", "platform", "order_no", "logistics"]
    PAGE = 25

    def __init__(self, parent: QObject | None = None):
        super().__init__(None, parent)
        self._headers = {
            "ordered_at": self.tr("下单时间"), "platform": self.tr("平台"),
            "order_no": self.tr("订单号"), "items": self.tr("商品"),
            "amount": self.tr("实付"), "status": self.tr("状态"),
            "logistics": self.tr("物流"),
        }

    def _search(self, customer_id: int | None) -> list[int]:
        return orders.order_ids_of_customer(customer_id) if customer_id else []

    def _fetch(self, ids: list[int]) -> dict[int, OrderRow]:
        return orders.fetch_rows(ids)

    def order_row(self, row: int) -> OrderRow | None:
        return self._row(row) if 0 <= row < self.rowCount() else None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        row = self._row_at(index) if role in _ROLES else None
        if row is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    if column == "amount" else None)
        shown = self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "ordered_at":
                return labels.when(row.ordered_at) or None
            return shown if column in ("order_no", "items", "logistics") and shown else None
        return shown

    @staticmethod
    def _display(row: OrderRow, column: str) -> str:
        if column == "ordered_at":  # the day is enough in a narrow pane; the time in a tip
            return labels.when(row.ordered_at, with_time=False)
        if column == "platform":
            return labels.platform(row.platform)
        if column == "amount":
            return labels.yuan(row.amount_cents)
        return getattr(row, column)
