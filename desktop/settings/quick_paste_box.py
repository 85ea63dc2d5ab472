"""设置 → 快捷面板: the system-wide shortcut, paste or copy only, and (macOS) the
Accessibility permission that sending the paste keystroke needs."""
from __future__ import annotations

import sys

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QKeySequenceEdit, QLabel, QPushButton,
    QWidget,
)

from desktop.snippets.quick_paste import QuickPaste

ACCESSIBILITY_PANE = ("x-apple.systempreferences:com.apple.preference.security"
                      "?Privacy_Accessibility")


class QuickPasteBox(QGroupBox):
    def __init__(self, quick_paste: QuickPaste, parent: QWidget | None = None):
        super().__init__(self.tr("快捷面板（在聊天程序里用）"), parent)
        self._quick = quick_paste
        self.key = QKeySequenceEdit(QKeySequence(quick_paste.shortcut))
        self.key.setMaximumSequenceLength(1)
        self.key.editingFinished.connect(self._key_chosen)
        self.copy_only = QCheckBox(self.tr("回车只复制，不自动粘贴到聊天窗口"))
        self.copy_only.setChecked(quick_paste.copy_only)
        self.copy_only.toggled.connect(quick_paste.set_copy_only)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setObjectName("muted")
        self.permission = QPushButton(self.tr("打开“辅助功能”设置"))
        self.permission.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl(ACCESSIBILITY_PANE)))
        self.permission.setVisible(sys.platform == "darwin")
        recheck = QPushButton(self.tr("重新检查"))
        recheck.clicked.connect(self.show_state)
        recheck.setVisible(sys.platform == "darwin")
        buttons = QHBoxLayout()
        buttons.addWidget(self.permission)
        buttons.addWidget(recheck)
        buttons.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("全局快捷键"), self.key)
        form.addRow("", self.copy_only)
        form.addRow("", self.state)
        form.addRow("", buttons)
        quick_paste.state_changed.connect(self.show_state)
        self.show_state()

    def _key_chosen(self) -> None:
        portable = self.key.keySequence().toString(QKeySequence.SequenceFormat.PortableText)
        if not portable or portable == self._quick.shortcut:
            return
        problem = self._quick.set_shortcut(portable)
        if problem is not None:
            self.key.setKeySequence(QKeySequence(self._quick.shortcut))
            self.state.setText(problem)

    def show_state(self) -> None:
        hint = QKeySequence(self._quick.shortcut).toString(QKeySequence.SequenceFormat.NativeText)
        if self._quick.keys.unavailable:
            text = self._quick.keys.unavailable
        elif self._quick.problem:
            text = self._quick.problem
        else:
            blocked = self._quick.paste_blocked()
            text = self.tr("在任何程序里按 %1 打开快捷面板；回车把回复粘贴到原来的聊天窗口，"
                           "剪贴板随后恢复原样。").replace("%1", hint) if blocked is None \
                else self.tr("在任何程序里按 %1 打开快捷面板。%2").replace("%1", hint) \
                .replace("%2", blocked)
        self.state.setText(text)
        self.permission.setVisible(sys.platform == "darwin" and not self._quick.copy_only
                                   and self._quick.keys.paste_blocked() is not None)
