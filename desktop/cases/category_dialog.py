"""Edit the ordered list of problem categories (问题分类). Changes apply at once."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QInputDialog, QLabel, QListWidget, QListWidgetItem,
    QPushButton, QVBoxLayout, QWidget,
)

from db.cases import settings as case_settings, records as cases
from db.cases.records import CaseError
from desktop.cases import labels
from desktop.cases.busy import busy
from desktop.errors import said


class CategoryDialog(QDialog):
    def __init__(self, by=None, parent: QWidget | None = None):
        super().__init__(parent)
        self._by = by
        self.setWindowTitle(self.tr("问题分类"))
        self.setMinimumWidth(360)
        self.list = QListWidget()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c;")
        self.error.setWordWrap(True)
        self.error.hide()
        hint = QLabel(self.tr("删除分类不影响已有工单；改名会同时改掉已有工单上的分类。"))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        column = QVBoxLayout()
        self.buttons = {}
        for key, text in (("add", self.tr("添加…")), ("rename", self.tr("改名…")),
                          ("remove", self.tr("删除")), ("up", self.tr("上移")),
                          ("down", self.tr("下移"))):
            button = QPushButton(text)
            button.clicked.connect(getattr(self, f"_{key}"))
            self.buttons[key] = button
            column.addWidget(button)
        column.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(column)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self._reload()

    def _reload(self, select: int | None = None) -> None:
        self.list.clear()
        for name in case_settings.categories():  # shown in the interface language
            item = QListWidgetItem(labels.category(name), self.list)
            item.setData(Qt.ItemDataRole.UserRole, name)
        if select is not None:
            self.list.setCurrentRow(select)

    def _run(self, action, select: int | None = None) -> None:
        try:
            action()
        except CaseError as exc:
            self.error.setText(said(exc))
            self.error.show()
            return
        self.error.hide()
        self._reload(select)

    def _add(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("添加分类"), self.tr("分类名称："))
        if ok:
            names = case_settings.categories()
            self._run(lambda: case_settings.save_categories(names + [name]), len(names))

    def _rename(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        old = self.list.item(row).data(Qt.ItemDataRole.UserRole)
        shown = self.list.item(row).text()
        name, ok = QInputDialog.getText(self, self.tr("分类改名"), self.tr("新名称："), text=shown)
        if ok and name.strip() not in (old, shown):
            def rename() -> None:
                with busy(self, self.tr("正在修改已有工单上的分类…")):
                    cases.rename_category(old, name, self._by)
            self._run(rename, row)

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            names = case_settings.categories()
            del names[row]
            self._run(lambda: case_settings.save_categories(names), min(row, len(names) - 1))

    def _up(self) -> None:
        self._move(-1)

    def _down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        names = case_settings.categories()
        if row < 0 or not 0 <= row + step < len(names):
            return
        names[row], names[row + step] = names[row + step], names[row]
        self._run(lambda: case_settings.save_categories(names), row + step)
