"""The quick replies of the current stage (热情接待/道歉/补救/跟进), filled for this case;
one click copies one.

HOOK: the snippets area (db/snippets.py, categories named after the stages) is being built
in parallel. `stage_snippets()` is the one place to wire it in; until then it lists nothing.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from db import case_workflow as wf
from db.case_search import case_placeholder_values
from db.models import Case

TEXT_ROLE = Qt.ItemDataRole.UserRole + 1


def stage_snippets(category: str, values: dict[str, str]) -> list[tuple[str, str]]:
    """(title, filled text) of the snippets in `category` (a stage's Chinese name).

    TODO(snippets): return the snippets of that category rendered with `values` through
    db.snippets' public functions once that module lands on main.
    """
    return []


class StageSnippets(QWidget):
    copied = Signal(str)  # the title of the snippet copied

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("stageSnippets")
        self.list.setMaximumHeight(110)
        self.list.setWordWrap(True)
        self.list.itemClicked.connect(self._copy)
        self.list.itemActivated.connect(self._copy)
        self.empty = QLabel(self.tr("这个阶段还没有快捷短语"))
        self.empty.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)

    def show_case(self, case: Case) -> None:
        self.list.clear()
        stage = case.stage if case.stage != "closed" else "followup"
        for title, text in stage_snippets(wf.label(stage), case_placeholder_values(case)):
            item = QListWidgetItem(f"{title}：{text}", self.list)
            item.setData(TEXT_ROLE, text)
            item.setToolTip(self.tr("单击复制"))
        self.list.setVisible(self.list.count() > 0)
        self.empty.setVisible(self.list.count() == 0)

    def _copy(self, item: QListWidgetItem) -> None:
        QGuiApplication.clipboard().setText(item.data(TEXT_ROLE))
        self.copied.emit(item.text().split("：", 1)[0])
