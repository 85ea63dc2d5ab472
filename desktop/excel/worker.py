"""Runs a confirmed import on a worker thread: progress, cancel, and the result or error.

peewee gives each thread its own SQLite connection; the worker closes its own when done.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Signal

from db import audit
from db.excel import apply
from db.excel.errors import Cancelled, ExcelError
from db.excel.plan import Plan
from db.models import Staff, database
from db.store import StoreError


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
            self.failed.emit(str(exc), True)
        except (ExcelError, StoreError, OSError) as exc:
            self.failed.emit(str(exc), False)
        except Exception as exc:  # noqa: BLE001 - the dialog must hear of any failure
            self.failed.emit(f"导入失败，数据没有改动：{exc}", False)
        else:
            self.succeeded.emit(result)
        finally:
            if not database.is_closed():
                database.close()  # this thread's connection only
