"""The quick palette: a small always-on-top window to keep beside the chat program, or to
call over it with the system-wide shortcut (desktop/snippets/quick_paste.py).

Search, see the highlighted reply filled for the chosen buyer, and Enter: pasted into the chat
window it was called over, or copied. The buyer can be changed here; with none it says so and
names what will be asked. A "check my reply" box marks forbidden phrases in pasted text and can
save it as a snippet. It remembers where it was put.
"""
from __future__ import annotations

from html import escape as html_escape

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QPoint, Qt, QTimer
from PySide6.QtGui import (
    QAction, QCloseEvent, QCursor, QGuiApplication, QHideEvent, QKeyEvent, QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QListView, QMenu, QPlainTextEdit, QPushButton,
    QSystemTrayIcon, QTextBrowser, QVBoxLayout, QWidget,
)

from db.models import Snippet
from db.snippets import phrases, library as snippets
from db.snippets.asks import what_to_ask
from db.snippets.render import combine, escape, render
from desktop import clipboard
from desktop.context import AppContext
from desktop.icons import icon
from desktop.snippets.copier import SnippetCopier
from desktop.snippets.customer_picker import CustomerPicker
from desktop.snippets.highlighter import SnippetHighlighter
from desktop.snippets.hit_list import HitList
from desktop.snippets.palette_window import palette_window
from desktop.snippets.preview import preview_html
from desktop.snippets.search_box import SnippetSearchBox
from desktop.snippets.table_model import SnippetTableModel

GEOMETRY_KEY = "palette/geometry"
FOCUS_TRIES = 60  # x 5 ms


