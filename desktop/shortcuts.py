"""Keys as each system names and reaches them.

Qt maps "Ctrl" to ⌘ on macOS, so hints are written from the key sequence in the system's own
words (⇧⌘N on a Mac, Ctrl+Shift+N elsewhere), never typed as text. F2 needs Fn on a Mac
laptop (it is the brightness key): there the palette's first key is ⇧⌘P instead.
"""
from __future__ import annotations

import sys

from PySide6.QtGui import QAction, QKeySequence

# Names, not QKeySequence objects: a standard key is looked up in the platform's theme, which
# exists only once the QApplication does.
NEW_CUSTOMER = QKeySequence.StandardKey.New
NEW_CASE = "Ctrl+Shift+N"
UNDO = QKeySequence.StandardKey.Undo


def palette_keys(platform: str = sys.platform) -> list[QKeySequence]:
    """The quick palette's keys, the one shown in hints first."""
    names = ["Ctrl+Shift+P", "Ctrl+Shift+Space", "F2"] if platform == "darwin" \
        else ["F2", "Ctrl+Shift+Space"]
    return [QKeySequence(name) for name in names]


def hint(keys: QKeySequence | QKeySequence.StandardKey | str) -> str:
    """A key sequence as this system writes it, for labels and messages."""
    sequence = keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


# macOS moves menu entries by their text unless told (with Qt's Chinese translation, View →
# 设置 moved into the application menu): every menu-bar action says its role.
SPECIAL_ROLES = {"preferences": QAction.MenuRole.PreferencesRole,
                 "about": QAction.MenuRole.AboutRole, "quit": QAction.MenuRole.QuitRole}


def set_menu_roles(actions: list[QAction], special: dict[str, QAction]) -> None:
    for action in actions:
        action.setMenuRole(QAction.MenuRole.NoRole)
    for kind, action in special.items():
        action.setMenuRole(SPECIAL_ROLES[kind])
