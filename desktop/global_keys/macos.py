"""macOS: a Carbon hot key for the shortcut (RegisterEventHotKey: no permission needed, and
the key is ours alone), CGEvent for ⌘V, NSWorkspace's frontmost application to go back to.

Sending a keystroke to another program needs the Accessibility permission
(AXIsProcessTrusted): until it is granted the palette only copies, and 设置 says why with a
button to the right pane of System Settings.
"""
from __future__ import annotations

import ctypes
import os
from ctypes import POINTER, Structure, byref, c_bool, c_char_p, c_int, c_int32, c_uint16
from ctypes import c_long, c_uint32, c_uint64, c_ulong, c_void_p

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from desktop.global_keys import GlobalKeys, load_library
from desktop.global_keys.key_names import KeyChoice

# Carbon modifier bits; Qt's Ctrl is ⌘ on a Mac and its Meta is ⌃.
CMD_KEY, SHIFT_KEY, OPTION_KEY, CONTROL_KEY = 1 << 8, 1 << 9, 1 << 11, 1 << 12
KEYBOARD_CLASS = int.from_bytes(b"keyb", "big")
HOT_KEY_PRESSED = 5
SIGNATURE = int.from_bytes(b"KfDk", "big")
COMMAND_FLAG = 1 << 20  # kCGEventFlagMaskCommand
HID_EVENT_TAP = 0
V_KEY = 9
ACTIVATE_IGNORING_OTHER_APPS = 1 << 1
# NSWindowCollectionBehavior: on every space, and allowed beside a full-screen window.
CAN_JOIN_ALL_SPACES, FULL_SCREEN_AUXILIARY = 1 << 0, 1 << 8
FLOATING_WINDOW_LEVEL = 3  # NSFloatingWindowLevel
# Virtual key codes of the ANSI layout (Events.h, kVK_ANSI_*): the same physical keys on
# every layout.
KEY_CODES = {
    "a": 0, "s": 1, "d": 2, "f": 3, "h": 4, "g": 5, "z": 6, "x": 7, "c": 8, "v": 9, "b": 11,
    "q": 12, "w": 13, "e": 14, "r": 15, "y": 16, "t": 17, "1": 18, "2": 19, "3": 20, "4": 21,
    "6": 22, "5": 23, "9": 25, "7": 26, "8": 28, "0": 29, "o": 31, "u": 32, "i": 34, "p": 35,
    "l": 37, "j": 38, "k": 40, "n": 45, "m": 46, "space": 49,
    "F1": 122, "F2": 120, "F3": 99, "F4": 118, "F5": 96, "F6": 97, "F7": 98, "F8": 100,
    "F9": 101, "F10": 109, "F11": 103, "F12": 111,
}


class EventHotKeyID(Structure):
    _fields_ = [("signature", c_uint32), ("id", c_uint32)]


class EventTypeSpec(Structure):
    _fields_ = [("eventClass", c_uint32), ("eventKind", c_uint32)]


HANDLER = ctypes.CFUNCTYPE(c_int32, c_void_p, c_void_p, c_void_p)



class _ObjC:
    """Just enough of the Objective-C runtime for NSWorkspace and NSRunningApplication."""

    def __init__(self) -> None:
        self._lib = lib = load_library("objc")
        load_library("AppKit")  # loads the classes
        lib.objc_getClass.restype = c_void_p
        lib.objc_getClass.argtypes = [c_char_p]
        lib.sel_registerName.restype = c_void_p
        lib.sel_registerName.argtypes = [c_char_p]

    def send(self, restype, target, selector: str, *args, argtypes=()):
        # objc_msgSend must be called with the exact signature (arm64): one prototype per use.
        address = ctypes.cast(self._lib.objc_msgSend, c_void_p).value
        function = ctypes.CFUNCTYPE(restype, c_void_p, c_void_p, *argtypes)(address)
        return function(target, self._lib.sel_registerName(selector.encode()), *args)

    def cls(self, name: str):
        return self._lib.objc_getClass(name.encode())


