"""The palette over the chat program: the system-wide shortcut, and the reply pasted where
the agent was typing.

Enter in the palette: the reply goes on the clipboard, the chat window gets the keyboard
back, the paste keystroke is sent, and a moment later the clipboard holds again what it held
before. Copy-only (a setting, and the fallback wherever keystrokes cannot be sent) leaves
the reply on the clipboard as before.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from desktop import clipboard
from desktop.context import AppContext
from desktop.global_keys import GlobalKeys, for_this_system
from desktop.global_keys.key_names import DEFAULT, parse

SHORTCUT_KEY = "quick_paste/shortcut"
COPY_ONLY_KEY = "quick_paste/copy_only"
FOCUS_WAIT_MS = 400  # the chat window normally has the keyboard back within 10-30 ms
STEADY_MS = 8
# The chat program reads the clipboard when it handles the keystroke; a slow one (a busy
# 千牛) may take a few hundred ms. Restoring earlier would paste the old content.
RESTORE_AFTER_MS = 1000


class QuickPaste(QObject):
    summoned = Signal(object)  # the shortcut was pressed; the window that was in front (or None)
    pasted = Signal()  # the keystroke went to the chat window
    restored = Signal()  # the clipboard holds its earlier content again
    state_changed = Signal()  # shortcut or mode changed (the 设置 box shows it)

    def __init__(self, context: AppContext, parent: QObject | None = None,
                 keys: GlobalKeys | None = None):
        super().__init__(parent)
        self._context = context
        self.keys = keys if keys is not None else for_this_system(self)
        self.keys.pressed.connect(self._on_pressed)
        self.problem: str | None = None  # why the shortcut is not active, if it is not
        self.pressed_at = 0.0  # perf_counter of the last shortcut (the benchmark reads it)
        self._restore_timer = QTimer(self)
        self._restore_timer.setSingleShot(True)
        self._restore_timer.timeout.connect(self._restore)
        self._held: dict[str, bytes] | None = None
        self.apply()

    # --- settings -----------------------------------------------------------------------
    @property
    def shortcut(self) -> str:
        return str(self._context.ui_settings.value(SHORTCUT_KEY, DEFAULT))

    @property
    def copy_only(self) -> bool:
        return self._context.ui_settings.value(COPY_ONLY_KEY, False, type=bool)

    def set_shortcut(self, portable: str) -> str | None:
        """Take a new shortcut; the reason when it cannot be used (then the old one stays)."""
        choice = parse(portable)
        if choice is None:
            return self.tr("请用 Ctrl、Alt 或 Win/⌘ 加一个字母、数字或空格，或单独的 F1–F12")
        problem = self.keys.register(choice)
        if problem is not None:
            self.apply()
            return problem
        self._context.ui_settings.setValue(SHORTCUT_KEY, choice.text)
        self.problem = None
        self.state_changed.emit()
        return None

    def set_copy_only(self, copy_only: bool) -> None:
        self._context.ui_settings.setValue(COPY_ONLY_KEY, copy_only)
        self.state_changed.emit()

    def apply(self) -> None:
        choice = parse(self.shortcut) or parse(DEFAULT)
        self.problem = self.keys.register(choice)
        self.state_changed.emit()

    def paste_blocked(self) -> str | None:
        """Why Enter only copies, or None when it pastes into the chat window."""
        if self.copy_only:
            return self.tr("设置为只复制：回车后请在聊天窗口粘贴")
        return self.keys.paste_blocked()

    # --- the round trip -----------------------------------------------------------------
    def _on_pressed(self) -> None:
        self.pressed_at = time.perf_counter()
        window = self.keys.front_window()
        # Asked of the system, not of Qt's application state: that follows focus events that
        # may not have arrived yet when the key does.
        ours = {int(w.winId()) for w in QApplication.topLevelWidgets() if w.isVisible()}
        self.summoned.emit(None if window in ours else window)

    def paste_into(self, window, held: dict[str, bytes]) -> None:
        """The reply is on the clipboard already and the palette hidden; `held` is what the
        clipboard held before."""
        if not self._restore_timer.isActive():  # else `held` is our previous reply
            self._held = held
        # After the event loop has sent the palette's hiding to the system: a window manager
        # that then moves the focus somewhere (its "focus fallback") does so before our
        # request, not after it.
        QTimer.singleShot(0, lambda: self._give_back(window))

    def _give_back(self, window) -> None:
        self.keys.activate(window)
        deadline = time.monotonic() + FOCUS_WAIT_MS / 1000
        steady = [0]

        def when_in_front() -> None:
            # In front twice in a row, STEADY_MS apart: the focus has settled there.
            steady[0] = steady[0] + 1 if self.keys.is_front(window) else 0
            if steady[0] >= 2 or time.monotonic() > deadline:
                self.keys.send_paste()
                self.pasted.emit()
                self._restore_timer.start(RESTORE_AFTER_MS)
            else:
                QTimer.singleShot(STEADY_MS, when_in_front)
        when_in_front()

    def _restore(self) -> None:
        if self._held is not None:
            clipboard.restore(self._held)
            self._held = None
        self.restored.emit()

    def shutdown(self) -> None:
        """Quitting: put the clipboard back now, and let the shortcut go."""
        if self._restore_timer.isActive():
            self._restore_timer.stop()
            self._restore()
        self.keys.unregister()
