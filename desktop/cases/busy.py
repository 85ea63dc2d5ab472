"""A visible "working…" window for the few case operations that can pass a second
(recomputing 30,000 deadlines, renaming a category on 10,000 cases)."""
from __future__ import annotations

import contextlib
from typing import Iterator

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QWidget


@contextlib.contextmanager
def busy(parent: QWidget | None, text: str) -> Iterator[None]:
    dialog = QProgressDialog(text, "", 0, 0, parent)  # 0..0: an indeterminate bar
    dialog.setCancelButton(None)  # the work is one transaction: it finishes or rolls back
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.show()
    QCoreApplication.processEvents()  # paint it before the work blocks the event loop
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
        dialog.close()
