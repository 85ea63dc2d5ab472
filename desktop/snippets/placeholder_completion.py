"""The list that typing `{` opens in the snippet editor.

It never takes the keyboard: the editor keeps the focus and hands the list only Up/Down,
Enter/Tab (pick, in one press) and Esc (close). Every other key is typed into the text as
usual, and the list narrows to the placeholders that still match what follows the `{`
(称呼, its English name `name`, or its pinyin `ch`/`chenghu`); a space or a key that matches
nothing closes it, so `{^_^` is typed as it is.
"""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from db import pinyin
from db.snippets.render import ALIASES, ASK_PREFIX, PLACEHOLDERS

ASK_ALIAS = "ask:"


@dataclasses.dataclass(frozen=True)
class Choice:
    name: str  # as written in Chinese: 称呼, 输入:
    english: str  # name, ask:
    source: str  # where the value comes from (客户, 设置...), "" for an ask field
    keys: tuple[str, ...]  # what a typed start may match, lower case

    def text_for(self, typed: str) -> str:
        """The placeholder to insert: the English name when that is what was typed."""
        typed = typed.lower()
        if typed and typed.isascii() and self.english.startswith(typed):
            return self.english
        return self.name


def _choices() -> list[Choice]:
    english = {chinese: alias for alias, chinese in ALIASES.items()}
    found = [Choice(name, english.get(name, name), source,
                    (name, english.get(name, name), *pinyin.spellings(name)))
             for name, source in PLACEHOLDERS.items()]
    found.append(Choice(ASK_PREFIX, ASK_ALIAS, "", (ASK_PREFIX, ASK_ALIAS, "输入",
                                                      *pinyin.spellings("输入"))))
    return found


CHOICES = _choices()


def matching(typed: str) -> list[Choice]:
    """The choices whose name, English name or pinyin starts with what was typed."""
    typed = typed.lower()
    return [c for c in CHOICES if any(key.lower().startswith(typed) for key in c.keys)]


class PlaceholderCompletion(QListWidget):
    picked = Signal(object)  # the Choice clicked with the mouse

    def __init__(self, parent=None):
        super().__init__(parent)
        # A tool-tip window: shown without activation, so the editor keeps the keyboard.
        self.setWindowFlags(Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName("placeholderCompletion")
        self.itemClicked.connect(
            lambda item: self.picked.emit(item.data(Qt.ItemDataRole.UserRole)))

    def show_choices(self, choices: list[Choice], at: QPoint, typed: str = "") -> None:
        """Each row shows first what Enter inserts ({name} when typed in English)."""
        self.clear()
        for choice in choices:
            first = choice.text_for(typed)
            other = choice.name if first == choice.english else choice.english
            label = "{" + first + ("…}" if first.endswith(":") else "}")
            if other != first:
                label += f"  {other}"
            if choice.source:
                label += f"　{choice.source}"
            else:
                label += "　" + self.tr("复制时询问")
            QListWidgetItem(label, self).setData(Qt.ItemDataRole.UserRole, choice)
        self.setCurrentRow(0)
        rows = min(len(choices), 8)
        self.resize(max(260, self.sizeHintForColumn(0) + 24),
                    rows * self.sizeHintForRow(0) + 2 * self.frameWidth() + 2)
        self.move(at)
        self.show()

    def current(self) -> Choice | None:
        item = self.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def step(self, rows: int) -> None:
        if self.count():
            self.setCurrentRow(max(0, min(self.count() - 1, self.currentRow() + rows)))