class SnippetPalette(QWidget):
    def __init__(self, context: AppContext, page, parent: QWidget | None = None):
        self.window_kind = palette_window()
        super().__init__(parent, self.window_kind.flags)
        for attribute in self.window_kind.attributes:
            self.setAttribute(attribute)
        self._context = context
        self._page = page
        self._placed = False
        self.target = None  # the chat window it was called over: Enter pastes there
        self.setWindowTitle(self.tr("快捷短语"))
        self.setObjectName("snippetPalette")
        self.model = SnippetTableModel(self)
        self.copier = SnippetCopier(context, page.current_values, self)
        self._setup_ui()
        self.refresh()
        page.customer_changed.connect(lambda _id: self._show_preview())
        page.library_changed.connect(self.refresh)
        context.staff_changed.connect(self.refresh)
        self.copier.copied.connect(self._after_copy)
        self.copier.copied.connect(lambda _ids: page.refresh())
        self._show_preview()

    def _setup_ui(self) -> None:
        self.customer = QLabel()
        self.customer.setObjectName("muted")
        self.customer.setWordWrap(True)
        self.clear_customer = QPushButton(self.tr("不指定客户"))
        self.clear_customer.setFlat(True)
        self.clear_customer.setStyleSheet("color: #c2410c;")
        self.clear_customer.clicked.connect(lambda: self._page.set_customer(None))
        whom = QHBoxLayout()
        whom.addWidget(self.customer, 1)
        whom.addWidget(self.clear_customer)
        self.picker = CustomerPicker()
        self.picker.picked.connect(self._page.set_customer)
        self.search = SnippetSearchBox()
        self.search.setPlaceholderText(self.tr("输入短语码或拼音，Enter 发送"))
        self.search.textChanged.connect(lambda _t: self.refresh(keep_selection=False))
        self.search.accepted.connect(self.copy_current)
        self.search.move_requested.connect(self._move)
        self.results = QListView()
        self.results.setObjectName("paletteResults")
        self.results.setModel(self.model)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.doubleClicked.connect(lambda _i: self.copy_current())
        # Ctrl+C copies the reply, asking for its gaps, as everywhere: not the list's title.
        copy = QAction(self.tr("复制"), self.results)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(lambda: self.copier.copy(self.chosen_ids()))
        self.results.addAction(copy)
        self.results.selectionModel().selectionChanged.connect(lambda *_a: self._show_preview())
        self.results.selectionModel().currentChanged.connect(lambda *_a: self._show_preview())
        self.preview = QTextBrowser()
        self.preview.setObjectName("palettePreview")
        self.preview.setMaximumHeight(120)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("muted")
        self.search.textChanged.connect(self.status.clear)  # "已复制" was about the last search

        self.reply = QPlainTextEdit()
        self.reply.setObjectName("replyCheck")
        self.reply.setPlaceholderText(self.tr("检查我的回复：把准备发送的话粘贴到这里"))
        self.reply.setMaximumHeight(110)
        self.reply_highlighter = SnippetHighlighter(self.reply.document(), placeholders=False)
        self.reply.textChanged.connect(self._check_reply)
        self.hits = HitList()
        self.save_button = QPushButton(self.tr("保存为短语"))
        self.save_button.clicked.connect(self.save_reply)
        row = QHBoxLayout()
        row.addWidget(self.hits, 1)
        row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(whom)
        layout.addWidget(self.picker)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.preview)
        layout.addWidget(self.status)
        layout.addWidget(self.reply)
        layout.addLayout(row)
        self.resize(380, 640)
        self._check_reply()

    # --- public -------------------------------------------------------------------------
    def toggle(self, activate: bool = True) -> None:
        if self.isVisible():
            self.hide()
        else:
            self.target = None
            self.show_palette(activate)

    def show_over(self, window) -> None:
        """Called by the system-wide shortcut over `window` (None: over our own window):
        beside the mouse, active, the search ready for typing."""
        self.target = window
        self._placed = True  # near the mouse this time, not where it was left
        self.show_palette(activate=True)
        self._place_near(QCursor.pos())
        self._take_keyboard(FOCUS_TRIES)

    def _take_keyboard(self, tries: int) -> None:
        """Until the palette has the keyboard: asked right after show(), the system may
        refuse (the window is not mapped yet, or focus-stealing rules) and typing would
        still go to the chat program."""
        quick = self._page.quick_paste
        if quick is None or quick.keys.unavailable or not self.isVisible() or tries <= 0:
            return
        window_id = int(self.winId())
        if not quick.keys.has_keyboard(window_id):
            quick.keys.take_focus(window_id)
            QTimer.singleShot(5, lambda: self._take_keyboard(tries - 1))

    def show_palette(self, activate: bool = True) -> None:
        """activate=False (the tray): the chat program keeps the keyboard where the system
        allows; a click on the palette then activates it and its search box takes typing."""
        if not self._placed:
            geometry = self._context.ui_settings.value(GEOMETRY_KEY)
            if geometry is not None:
                self.restoreGeometry(geometry)
            self._placed = True
        quiet = not activate and self.window_kind.quiet_show
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, quiet)
        quick = self._page.quick_paste
        if quick is not None and not quick.keys.unavailable:
            quick.keys.join_every_space(int(self.winId()))  # before it is ordered in front
        self.show()
        self.raise_()
        if not quiet:
            self.activateWindow()
        self.search.setFocus()  # the focus widget once the window is active
        self.search.selectAll()

    def refresh(self, keep_selection: bool = True) -> None:
        current = self.model.row_at(self.results.currentIndex().row()) if keep_selection else None
        staff_id = self._context.staff.id if self._context.staff else None
        self.model.set_rows(snippets.search(self.search.text(), staff_id, limit=100))
        row = self.model.row_of(current.id) if current else -1
        self._select(max(row, 0))
        self._show_preview()

    def chosen_ids(self) -> list[int]:
        """The selected snippets in list order (one reply), else the highlighted one."""
        rows = sorted({i.row() for i in self.results.selectionModel().selectedIndexes()})
        if not rows and self.results.currentIndex().isValid():
            rows = [self.results.currentIndex().row()]
        return [self.model.row_at(r).id for r in rows if self.model.row_at(r) is not None]

    def copy_current(self) -> bool:
        """Enter: paste into the chat window the palette was called over, else copy."""
        ids = self.chosen_ids()
        if not ids:
            return False
        quick = self._page.quick_paste
        target = self.target
        blocked = None if quick is None else quick.paste_blocked()
        if target is None or quick is None or blocked is not None:
            copied = self.copier.copy(ids)
            if copied and target is not None and blocked:
                self.status.setText(self.tr("已复制。%1").replace("%1", blocked))
            return copied
        held = clipboard.snapshot()
        if not self.copier.copy(ids):
            return False
        self.target = None
        self.hide()
        quick.paste_into(target, held)
        return True

    def save_reply(self) -> None:
        text = self.reply.toPlainText().strip()
        if not text:
            return
        title = text.splitlines()[0][:20]
        self._page.new_snippet(snippets.SnippetData(title=title, body=escape(text)))

    # --- slots --------------------------------------------------------------------------
    def _select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.results.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _move(self, step: int) -> None:
        self._select(max(0, min(self.model.rowCount() - 1,
                                self.results.currentIndex().row() + step)))

    def _place_near(self, point: QPoint) -> None:
        screen = QGuiApplication.screenAt(point) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        frame = self.frameGeometry()
        x = min(max(area.left(), point.x() + 12), area.right() - frame.width())
        y = min(max(area.top(), point.y() + 12), area.bottom() - frame.height())
        self.move(x, y)

    def _highlighted_body(self) -> str | None:
        ids = self.chosen_ids()
        if not ids:
            return None
        found = {s.id: s.body for s in Snippet.select(Snippet.id, Snippet.body)
                 .where(Snippet.id.in_(ids))}
        return combine([found[i] for i in ids if i in found])

    def _show_preview(self) -> None:
        body = self._highlighted_body()
        values = self._page.current_values()
        self.preview.setHtml(preview_html(body, values) if body is not None else "")
        self._update_customer(body, values)

    def _update_customer(self, body: str | None = None, values: dict | None = None) -> None:
        customer = self._page.current_customer()
        if customer is not None:
            text = self.tr("为 %1 填写").replace(
                "%1", f'<b style="color:#0f172a">{html_escape(customer.name)}</b>')
            note = self._page.value_note()
            if note:
                text += "<br>" + html_escape(note)
        else:
            text = '<b style="color:#b45309">' + self.tr("未指定客户") + "</b>"
            if body is None:
                body = self._highlighted_body()
                values = self._page.current_values()
            if body is not None:
                values = values or {}
                needed = [a.label() for a in what_to_ask(render(body, values), values)]
                if needed:
                    text += self.tr("：发送前会询问 %1").replace(
                        "%1", self.tr("、").join(html_escape(n) for n in needed))
        self.customer.setText(text)
        self.clear_customer.setVisible(customer is not None)

    def _after_copy(self, _ids) -> None:
        self.status.setText(self.tr("已复制，可以粘贴到聊天窗口了"))
        self.refresh()

    def _check_reply(self) -> None:
        text = self.reply.toPlainText()
        self.hits.show_hits(phrases.check(text))
        self.hits.setVisible(bool(text.strip()))
        self.save_button.setEnabled(bool(text.strip()))

    def _remember(self) -> None:
        self._context.ui_settings.setValue(GEOMETRY_KEY, self.saveGeometry())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # the search box clears itself first
            self.hide()
            if self.target is not None and self._page.quick_paste is not None:
                self._page.quick_paste.keys.activate(self.target)  # back to typing there
                self.target = None
            return
        super().keyPressEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._remember()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._remember()
        super().closeEvent(event)


def create_tray_icon(page, window) -> QSystemTrayIcon | None:
    """A tray icon that shows or hides the palette, where the desktop has a tray."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    tray = QSystemTrayIcon(icon("snippets"), window)
    tray.setToolTip(QCoreApplication.translate("SnippetPalette", "客服台：快捷短语"))
    menu = QMenu(window)
    menu.addAction(QCoreApplication.translate("SnippetPalette", "显示/隐藏快捷面板"),
                   lambda: page.toggle_palette(activate=False))
    menu.addAction(QCoreApplication.translate("SnippetPalette", "显示主窗口"), window.activate)
    tray.setContextMenu(menu)
    tray.activated.connect(
        lambda reason: page.toggle_palette(activate=False)
        if reason == QSystemTrayIcon.ActivationReason.Trigger else None)
    tray.show()
    return tray
