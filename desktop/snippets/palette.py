"""The quick palette: a small always-on-top window to keep beside the chat program.

Search and copy as on the page, for the customer selected in the main window; a "check my
reply" box that marks forbidden phrases in pasted text and can save it as a snippet. It
remembers where it was put.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtGui import QCloseEvent, QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListView, QMenu, QPlainTextEdit, QPushButton, QSystemTrayIcon,
    QVBoxLayout, QWidget,
)

from db.snippets import phrases, library as snippets
from db.snippets.render import escape
from desktop.context import AppContext
from desktop.icons import icon
from desktop.snippets.copier import SnippetCopier
from desktop.snippets.highlighter import SnippetHighlighter
from desktop.snippets.hit_list import HitList
from desktop.snippets.palette_window import palette_window
from desktop.snippets.search_box import SnippetSearchBox
from desktop.snippets.table_model import SnippetTableModel

GEOMETRY_KEY = "palette/geometry"


class SnippetPalette(QWidget):
    def __init__(self, context: AppContext, page, parent: QWidget | None = None):
        self.window_kind = palette_window()
        super().__init__(parent, self.window_kind.flags)
        for attribute in self.window_kind.attributes:
            self.setAttribute(attribute)
        self._context = context
        self._page = page
        self._placed = False
        self.setWindowTitle(self.tr("快捷短语"))
        self.setObjectName("snippetPalette")
        self.model = SnippetTableModel(self)
        self.copier = SnippetCopier(context, page.current_values, self)
        self._setup_ui()
        self.refresh()
        page.customer_changed.connect(lambda _id: self._update_customer())
        page.library_changed.connect(self.refresh)
        context.staff_changed.connect(self.refresh)
        self.copier.copied.connect(self._after_copy)
        self.copier.copied.connect(lambda _ids: page.refresh())
        self._update_customer()

    def _setup_ui(self) -> None:
        self.customer = QLabel()
        self.customer.setObjectName("muted")
        self.customer.setWordWrap(True)
        self.clear_customer = QPushButton(self.tr("不指定客户"))
        self.clear_customer.setFlat(True)
        self.clear_customer.setStyleSheet("color: #ea580c;")
        self.clear_customer.clicked.connect(lambda: self._page.set_customer(None))
        whom = QHBoxLayout()
        whom.addWidget(self.customer, 1)
        whom.addWidget(self.clear_customer)
        self.search = SnippetSearchBox()
        self.search.setPlaceholderText(self.tr("输入短语码或拼音，Enter 复制"))
        self.search.textChanged.connect(lambda _t: self.refresh(keep_selection=False))
        self.search.accepted.connect(self.copy_current)
        self.search.move_requested.connect(self._move)
        self.results = QListView()
        self.results.setObjectName("paletteResults")
        self.results.setModel(self.model)
        self.results.doubleClicked.connect(lambda _i: self.copy_current())
        self.status = QLabel()
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
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.reply)
        layout.addLayout(row)
        self.resize(340, 520)
        self._check_reply()

    # --- public -------------------------------------------------------------------------
    def toggle(self, activate: bool = True) -> None:
        if self.isVisible():
            self.hide()
        else:
            self.show_palette(activate)

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

    def copy_current(self) -> bool:
        row = self.model.row_at(self.results.currentIndex().row())
        return self.copier.copy([row.id]) if row else False

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

    def _update_customer(self) -> None:
        self.customer.setText(self._page.for_whom())
        self.clear_customer.setVisible(self._page.current_customer() is not None)

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
