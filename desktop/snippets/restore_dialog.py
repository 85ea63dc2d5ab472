"""短语 → 恢复默认短语: which language's defaults to add. Only missing ones are added; the
shop's edits and its own snippets stay as they are."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget,
)

from db.snippets import defaults as default_library

LANGUAGE_NAMES = {"zh": "中文", "en": "English"}  # each in its own language, as in 设置


class RestoreDefaultsDialog(QDialog):
    def __init__(self, ui_language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("恢复默认短语"))
        self.language = QComboBox()
        for code in default_library.LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(self.language.findData(default_library.family(ui_language)))
        note = QLabel(self.tr("只添加您的短语库里没有的默认短语：您改过的短语和自己写的短语"
                              "都保持不变，删除过的默认短语会回来。"))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("短语语言"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("恢复"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        # A wrapped label counts as one line in the window's size: claim all of its lines.
        note.setMinimumHeight(note.heightForWidth(420 - 2 * layout.contentsMargins().left()))

    def chosen(self) -> str:
        return self.language.currentData()
