"""Word-wrapped list items as tall as their lines.

Qt's item views measure a wrapped item with the font's own line height. A line of Chinese is
drawn in a fallback font (Noto Sans CJK beside the interface's Latin font) that is taller,
so an item mixing them came out short and was cut with "…": a board card "王女士…" over its
time, a reply "… It will …". The text's own bounding box (which knows the fallback) sets
each item's height instead, again whenever the list's width changes."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtWidgets import QListWidget

MARGIN = 8  # the item's frame and the delegate's text margins, top and bottom together


def fit(view: QListWidget) -> None:
    """Each item as tall as its wrapped lines at the view's width."""
    width = max(40, view.viewport().width() - MARGIN)
    metrics = view.fontMetrics()
    for n in range(view.count()):
        item = view.item(n)
        height = metrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap,
                                      item.text()).height()
        item.setSizeHint(QSize(width, height + MARGIN))


class _Refit(QObject):
    def __init__(self, view: QListWidget):
        super().__init__(view)
        self.view, self.width = view, -1

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize and self.view.viewport().width() != self.width:
            self.width = self.view.viewport().width()
            fit(self.view)
        return False


def keep_fitted(view: QListWidget) -> None:
    """Fit the view's items whenever its width changes (call fit() after filling it)."""
    view.setWordWrap(True)
    view.viewport().installEventFilter(_Refit(view))
