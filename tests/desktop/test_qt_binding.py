"""Guards against a broken Qt binding release (PySide6 6.12.0 on Python 3.11 dropped a
reference to None on every call returning nothing, and the app aborted after a few
thousand calls)."""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_do_not_drop_references_to_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("客服台")
        label.hide()
    assert sys.getrefcount(None) >= before - 50
