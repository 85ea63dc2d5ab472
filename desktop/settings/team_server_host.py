"""The shop's computer while the window is open: its team server runs and answers join codes.

The window owns the server: it stops it when it closes (a restart starts it again: 0.1-0.3 s
each way). Join requests arrive on a socket thread; a code retired after too
many wrong tries is announced by a queued signal."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from db.storage import join_code, managed_server
from desktop.errors import said


class TeamServerHost(QObject):
    code_changed = Signal(str)

    def __init__(self, data_dir: Path, port: int = join_code.JOIN_PORT,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir = data_dir
        self.port = port
        self.service: join_code.JoinService | None = None
        self.problem = ""  # why join codes do not work right now, for the settings page

    @property
    def active(self) -> bool:
        return managed_server.is_managed(self.data_dir)

    def begin(self) -> None:
        # Not running: this computer went back to its local database; nothing to hand out.
        if not self.active or self.service is not None or not managed_server.running(self.data_dir):
            return
        try:
            self.service = managed_server.serve_joins(self.data_dir, self.port,
                                                      on_new_code=self.code_changed.emit)
        except managed_server.ManagedServerError as exc:
            self.problem = said(exc)

    def code(self) -> str:
        return managed_server.join_code(self.data_dir)

    def renew(self) -> str:
        code = managed_server.renew_join_code(self.data_dir, self.service)
        self.code_changed.emit(code)
        return code

    def end(self) -> None:
        if self.service is not None:
            self.service.stop()
            self.service = None
        if self.active:
            managed_server.stop(self.data_dir)
