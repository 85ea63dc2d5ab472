"""A shortcut as the systems see it: modifiers plus one key, read from Qt's portable text
("Ctrl+Alt+K"; on a Mac Qt's Ctrl is ⌘ and Meta is ⌃)."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

# 千牛 and 微信 take Ctrl+Alt+A / Alt+A (screenshot), Ctrl+Alt+W and Ctrl+Alt+Z (open the
# window), Ctrl+Alt+S / Ctrl+Alt+D in some versions; K (客服) is free in both.
DEFAULT = "Ctrl+Alt+K"


@dataclass(frozen=True)
class KeyChoice:
    ctrl: bool
    alt: bool
    shift: bool
    meta: bool
    key: str  # "k", "7", "F2", "space"

    @property
    def text(self) -> str:
        parts = [name for name, on in (("Ctrl", self.ctrl), ("Alt", self.alt),
                                       ("Shift", self.shift), ("Meta", self.meta)) if on]
        return "+".join(parts + [self.key.upper() if len(self.key) == 1 else self.key.title()])


def parse(portable: str) -> KeyChoice | None:
    """None when the text is not one key with modifiers that every system can register:
    a letter, digit or Space needs Ctrl, Alt or Meta; F1–F12 may stand alone."""
    sequence = QKeySequence(portable)
    if sequence.count() != 1:
        return None
    combination = sequence[0]
    modifiers = combination.keyboardModifiers()
    key = combination.key()
    name = None
    if Qt.Key.Key_A.value <= key.value <= Qt.Key.Key_Z.value \
            or Qt.Key.Key_0.value <= key.value <= Qt.Key.Key_9.value:
        name = chr(key.value).lower()
    elif Qt.Key.Key_F1.value <= key.value <= Qt.Key.Key_F12.value:
        name = f"F{key.value - Qt.Key.Key_F1.value + 1}"
    elif key == Qt.Key.Key_Space:
        name = "space"
    if name is None:
        return None
    choice = KeyChoice(
        ctrl=bool(modifiers & Qt.KeyboardModifier.ControlModifier),
        alt=bool(modifiers & Qt.KeyboardModifier.AltModifier),
        shift=bool(modifiers & Qt.KeyboardModifier.ShiftModifier),
        meta=bool(modifiers & Qt.KeyboardModifier.MetaModifier), key=name)
    if not name.startswith("F") and not (choice.ctrl or choice.alt or choice.meta):
        return None  # a plain letter would be taken from every program's typing
    return choice
