"""Marks placeholders and forbidden phrases as the user types (editor and reply check)."""
from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from db.snippets import phrases
from db.snippets.render import tokens


def _format(background: str | None = None, foreground: str | None = None,
            underline: str | None = None, bold: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if background:
        fmt.setBackground(QColor(background))
    if foreground:
        fmt.setForeground(QColor(foreground))
    if underline:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor(underline))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


FORMATS = {
    "value": _format("#dbeafe", "#1d4ed8"),  # a placeholder the program fills
    "ask": _format("#dcfce7", "#15803d"),  # {输入:…}: asked when copying
    "unknown": _format("#fee2e2", "#b91c1c", "#dc2626"),  # a typo such as {称乎}
    "escape": _format(None, "#64748b"),
    "forbidden": _format("#fee2e2", None, "#dc2626", bold=True),
    "caution": _format("#fef3c7", None, "#d97706"),
}


class SnippetHighlighter(QSyntaxHighlighter):
    """Per line (block): placeholders, then phrase hits drawn over them."""

    def __init__(self, document: QTextDocument, placeholders: bool = True):
        super().__init__(document)
        self._placeholders = placeholders

    def highlightBlock(self, text: str) -> None:
        if self._placeholders:
            for token in tokens(text):
                self.setFormat(token.start, token.end - token.start, FORMATS[token.kind])
        for hit in phrases.check(text):
            self.setFormat(hit.start, hit.end - hit.start, FORMATS[hit.severity])
