"""Ask for what a snippet cannot fill by itself before it is copied.

`{输入:快递单号}` fields, placeholders without a value (no customer chosen, a case with no
order on file) and unknown placeholders are all listed (db.snippets.asks decides which, and
why); nothing is copied until each has a value.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from db.snippets.asks import Ask


class FillDialog(QDialog):
    def __init__(self, fields: list[Ask], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("补充短语内容"))
        self.fields = fields
        self.edits: list[QLineEdit] = []
        intro = QLabel(self.tr("这条短语还缺少下面的内容，填好后再复制："))
        intro.setWordWrap(True)
        form = QFormLayout()
        for field in fields:
            edit = QLineEdit()
            edit.setObjectName(f"fill_{field.name}")
            edit.setPlaceholderText(field.hint())
            edit.setToolTip(field.hint())  # read in full where the box cuts it
            edit.textChanged.connect(self._update_ok)
            self.edits.append(edit)
            form.addRow(self._label(field), edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("复制"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._update_ok()

    def _label(self, field: Ask) -> str:
        if field.kind == "missing":
            return self.tr("%1（未自动填入）").replace("%1", field.label())
        if field.kind == "unknown":
            return self.tr("{%1}（未知占位符）").replace("%1", field.name)
        return field.name

    def values(self) -> dict[tuple[str, str], str]:
        return {(f.kind, f.name): e.text().strip() for f, e in zip(self.fields, self.edits)}

    def _update_ok(self) -> None:
        ready = all(e.text().strip() for e in self.edits)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)
