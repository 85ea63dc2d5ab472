"""Someone saved the same record while you were editing it: the fields side by side, choose.

Shown by the customer and case forms when their save raises a conflict (db/storage/conflicts.py).
Rows are the fields someone changed: those changed by one side only are already merged (green),
those changed by both need a choice (amber), and Save stays disabled until every one has one.
Cancel changes nothing: the form stays open with the user's edits.
"""
from __future__ import annotations

from typing import Any, Callable, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QRadioButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from db import clock
from db.errors import StaleEdit
from db.storage import conflicts
from db.storage.conflicts import Conflict, FieldChange

CONFLICT_BG = QColor("#fef3c7")  # amber: both changed it, choose
MERGED_BG = QColor("#dcfce7")  # green: merged automatically
SHOWN_CHARS = 160  # a long note is cut in the table; the tooltip holds all of it
COLUMN_FIELD, COLUMN_MINE, COLUMN_THEIRS, COLUMN_BASE = range(4)
T = TypeVar("T")


class ChoiceCell(QWidget):
    """A radio button with a wrapping value beside it; a click anywhere on it chooses it."""

    def __init__(self, text: str, detail: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.radio = QRadioButton()
        self.label = QLabel(text + (f"<br><small style='color:#6b7280'>{detail}</small>"
                                    if detail else ""))
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.radio, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.radio.setChecked(True)
        super().mousePressEvent(event)


class ConflictDialog(QDialog):
    def __init__(self, conflict: Conflict, field_names: dict[str, str],
                 shown: Callable[[str, Any], str], again: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.conflict = conflict
        self._shown = shown
        self._groups: dict[str, QButtonGroup] = {}
        self.setWindowTitle(self.tr("同时修改"))
        self.setMinimumSize(760, 360)

        who = next((f.who for f in conflict.fields if f.who), "") or self.tr("其他人")
        if again:
            intro = self.tr("你选择的时候，%1 又保存了一次。请再核对一遍下面的字段。")
        elif conflict.conflicts:
            intro = self.tr("在你编辑期间，%1 也保存了这条记录。只有一方改过的字段已经自动合并（绿色）；"
                            "两人都改了的字段（黄色）请选择保留哪一边。")
        else:
            intro = self.tr("在你编辑期间，%1 也保存了这条记录。双方改的是不同的字段，已经自动合并（绿色），"
                            "请确认后保存。")
        heading = QLabel(intro.replace("%1", who))
        heading.setWordWrap(True)

        self.table = QTableWidget(len(conflict.fields), 4)
        self.table.setObjectName("conflictTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("字段"), self.tr("你的修改"), self.tr("对方的修改"), self.tr("原来")])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COLUMN_FIELD, QHeaderView.ResizeMode.ResizeToContents)
        for column in (COLUMN_MINE, COLUMN_THEIRS, COLUMN_BASE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for row, change in enumerate(conflict.fields):
            self._add_row(row, change, field_names.get(change.field, change.field))
        self.table.resizeRowsToContents()
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the radios take the keyboard

        self.all_mine = QPushButton(self.tr("全部用我的"))
        self.all_theirs = QPushButton(self.tr("全部用对方的"))
        self.all_mine.clicked.connect(lambda: self._choose_all(conflicts.MINE))
        self.all_theirs.clicked.connect(lambda: self._choose_all(conflicts.THEIRS))
        self.pending = QLabel()
        self.pending.setObjectName("formError")
        choose_row = QHBoxLayout()
        choose_row.addWidget(self.all_mine)
        choose_row.addWidget(self.all_theirs)
        choose_row.addStretch(1)
        choose_row.addWidget(self.pending)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存合并结果"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("取消（回到编辑）"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(choose_row)
        layout.addWidget(self.buttons)
        self._update_pending()
        self.resize(880, min(640, 200 + 64 * len(conflict.fields)))

    # --- rows ---------------------------------------------------------------------------
    def _add_row(self, row: int, change: FieldChange, name: str) -> None:
        status = {
            conflicts.CONFLICT: self.tr("⚠ 两人都改了，请选择"),
            conflicts.MINE: self.tr("✓ 只有你改了，已合并"),
            conflicts.THEIRS: self.tr("✓ 只有对方改了，已合并"),
            conflicts.MERGED: self.tr("✓ 两边的修改都已保留：%1"),
        }[change.state].replace("%1", self._text(change.field, change.merged)[0])
        label = QTableWidgetItem(f"{name}\n{status}")
        label.setData(Qt.ItemDataRole.UserRole, change.field)
        background = CONFLICT_BG if change.state == conflicts.CONFLICT else MERGED_BG
        label.setBackground(background)
        self.table.setItem(row, COLUMN_FIELD, label)

        when = clock.to_local(change.when).strftime("%m-%d %H:%M") if change.when else ""
        who = " · ".join(p for p in (change.who, when) if p)
        group = QButtonGroup(self)
        for column, side, value, detail in ((COLUMN_MINE, conflicts.MINE, change.mine, ""),
                                            (COLUMN_THEIRS, conflicts.THEIRS, change.theirs, who)):
            text, full = self._text(change.field, value)
            cell = ChoiceCell(_escape(text), _escape(detail))
            cell.setToolTip(full)
            cell.setObjectName(f"{change.field}:{side}")
            under = QTableWidgetItem()  # the colour shows through the transparent cell
            under.setBackground(background)
            self.table.setItem(row, column, under)
            group.addButton(cell.radio)
            cell.radio.setProperty("side", side)
            self.table.setCellWidget(row, column, cell)
        # An undecided conflict has no side checked yet: Save waits for a choice.
        choice = change.default_choice if change.state != conflicts.CONFLICT else None
        for button in group.buttons():
            button.setChecked(button.property("side") == choice)
        group.buttonToggled.connect(lambda _b, _on: self._update_pending())
        self._groups[change.field] = group
        text, full = self._text(change.field, change.base)
        base = QTableWidgetItem(text)
        base.setToolTip(full)
        base.setBackground(background)
        self.table.setItem(row, COLUMN_BASE, base)

    def _text(self, field: str, value: Any) -> tuple[str, str]:
        full = self._shown(field, value) or self.tr("（空）")
        short = " ".join(full.split())
        return (short[:SHOWN_CHARS] + "…" if len(short) > SHOWN_CHARS else short), full

    # --- choosing -----------------------------------------------------------------------
    def choose(self, field: str, side: str) -> None:
        for button in self._groups[field].buttons():
            if button.property("side") == side:
                button.setChecked(True)

    def _choose_all(self, side: str) -> None:
        for field in self._groups:
            self.choose(field, side)

    def choices(self) -> dict[str, str]:
        """field → "mine"/"theirs" for every row with a side checked (a MERGED row left
        alone keeps both sides' changes)."""
        out = {}
        for field, group in self._groups.items():
            checked = group.checkedButton()
            if checked is not None:
                out[field] = checked.property("side")
        return out

    def _update_pending(self) -> None:
        left = [f for f in self.conflict.conflicts if f.field not in self.choices()]
        self.pending.setText(self.tr("还有 %1 处需要选择").replace("%1", str(len(left)))
                             if left else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not left)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def resolve(parent: QWidget, conflict: Conflict, field_names: dict[str, str],
            shown: Callable[[str, Any], str],
            save: Callable[[Conflict, dict[str, str]], T]) -> T | None:
    """Ask, then save the choices; a third save meanwhile (StaleEdit carrying a new
    .conflict) asks again. None when the user cancels: nothing is written."""
    again = False
    while True:
        dialog = ConflictDialog(conflict, field_names, shown, again, parent)
        if not dialog.exec():
            return None
        try:
            return save(conflict, dialog.choices())
        except StaleEdit as exc:
            if exc.conflict is None:
                raise
            conflict, again = exc.conflict, True
