"""The look and behaviour shared by the big record lists (customers, cases)."""
from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def list_table(name: str, model: QAbstractItemModel, sort_column: int, order: Qt.SortOrder,
               widths: tuple[int, ...], multi_select: bool = False) -> QTableView:
    """A read-only, row-selecting, sortable table view over a lazy model."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi_select
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # Indicator first, then sorting on: the model is sorted (and loaded) once, not twice.
    table.horizontalHeader().setSortIndicator(sort_column, order)
    table.setSortingEnabled(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(30)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate(widths):
        # Never narrower than the header's words (English ones are longer) and sort arrow.
        table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
    return table
