"""The right-hand pane: the selected snippet filled for the current customer, its image,
its phrase hits, and the actions."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget,
)

from db.models import Snippet
from db.snippets import phrases
from db.snippets.render import render, tokens
from desktop.snippets.hit_list import HitList


def preview_html(body: str, values: dict[str, str]) -> str:
    """The filled text; what is still open ({订单号}, {输入:…}) stands out in colour."""
    text = render(body, values).text
    parts, pos = [], 0
    for token in tokens(text, set(values)):
        if token.kind == "escape":
            continue
        parts.append(escape(text[pos:token.start]))
        colour = "#15803d" if token.kind == "ask" else "#b91c1c"
        parts.append(f'<span style="color:{colour};font-weight:600">'
                     f'{escape(text[token.start:token.end])}</span>')
        pos = token.end
    parts.append(escape(text[pos:]))
    return "".join(parts).replace("\n", "<br>")


class SnippetPreview(QWidget):
    copy_requested = Signal()
    edit_requested = Signal()
    favourite_toggled = Signal(bool)
    delete_requested = Signal()
    clear_customer_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.snippet_id: int | None = None
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.for_whom = QLabel()
        self.for_whom.setObjectName("muted")
        self.for_whom.setWordWrap(True)
        # Copying for the wrong buyer is worse than asking: one click drops the customer.
        self.clear_customer = QPushButton(self.tr("不指定客户"))
        self.clear_customer.setFlat(True)
        self.clear_customer.setStyleSheet("color: #c2410c;")
        self.clear_customer.clicked.connect(lambda: self.clear_customer_requested.emit())
        whom = QHBoxLayout()
        whom.addWidget(self.for_whom, 1)
        whom.addWidget(self.clear_customer)
        self.text = QTextBrowser()
        self.text.setObjectName("snippetPreview")
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.hits = HitList()
        self.copy_button = QPushButton(self.tr("复制 (Enter)"))
        self.copy_button.setObjectName("primaryButton")
        self.copy_button.clicked.connect(lambda: self.copy_requested.emit())
        self.favourite_button = QPushButton(self.tr("收藏"))
        self.favourite_button.setCheckable(True)
        self.favourite_button.clicked.connect(lambda on: self.favourite_toggled.emit(on))
        self.edit_button = QPushButton(self.tr("编辑"))
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit())
        self.delete_button = QPushButton(self.tr("删除"))
        self.delete_button.setObjectName("dangerButton")
        self.delete_button.clicked.connect(lambda: self.delete_requested.emit())
        buttons = QHBoxLayout()
        for button in (self.copy_button, self.favourite_button, self.edit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(whom)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.image)
        layout.addWidget(self.hits)
        layout.addLayout(buttons)
        self.show_snippet(None, {}, "")

    def show_snippet(self, snippet: Snippet | None, values: dict[str, str], for_whom: str,
                     has_customer: bool = False) -> None:
        self.snippet_id = snippet.id if snippet else None
        self.clear_customer.setVisible(has_customer)
        for widget in (self.copy_button, self.favourite_button, self.edit_button,
                       self.delete_button):
            widget.setEnabled(snippet is not None)
        self.for_whom.setText(for_whom)
        if snippet is None:
            self.title.setText(self.tr("选择一条短语"))
            self.text.setHtml("")
            self.image.clear()
            self.hits.clear()
            return
        self.title.setText(snippet.title)
        self.favourite_button.setChecked(snippet.favourite)
        self.favourite_button.setText(self.tr("已收藏 ★") if snippet.favourite else self.tr("收藏"))
        self.text.setHtml(preview_html(snippet.body, values))
        self.hits.show_hits(phrases.check(snippet.body))
        if snippet.image:
            pixmap = QPixmap()
            pixmap.loadFromData(bytes(snippet.image))
            self.image.setPixmap(pixmap.scaledToHeight(
                min(160, max(1, pixmap.height())), Qt.TransformationMode.SmoothTransformation))
        else:
            self.image.clear()
