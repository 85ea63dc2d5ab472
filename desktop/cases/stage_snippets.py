"""The quick replies of the current stage (热情接待/道歉/补救/跟进), filled for this case;
one click copies one (the page fills what is still missing and counts the use). What the
case does not know shows as ［待填：订单号］, and the copy asks for it: Ctrl+C and Enter go
through the same copy, so the list's own text never reaches the clipboard."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from db.cases.stage_snippets import StageSnippet, stage_snippets
from db.models import Case, Staff
from desktop.widgets import wrapped_list


class ReplyList(QListWidget):
    """Ctrl+C copies the reply the way a click does: a list view would put the item's own
    text (its title, its ［待填：…］ marks) on the clipboard."""
    copy_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            event.accept()
            self.copy_pressed.emit()
            return
        super().keyPressEvent(event)


class StageSnippets(QWidget):
    copy_requested = Signal(int)  # snippet id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.shown: list[StageSnippet] = []
        self.list = ReplyList()
        self.list.setObjectName("stageSnippets")
        self.list.setMaximumHeight(130)
        wrapped_list.keep_fitted(self.list)
        self.list.setAlternatingRowColors(True)  # one reply per band
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemClicked.connect(self._copy)
        self.list.itemActivated.connect(self._copy)
        self.list.copy_pressed.connect(self._copy_current)
        self.empty = QLabel(self.tr("这个阶段还没有快捷短语（可在“快捷短语”页添加到同名分类）"))
        self.empty.setObjectName("muted")
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)

    def show_case(self, case: Case, staff: Staff | None) -> None:
        self.shown = stage_snippets(case, staff)
        self.list.clear()
        for snippet in self.shown:
            # "：" in Chinese, ": " in English: the separator is the interface language's.
            item = QListWidgetItem(self.tr("%1：%2").replace("%1", snippet.title)
                                   .replace("%2", snippet.text), self.list)
            asked = [a.label() for a in snippet.to_ask]
            item.setToolTip(self.tr("单击复制") if not asked else self.tr(
                "单击复制，复制前会请您填写：%1").replace("%1", self.tr("、").join(asked)))
        wrapped_list.fit(self.list)
        self.list.setVisible(bool(self.shown))
        self.empty.setVisible(not self.shown)

    def _copy_current(self) -> None:
        if self.list.currentItem() is not None:
            self._copy(self.list.currentItem())

    def _copy(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        if 0 <= row < len(self.shown):
            self.copy_requested.emit(self.shown[row].id)
