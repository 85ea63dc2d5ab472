"""Read what a person sees in a window: every visible text, and every text cut short.

Used by test_whole_language.py; kept apart so the test reads as a list of pages and dialogs."""
from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QCheckBox, QComboBox, QGroupBox, QHeaderView, QLabel,
    QLineEdit, QListWidget, QPushButton, QRadioButton, QScrollArea, QTabBar, QToolButton,
    QWidget,
)

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]")
# Words that stay English in the Chinese interface: proper names, file kinds, units, keys.
ENGLISH_ALLOWED = {
    "excel", "pdf", "xlsx", "xls", "csv", "ods", "qq", "pin", "id", "ctrl", "shift", "alt",
    "enter", "esc", "tab", "kefudesk", "postgresql", "sqlite", "wal", "utc", "ok", "wps",
    "taobao", "wechat", "tmall", "kb", "mb", "gb", "url", "ip", "ssl", "tls", "host", "del",
    "backspace", "cmd", "option", "home", "end", "pgup", "pgdown", "ins", "vip", "top",
    "utf", "gbk",  # encodings
    "english",  # the language picker names each language in itself
}
# Tables that show stored records as they were written (the activity log's details).
RECORDS_AS_STORED = {"auditTable"}
WORD = re.compile(r"[A-Za-z]{3,}")
# Examples of what is typed in Latin letters anyway (a computer's name on the network).
ENGLISH_EXAMPLES = ["shop-server"]
# Chinese an English interface keeps: a language's own name, the example of pinyin search.
CHINESE_ALLOWED = ["简体中文", "(dq finds 道歉)"]
# {客户名}-style placeholders stay as the snippets hold them, in either language.
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@dataclass
class Seen:
    where: str
    text: str
    widget: QWidget | None = None


def _name(widget: QWidget) -> str:
    parts = []
    while widget is not None and len(parts) < 3:
        parts.append(widget.objectName() or type(widget).__name__)
        widget = widget.parentWidget()
    return "/".join(reversed(parts))


