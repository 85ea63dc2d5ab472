"""X11: XGrabKey on the root window for the shortcut, XTest for the paste keystroke, and
_NET_ACTIVE_WINDOW (the window manager's record) for the window in front.

A connection of our own (Qt's is xcb and private); its events are read on the main thread
when its socket has data, so no thread and no locking.
"""
from __future__ import annotations

import ctypes
from ctypes import POINTER, Structure, Union, byref, c_char_p, c_int, c_long, c_ubyte, c_uint
from ctypes import c_ulong, c_void_p

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer

from desktop.global_keys import GlobalKeys, load_library
from desktop.global_keys.key_names import KeyChoice

SHIFT, LOCK, CONTROL, MOD1, MOD2, MOD4 = 1, 2, 4, 8, 16, 64  # MOD1 = Alt, MOD2 = NumLock
KEY_PRESS, CLIENT_MESSAGE = 2, 33
BAD_ACCESS = 10
SUBSTRUCTURE_NOTIFY, SUBSTRUCTURE_REDIRECT = 1 << 19, 1 << 20
XA_WINDOW = 33
REVERT_TO_PARENT = 2


class XKeyEvent(Structure):
    _fields_ = [("type", c_int), ("serial", c_ulong), ("send_event", c_int),
                ("display", c_void_p), ("window", c_ulong), ("root", c_ulong),
                ("subwindow", c_ulong), ("time", c_ulong), ("x", c_int), ("y", c_int),
                ("x_root", c_int), ("y_root", c_int), ("state", c_uint), ("keycode", c_uint),
                ("same_screen", c_int)]


class XClientMessageEvent(Structure):
    _fields_ = [("type", c_int), ("serial", c_ulong), ("send_event", c_int),
                ("display", c_void_p), ("window", c_ulong), ("message_type", c_ulong),
                ("format", c_int), ("data", c_long * 5)]


class XEvent(Union):
    _fields_ = [("type", c_int), ("xkey", XKeyEvent), ("xclient", XClientMessageEvent),
                ("pad", c_long * 24)]


class XErrorEvent(Structure):
    _fields_ = [("type", c_int), ("display", c_void_p), ("resourceid", c_ulong),
                ("serial", c_ulong), ("error_code", c_ubyte), ("request_code", c_ubyte),
                ("minor_code", c_ubyte)]


ERROR_HANDLER = ctypes.CFUNCTYPE(c_int, c_void_p, POINTER(XErrorEvent))



