"""Runs a confirmed import on a worker thread: progress, cancel, and the result or error.

peewee gives each thread its own SQLite connection; the worker closes its own when done.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Signal

from db.excel import apply
from db.excel.errors import Cancelled, ExcelError
from db.excel.plan import Plan
from db.models import Staff, database
from db import errors
from db.errors import StoreError
from db.trust import audit
from desktop.errors import said


class ImportWorker(QThread):
    progressed = Signal(int, int)  # done, total
    succeeded = Signal(object)  # apply.ImportResult
    failed = Signal(str, bool)  # message, cancelled

    def __init__(self, plan: Plan, data_dir: Path, by: Staff | None, parent=None):
        super().__init__(parent)
        self._plan = plan
        self._data_dir = data_dir
        self._by = by
        self._cancel = False

    def cancel(self) -> None:
        self._cancel = True

    def run(self) -> None:
        try:
            # This thread has its own SQLite connection: give it the audit triggers and say
            # who is importing, as the app does for the main connection.
            audit.install(database.obj)
            audit.act_as(self._by, "import")
            result = apply.apply(self._plan, self._data_dir, self._by,
                                 progress=self.progressed.emit, cancelled=lambda: self._cancel)
        except Cancelled as exc:
            self.failed.emit(said(exc), True)
        except (ExcelError, StoreError, OSError) as exc:  # the core's, in the interface language
            self.failed.emit(said(exc), False)
        except Exception as exc:  # noqa: BLE001 - the dialog must hear of any failure
            # A full disk, a locked database: said by kind (errors.classify), not SQLite's text.
            self.failed.emit(errors.say(exc, errors.IMPORT) or self.tr(
                "导入失败，数据没有改动：%1").replace("%1", str(exc)),
                             False)
        else:
            self.succeeded.emit(result)
        finally:
            if not database.is_closed():
                database.close()  # this thread's connection only


class BackgroundJob(QThread):
    """Runs a read-only callable off the UI thread (reading and planning a big sheet)."""

    def __init__(self, job, parent=None):
        super().__init__(parent)
        self._job = job
        self.result = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._job()
        except BaseException as exc:  # noqa: BLE001 - handed back to the UI thread
            self.error = exc
        finally:
            if not database.is_closed():
                database.close()


def run_in_background(parent, text: str, job):
    """Run job on a thread while a busy progress dialog shows (after half a second); the UI
    keeps painting. Returns job's result or raises its exception, like a plain call."""
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtWidgets import QProgressDialog
    thread = BackgroundJob(job, parent)
    dialog = QProgressDialog(text, None, 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)
    # Started at its minimum: without a value a busy dialog waits for Qt's default 4 s, and
    # reading 100,000 order rows (3 s) showed nothing at all after the click.
    dialog.setValue(0)
    loop = QEventLoop()
    thread.finished.connect(loop.quit)
    thread.start()
    loop.exec()
    thread.wait()
    dialog.close()
    if thread.error is not None:
        raise thread.error
    return thread.result
