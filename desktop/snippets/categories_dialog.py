"""Edit the snippet categories: add, rename, remove, move up and down."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout,
)

from db.models import SnippetCategory
from db.snippets import library as snippets
from desktop.settings.editable_list import EditableList


class CategoriesDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("管理短语分类"))
        self.changed = False
        self.list = EditableList(
            self.tr("短语分类"), self._load, snippets.add_category, snippets.rename_category,
            self._remove, self.tr("删除"), on_change=self._mark_changed)
        up = QPushButton(self.tr("上移"))
        down = QPushButton(self.tr("下移"))
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        row = QHBoxLayout()
        row.addWidget(up)
        row.addWidget(down)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(360, 460)

    def _load(self):
        counts = snippets.category_counts(None)
        return [(self.tr("%1（%2 条）").replace("%1", c.name).replace("%2", str(counts.get(c.id, 0))),
                 c.id, False) for c in snippets.categories()]

    def _remove(self, category_id: int) -> None:
        category = SnippetCategory.get_by_id(category_id)
        count = snippets.category_counts(None).get(category_id, 0)
        answer = QMessageBox.question(
            self, self.tr("删除分类"),
            self.tr("删除分类“%1”？其中的 %2 条短语会保留，变为未分类。")
            .replace("%1", category.name).replace("%2", str(count)))
        if answer == QMessageBox.StandardButton.Yes:
            snippets.delete_category(category_id)  # its snippets stay, uncategorised

    def _move(self, step: int) -> None:
        item = self.list.list.currentItem()
        if item is None:
            return
        category_id = item.data(Qt.ItemDataRole.UserRole)
        snippets.move_category(category_id, step)
        self.list.reload()
        for row in range(self.list.list.count()):
            if self.list.list.item(row).data(Qt.ItemDataRole.UserRole) == category_id:
                self.list.list.setCurrentRow(row)
        self._mark_changed()

    def _mark_changed(self) -> None:
        self.changed = True
