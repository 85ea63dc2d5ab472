"""A step run in the background (reading a sheet, planning) shows its busy dialog after half
a second, so a click on 下一步 never seems to do nothing; a quick step shows none."""
from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.excel.worker import run_in_background


def visible_dialogs(parent: QWidget) -> list[str]:
    return [d.labelText() for d in parent.findChildren(QProgressDialog) if d.isVisible()]


def test_a_long_step_shows_its_busy_dialog_and_closes_it(qtbot, database):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    release, seen = threading.Event(), []

    def look() -> None:  # one second in: the dialog is up, then the job may end
        seen.append(visible_dialogs(parent))
        release.set()
    QTimer.singleShot(1000, look)
    result = run_in_background(parent, "正在读取表格…", lambda: release.wait(30) and 42)
    assert result == 42
    assert seen == [["正在读取表格…"]]
    assert visible_dialogs(parent) == []


def test_a_quick_step_shows_no_dialog(qtbot, database):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    seen = []
    QTimer.singleShot(0, lambda: seen.append(visible_dialogs(parent)))
    assert run_in_background(parent, "正在读取表格…", lambda: 7) == 7
    assert visible_dialogs(parent) == [] and seen in ([], [[]])
