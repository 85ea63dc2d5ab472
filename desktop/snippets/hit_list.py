"""A short list of the wording hits in a text: what was caught, its kind, why, and what to say
instead. It takes its own place in the layout, below the text box, as tall as its lines up to a
limit and scrollable beyond it: it never covers the text, and no line is cut off."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy

from db.snippets.phrase_check import Hit
from db.snippets.vocabulary import PHRASE_CATEGORIES, PHRASE_SEVERITIES


def describe_hit(hit: Hit) -> str:
    """Rich text of one hit: 禁语·推诿 “这是公司规定”：reason；建议：better wording."""
    colour = "#b91c1c" if hit.severity == "forbidden" else "#b45309"
    label = PHRASE_SEVERITIES.label(hit.severity)
    if hit.category:
        label += "·" + PHRASE_CATEGORIES.label(hit.category)
    found = escape(hit.found or hit.phrase)
    line = f'<span style="color:{colour}"><b>{escape(label)}</b> “{found}”</span>'
    if hit.rule.reason:
        line += QCoreApplication.translate("HitList", "：%1").replace(
            "%1", escape(hit.rule.reason))
    if hit.rule.suggestion:
        line += QCoreApplication.translate("HitList", "；建议：%1").replace(
            "%1", escape(hit.rule.suggestion))
    return line


def describe_hits(hits: list[Hit], limit: int = 6) -> str:
    """Rich text: one line per rule caught (its first place in the text)."""
    if not hits:
        return QCoreApplication.translate("HitList", "未发现禁语 ✓")
    seen: dict[str, Hit] = {}
    for hit in hits:
        seen.setdefault(hit.phrase, hit)
    lines = [describe_hit(hit) for hit in list(seen.values())[:limit]]
    if len(seen) > limit:
        more = QCoreApplication.translate("HitList", "……还有 %1 处")
        lines.append(more.replace("%1", str(len(seen) - limit)))
    return "<br>".join(lines)


class HitList(QScrollArea):
    MAX_HEIGHT = 150  # about seven lines; more scroll

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("hitList")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.hits: list[Hit] = []

    def text(self) -> str:
        return self.label.text()

    def clear(self) -> None:
        self.hits = []
        self.label.clear()
        self.updateGeometry()

    def show_hits(self, hits: list[Hit]) -> None:
        self.hits = hits
        self.label.setText(describe_hits(hits))
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        width = max(self.viewport().width(), 200)
        return QSize(super().sizeHint().width(),
                     min(self.label.heightForWidth(width) + 2, self.MAX_HEIGHT))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.sizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # wrapped lines change with the width
