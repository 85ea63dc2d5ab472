"""Copy = fill the placeholders, ask for what is missing, put text (and image) on the
clipboard, count the use, confirm in the status bar. Shared by the page and the palette."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from db.models import Snippet
from db.snippets import library as snippets
from db.snippets.asks import what_to_ask
from db.snippets.render import combine, render
from db.storage import settings
from desktop import clipboard
from desktop.context import AppContext
from desktop.snippets.fill_dialog import FillDialog


class SnippetCopier(QObject):
    copied = Signal(list)  # the snippet ids, after the clipboard is set

    def __init__(self, context: AppContext, values: Callable[[], dict[str, str]],
                 parent_widget: QWidget,
                 answers: Callable[[], dict[str, str]] | None = None,
                 about_case: bool = False):
        super().__init__(parent_widget)
        self._context = context
        self._values = values
        # Fill-in fields ({输入:问题描述}) already known, e.g. from the open case: not asked.
        self._answers = answers or dict
        self._about_case = about_case  # values are an open case's: its gaps are its own
        self._parent = parent_widget

    def copy(self, snippet_ids: list[int]) -> bool:
        """Copy one snippet, or several combined into one reply, in the order given."""
        found = {s.id: s for s in Snippet.select().where(Snippet.id.in_(snippet_ids))}
        chosen = [found[i] for i in snippet_ids if i in found]
        if not chosen:
            return False
        text = self.fill(combine([s.body for s in chosen]))
        if text is None:
            return False
        image = next((bytes(s.image) for s in chosen if s.image), None)
        clipboard.put(text, image)
        snippets.record_use([s.id for s in chosen])
        titles = "”“".join(s.title for s in chosen)
        self._context.notify(self.tr("已复制“%1”，可以粘贴到聊天窗口了").replace("%1", titles))
        self.copied.emit([s.id for s in chosen])
        return True

    def fill(self, body: str) -> str | None:
        """The body with every placeholder filled, asking the user when needed; None if cancelled."""
        values = dict(self._values())
        known = dict(self._answers())
        result = render(body, values, known)
        if result.complete:
            return result.text
        dialog = FillDialog(what_to_ask(result, values, self._about_case), self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        answers = dict(known)
        for (kind, name), value in dialog.values().items():
            if kind == "ask":
                answers[name] = value
            else:
                values[name] = value
                if name == "店铺名" and value.strip():  # asked once: kept as the shop's name
                    settings.put("shop_name", value.strip())
        result = render(body, values, answers)
        return result.text if result.complete else None