def texts(root: QWidget) -> list[Seen]:
    """Every text a person can see in root now (visible widgets only)."""
    found = [Seen("title", root.windowTitle(), root)]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        where = _name(widget)
        if isinstance(widget, QLabel):
            found.append(Seen(where, widget.text(), widget))
        elif isinstance(widget, QAbstractButton):
            found.append(Seen(where, widget.text(), widget))
            if widget.toolTip():
                found.append(Seen(where + "#tip", widget.toolTip()))
        elif isinstance(widget, QGroupBox):
            found.append(Seen(where, widget.title(), widget))
        elif isinstance(widget, QTabBar):
            found += [Seen(where, widget.tabText(i), widget) for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            found += [Seen(where, widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit) and widget.placeholderText():
            found.append(Seen(where + "#placeholder", widget.placeholderText()))
        elif isinstance(widget, QHeaderView):
            model = widget.model()
            if model is not None:
                found += [Seen(where, str(model.headerData(i, widget.orientation()) or ""), widget)
                          for i in range(widget.count()) if not widget.isSectionHidden(i)]
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QListWidget) \
                and widget.model() is not None and widget.objectName() not in RECORDS_AS_STORED:
            model = widget.model()
            for row in range(min(model.rowCount(), 30)):
                for column in range(model.columnCount()):
                    if hasattr(widget, "isColumnHidden") and widget.isColumnHidden(column):
                        continue
                    value = model.index(row, column).data()
                    if isinstance(value, str) and value:
                        found.append(Seen(f"{where}[{row},{column}]", value))
        elif isinstance(widget, QListWidget):
            found += [Seen(where, widget.item(i).text()) for i in range(widget.count())]
    return [seen for seen in found if seen.text]


def plain(text: str) -> str:
    return PLACEHOLDER.sub(" ", re.sub(r"<[^>]+>|&\w+;", " ", text))


def cjk_left(seen: list[Seen], user_data: set[str]) -> list[str]:
    """Texts of an English interface that still hold Chinese, user data removed."""
    bad = []
    for item in seen:
        text = plain(item.text)
        for data in [*sorted(user_data, key=len, reverse=True), *CHINESE_ALLOWED]:
            text = text.replace(data, "")
        if CJK.search(text):
            bad.append(f"{item.where}: {item.text!r}")
    return bad


ONE_PLURAL = re.compile(r"(?<![\d.])1 (?!of\b|is\b|was\b|has\b)[a-z]+s\b")


def one_plural(seen: list[Seen]) -> list[str]:
    """English that says "1 cases": a count needs a wording that fits every number."""
    return [f"{item.where}: {item.text!r}" for item in seen if ONE_PLURAL.search(item.text)]


def english_left(seen: list[Seen], user_data: set[str]) -> list[str]:
    """Texts of the Chinese interface that still hold English words."""
    bad = []
    for item in seen:
        text = plain(item.text)
        for data in sorted(user_data, key=len, reverse=True):  # a path before its parts
            text = text.replace(data, "")
        for example in ENGLISH_EXAMPLES:
            text = text.replace(example, "")
        words = [w for w in WORD.findall(text) if w.lower() not in ENGLISH_ALLOWED]
        if words:
            bad.append(f"{item.where}: {item.text!r}")
    return bad


def clipped(root: QWidget) -> list[str]:
    """Buttons, labels, tabs, list items and column headers whose text is wider than their space."""
    bad = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        where = _name(widget)
        fm = widget.fontMetrics()
        if isinstance(widget, QLabel):
            text = widget.text()
            if not text or widget.wordWrap() or "<" in text or widget.pixmap() is not None \
                    and not widget.pixmap().isNull():
                continue
            need = max(fm.horizontalAdvance(line) for line in text.split("\n"))
            room = widget.contentsRect().width() - 2 * widget.margin() - 2 * widget.indent() \
                if widget.indent() > 0 else widget.contentsRect().width() - 2 * widget.margin()
            if need > room + 1:
                bad.append(f"{where}: {text!r} needs {need} px, has {room}")
        elif isinstance(widget, (QPushButton, QToolButton, QCheckBox, QRadioButton)):
            text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            if not text:
                continue
            hint = widget.sizeHint().width()
            if isinstance(widget, QToolButton) and widget.toolButtonStyle() == \
                    widget.toolButtonStyle().ToolButtonIconOnly:
                continue
            if widget.width() + 1 < hint:
                bad.append(f"{where}: {text!r} needs {hint} px, has {widget.width()}")
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                need = fm.horizontalAdvance(widget.tabText(i).replace("&", ""))
                if widget.tabRect(i).width() < need + 8:
                    bad.append(f"{where}: tab {widget.tabText(i)!r} needs {need} px, has "
                               f"{widget.tabRect(i).width()}")
        elif isinstance(widget, QHeaderView) and widget.orientation().name == "Horizontal":
            model = widget.model()
            if model is None:
                continue
            for i in range(widget.count()):
                if widget.isSectionHidden(i):
                    continue
                text = str(model.headerData(i, widget.orientation()) or "")
                need = widget.sectionSizeHint(i)  # the text, the margins, a sort indicator
                size = widget.sectionSize(i)
                if size and need > size:
                    bad.append(f"{where}: header {text!r} needs {need} px, has {size}")
        elif isinstance(widget, QScrollArea) and widget.horizontalScrollBar().isVisible():
            # A page or pane wider than its place: its right edge is out of sight.
            content = widget.widget()
            bad.append(f"{where}: content needs {content.minimumSizeHint().width()} px, has "
                       f"{widget.viewport().width()}")
        elif isinstance(widget, QListWidget) and widget.objectName() == "navigation":
            if widget.horizontalScrollBar().isVisible():
                bad.append(f"{where}: a horizontal scroll bar")
            need = widget.sizeHintForColumn(0)  # the widest item, padding of the style sheet
            if need > widget.viewport().width():
                bad.append(f"{where}: items need {need} px, have {widget.viewport().width()}")
    return bad
