"""A lazy table model over the case list: ids per query, rows fetched a page at a time."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QFont

from db import clock
from db.cases.search import CaseQuery, CaseRow, fetch_rows, search_ids
from desktop.cases import labels
from desktop.widgets.lazy_table_model import LazyTableModel

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the CaseRow itself
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # "overdue" | "today" | "later" | ""


class CaseTableModel(LazyTableModel):
    COLUMNS = ["due_at", "customer", "stage", "category", "product", "order_no", "staff",
               "created_at"]
    SORTABLE = set(COLUMNS)
    PAGE = 200

    def __init__(self, parent: QObject | None = None):
        super().__init__(CaseQuery(stage="open", sort="due_at", descending=False), parent)
        self._now = clock.now()
        self._headers = {
            "due_at": self.tr("时限"), "customer": self.tr("买家"), "stage": self.tr("阶段"),
            "category": self.tr("问题分类"), "product": self.tr("商品"),
            "order_no": self.tr("订单号"), "staff": self.tr("负责客服"),
            "created_at": self.tr("创建时间"),
        }
        bold = QFont()
        bold.setBold(True)
        self._bold = bold

    # --- public -------------------------------------------------------------------------
    def refresh(self) -> None:
        self._now = clock.now()  # overdue / due today are judged against the query's time
        super().refresh()

    def _search(self, query: CaseQuery) -> list[int]:
        return search_ids(query, self._now)

    def _fetch(self, ids: list[int]) -> dict[int, CaseRow]:
        return fetch_rows(ids)

    def tick(self) -> None:
        """Time passed: re-judge overdue / due today without re-running the query."""
        self._now = clock.now()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._ids) - 1, len(self.COLUMNS) - 1))

    def case_id(self, row: int) -> int | None:
        return self.item_id(row)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        row = self._row_at(index)
        if row is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ROW_ROLE:
            return row
        status = row.status(self._now)
        if role == STATUS_ROLE:
            return status
        if role == Qt.ItemDataRole.ForegroundRole and status in ("overdue", "today"):
            return QBrush(labels.OVERDUE if status == "overdue" else labels.DUE_TODAY)
        if role == Qt.ItemDataRole.BackgroundRole and column == "due_at" and status in (
                "overdue", "today"):
            return QBrush(labels.OVERDUE_BG if status == "overdue" else labels.DUE_TODAY_BG)
        if role == Qt.ItemDataRole.FontRole and status == "overdue" and column == "due_at":
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and column == "due_at" and row.due_kind:
            return labels.due_kind(row.due_kind)
        return None

    def _display(self, row: CaseRow, column: str) -> str:
        if column == "due_at":
            if row.stage == "closed":
                return self.tr("已结案")
            if row.due_at is None:
                return ""
            text = clock.to_local(row.due_at).strftime("%m-%d %H:%M")
            status = labels.status_text(row.status(self._now))
            return f"{text} {status}".strip()
        if column == "customer":
            return row.customer_name
        if column == "stage":
            return labels.stage(row.stage)
        if column == "staff":
            return row.staff_name
        if column == "category":
            return labels.category(row.category)
        if column == "created_at":
            return clock.to_local(row.created_at).strftime("%Y-%m-%d %H:%M")
        return getattr(row, column)
