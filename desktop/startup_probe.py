"""`--quit-after-start`: measure the start-up to an interactive main window, then quit.

Hidden from --help; bench/bench_startup.py uses it on the source tree and the built binary.
The staff picker is skipped (the last or first active staff member is taken, or none on an
empty database) so that a measurement never waits for a click.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from db.models import Staff
from db.trust import staff as staff_rules

POLL_MS = 5


def pick_staff(last_id: int | None) -> Staff | None:
    members = staff_rules.active_staff()
    chosen = [m for m in members if m.id == last_id] or members
    return chosen[0] if chosen else None


def quit_when_shown(app: QApplication, window: QWidget, started: float) -> None:
    """Once the window is exposed and the queued events (first paint) are done: print, quit."""
    def check() -> None:
        handle = window.windowHandle()
        if handle is None or not handle.isExposed():
            QTimer.singleShot(POLL_MS, check)
            return
        QTimer.singleShot(0, report)  # runs after the events already queued, i.e. when idle

    def report() -> None:
        print(f"ready {time.perf_counter() - started:.3f}", flush=True)
        window.close()
        app.quit()

    QTimer.singleShot(0, check)
