"""The 快捷短语 page: categories on the left, search and results in the middle, the snippet
filled for the customer selected on the 客户 page on the right."""
from __future__ import annotations

from html import escape
from typing import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QListWidget, QListWidgetItem, QMessageBox,
    QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from db.errors import REFRESH, SEARCH
from db.models import Customer, Snippet
from db.snippets import defaults as default_library, render as snippet_render, library as snippets
from db.snippets.values import placeholder_values
from db.storage import settings
from desktop import shortcuts
from desktop.context import AppContext
from desktop.errors import guarded
from desktop.snippets.categories_dialog import CategoriesDialog
from desktop.snippets.check_all_dialog import CheckAllDialog
from desktop.snippets.copier import SnippetCopier
from desktop.snippets.editor import SnippetEditorDialog
from desktop.snippets.phrases_dialog import PhrasesDialog
from desktop.snippets.preview import SnippetPreview
from desktop.snippets.restore_dialog import RestoreDefaultsDialog
from desktop.snippets.search_box import SnippetSearchBox
from desktop.snippets.table_model import SnippetTableModel

ALL, FAVOURITES, MINE = "all", "favourites", "mine"


class SnippetsPage(QWidget):
    customer_changed = Signal(object)  # customer id or None
    library_changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.customer_id: int | None = None
        # Other areas add their values here (the cases area: 订单号, 商品, 时限 of the open case).
        self.value_providers: list[Callable[[], dict[str, str]]] = []
        # Where values came from when that is not obvious ("from the latest order ...").
        self.value_notes: list[Callable[[], str]] = []
        self.model = SnippetTableModel(self)
        self.copier = SnippetCopier(context, self.current_values, self)
        self.copier.copied.connect(lambda _ids: self.refresh())
        self.palette = None
        self.quick_paste = None  # set by the main window: the system-wide shortcut and paste
        self._setup_ui()
        self.reload_categories()
        self.refresh()
        context.staff_changed.connect(self.refresh)
        context.customers_changed.connect(self._show_current)

    # --- ui -----------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.categories = QListWidget()
        self.categories.setObjectName("snippetCategories")
        self.categories.setFixedWidth(150)
        self.categories.setStyleSheet("QListWidget::item { padding: 5px 6px; }")
        self.categories.currentRowChanged.connect(lambda _r: self.refresh(keep_selection=False))
        manage = QPushButton(self.tr("管理分类…"))
        manage.clicked.connect(self.manage_categories)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.categories, 1)
        left.addWidget(manage)

        self.search = SnippetSearchBox()
        self.search.setPlaceholderText(self.tr("搜索标题、短语码、内容，支持拼音首字母（如 dq 找道歉）"))
        self.search.textChanged.connect(lambda _t: self.refresh(keep_selection=False))
        self.search.accepted.connect(self.copy_selected)
        self.search.move_requested.connect(self._move_selection)
        new = QPushButton(self.tr("新建短语"))
        new.setObjectName("primaryButton")
        new.clicked.connect(lambda: self.new_snippet())
        check_all = QPushButton(self.tr("检查全部短语"))
        check_all.clicked.connect(self.check_all)
        phrase_list = QPushButton(self.tr("禁语表"))
        phrase_list.clicked.connect(self.open_phrases)
        palette = QPushButton(self.tr("快捷面板 (%1)").replace(
            "%1", shortcuts.hint(shortcuts.palette_keys()[0])))
        palette.clicked.connect(lambda: self.toggle_palette())  # not clicked(bool) as activate
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        for button in (new, check_all, phrase_list, palette):
            bar.addWidget(button)

        self.table = QTableView()
        self.table.setObjectName("snippetTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((170, 64, 84, 200, 70)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _i: self.copy_selected())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_combine())
        copy = QAction(self.tr("复制"), self)
        copy.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter),
                           QKeySequence.StandardKey.Copy])
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_selected)
        self.table.addAction(copy)
        delete = QAction(self.tr("删除短语"), self)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_selected)
        self.table.addAction(delete)

        self.combine_button = QPushButton()
        self.combine_button.clicked.connect(self.combine_selected)
        self.combine_button.hide()
        middle = QVBoxLayout()
        middle.setContentsMargins(0, 0, 0, 0)
        middle.addWidget(self.table, 1)
        middle.addWidget(self.combine_button)
        middle_widget = QWidget()
        middle_widget.setLayout(middle)

        self.preview = SnippetPreview()
        self.preview.copy_requested.connect(self.copy_selected)
        self.preview.edit_requested.connect(lambda: self.edit_snippet(self.preview.snippet_id))
        self.preview.delete_requested.connect(self.delete_selected)
        self.preview.favourite_toggled.connect(self._set_favourite)
        self.preview.clear_customer_requested.connect(lambda: self.set_customer(None))

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        left_widget = QWidget()
        left_widget.setLayout(left)
        self.splitter.addWidget(left_widget)
        self.splitter.addWidget(middle_widget)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([150, 620, 380])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

    # --- public -------------------------------------------------------------------------
    def set_customer(self, customer_id: int | None) -> None:
        """Follow the customer selected on the 客户 page (the main window connects this)."""
        self.customer_id = customer_id
        self._show_current()
        self.customer_changed.emit(customer_id)

    def current_customer(self) -> Customer | None:
        if self.customer_id is None:
            return None
        return Customer.get_or_none(Customer.id == self.customer_id,
                                    Customer.deleted_at.is_null())

    def current_values(self) -> dict[str, str]:
        return placeholder_values(self.current_customer(), self._context.staff,
                                  *(provide() for provide in self.value_providers))

    def value_note(self) -> str:
        return "；".join(note for note in (provide() for provide in self.value_notes) if note)

    def for_whom(self) -> str:
        customer = self.current_customer()
        if customer is None:
            return self.tr("未选择客户：称呼等内容会在复制时询问")
        whom = self.tr("为 %1 填写（在“客户”页选择其他客户）").replace(
            "%1", f'<b style="color:#0f172a">{escape(customer.name)}</b>')
        note = self.value_note()
        return f"{whom}<br>{escape(note)}" if note else whom

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    @guarded(SEARCH)
    def refresh(self, keep_selection: bool = True) -> None:
        """Re-run the search; a new query selects the best match, other refreshes keep
        the selection (after a copy, an edit, a favourite)."""
        keep = self.selected_ids() if keep_selection else []
        item = self.categories.currentItem()
        key = item.data(Qt.ItemDataRole.UserRole) if item else ALL
        staff_id = self._context.staff.id if self._context.staff else None
        self.model.set_rows(snippets.search(
            self.search.text(), staff_id,
            category_id=key if isinstance(key, int) else None,
            favourites_only=key == FAVOURITES, scope="mine" if key == MINE else "all"))
        rows = [self.model.row_of(i) for i in keep if self.model.row_of(i) >= 0]
        self._select_row(rows[0] if rows else 0)
        self._show_current()

    def reload_categories(self) -> None:
        current = self.categories.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current else ALL
        self.categories.blockSignals(True)
        self.categories.clear()
        for label, key in [(self.tr("全部短语"), ALL), (self.tr("★ 收藏"), FAVOURITES),
                           (self.tr("我的短语"), MINE)]:
            QListWidgetItem(label, self.categories).setData(Qt.ItemDataRole.UserRole, key)
        for category in snippets.categories():
            QListWidgetItem(category.name, self.categories).setData(
                Qt.ItemDataRole.UserRole, category.id)
        rows = [r for r in range(self.categories.count())
                if self.categories.item(r).data(Qt.ItemDataRole.UserRole) == keep]
        self.categories.setCurrentRow(rows[0] if rows else 0)
        self.categories.blockSignals(False)

    def selected_ids(self) -> list[int]:
        """Selected snippets in the order they were picked (the combining order)."""
        ids = []
        for index in self.table.selectionModel().selectedRows():
            row = self.model.row_at(index.row())
            if row is not None:
                ids.append(row.id)
        return ids

    def copy_selected(self) -> bool:
        ids = self.selected_ids()
        return self.copier.copy(ids) if ids else False

    def new_snippet(self, initial: snippets.SnippetData | None = None) -> None:
        if initial is None:
            item = self.categories.currentItem()
            key = item.data(Qt.ItemDataRole.UserRole) if item else None
            initial = snippets.SnippetData(category_id=key if isinstance(key, int) else None,
                                           personal=key == MINE)
        dialog = SnippetEditorDialog(self._context, initial=initial, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self._after_save(dialog.saved, self.tr("已新建短语“%1”"))

    def edit_snippet(self, snippet_id: int | None) -> None:
        snippet = Snippet.get_or_none(Snippet.id == snippet_id) if snippet_id else None
        if snippet is None:
            return
        dialog = SnippetEditorDialog(self._context, snippet, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self._after_save(dialog.saved, self.tr("已保存短语“%1”"))

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(
            self, self.tr("删除短语"),
            self.tr("删除选中的 %1 条短语？删除后不能恢复。").replace("%1", str(len(ids))))
        if answer != QMessageBox.StandardButton.Yes:
            return
        snippets.delete(ids)
        self._library_changed()
        self._context.notify(self.tr("已删除 %1 条短语").replace("%1", str(len(ids))))

    def combine_selected(self) -> None:
        """Two or more snippets into a new one (the copy already combines them on the fly)."""
        chosen = {s.id: s for s in Snippet.select().where(Snippet.id.in_(self.selected_ids()))}
        parts = [chosen[i] for i in self.selected_ids() if i in chosen]
        if len(parts) < 2:
            return
        self.new_snippet(snippets.SnippetData(
            title=" + ".join(p.title for p in parts)[:snippets.LIMITS["title"]],
            body=snippet_render.combine([p.body for p in parts]),
            category_id=parts[0].category_id))

    def check_all(self) -> None:
        dialog = CheckAllDialog(self._context.staff.id if self._context.staff else None, self)
        dialog.edit_requested.connect(self.edit_snippet)
        dialog.exec()

    def open_phrases(self) -> None:
        PhrasesDialog(self._context, self).exec()
        self._show_current()

    def manage_categories(self) -> None:
        dialog = CategoriesDialog(self)
        dialog.exec()
        if dialog.changed:
            self._library_changed()

    def restore_defaults(self) -> None:
        dialog = RestoreDefaultsDialog(settings.get("language"), self)
        if not dialog.exec():
            return
        added, _ = default_library.load_defaults(dialog.chosen(), self._context.staff)
        self._library_changed()
        self._context.notify(self.tr("已恢复默认短语 %1 条").replace("%1", str(added)))

    def toggle_palette(self, activate: bool = True) -> None:
        self._built_palette().toggle(activate)

    def show_palette_over(self, window) -> None:
        """The system-wide shortcut, over the chat program's `window`; pressed again over the
        palette itself (window None, our app in front), it closes it."""
        palette = self._built_palette()
        if window is None and palette.isVisible() and palette.isActiveWindow():
            palette.hide()
            return
        palette.show_over(window)

    def _built_palette(self):
        from desktop.snippets.palette import SnippetPalette  # noqa: PLC0415 - built on demand
        if self.palette is None:
            # No parent: an owned tool window would vanish when the main window is minimised,
            # and staff keep the palette beside the chat program with the main window away.
            self.palette = SnippetPalette(self._context, self)
            self.destroyed.connect(self.palette.deleteLater)
        return self.palette

    # --- slots --------------------------------------------------------------------------
    def _after_save(self, snippet: Snippet, message: str) -> None:
        self._library_changed()
        row = self.model.row_of(snippet.id)
        if row < 0:  # hidden by the search or category: show everything
            self.search.clear()
            self.categories.setCurrentRow(0)
            row = self.model.row_of(snippet.id)
        self._select_row(row)
        self._context.notify(message.replace("%1", snippet.title))

    def _library_changed(self) -> None:
        self.reload_categories()
        self.refresh()
        self.library_changed.emit()

    def _set_favourite(self, favourite: bool) -> None:
        if self.preview.snippet_id is not None:
            snippets.set_favourite(self.preview.snippet_id, favourite)
            self.refresh()
            self.library_changed.emit()

    def _select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def _move_selection(self, step: int) -> None:
        self._select_row(max(0, min(self.model.rowCount() - 1,
                                    self.table.currentIndex().row() + step)))

    @guarded(REFRESH)
    def _show_current(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        snippet = Snippet.get_or_none(Snippet.id == row.id) if row else None
        self.preview.show_snippet(snippet, self.current_values(), self.for_whom(),
                                  self.current_customer() is not None)

    def _update_combine(self) -> None:
        count = len(self.selected_ids())
        self.combine_button.setVisible(count >= 2)
        self.combine_button.setText(self.tr("已选 %1 条：Enter 合并复制，或点此合并为新短语")
                                    .replace("%1", str(count)))
