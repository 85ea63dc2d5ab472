"""Lock the window after a while without keyboard or mouse input (a setting, off by default).

Unlocking goes through the staff picker: the same person or a colleague signs in, with the
owner password or a PIN where one is set.
"""
from __future__ import annotations

import time

from peewee import DatabaseError
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from db.storage import settings

INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class IdleLock(QObject):
    def __init__(self, window, parent: QObject | None = None):
        super().__init__(parent)
        self._window = window
        self._last_input = time.monotonic()
        self._locked = False
        # Input reaches a top-level window's QWindow before any widget: watching those (the
        # focused ones, dialogs included) sees every key and click. Not an application-wide
        # filter: that sends every event of every object through Python (and PySide 6.11
        # was seen to crash wrapping an event's receiver there).
        QApplication.instance().focusWindowChanged.connect(self._watch)
        self._watch(QApplication.instance().focusWindow())
        self._timer = QTimer(self)
        self._timer.setInterval(15_000)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def _watch(self, window) -> None:
        if window is not None:
            window.installEventFilter(self)  # again on the same window: no second copy

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False

    def check(self, now: float | None = None) -> bool:
        """Lock when idle long enough; True when it locked."""
        if not self._window.isVisible():  # closed (a minimised window is still visible)
            return False
        try:
            minutes = int(settings.get("idle_lock_minutes"))
        except DatabaseError:  # the server is away: the status bar says so; ask again later
            return False
        idle = (now if now is not None else time.monotonic()) - self._last_input
        if self._locked or minutes <= 0 or idle < minutes * 60:
            return False
        self.lock()
        return True

    def lock(self) -> None:
        from desktop.staff_picker import StaffPickerDialog
        self._locked = True
        context = self._window.context
        # Floating windows (the quick-reply palette) show customer data: hide them too.
        hidden = [w for w in QApplication.topLevelWidgets()
                  if w.isVisible() and w is not self._window and not w.isModal()]
        for widget in hidden:
            widget.hide()
        dialog = StaffPickerDialog(context.staff.id if context.staff else None, self._window,
                                   locked=True)
        dialog.exec()  # returns only once someone signed in
        context.set_staff(dialog.chosen, dialog.owner_unlocked)
        for widget in hidden:
            widget.show()
        self._last_input = time.monotonic()
        self._locked = False