class MacKeys(GlobalKeys):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._carbon = carbon = load_library("Carbon")
        self._services = services = load_library("ApplicationServices")
        self._foundation = load_library("CoreFoundation")
        self._objc = _ObjC()
        carbon.GetApplicationEventTarget.restype = c_void_p
        carbon.InstallEventHandler.argtypes = [c_void_p, HANDLER, c_ulong,
                                               POINTER(EventTypeSpec), c_void_p,
                                               POINTER(c_void_p)]
        carbon.RegisterEventHotKey.argtypes = [c_uint32, c_uint32, EventHotKeyID, c_void_p,
                                               c_uint32, POINTER(c_void_p)]
        carbon.UnregisterEventHotKey.argtypes = [c_void_p]
        services.AXIsProcessTrusted.restype = c_bool
        services.CGEventCreateKeyboardEvent.restype = c_void_p
        services.CGEventCreateKeyboardEvent.argtypes = [c_void_p, c_uint16, c_bool]
        services.CGEventSetFlags.argtypes = [c_void_p, c_uint64]
        services.CGEventPost.argtypes = [c_uint32, c_void_p]
        self._foundation.CFRelease.argtypes = [c_void_p]
        self._hot_key = c_void_p()
        # Kept on self: Carbon calls it for as long as the app runs.
        self._handler = HANDLER(self._on_hot_key)
        spec = EventTypeSpec(KEYBOARD_CLASS, HOT_KEY_PRESSED)
        handler_ref = c_void_p()
        status = carbon.InstallEventHandler(carbon.GetApplicationEventTarget(), self._handler,
                                            1, byref(spec), None, byref(handler_ref))
        if status != 0:
            raise OSError(QCoreApplication.translate(
                "GlobalKeys", "macOS 拒绝了快捷键（错误 %1）").replace("%1", str(status)))

    def _on_hot_key(self, _call, _event, _data) -> int:
        QTimer.singleShot(0, self.pressed.emit)  # leave Carbon's callback first
        return 0

    def register(self, choice: KeyChoice) -> str | None:
        self.unregister()
        code = KEY_CODES.get(choice.key)
        if code is None:
            return QCoreApplication.translate(
                "GlobalKeys", "Mac 键盘上不能用这个键：%1").replace("%1", choice.text)
        modifiers = ((CMD_KEY if choice.ctrl else 0) | (OPTION_KEY if choice.alt else 0)
                     | (SHIFT_KEY if choice.shift else 0) | (CONTROL_KEY if choice.meta else 0))
        reference = c_void_p()
        status = self._carbon.RegisterEventHotKey(
            code, modifiers, EventHotKeyID(SIGNATURE, 1),
            self._carbon.GetApplicationEventTarget(), 0, byref(reference))
        if status != 0:  # eventHotKeyExistsErr (-9878): another app has it
            return QCoreApplication.translate(
                "GlobalKeys", "%1 已被其他程序占用，请换一个组合").replace("%1", choice.text)
        self._hot_key = reference
        return None

    def unregister(self) -> None:
        if self._hot_key:
            self._carbon.UnregisterEventHotKey(self._hot_key)
            self._hot_key = c_void_p()

    def paste_blocked(self) -> str | None:
        if self._services.AXIsProcessTrusted():
            return None
        return QCoreApplication.translate(
            "GlobalKeys", "macOS 需要“辅助功能”权限才能替你按 ⌘V：在“系统设置 → 隐私与安全性 → "
                   "辅助功能”里允许客服台；在此之前回车只复制。")

    def _frontmost(self):
        workspace = self._objc.send(c_void_p, self._objc.cls("NSWorkspace"), "sharedWorkspace")
        return self._objc.send(c_void_p, workspace, "frontmostApplication")

    def _pid(self, app) -> int:
        return self._objc.send(c_int, app, "processIdentifier")

    def front_window(self):
        app = self._frontmost()
        if not app or self._pid(app) == os.getpid():
            return None
        return self._pid(app)  # a process id: the application is looked up again to activate

    def activate(self, window) -> None:
        running = self._objc.send(
            c_void_p, self._objc.cls("NSRunningApplication"),
            "runningApplicationWithProcessIdentifier:", window, argtypes=(c_int,))
        if running:
            self._objc.send(c_bool, running, "activateWithOptions:",
                            ACTIVATE_IGNORING_OTHER_APPS, argtypes=(c_ulong,))

    def take_focus(self, window_id: int) -> None:
        application = self._objc.send(c_void_p, self._objc.cls("NSApplication"),
                                      "sharedApplication")
        self._objc.send(None, application, "activateIgnoringOtherApps:", True,
                        argtypes=(c_bool,))

    def _panel(self, window_id: int):
        # A QWidget's winId() on macOS is its NSView; the panel is the view's window.
        return self._objc.send(c_void_p, window_id, "window")

    def join_every_space(self, window_id: int) -> None:
        window = self._panel(window_id)
        if not window:
            return
        behaviour = self._objc.send(c_ulong, window, "collectionBehavior")
        self._objc.send(None, window, "setCollectionBehavior:",
                        behaviour | CAN_JOIN_ALL_SPACES | FULL_SCREEN_AUXILIARY,
                        argtypes=(c_ulong,))
        self._objc.send(None, window, "setLevel:", FLOATING_WINDOW_LEVEL, argtypes=(c_long,))

    def collection_behaviour(self, window_id: int) -> int:
        """The panel's NSWindowCollectionBehavior (read back by the tests)."""
        window = self._panel(window_id)
        return self._objc.send(c_ulong, window, "collectionBehavior") if window else 0

    def has_keyboard(self, window_id: int) -> bool:
        app = self._frontmost()
        return bool(app) and self._pid(app) == os.getpid()

    def is_front(self, window) -> bool:
        app = self._frontmost()
        return bool(app) and self._pid(app) == window

    def send_paste(self) -> None:
        for down in (True, False):
            event = self._services.CGEventCreateKeyboardEvent(None, V_KEY, down)
            self._services.CGEventSetFlags(event, COMMAND_FLAG)
            self._services.CGEventPost(HID_EVENT_TAP, event)
            self._foundation.CFRelease(event)
