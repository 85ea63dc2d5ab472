"""Slow network work (finding the team server, checking a connection) off the window's thread,
so the window keeps painting instead of freezing."""
from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtWidgets import QApplication


def in_background(work: Callable[[], object]) -> object:
    """Run work on a thread while the window keeps painting; its result or its exception."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except Exception as exc:  # noqa: BLE001 - raised again on the window's thread
            outcome["error"] = exc
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    while thread.is_alive():
        QApplication.processEvents()
        thread.join(0.03)
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")
