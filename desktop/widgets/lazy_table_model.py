"""The shared shape of the big lists (customers, cases): a query gives the ids in order, and
rows are fetched a page at a time, only for what the view shows."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt


class LazyTableModel(QAbstractTableModel):
    """Subclasses set COLUMNS, SORTABLE, PAGE and `_headers`, and implement `_search(query)`
    (ids in order) and `_fetch(ids)` (id -> row object)."""
    COLUMNS: list[str] = []
    SORTABLE: set[str] = set()
    PAGE = 100

    def __init__(self, query: Any, parent: QObject | None = None):
        super().__init__(parent)
        self._query = query
        self._ids: list[int] = []
        self._rows: dict[int, Any] = {}
        self._loaded = False
        self._headers: dict[str, str] = {}

    # --- to implement -------------------------------------------------------------------
    def _search(self, query: Any) -> list[int]:
        raise NotImplementedError

    def _fetch(self, ids: list[int]) -> dict[int, Any]:
        raise NotImplementedError

    # --- public -------------------------------------------------------------------------
    @property
    def query(self) -> Any:
        return self._query

    def set_query(self, query: Any) -> None:
        self._query = query
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._ids = self._search(self._query)
        self._rows.clear()
        self._loaded = True
        self.endResetModel()

    def item_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, item_id: int) -> int:
        try:
            return self._ids.index(item_id)
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
    def _row_at(self, index: QModelIndex) -> Any | None:
        """The row object behind a valid index of this model, else None."""
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        return self._row(index.row())

    def _row(self, row: int) -> Any | None:
        """The row object for a view row, fetching its page on first sight."""
        item_id = self._ids[row]
        if item_id not in self._rows:
            start = row - row % self.PAGE
            if len(self._rows) > 20 * self.PAGE:  # keep memory flat while scrolling far
                self._rows.clear()
            self._rows.update(self._fetch(self._ids[start:start + self.PAGE]))
        return self._rows.get(item_id)
