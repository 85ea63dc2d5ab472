"""The wording rules (禁语表): each rule with what it catches, its kind, level, reason and better
wording, edited in a shop owner's words and tried on a sample sentence before saving."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout,
)

from db.models import ForbiddenPhrase
from db.snippets import phrases
from db.snippets.phrase_check import PhraseRule
from db.snippets.rule_pattern import problem
from db.snippets.vocabulary import PHRASE_CATEGORIES, PHRASE_SEVERITIES
from db.vocabulary import translate
from desktop.context import AppContext
from desktop.errors import said
from desktop.security import require_owner
from desktop.snippets.hit_list import describe_hit


class PhraseFormDialog(QDialog):
    def __init__(self, row: ForbiddenPhrase | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("编辑禁语") if row else self.tr("添加禁语"))
        self._row = row
        self.phrase = QLineEdit(row.phrase if row else "")
        self.phrase.setPlaceholderText(self.tr("例如：公司/平台…规定"))
        how = QLabel(self.tr("用“/”隔开意思相同的说法（规定/规矩）；用“…”表示中间可以隔几个字"
                             "（你自己…没看），但不跨过逗号和句号。"))
        how.setObjectName("muted")
        how.setWordWrap(True)
        self.category = QComboBox()
        for code, label in PHRASE_CATEGORIES.items():
            self.category.addItem(label, code)
        self.category.setCurrentIndex(max(0, self.category.findData(
            row.category if row else "deflect")))
        self.severity = QComboBox()
        self.severity.addItem(self.tr("禁语（不可使用）"), "forbidden")
        self.severity.addItem(self.tr("慎用（提醒）"), "caution")
        self.severity.setCurrentIndex(max(0, self.severity.findData(
            row.severity if row else "forbidden")))
        self.reason = QLineEdit(row.reason if row else "")
        self.reason.setPlaceholderText(self.tr("买家听了会怎么想"))
        self.suggestion = QLineEdit(row.suggestion if row else "")
        self.suggestion.setPlaceholderText(self.tr("换成怎么说更好"))
        self.exceptions = QLineEdit(row.exceptions if row else "")
        self.exceptions.setPlaceholderText(self.tr("例如：保证金/质量保证（多条用“、”隔开）"))
        self.active = QCheckBox(self.tr("启用"))
        self.active.setChecked(row.active if row else True)
        self.sample = QLineEdit()
        self.sample.setPlaceholderText(self.tr("写一句话试试，看这条规则能不能找出来"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        form = QFormLayout()
        form.addRow(self.tr("要找的说法"), self.phrase)
        form.addRow("", how)
        form.addRow(self.tr("类别"), self.category)
        form.addRow(self.tr("级别"), self.severity)
        form.addRow(self.tr("原因"), self.reason)
        form.addRow(self.tr("建议说法"), self.suggestion)
        form.addRow(self.tr("不算的说法"), self.exceptions)
        form.addRow("", self.active)
        form.addRow(self.tr("试一试"), self.sample)
        form.addRow("", self.result)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        for field in (self.phrase, self.reason, self.suggestion, self.exceptions, self.sample):
            field.textChanged.connect(self.try_sample)
        for combo in (self.category, self.severity):
            combo.currentIndexChanged.connect(self.try_sample)
        self.try_sample()

    def rule(self) -> PhraseRule:
        return PhraseRule(self.phrase.text(), self.severity.currentData(), self.reason.text(),
                          self.suggestion.text(), self._row.rule if self._row else "",
                          self.category.currentData(), self.exceptions.text())

    def try_sample(self) -> None:
        """What the rule as written now catches in the sample sentence, marked in place."""
        wrong = problem(self.phrase.text()) if self.phrase.text().strip() else ""
        wrong = translate("PhraseError", wrong) if wrong else ""  # marked in rule_pattern
        sample = self.sample.text()
        if wrong:
            self.result.setText(f'<span style="color:#b91c1c">{escape(wrong)}</span>')
            return
        if not sample.strip() or not self.phrase.text().strip():
            self.result.setText("")
            return
        hits = phrases.try_rule(self.rule(), sample)
        if not hits:
            self.result.setText(self.tr("这句话里没有找到"))
            return
        marked, at = [], 0
        for hit in hits:
            marked.append(escape(sample[at:hit.start]))
            marked.append(f'<span style="background:#fee2e2"><b>{escape(hit.found)}</b></span>')
            at = max(at, hit.end)
        marked.append(escape(sample[at:]))
        self.result.setText("".join(marked) + "<br>" + describe_hit(hits[0]))

    def save(self) -> None:
        try:
            if self._row is None:
                row = phrases.add(self.phrase.text(), self.severity.currentData(),
                                  self.reason.text(), self.suggestion.text(),
                                  category=self.category.currentData(),
                                  exceptions=self.exceptions.text())
                if not self.active.isChecked():
                    phrases.update(row.id, row.phrase, row.severity, row.reason,
                                   row.suggestion, active=False)
            else:
                phrases.update(self._row.id, self.phrase.text(), self.severity.currentData(),
                               self.reason.text(), self.suggestion.text(),
                               self.active.isChecked(), self.category.currentData(),
                               self.exceptions.text())
        except phrases.PhraseError as exc:
            QMessageBox.warning(self, self.windowTitle(), said(exc))
            return
        self.accept()


class PhrasesDialog(QDialog):
    """Anyone may read the list; changing it needs the owner (when a password is set)."""

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self._context = context
        self._may_edit = False
        self.setWindowTitle(self.tr("禁语表"))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("要找的说法"), self.tr("类别"), self.tr("级别"), self.tr("原因"),
             self.tr("建议说法")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
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
        self.resize(980, 560)
        self.reload()

    def reload(self) -> None:
        rows = phrases.all_phrases()
        self.table.setRowCount(len(rows))
        for n, phrase in enumerate(rows):
            level = PHRASE_SEVERITIES.label(phrase.severity)
            if not phrase.active:
                level += self.tr("（停用）")
            kind = PHRASE_CATEGORIES.label(phrase.category) if phrase.category else ""
            for column, value in enumerate((phrase.phrase, kind, level, phrase.reason,
                                            phrase.suggestion)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                item.setData(Qt.ItemDataRole.UserRole, phrase.id)
                self.table.setItem(n, column, item)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 300))  # long patterns: tooltip

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
