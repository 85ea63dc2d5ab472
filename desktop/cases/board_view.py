"""看板: one column per open stage, earliest deadline on top; one click opens a case."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from db import clock
from db.cases import workflow as wf
from db.cases.search import CaseQuery, fetch_rows, search_ids
from desktop.cases import labels
from desktop.widgets import wrapped_list

SHOWN_PER_STAGE = 100


class BoardView(QWidget):
    case_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.columns: dict[str, QListWidget] = {}
        self.titles: dict[str, QLabel] = {}
        self._ids: dict[str, list[int]] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 6, 0, 0)
        for stage in wf.OPEN_STAGES:
            title = QLabel()
            title.setObjectName("sectionTitle")
            title.setWordWrap(True)  # "Warm reception (2)" over a narrow column: two lines
            column = QListWidget()
            column.setObjectName(f"board_{stage}")
            wrapped_list.keep_fitted(column)
            column.itemClicked.connect(lambda item, s=stage: self._open(s, item))
            column.itemActivated.connect(lambda item, s=stage: self._open(s, item))
            box = QVBoxLayout()
            box.addWidget(title)
            box.addWidget(column, 1)
            row.addLayout(box, 1)
            self.columns[stage], self.titles[stage] = column, title

    def refresh(self) -> None:
        now = clock.now()
        for stage, column in self.columns.items():
            ids = search_ids(CaseQuery(stage=stage, sort="due_at", descending=False), now)
            shown = ids[:SHOWN_PER_STAGE]
            rows = fetch_rows(shown)
            self._ids[stage] = shown
            self.titles[stage].setText(f"{labels.stage(stage)} ({len(ids)})")
            column.clear()
            for case_id in shown:
                row = rows[case_id]
                when = clock.to_local(row.due_at).strftime("%m-%d %H:%M") if row.due_at else ""
                text = f"{row.customer_name}\n{when} {labels.category(row.category)}".strip()
                item = QListWidgetItem(text, column)
                status = row.status(now)
                if status in ("overdue", "today"):
                    item.setForeground(QBrush(labels.OVERDUE if status == "overdue"
                                              else labels.DUE_TODAY))
            wrapped_list.fit(column)

    def _open(self, stage: str, item: QListWidgetItem) -> None:
        row = self.columns[stage].row(item)
        if 0 <= row < len(self._ids.get(stage, [])):
            self.case_requested.emit(self._ids[stage][row])