class X11Keys(GlobalKeys):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._x = x = load_library("X11")
        self._xtest = load_library("Xtst")
        x.XOpenDisplay.restype = c_void_p
        x.XOpenDisplay.argtypes = [c_char_p]
        x.XDefaultRootWindow.restype = c_ulong
        x.XDefaultRootWindow.argtypes = [c_void_p]
        x.XConnectionNumber.argtypes = [c_void_p]
        x.XStringToKeysym.restype = c_ulong
        x.XStringToKeysym.argtypes = [c_char_p]
        x.XKeysymToKeycode.restype = c_ubyte
        x.XKeysymToKeycode.argtypes = [c_void_p, c_ulong]
        x.XGrabKey.argtypes = [c_void_p, c_int, c_uint, c_ulong, c_int, c_int, c_int]
        x.XUngrabKey.argtypes = [c_void_p, c_int, c_uint, c_ulong]
        x.XSync.argtypes = [c_void_p, c_int]
        x.XFlush.argtypes = [c_void_p]
        x.XPending.argtypes = [c_void_p]
        x.XNextEvent.argtypes = [c_void_p, POINTER(XEvent)]
        x.XInternAtom.restype = c_ulong
        x.XInternAtom.argtypes = [c_void_p, c_char_p, c_int]
        x.XGetWindowProperty.argtypes = [
            c_void_p, c_ulong, c_ulong, c_long, c_long, c_int, c_ulong, POINTER(c_ulong),
            POINTER(c_int), POINTER(c_ulong), POINTER(c_ulong), POINTER(c_void_p)]
        x.XFree.argtypes = [c_void_p]
        x.XSendEvent.argtypes = [c_void_p, c_ulong, c_int, c_long, POINTER(XEvent)]
        x.XSetInputFocus.argtypes = [c_void_p, c_ulong, c_int, c_ulong]
        x.XGetInputFocus.argtypes = [c_void_p, POINTER(c_ulong), POINTER(c_int)]
        x.XQueryTree.argtypes = [c_void_p, c_ulong, POINTER(c_ulong), POINTER(c_ulong),
                                 POINTER(c_void_p), POINTER(c_uint)]
        x.XSetErrorHandler.restype = c_void_p
        x.XSetErrorHandler.argtypes = [ERROR_HANDLER]
        self._xtest.XTestFakeKeyEvent.argtypes = [c_void_p, c_uint, c_int, c_ulong]
        self._display = x.XOpenDisplay(None)
        if not self._display:
            raise OSError(QCoreApplication.translate("GlobalKeys", "无法连接 X 显示服务器"))
        self._root = x.XDefaultRootWindow(self._display)
        self._errors: list[int] = []
        # Xlib's default handler ends the process on any error (a window that closed in the
        # meantime): keep the code and carry on.
        self._handler = ERROR_HANDLER(self._on_error)
        x.XSetErrorHandler(self._handler)
        self._active_atom = x.XInternAtom(self._display, b"_NET_ACTIVE_WINDOW", 0)
        self._grabbed: tuple[int, int] | None = None
        self._notifier = QSocketNotifier(x.XConnectionNumber(self._display),
                                         QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read_events)
        # A round trip (XSync, XGetInputFocus...) may read a key event into Xlib's queue
        # without the socket signalling again: look at the queue once the caller is done.
        self._drain = QTimer(self)
        self._drain.setSingleShot(True)
        self._drain.setInterval(0)
        self._drain.timeout.connect(self._read_events)

    def _on_error(self, _display, event) -> int:
        self._errors.append(event.contents.error_code)
        return 0

    def _keycode(self, keysym_name: str) -> int:
        return self._x.XKeysymToKeycode(
            self._display, self._x.XStringToKeysym(keysym_name.encode()))

    # --- the shortcut -----------------------------------------------------------------
    def register(self, choice: KeyChoice) -> str | None:
        self.unregister()
        keycode = self._keycode(choice.key)
        if not keycode:
            return QCoreApplication.translate(
                "GlobalKeys", "键盘上没有这个键：%1").replace("%1", choice.text)
        modifiers = ((CONTROL if choice.ctrl else 0) | (MOD1 if choice.alt else 0)
                     | (SHIFT if choice.shift else 0) | (MOD4 if choice.meta else 0))
        self._errors.clear()
        for extra in (0, LOCK, MOD2, LOCK | MOD2):  # with Caps Lock / Num Lock on as well
            self._x.XGrabKey(self._display, keycode, modifiers | extra, self._root, 1, 1, 1)
        self._x.XSync(self._display, 0)
        self._drain.start()
        if BAD_ACCESS in self._errors:
            self._ungrab(keycode, modifiers)
            return QCoreApplication.translate(
                "GlobalKeys", "%1 已被其他程序占用，请换一个组合").replace("%1", choice.text)
        self._grabbed = (keycode, modifiers)
        return None

    def unregister(self) -> None:
        if self._grabbed is not None:
            self._ungrab(*self._grabbed)
            self._grabbed = None

    def _ungrab(self, keycode: int, modifiers: int) -> None:
        for extra in (0, LOCK, MOD2, LOCK | MOD2):
            self._x.XUngrabKey(self._display, keycode, modifiers | extra, self._root)
        self._x.XSync(self._display, 0)

    def _read_events(self) -> None:
        event = XEvent()
        while self._x.XPending(self._display):
            self._x.XNextEvent(self._display, byref(event))
            if (event.type == KEY_PRESS and self._grabbed is not None
                    and event.xkey.keycode == self._grabbed[0]):
                self.pressed.emit()

    # --- the window in front, and the paste ---------------------------------------------
    def front_window(self):
        kind, fmt = c_ulong(), c_int()
        count, after, data = c_ulong(), c_ulong(), c_void_p()
        status = self._x.XGetWindowProperty(
            self._display, self._root, self._active_atom, 0, 1, 0, XA_WINDOW, byref(kind),
            byref(fmt), byref(count), byref(after), byref(data))
        self._drain.start()
        window = 0
        if status == 0 and data.value:
            if count.value:
                window = ctypes.cast(data, POINTER(c_ulong))[0]
            self._x.XFree(data)
        if not window:  # no window manager that keeps the record: whoever has the keyboard
            focus, revert = c_ulong(), c_int()
            self._x.XGetInputFocus(self._display, byref(focus), byref(revert))
            window = focus.value if focus.value > 1 else 0  # 0 None, 1 PointerRoot
        return window or None

    def activate(self, window) -> None:
        event = XEvent()
        event.xclient.type = CLIENT_MESSAGE
        event.xclient.window = window
        event.xclient.message_type = self._active_atom
        event.xclient.format = 32
        event.xclient.data[0] = 2  # "from a pager": window managers obey without a timestamp
        self._x.XSendEvent(self._display, self._root, 0,
                           SUBSTRUCTURE_NOTIFY | SUBSTRUCTURE_REDIRECT, byref(event))
        # Also directly: the keystroke that follows on this connection then surely lands there.
        self._x.XSetInputFocus(self._display, window, REVERT_TO_PARENT, 0)
        self._x.XSync(self._display, 0)
        self._drain.start()

    def take_focus(self, window_id: int) -> None:
        self.activate(window_id)

    def is_front(self, window) -> bool:
        focus, revert = c_ulong(), c_int()
        self._x.XGetInputFocus(self._display, byref(focus), byref(revert))
        self._drain.start()
        return focus.value == window or self._is_inside(focus.value, window)

    def _is_inside(self, child: int, ancestor: int) -> bool:
        root, parent, children, count = c_ulong(), c_ulong(), c_void_p(), c_uint()
        for _ in range(8):  # a window manager's frame is a few levels up at most
            if child in (0, 1, self._root):
                return False
            if not self._x.XQueryTree(self._display, child, byref(root), byref(parent),
                                      byref(children), byref(count)):
                return False
            if children.value:
                self._x.XFree(children)
            child = parent.value
            if child == ancestor:
                return True
        return False

    def send_paste(self) -> None:
        control, v = self._keycode("Control_L"), self._keycode("v")
        for code, down in ((control, 1), (v, 1), (v, 0), (control, 0)):
            self._xtest.XTestFakeKeyEvent(self._display, code, down, 0)
        self._x.XFlush(self._display)
