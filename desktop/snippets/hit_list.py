"""A short list of the phrase hits in a text, with reasons and better wording."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from db.snippets.phrase_check import Hit
from db.snippets.vocabulary import PHRASE_SEVERITIES


def describe_hits(hits: list[Hit], limit: int = 6) -> str:
    """Rich text: one line per distinct phrase."""
    if not hits:
        return QCoreApplication.translate("HitList", "未发现禁语 ✓")
    seen: dict[str, Hit] = {}
    for hit in hits:
        seen.setdefault(hit.phrase, hit)
    lines = []
    for hit in list(seen.values())[:limit]:
        colour = "#b91c1c" if hit.severity == "forbidden" else "#b45309"
        label = PHRASE_SEVERITIES.label(hit.severity)
        line = f'<span style="color:{colour}"><b>{label}</b> “{escape(hit.phrase)}”</span>'
        if hit.rule.reason:
            line += QCoreApplication.translate("HitList", "：%1").replace(
                "%1", escape(hit.rule.reason))
        if hit.rule.suggestion:
            line += QCoreApplication.translate("HitList", "；建议：%1").replace(
                "%1", escape(hit.rule.suggestion))
        lines.append(line)
    if len(seen) > limit:
        lines.append(QCoreApplication.translate("HitList", "……还有 %1 处").replace(
            "%1", str(len(seen) - limit)))
    return "<br>".join(lines)


class HitList(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("hitList")
        self.hits: list[Hit] = []

    def show_hits(self, hits: list[Hit]) -> None:
        self.hits = hits
        self.setText(describe_hits(hits))
