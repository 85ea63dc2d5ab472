"""A daily backup while the app stays open (shops leave it running for days)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QTimer

from db.storage import backups, dialect, paths
from db import errors
from db.errors import StoreError
from desktop.context import AppContext
from desktop.errors import said

CHECK_EVERY_MS = 60 * 60 * 1000


class DailyBackup(QObject):
    def __init__(self, context: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self._context = context
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def backup_at_start(self) -> None:
        if dialect.is_postgres():
            # A shared server: one copy a day per computer, not one at every start.
            self.check()
            return
        self._backup("start")

    def check(self, now: dt.datetime | None = None) -> bool:
        """Back up when the newest backup is a day old; True when one was made."""
        now = now or dt.datetime.now()
        newest = backups.list_backups(paths.backup_dir(self._context.data_dir))
        if newest and now - newest[0].taken_at < dt.timedelta(days=1):
            return False
        self._backup("daily")
        return True

    def _backup(self, reason: str) -> None:
        try:
            backups.backup_now(self._context.data_dir, reason)
        except StoreError as exc:  # includes the second-folder failure: say it, keep going
            self._context.notify(said(exc))
        except OSError as exc:  # the backups folder itself refused (held, read-only, full)
            self._context.notify(errors.say(exc, errors.BACKUP) or str(exc))
