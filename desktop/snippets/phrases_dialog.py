"""The forbidden-phrase list (禁语表): each phrase with its level, reason and better wording."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QHeaderView, QLineEdit, QMessageBox, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout,
)

from db.models import ForbiddenPhrase
from db.snippets import phrases
from db.snippets.vocabulary import PHRASE_SEVERITIES
from desktop.context import AppContext
from desktop.security import require_owner


class PhraseFormDialog(QDialog):
    def __init__(self, row: ForbiddenPhrase | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("编辑禁语") if row else self.tr("添加禁语"))
        self._row = row
        self.phrase = QLineEdit(row.phrase if row else "")
        self.severity = QComboBox()
        self.severity.addItem(self.tr("禁语（不可使用）"), "forbidden")
        self.severity.addItem(self.tr("慎用（提醒）"), "caution")
        self.severity.setCurrentIndex(max(0, self.severity.findData(
            row.severity if row else "forbidden")))
        self.reason = QLineEdit(row.reason if row else "")
        self.suggestion = QLineEdit(row.suggestion if row else "")
        self.active = QCheckBox(self.tr("启用"))
        self.active.setChecked(row.active if row else True)
        form = QFormLayout()
        form.addRow(self.tr("禁语"), self.phrase)
        form.addRow(self.tr("级别"), self.severity)
        form.addRow(self.tr("原因"), self.reason)
        form.addRow(self.tr("建议说法"), self.suggestion)
        form.addRow("", self.active)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def save(self) -> None:
        try:
            if self._row is None:
                row = phrases.add(self.phrase.text(), self.severity.currentData(),
                                  self.reason.text(), self.suggestion.text())
                if not self.active.isChecked():
                    phrases.update(row.id, row.phrase, row.severity, row.reason,
                                   row.suggestion, active=False)
            else:
                phrases.update(self._row.id, self.phrase.text(), self.severity.currentData(),
                               self.reason.text(), self.suggestion.text(),
                               self.active.isChecked())
        except phrases.PhraseError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        self.accept()


class PhrasesDialog(QDialog):
    """Anyone may read the list; changing it needs the owner (when a password is set)."""

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self._context = context
        self._may_edit = False
        self.setWindowTitle(self.tr("禁语表"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("禁语"), self.tr("级别"), self.tr("原因"), self.tr("建议说法")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self._edit())
        add = QPushButton(self.tr("添加…"))
        add.clicked.connect(self._add)
        edit = QPushButton(self.tr("编辑…"))
        edit.clicked.connect(self._edit)
        remove = QPushButton(self.tr("删除"))
        remove.clicked.connect(self._remove)
        row = QHBoxLayout()
        for button in (add, edit, remove):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(820, 520)
        self.reload()

    def reload(self) -> None:
        rows = phrases.all_phrases()
        self.table.setRowCount(len(rows))
        for n, phrase in enumerate(rows):
            level = PHRASE_SEVERITIES.label(phrase.severity)
            if not phrase.active:
                level += self.tr("（停用）")
            for column, value in enumerate((phrase.phrase, level, phrase.reason,
                                            phrase.suggestion)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                item.setData(Qt.ItemDataRole.UserRole, phrase.id)
                self.table.setItem(n, column, item)
        self.table.resizeColumnsToContents()

    def _current(self) -> ForbiddenPhrase | None:
        item = self.table.item(self.table.currentRow(), 0)
        return ForbiddenPhrase.get_or_none(
            ForbiddenPhrase.id == item.data(Qt.ItemDataRole.UserRole)) if item else None

    def may_edit(self) -> bool:
        """Ask for the owner password once per opening of the list."""
        if not self._may_edit:
            self._may_edit = require_owner(self, self._context, "edit_phrases")
        return self._may_edit

    def _add(self) -> None:
        if self.may_edit() and PhraseFormDialog(None, self).exec():
            self.reload()

    def _edit(self) -> None:
        row = self._current()
        if row is not None and self.may_edit() and PhraseFormDialog(row, self).exec():
            self.reload()

    def _remove(self) -> None:
        row = self._current()
        if row is None or not self.may_edit():
            return
        answer = QMessageBox.question(self, self.tr("删除禁语"),
                                      self.tr("删除禁语“%1”？").replace("%1", row.phrase))
        if answer == QMessageBox.StandardButton.Yes:
            phrases.delete(row.id)
            self.reload()
