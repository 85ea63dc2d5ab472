"""Turn storage failures into messages a shop owner can act on."""
from __future__ import annotations

import sqlite3

from peewee import DatabaseError, InterfaceError, OperationalError
from sqlcipher3 import dbapi2 as sqlcipher  # the local database's driver (db.storage.store)


class FieldError(ValueError):
    """Invalid input; `field` names the form field so the UI can point at it."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class CaseError(FieldError):
    """Invalid after-sales case input."""


class StoreError(RuntimeError):
    """A problem opening or backing up the database, phrased for the user."""


class DamagedDatabase(StoreError):
    """The database file fails SQLite's integrity check: never open it for writing."""


class StaleEdit(RuntimeError):
    """A save refused because someone changed the record after this edit started (one type for
    customers, cases, remedies and snippets). `conflict` (db.storage.conflicts.Conflict) holds
    the fields side by side when the form can let the user choose per field, else None."""

    def __init__(self, message: str, conflict=None):
        super().__init__(message)
        self.conflict = conflict

_KNOWN = [
    (("database or disk is full", "disk i/o error", "no space left"),
     "磁盘空间已满，刚才的修改没有保存。已经保存的数据不受影响。请清理磁盘空间（或把数据文件夹移到空间更大的磁盘）后重试。"),
    (("readonly database", "read-only", "permission denied", "unable to open database file"),
     "数据文件夹是只读的或没有写入权限，刚才的修改没有保存。已经保存的数据不受影响。请检查文件夹权限，"
     "或用 --data-dir 指定一个可写的文件夹。"),
    (("database is locked", "database is busy"),
     "数据库正被其他程序占用，刚才的修改没有保存。请关闭其他正在使用客服台数据的程序后重试。"),
    (("server closed the connection", "connection already closed", "terminating connection",
      "could not connect to server", "connection refused", "timeout expired",
      "ssl connection has been closed", "could not receive data", "could not send data"),
     "与团队服务器的连接断开了，刚才的修改没有保存。已经保存的数据不受影响。请检查网络后重试"
     "（连接会自动重新建立）。"),
    (("malformed", "not a database", "file is encrypted"),
     "数据库文件已损坏。请关闭客服台后重新打开，程序会提供从最近的完好备份恢复。"),
]


def describe(exc: BaseException) -> str | None:
    """A user message for a storage error, or None when exc is something else."""
    if not isinstance(exc, (sqlite3.Error, sqlcipher.Error, DatabaseError, InterfaceError,
                            OperationalError, OSError)):
        return None
    text = str(exc).lower()
    for needles, message in _KNOWN:
        if any(n in text for n in needles):
            return message
    if isinstance(exc, OSError) and exc.errno in (28,):  # ENOSPC
        return _KNOWN[0][1]
    return None
