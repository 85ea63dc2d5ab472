"""How the quick palette's window behaves on each system: beside the chat program, on top,
without taking the keyboard away from it.

- macOS: a Qt.Tool window is an NSPanel, which macOS hides whenever its app is inactive, i.e.
  the moment the chat program is clicked. WA_MacAlwaysShowToolWindow keeps it up.
- Windows: shown from the tray (or a future system-wide hotkey) it must not steal the focus
  from the chat window: shown without activating; a click on it activates it as usual, so
  typing in its search box still works.
- Linux (X11/Wayland): a tool window on top stays visible; shown quietly as on Windows.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass

from PySide6.QtCore import Qt


@dataclass(frozen=True)
class PaletteWindow:
    flags: Qt.WindowType
    attributes: tuple[Qt.WidgetAttribute, ...]  # set once, when the palette is built
    quiet_show: bool  # shown from the tray, it leaves the keyboard where it is


def palette_window(platform: str = sys.platform) -> PaletteWindow:
    flags = Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint
    if platform == "darwin":
        return PaletteWindow(flags, (Qt.WidgetAttribute.WA_MacAlwaysShowToolWindow,),
                             quiet_show=False)
    return PaletteWindow(flags, (), quiet_show=True)
