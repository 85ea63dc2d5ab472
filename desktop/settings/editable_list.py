"""A titled list with add / rename / remove buttons; the owner supplies the rules."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox, QHBoxLayout, QInputDialog, QListWidget, QListWidgetItem, QMessageBox, QPushButton,
    QVBoxLayout, QWidget,
)

from desktop.errors import said


class EditableList(QGroupBox):
    """Items are (label, key, greyed). Callbacks raise ValueError with a user message."""

    def __init__(self, title: str, load: Callable[[], list[tuple[str, object, bool]]],
                 add: Callable[[str], object], rename: Callable[[object, str], None],
                 remove: Callable[[object], None], remove_label: str,
                 on_change: Callable[[], None] = lambda: None, parent: QWidget | None = None):
        super().__init__(title, parent)
        self._load, self._add, self._rename, self._remove = load, add, rename, remove
        self._on_change = on_change
        self.list = QListWidget()
        self.list.itemDoubleClicked.connect(lambda _i: self.rename_current())
        self.add_button = QPushButton(self.tr("添加…"))
        self.rename_button = QPushButton(self.tr("改名…"))
        self.remove_button = QPushButton(remove_label)
        self.add_button.clicked.connect(self.add_item)
        self.rename_button.clicked.connect(self.rename_current)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for label, key, greyed in self._load():
            item = QListWidgetItem(label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, key)
            if greyed:
                item.setForeground(Qt.GlobalColor.gray)

    def add_item(self) -> None:
        name, ok = QInputDialog.getText(self, self.title(), self.tr("名称："))
        if ok:
            self._run(lambda: self._add(name))

    def rename_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        name, ok = QInputDialog.getText(self, self.title(), self.tr("新名称："),
                                        text=item.text().split("（")[0])
        if ok:
            self._run(lambda: self._rename(item.data(Qt.ItemDataRole.UserRole), name))

    def remove_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._run(lambda: self._remove(item.data(Qt.ItemDataRole.UserRole)))

    def _run(self, action: Callable[[], object]) -> None:
        try:
            action()
        except ValueError as exc:
            QMessageBox.warning(self, self.title(), said(exc))
            return
        self.reload()
        self._on_change()
