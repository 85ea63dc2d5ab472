"""Turn storage failures into messages a shop owner can act on."""
from __future__ import annotations

import errno
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

# What went wrong, read from the exception's type and codes (SQLite's result code, the
# server's SQLSTATE, errno and Windows' winerror), never from its text: Windows words its
# errors in the system's language, and SQLite's text may change between versions.
DISK_FULL, READ_ONLY, HELD, LOCKED, CONNECTION, DAMAGED, TOO_LONG, NOT_FOUND = (
    "disk_full", "read_only", "held", "locked", "connection", "damaged", "too_long", "not_found")

_SQLITE = {13: DISK_FULL, 10: DISK_FULL,  # SQLITE_FULL; SQLITE_IOERR (a write that failed)
           8: READ_ONLY, 3: READ_ONLY, 14: READ_ONLY,  # READONLY, PERM, CANTOPEN
           5: LOCKED, 6: LOCKED,  # BUSY (another program), LOCKED (this one)
           11: DAMAGED, 26: DAMAGED}  # CORRUPT, NOTADB
_WINERROR = {112: DISK_FULL, 39: DISK_FULL,  # ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL
             32: HELD, 33: HELD,  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
             5: READ_ONLY, 19: READ_ONLY,  # ERROR_ACCESS_DENIED, ERROR_WRITE_PROTECT
             206: TOO_LONG, 3: NOT_FOUND, 2: NOT_FOUND}  # FILENAME_EXCED_RANGE, PATH/FILE_NOT_FOUND
_ERRNO = {errno.ENOSPC: DISK_FULL, errno.EDQUOT: DISK_FULL, errno.EROFS: READ_ONLY,
          errno.EACCES: READ_ONLY, errno.EPERM: READ_ONLY, errno.ENAMETOOLONG: TOO_LONG,
          errno.ENOENT: NOT_FOUND}

_MESSAGES = {
    DISK_FULL: "磁盘空间已满，刚才的修改没有保存。已经保存的数据不受影响。请清理磁盘空间（或把数据文件夹移到空间更大的磁盘）后重试。",
    READ_ONLY: "数据文件夹是只读的或没有写入权限，刚才的修改没有保存。已经保存的数据不受影响。请检查文件夹权限，"
               "或用 --data-dir 指定一个可写的文件夹。",
    HELD: "数据文件正被其他程序占用（例如杀毒软件或同步盘），刚才的修改没有保存。已经保存的数据不受影响。请稍后重试。",
    LOCKED: "数据库正被其他程序占用，等了几秒仍未释放，刚才的修改没有保存。请关闭其他正在使用客服台数据的程序后重试。",
    CONNECTION: "与团队服务器的连接断开了，刚才的修改没有保存。已经保存的数据不受影响。请检查网络后重试"
                "（连接会自动重新建立）。",
    DAMAGED: "数据库文件已损坏。请关闭客服台后重新打开，程序会提供从最近的完好备份恢复。",
    TOO_LONG: "数据文件夹的路径太长，系统拒绝写入。请把数据文件夹放到路径较短的位置（--data-dir）。",
}


def classify(exc: BaseException, _depth: int = 0) -> str | None:
    """One of the kinds above for a storage or file-system failure, or None. An error raised
    while handling another (SQLite rolls back by itself on a full disk, so the rollback that
    follows fails with "no transaction is active") is classified by the first."""
    found = _classify(exc)
    if found is None and _depth < 5:
        earlier = exc.__cause__ or exc.__context__
        if earlier is not None and earlier is not exc:
            return classify(earlier, _depth + 1)
    return found


def _classify(exc: BaseException) -> str | None:
    orig = getattr(exc, "orig", None)  # peewee keeps the driver's exception here
    if isinstance(orig, BaseException) and orig is not exc:
        found = _classify(orig)
        if found is not None:
            return found
    if isinstance(exc, (sqlite3.Error, sqlcipher.Error)):
        code = getattr(exc, "sqlite_errorcode", None)
        return _SQLITE.get(code & 0xFF) if code is not None else None
    if type(exc).__module__.startswith("psycopg"):
        state = getattr(exc, "pgcode", None) or ""
        if state == "53100":
            return DISK_FULL
        if state == "25006":
            return READ_ONLY
        if state in ("55P03", "40P01"):
            return LOCKED
        if not state or state.startswith(("08", "57P")):  # no answer / the server went away
            return CONNECTION
        return None
    if isinstance(exc, OSError):
        winerror = getattr(exc, "winerror", None)
        if winerror in _WINERROR:
            return _WINERROR[winerror]
        return _ERRNO.get(exc.errno)
    return None


def describe(exc: BaseException) -> str | None:
    """A user message for a failure of the data folder's storage, or None when exc is
    something else."""
    if not isinstance(exc, (sqlite3.Error, sqlcipher.Error, DatabaseError, InterfaceError,
                            OperationalError, OSError)):
        return None
    return _MESSAGES.get(classify(exc))


def file_message(exc: OSError, path) -> str:
    """Why a file the user chose (an export, a letter, a report) could not be written: about
    that file, never about the data folder. On Windows a file open in Excel, WPS or a PDF
    viewer refuses writing; a plain open() says only "permission denied" then, so both
    causes are named."""
    kind = classify(exc)
    if kind == HELD:
        reason = "文件正被其他程序打开（如 Excel、WPS 或 PDF 阅读器），请关闭它后重试"
    elif kind == READ_ONLY and exc.errno == errno.EROFS:
        reason = "这个位置是只读的，请换一个位置保存"
    elif kind == READ_ONLY:
        reason = "文件可能正被其他程序打开（如 Excel、WPS 或 PDF 阅读器），或这个位置没有写入权限；请关闭该文件或换一个位置后重试"
    elif kind == DISK_FULL:
        reason = "磁盘空间已满，请清理磁盘空间或换一个位置保存"
    elif kind == TOO_LONG:
        reason = "路径太长，请换一个路径较短的位置或更短的文件名"
    elif kind == NOT_FOUND:
        reason = "保存的文件夹不存在，请重新选择位置"
    else:
        reason = exc.strerror or str(exc)
    return f"无法保存 {path}：{reason}。原有文件没有改动。"
