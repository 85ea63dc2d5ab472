"""Windows: RegisterHotKey for the shortcut (Windows tells the thread with WM_HOTKEY, which
Qt's event loop hands to a native event filter), SendInput for Ctrl+V, and the foreground
window handle to go back to. The hot key counts as user input, so Windows lets us take and
give back the foreground.
"""
from __future__ import annotations

import ctypes
from ctypes import POINTER, Structure, Union, c_int, c_int32, c_size_t, c_uint16, c_uint32
from ctypes import sizeof, wintypes

from PySide6.QtCore import QAbstractNativeEventFilter, QCoreApplication, QObject

from desktop.global_keys import GlobalKeys
from desktop.global_keys.key_names import KeyChoice

MOD_ALT, MOD_CONTROL, MOD_SHIFT, MOD_WIN, MOD_NOREPEAT = 0x1, 0x2, 0x4, 0x8, 0x4000
WM_HOTKEY = 0x0312
HOTKEY_ID = 0x4B44  # "KD"; any id is ours alone within the thread
ERROR_HOTKEY_ALREADY_REGISTERED = 1409
INPUT_KEYBOARD, KEYEVENTF_KEYUP = 1, 0x2
VK_CONTROL, VK_V, VK_SPACE, VK_F1 = 0x11, 0x56, 0x20, 0x70
SW_RESTORE = 9


# Fixed-width types (DWORD is 32 bits, ULONG_PTR pointer-sized): SendInput rejects an INPUT
# of the wrong size (40 bytes on 64-bit Windows), and the size can be checked on any system.
class KEYBDINPUT(Structure):
    _fields_ = [("wVk", c_uint16), ("wScan", c_uint16), ("dwFlags", c_uint32),
                ("time", c_uint32), ("dwExtraInfo", c_size_t)]


class MOUSEINPUT(Structure):
    _fields_ = [("dx", c_int32), ("dy", c_int32), ("mouseData", c_uint32),
                ("dwFlags", c_uint32), ("time", c_uint32), ("dwExtraInfo", c_size_t)]


class HARDWAREINPUT(Structure):
    _fields_ = [("uMsg", c_uint32), ("wParamL", c_uint16), ("wParamH", c_uint16)]


class _INPUTUNION(Union):
    _fields_ = [("ki", KEYBDINPUT), ("mi", MOUSEINPUT), ("hi", HARDWAREINPUT)]


class INPUT(Structure):
    _fields_ = [("type", c_uint32), ("u", _INPUTUNION)]


def virtual_key(choice: KeyChoice) -> int:
    if choice.key == "space":
        return VK_SPACE
    if choice.key.startswith("F"):
        return VK_F1 + int(choice.key[1:]) - 1
    return ord(choice.key.upper())  # letters and digits are their ASCII capitals


class _HotKeyFilter(QAbstractNativeEventFilter):
    def __init__(self, keys: WindowsKeys):
        super().__init__()
        self._keys = keys

    def nativeEventFilter(self, event_type, message):
        # A hot key's WM_HOTKEY is a thread message: Qt's dispatcher passes it as
        # "windows_dispatcher_MSG" (window messages come as "windows_generic_MSG").
        if bytes(event_type) in (b"windows_dispatcher_MSG", b"windows_generic_MSG"):
            msg = wintypes.MSG.from_address(int(message))
            if msg.message == WM_HOTKEY and msg.wParam == HOTKEY_ID:
                self._keys.pressed.emit()
                return True, 0
        return False, 0


class WindowsKeys(GlobalKeys):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._user32 = user32 = ctypes.WinDLL("user32", use_last_error=True)
        user32.RegisterHotKey.argtypes = [wintypes.HWND, c_int, wintypes.UINT, wintypes.UINT]
        user32.RegisterHotKey.restype = wintypes.BOOL
        user32.UnregisterHotKey.argtypes = [wintypes.HWND, c_int]
        user32.GetForegroundWindow.restype = wintypes.HWND
        user32.SetForegroundWindow.argtypes = [wintypes.HWND]
        user32.IsIconic.argtypes = [wintypes.HWND]
        user32.ShowWindow.argtypes = [wintypes.HWND, c_int]
        user32.IsWindow.argtypes = [wintypes.HWND]
        user32.SendInput.argtypes = [wintypes.UINT, POINTER(INPUT), c_int]
        user32.SendInput.restype = wintypes.UINT
        self._registered = False
        self._filter = _HotKeyFilter(self)
        QCoreApplication.instance().installNativeEventFilter(self._filter)

    def register(self, choice: KeyChoice) -> str | None:
        self.unregister()
        modifiers = (MOD_NOREPEAT | (MOD_CONTROL if choice.ctrl else 0)
                     | (MOD_ALT if choice.alt else 0) | (MOD_SHIFT if choice.shift else 0)
                     | (MOD_WIN if choice.meta else 0))
        # hWnd None: WM_HOTKEY goes to this (the GUI) thread's queue, where Qt reads it.
        if not self._user32.RegisterHotKey(None, HOTKEY_ID, modifiers, virtual_key(choice)):
            if ctypes.get_last_error() == ERROR_HOTKEY_ALREADY_REGISTERED:
                return QCoreApplication.translate(
                    "GlobalKeys", "%1 已被其他程序占用，请换一个组合").replace("%1", choice.text)
            return QCoreApplication.translate(
                "GlobalKeys", "Windows 拒绝了快捷键 %1").replace("%1", choice.text)
        self._registered = True
        return None

    def unregister(self) -> None:
        if self._registered:
            self._user32.UnregisterHotKey(None, HOTKEY_ID)
            self._registered = False

    def front_window(self):
        return self._user32.GetForegroundWindow() or None

    def activate(self, window) -> None:
        if not self._user32.IsWindow(window):
            return
        if self._user32.IsIconic(window):
            self._user32.ShowWindow(window, SW_RESTORE)
        self._user32.SetForegroundWindow(window)

    def take_focus(self, window_id: int) -> None:
        self._user32.SetForegroundWindow(window_id)

    def is_front(self, window) -> bool:
        return self._user32.GetForegroundWindow() == window

    def send_paste(self) -> None:
        strokes = [(VK_CONTROL, 0), (VK_V, 0), (VK_V, KEYEVENTF_KEYUP),
                   (VK_CONTROL, KEYEVENTF_KEYUP)]
        inputs = (INPUT * len(strokes))()
        for item, (key, flags) in zip(inputs, strokes):
            item.type = INPUT_KEYBOARD
            item.u.ki = KEYBDINPUT(key, 0, flags, 0, 0)
        self._user32.SendInput(len(strokes), inputs, sizeof(INPUT))
