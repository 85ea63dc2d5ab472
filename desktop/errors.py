"""Database errors in the window, said once and plainly.

Every place that talks to the database reports a failure here (`guarded(doing)` around a
slot, `report(exc, doing)` in an except, and the last line of defence, sys.excepthook, for
anything nobody caught). db.errors words it by what was being done. One message box at a
time: while one is open, further messages are collected into it, never stacked. When the team
server is out of reach, the status bar says so ("正在等待服务器恢复…"), a background check
retries quietly, and the window is told when the server is back.
"""
from __future__ import annotations

import functools
import inspect
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from db import errors
from db.models import database as proxy
from db.storage import server
from db.vocabulary import worded


class ErrorReporter(QObject):
    waiting_changed = Signal(bool)  # True: waiting for the server; False: it is back
    notice = Signal(str)  # a failure said in the status bar only (during an outage)
    _checked = Signal(bool)  # the background check's answer, handed to the UI thread
    RETRY_MS = 5000

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.box: QMessageBox | None = None
        self.collected: list[str] = []
        self.waiting = False
        self.data_dir: Path | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        self._checked.connect(self._after_check, Qt.ConnectionType.QueuedConnection)
        self._checking = False

    def watch(self, data_dir: Path) -> None:
        """The data folder whose team server is retried during an outage."""
        self.data_dir = data_dir

    def report(self, exc: BaseException, doing: str | None = None) -> None:
        """Say a failure: a database error in the words of db.errors.say, anything else as
        an unexpected error. An outage of the team server starts the wait; while waiting,
        what only reads (a refresh, a search) adds no box: the status bar says it."""
        message = errors.say(exc, doing)
        if message is None and isinstance(exc, errors.StoreError) and str(exc):
            message = exc.worded()
        if message is None:
            message = QApplication.translate("errors", "出现了意外错误，刚才的操作可能没有完成。已经保存的数据不受影响。\n\n%1") \
                .replace("%1", f"{type(exc).__name__}: {exc}")
        if errors.is_database_error(exc) and errors.classify(exc) in errors.OUTAGE \
                and self._server() is not None:
            self._start_waiting()
            if doing in (None, errors.REFRESH, errors.SEARCH):
                self.notice.emit(message)
                return
        self.show(message)

    def show(self, message: str) -> None:
        """One box at a time: a message while one is open is added to it."""
        if self.box is not None:
            if message != self.box.text() and message not in self.collected:
                self.collected.append(message)
                self.box.setInformativeText(QApplication.translate("errors", "另外还有 %1 条提示：").replace(
                    "%1", str(len(self.collected))) + "\n" + "\n".join(self.collected))
            return
        if QApplication.instance() is None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, QApplication.translate("errors", "客服台"), message,
                          QMessageBox.StandardButton.Ok, QApplication.activeWindow())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._closed)
        self.box = box
        box.open()  # not exec(): no nested event loop in which the next error opens another

    # --- waiting for the server -----------------------------------------------------
    def _server(self) -> server.ServerConfig | None:
        if self.data_dir is None:
            return None
        try:
            return server.load(self.data_dir)
        except server.ServerError:
            return None

    def _start_waiting(self) -> None:
        if not self.waiting:
            self.waiting = True
            _set_offline(True)
            self.waiting_changed.emit(True)
        if not self._timer.isActive() and not self._checking:
            self._timer.start(self.RETRY_MS)

    def _check(self) -> None:
        config = self._server()
        if config is None:
            return
        self._checking = True
        # A connection attempt may wait seconds (an address that does not answer): never on
        # the UI thread.
        threading.Thread(target=lambda: self._checked.emit(server.reachable(config)),
                         daemon=True).start()

    def _after_check(self, reachable: bool) -> None:
        self._checking = False
        if reachable:
            _set_offline(False)
            try:
                proxy.execute_sql("SELECT 1")  # the window's own connection, opened again
            except Exception:  # noqa: BLE001 - not yet: keep waiting
                _set_offline(True)
                reachable = False
        if not reachable:
            self._timer.start(self.RETRY_MS)
            return
        self.waiting = False
        self.waiting_changed.emit(False)

    def _closed(self) -> None:
        self.box = None
        self.collected = []


def _set_offline(offline: bool) -> None:
    if isinstance(proxy.obj, server.ServerDatabase):
        proxy.obj.offline = offline


_reporter: ErrorReporter | None = None


def reporter() -> ErrorReporter:
    global _reporter
    if _reporter is None:
        _reporter = ErrorReporter(QApplication.instance())
        _reporter.destroyed.connect(_forget)
    return _reporter


def _forget() -> None:
    global _reporter
    _reporter = None


def said(problem) -> str:
    """A refusal of the core (FieldError, StaleEdit, WorkflowError, a Message) in the
    interface language; anything else as its text. Their str() stays Chinese for the command
    line and logs, so a form shows this instead."""
    return worded(problem)


def report(exc: BaseException, doing: str | None = None) -> None:
    reporter().report(exc, doing)


def guarded(doing: str):
    """A slot that talks to the database: its failure is reported as a failed `doing`
    (db.errors.SAVE, SEARCH, REFRESH...), and the slot returns None."""
    def wrap(method):
        # A signal may pass more arguments than the slot takes (textChanged's text): Qt drops
        # them for a plain slot, so the wrapper does too.
        params = inspect.signature(method).parameters.values()
        limit = None if any(p.kind == p.VAR_POSITIONAL for p in params) else sum(
            p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in params)

        @functools.wraps(method)
        def run(*args, **kwargs):
            try:
                return method(*args[:limit], **kwargs)
            except Exception as exc:
                if not errors.is_database_error(exc):
                    raise
                report(exc, doing)
                return None
        return run
    return wrap


def install() -> None:
    sys.excepthook = _show


def _show(kind, exc, tb) -> None:
    traceback.print_exception(kind, exc, tb)
    if QApplication.instance() is not None:
        report(exc)
