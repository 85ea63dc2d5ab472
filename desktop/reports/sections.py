"""A report section (db.reports.tables.Section) as chart data and as a filled table."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from db.reports.tables import Section


def chart_data(section: Section) -> tuple[str, list[str], list[tuple[str, list[float]]]]:
    labels = [str(row[0]) for row in section.rows]
    series = [(section.headers[col],
               [row[col] if isinstance(row[col], (int, float)) else 0 for row in section.rows])
              for col in section.series]
    kind = "line" if section.chart == "line" else "bar"
    if section.key == "per_day":  # "2026-11-05" -> "11-05": thirty of them fit under a chart
        labels = [label[5:] for label in labels]
    return kind, labels, series


def fill_table(table: QTableWidget, section: Section) -> None:
    table.clear()
    table.setColumnCount(len(section.headers))
    table.setRowCount(len(section.rows))
    table.setHorizontalHeaderLabels(section.headers)
    for r, row in enumerate(section.rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if c > 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


MOST_ROWS = 12  # a table beside no chart shows this many rows before it scrolls
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's own limit (not exported by PySide6)


def fit_rows(table: QTableWidget, every: bool) -> None:
    """every: the table as tall as its rows (up to MOST_ROWS), with no chart beside it to set
    the height; else as tall as the chart beside it makes the box."""
    if not every:
        table.setMinimumHeight(0)
        table.setMaximumHeight(QWIDGETSIZE_MAX)
        return
    rows = min(table.rowCount(), MOST_ROWS)
    table.resizeRowsToContents()
    height = (table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
              + sum(table.rowHeight(r) for r in range(rows)))
    table.setFixedHeight(height)


def make_table() -> QTableWidget:
    table = QTableWidget()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # Every column as wide as its words (English headers are long): the table scrolls
    # sideways rather than cut the last column's header.
    table.horizontalHeader().setStretchLastSection(False)
    table.setMinimumWidth(300)
    table.setAlternatingRowColors(True)
    return table
