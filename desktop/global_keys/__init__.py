"""System-wide keys: a shortcut that works while another program has focus, and the paste
keystroke sent back to that program. One small seam, one module per system (see
docs/architecture.md, "The palette over the chat program"):

- Windows: RegisterHotKey + SendInput (windows.py)
- macOS: Carbon hot keys + CGEvent, Accessibility permission checked (macos.py)
- Linux on X11: XGrabKey + XTest (x11.py); Wayland allows neither, so only copying works.

Everything goes through ctypes to the system's own libraries: nothing to install, nothing for
PyInstaller to miss, and the shortcut is taken by us alone (a keyboard hook would let it
reach the chat program too).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QGuiApplication

from desktop.global_keys.key_names import KeyChoice, parse


def load_library(name: str) -> ctypes.CDLL:
    """A system library (X11, Xtst; macOS frameworks) by its short name, or a translated error."""
    path = ctypes.util.find_library(name)
    if path is None:
        raise OSError(QCoreApplication.translate(
            "GlobalKeys", "找不到系统库 %1").replace("%1", name))
    return ctypes.CDLL(path)


class GlobalKeys(QObject):
    """What every system's module provides. `window` values are opaque handles."""

    pressed = Signal()  # the shortcut, pressed anywhere

    unavailable: str | None = None  # why nothing works here (None when it does)

    def register(self, choice: KeyChoice) -> str | None:
        """Take the shortcut; an explanation when the system refuses it (taken elsewhere)."""
        raise NotImplementedError

    def unregister(self) -> None:
        raise NotImplementedError

    def paste_blocked(self) -> str | None:
        """Why the paste keystroke cannot be sent now (a permission), or None."""
        return None

    def front_window(self):
        """The window in front now (the chat program's), or None."""
        raise NotImplementedError

    def activate(self, window) -> None:
        """Give the keyboard back to that window."""
        raise NotImplementedError

    def take_focus(self, window_id: int) -> None:
        """Our palette (its native window id) takes the keyboard from the chat program, which
        window managers' focus-stealing rules may otherwise refuse after a global key."""

    def join_every_space(self, window_id: int) -> None:
        """Let our palette (its native window id) show over a chat program in full screen,
        where the system keeps full-screen programs in a space of their own (macOS)."""

    def is_front(self, window) -> bool:
        raise NotImplementedError

    def has_keyboard(self, window_id: int) -> bool:
        """Our palette (its native window id) has the keyboard now."""
        return self.is_front(window_id)

    def send_paste(self) -> None:
        """The system's paste keystroke (Ctrl+V, ⌘V) to the window in front."""
        raise NotImplementedError


class Unavailable(GlobalKeys):
    def __init__(self, reason: str, parent: QObject | None = None):
        super().__init__(parent)
        self.unavailable = reason

    def register(self, choice: KeyChoice) -> str | None:
        return self.unavailable

    def unregister(self) -> None:
        pass

    def paste_blocked(self) -> str | None:
        return self.unavailable

    def front_window(self):
        return None

    def is_front(self, window) -> bool:
        return False

    def take_focus(self, window_id: int) -> None:
        pass


def for_this_system(parent: QObject | None = None) -> GlobalKeys:
    platform = QGuiApplication.platformName()
    try:
        if sys.platform == "win32":
            from desktop.global_keys.windows import WindowsKeys  # noqa: PLC0415
            return WindowsKeys(parent)
        if sys.platform == "darwin":
            from desktop.global_keys.macos import MacKeys  # noqa: PLC0415
            return MacKeys(parent)
        if platform == "wayland" or (os.environ.get("WAYLAND_DISPLAY")
                                     and platform != "xcb"):
            return Unavailable(QCoreApplication.translate(
                "GlobalKeys", "Wayland 桌面不允许程序使用全局快捷键或向其他程序发送按键：只能复制"),
                parent)
        if platform == "xcb":
            from desktop.global_keys.x11 import X11Keys  # noqa: PLC0415
            return X11Keys(parent)
    except OSError as exc:  # a system library missing or refusing
        return Unavailable(QCoreApplication.translate(
            "GlobalKeys", "无法使用全局快捷键：%1").replace("%1", str(exc)), parent)
    return Unavailable(QCoreApplication.translate(
        "GlobalKeys", "此显示环境不支持全局快捷键：只能复制"), parent)


__all__ = ["GlobalKeys", "KeyChoice", "Unavailable", "for_this_system", "parse"]
