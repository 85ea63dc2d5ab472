"""Turn storage failures into messages a shop owner can act on."""
from __future__ import annotations

import errno
import socket
import sqlite3

from peewee import DatabaseError, InterfaceError, OperationalError
from sqlcipher3 import dbapi2 as sqlcipher  # the local database's driver (db.storage.store)

from db.vocabulary import QT_TRANSLATE_NOOP, Message, fill, translate, worded


class WordedError(ValueError):
    """A refusal of the core's rules for the user: str() the Chinese text (the command line,
    logs, an import's report), worded() the same in the interface language. The template is
    marked QT_TRANSLATE_NOOP(<the class's context>, ...) where it is raised; values fill %1,
    %2... (a Vocabulary's term, or another error of the core, is worded too). Raised as it is
    when no form field is to blame (a staff name taken, a PIN too short, a report period
    backwards, a case's transition); tests/core/test_field_errors.py checks the raise sites."""
    context = ""

    def __init__(self, template: str, *values):
        self.message = Message(self.context, template, values)
        super().__init__(str(self.message))

    def worded(self) -> str:
        return self.message.worded()


class FieldError(WordedError):
    """Invalid input; `field` names the form field so the UI can point at it."""
    context = "FieldError"

    def __init__(self, field: str, template: str, *values):
        super().__init__(template, *values)
        self.field = field


class CaseError(FieldError):
    """Invalid after-sales case input."""
    context = "CaseError"


class StoreError(RuntimeError):
    """A problem opening or backing up the database, phrased for the user. `kind` (one of the
    kinds below, or None) says what went wrong when the message alone would not. The message
    is a Message (store_message: str() Chinese, worded() in the interface language) or a text
    already worded (an OS error's, another error's)."""

    def __init__(self, message: "str | Message" = "", kind: str | None = None):
        super().__init__(str(message))
        self.message, self.kind = message, kind

    def worded(self) -> str:
        return worded(self.message)


def store_message(template: str, *values) -> Message:
    """A storage failure's sentence: the template marked QT_TRANSLATE_NOOP("StoreError", ...)
    where it is raised, its values (a path, the OS's own words)."""
    return Message("StoreError", template, values)


class DamagedDatabase(StoreError):
    """The database file fails SQLite's integrity check: never open it for writing."""


class StaleEdit(RuntimeError):
    """A save refused because someone changed the record after this edit started (one type for
    customers, cases, remedies and snippets). `message` is a Message in context "StaleEdit"
    (str(): Chinese; worded(): the interface language). `conflict`
    (db.storage.conflicts.Conflict) holds the fields side by side when the form can let the
    user choose per field, else None."""

    def __init__(self, message: Message | str, conflict=None):
        super().__init__(str(message))
        self.message, self.conflict = message, conflict

    def worded(self) -> str:
        return worded(self.message)


def stale(template: str, *values) -> Message:
    """A StaleEdit's message: template marked QT_TRANSLATE_NOOP("StaleEdit", ...)."""
    return Message("StaleEdit", template, values)

# What went wrong, read from the exception's type and codes (SQLite's result code, the
# server's SQLSTATE, errno and Windows' winerror), never from its text: Windows words its
# errors in the system's language, SQLite's text may change between versions, and libpq and
# the server word theirs in their own locale.
DISK_FULL, READ_ONLY, HELD, LOCKED, CONNECTION, DAMAGED, TOO_LONG, NOT_FOUND = (
    "disk_full", "read_only", "held", "locked", "connection", "damaged", "too_long", "not_found")
# Reaching a team server (db.storage.server_probe tells these apart when a connection fails):
# pg_hba.conf has no line for this computer (28000), a wrong password (28P01), no such
# database (3D000), nothing listening on the port, no route to the address, an unknown name,
# no answer in time, too many connections (53300), missing rights (42501).
NOT_ALLOWED, BAD_PASSWORD, NO_DATABASE, REFUSED, NO_ROUTE, UNKNOWN_HOST, TIMEOUT, BUSY, NO_RIGHTS = (
    "not_allowed", "bad_password", "no_database", "refused", "no_route", "unknown_host",
    "timeout", "busy", "no_rights")
# Kinds that mean "the server cannot be reached now": the app waits for it and says so.
OUTAGE = frozenset({CONNECTION, REFUSED, NO_ROUTE, UNKNOWN_HOST, TIMEOUT})
# Kinds met when connecting, worded with the server's address (setup_message).
SETUP = frozenset({NOT_ALLOWED, BAD_PASSWORD, NO_DATABASE, REFUSED, NO_ROUTE, UNKNOWN_HOST,
                   TIMEOUT, BUSY, NO_RIGHTS})

_SQLITE = {13: DISK_FULL, 10: DISK_FULL,  # SQLITE_FULL; SQLITE_IOERR (a write that failed)
           8: READ_ONLY, 3: READ_ONLY, 14: READ_ONLY,  # READONLY, PERM, CANTOPEN
           5: LOCKED, 6: LOCKED,  # BUSY (another program), LOCKED (this one)
           11: DAMAGED, 26: DAMAGED}  # CORRUPT, NOTADB
_WINERROR = {112: DISK_FULL, 39: DISK_FULL,  # ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL
             32: HELD, 33: HELD,  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
             5: READ_ONLY, 19: READ_ONLY,  # ERROR_ACCESS_DENIED, ERROR_WRITE_PROTECT
             206: TOO_LONG, 3: NOT_FOUND, 2: NOT_FOUND,  # FILENAME_EXCED_RANGE, PATH/FILE_NOT_FOUND
             10061: REFUSED, 10051: NO_ROUTE, 10065: NO_ROUTE, 10060: TIMEOUT,  # WSAE...
             10054: CONNECTION, 10053: CONNECTION, 11001: UNKNOWN_HOST, 11004: UNKNOWN_HOST}
_ERRNO = {errno.ENOSPC: DISK_FULL, errno.EDQUOT: DISK_FULL, errno.EROFS: READ_ONLY,
          errno.EACCES: READ_ONLY, errno.EPERM: READ_ONLY, errno.ENAMETOOLONG: TOO_LONG,
          errno.ENOENT: NOT_FOUND, errno.ECONNREFUSED: REFUSED, errno.ENETUNREACH: NO_ROUTE,
          errno.EHOSTUNREACH: NO_ROUTE, errno.ETIMEDOUT: TIMEOUT, errno.ECONNRESET: CONNECTION,
          errno.ECONNABORTED: CONNECTION, errno.EPIPE: CONNECTION}
_SQLSTATE = {"53100": DISK_FULL, "25006": READ_ONLY, "55P03": LOCKED, "40P01": LOCKED,
             "28000": NOT_ALLOWED, "28P01": BAD_PASSWORD, "3D000": NO_DATABASE,
             "53300": BUSY, "57014": TIMEOUT, "42501": NO_RIGHTS}


def classify(exc: BaseException, _depth: int = 0) -> str | None:
    """One of the kinds above for a storage, server or file-system failure, or None. An error
    raised while handling another (SQLite rolls back by itself on a full disk, so the rollback
    that follows fails with "no transaction is active") is classified by the first."""
    found = getattr(exc, "kind", None)  # StoreError, server.ServerError: said where raised
    found = found if isinstance(found, str) else _classify(exc)
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
    if _from_server_driver(exc):
        # No SQLSTATE: libpq lost or never had the connection.
        return for_sqlstate(getattr(exc, "pgcode", None) or "") or None
    if isinstance(exc, socket.gaierror):
        return UNKNOWN_HOST
    if isinstance(exc, OSError):
        winerror = getattr(exc, "winerror", None)
        if winerror in _WINERROR:
            return _WINERROR[winerror]
        if isinstance(exc, TimeoutError):  # socket.timeout carries no errno
            return TIMEOUT
        return _ERRNO.get(exc.errno)
    return None


def for_sqlstate(state: str) -> str | None:
    """The kind of a PostgreSQL SQLSTATE ("" when libpq had no answer from the server)."""
    if state in _SQLSTATE:
        return _SQLSTATE[state]
    # "08": connection exceptions; "57P": the server shut down or restarts.
    return CONNECTION if not state or state.startswith(("08", "57P")) else None


def _from_server_driver(exc: BaseException) -> bool:
    """psycopg2's errors, read by module so that the core does not import the server's driver
    for a local database."""
    return type(exc).__module__.split(".")[0] in ("psycopg2", "psycopg")


def is_database_error(exc: BaseException) -> bool:
    """A failure of the database or of the data folder's storage, of either driver (peewee's
    wrapped errors, the raw sqlite3/sqlcipher3/psycopg2 ones a hand-written query raises)."""
    return isinstance(exc, (sqlite3.Error, sqlcipher.Error, DatabaseError, InterfaceError,
                            OperationalError, OSError, StoreError)) or _from_server_driver(exc)


# What was being done when it failed: the message says what did not happen, and "没有保存"
# only when a save failed. None: not known (an error nobody caught).
SAVE, SEARCH, REFRESH, IMPORT, EXPORT, BACKUP, CONNECT = (
    "save", "search", "refresh", "import", "export", "backup", "connect")

_CAUSES = {
    DISK_FULL: QT_TRANSLATE_NOOP("errors", "磁盘空间已满。"),
    READ_ONLY: QT_TRANSLATE_NOOP("errors", "数据文件夹是只读的或没有写入权限。"),
    HELD: QT_TRANSLATE_NOOP("errors", "数据文件正被其他程序占用（例如杀毒软件或同步盘）。"),
    LOCKED: QT_TRANSLATE_NOOP("errors", "数据库正被其他程序占用，等了几秒仍未释放。"),
    CONNECTION: QT_TRANSLATE_NOOP("errors", "与团队服务器的连接断开了（服务器关机、重启或网络中断）。"),
    DAMAGED: QT_TRANSLATE_NOOP("errors", "数据库文件已损坏。"),
    TOO_LONG: QT_TRANSLATE_NOOP("errors", "数据文件夹的路径太长，系统拒绝写入。"),
    TIMEOUT: QT_TRANSLATE_NOOP("errors", "团队服务器没有及时回应。"),
    BUSY: QT_TRANSLATE_NOOP("errors", "团队服务器的连接数已满。"),
    NO_RIGHTS: QT_TRANSLATE_NOOP("errors", "服务器上的这个用户没有需要的权限。"),
}
_ADVICE = {
    DISK_FULL: QT_TRANSLATE_NOOP("errors", "请清理磁盘空间（或把数据文件夹移到空间更大的磁盘）后重试。"),
    READ_ONLY: QT_TRANSLATE_NOOP("errors", "请检查文件夹权限，或用 --data-dir 指定一个可写的文件夹。"),
    HELD: QT_TRANSLATE_NOOP("errors", "请稍后重试。"),
    LOCKED: QT_TRANSLATE_NOOP("errors", "请关闭其他正在使用客服台数据的程序后重试。"),
    CONNECTION: QT_TRANSLATE_NOOP("errors", "请检查网络和服务器电脑；服务器恢复后再试一次（连接会自动重新建立）。"),
    DAMAGED: QT_TRANSLATE_NOOP("errors", "请关闭客服台后重新打开，程序会提供从最近的完好备份恢复。"),
    TOO_LONG: QT_TRANSLATE_NOOP("errors", "请把数据文件夹放到路径较短的位置（--data-dir）。"),
    TIMEOUT: QT_TRANSLATE_NOOP("errors", "请稍后再试；一直这样时，请检查网络和服务器电脑。"),
    BUSY: QT_TRANSLATE_NOOP("errors", "请稍后再试，或请管理员调高服务器的 max_connections。"),
    NO_RIGHTS: QT_TRANSLATE_NOOP("errors", "请让管理员给这个用户授予本店数据库的全部权限。"),
}
_OUTCOMES = {
    SAVE: QT_TRANSLATE_NOOP("errors", "刚才的修改没有保存，已经保存的数据不受影响。"),
    SEARCH: QT_TRANSLATE_NOOP("errors", "搜索没有完成，数据没有任何改动。"),
    REFRESH: QT_TRANSLATE_NOOP("errors", "列表暂时没有更新，数据没有任何改动。"),
    IMPORT: QT_TRANSLATE_NOOP("errors", "导入没有完成，数据没有改动（一次导入要么全部写入，要么一行也不写）。"),
    EXPORT: QT_TRANSLATE_NOOP("errors", "导出没有完成，没有写出文件。"),
    BACKUP: QT_TRANSLATE_NOOP("errors", "这次备份没有完成，已有的备份不受影响。"),
    None: QT_TRANSLATE_NOOP("errors", "刚才的操作没有完成，已经保存的数据不受影响。"),
}


def say(exc: BaseException, doing: str | None = None) -> str | None:
    """The user's message for a database or storage failure while `doing` one of the actions
    above: what happened, what did not happen (nothing lost unless a save failed), what to do;
    in the interface language. None when exc is not such a failure, or of no known kind."""
    if not is_database_error(exc):
        return None
    kind = classify(exc)
    if kind in SETUP and isinstance(exc, StoreError):
        return str(exc)  # worded where it was raised, with the server's address
    if kind in (NOT_ALLOWED, BAD_PASSWORD, NO_DATABASE, REFUSED, NO_ROUTE, UNKNOWN_HOST):
        kind = CONNECTION  # met again while working: the server is out of reach
    if kind not in _CAUSES:
        return None
    parts = [_CAUSES[kind], _OUTCOMES.get(doing, _OUTCOMES[None]), _ADVICE[kind]]
    if kind == DAMAGED:
        parts.pop(1)  # nothing more can happen until it is restored
    return "".join(translate("errors", part) for part in parts)


def describe(exc: BaseException, doing: str | None = SAVE) -> str | None:
    """A user message for a failure of the data folder's storage or of the team server, or
    None when exc is something else (say() with a save as the default action)."""
    return say(exc, doing)


# First-setup problems: what is wrong and the fix, in plain words ("%1" the server's address,
# "%2" its port, "%3" the database, "%4" the user).
_SETUP = {
    NOT_ALLOWED: QT_TRANSLATE_NOOP(
        "errors", "服务器还没有允许这台电脑连接：请在服务器电脑上，把这台电脑所在的网段加入 PostgreSQL 的 "
        "pg_hba.conf（例如一行 host all all 192.168.1.0/24 scram-sha-256），然后重新加载服务器的设置"
        "（或重启服务器），再点一次「测试连接」。"),
    BAD_PASSWORD: QT_TRANSLATE_NOOP(
        "errors", "用户名或密码不对（用户 %4）：请核对大小写后重新填写；忘记密码时，请在服务器电脑上重新设置这个用户的密码。"),
    NO_DATABASE: QT_TRANSLATE_NOOP(
        "errors", "服务器上没有名为 %3 的数据库：请检查数据库名的拼写，或先在服务器上创建它（createdb %3）。"),
    REFUSED: QT_TRANSLATE_NOOP(
        "errors", "服务器 %1 的端口 %2 没有在接受连接：请确认服务器电脑上的 PostgreSQL 已经启动、端口号没有填错，"
        "并且它在监听局域网地址（postgresql.conf 里 listen_addresses = '*'）。"),
    NO_ROUTE: QT_TRANSLATE_NOOP(
        "errors", "从这台电脑连不到服务器的地址 %1：请确认两台电脑连在同一个网络（同一个路由器或 Wi-Fi），"
        "并检查地址有没有填错（服务器电脑上可以查到它的 IP 地址，例如 192.168.1.20）。"),
    UNKNOWN_HOST: QT_TRANSLATE_NOOP(
        "errors", "找不到名为 %1 的电脑：请检查服务器地址的拼写，或改填服务器电脑的 IP 地址（例如 192.168.1.20）。"),
    TIMEOUT: QT_TRANSLATE_NOOP(
        "errors", "服务器 %1 没有回应：服务器电脑可能关着，或它的防火墙挡住了端口 %2。请打开服务器电脑，"
        "并在它的防火墙里允许端口 %2（PostgreSQL）的连接。"),
    BUSY: QT_TRANSLATE_NOOP(
        "errors", "服务器的连接数已满：请关掉不用的客服台窗口后再试，或请管理员调高 max_connections。"),
    NO_RIGHTS: QT_TRANSLATE_NOOP(
        "errors", "用户 %4 没有使用数据库 %3 的权限：请在服务器上给这个用户授予这个数据库的全部权限。"),
    CONNECTION: QT_TRANSLATE_NOOP(
        "errors", "连不上服务器 %1：请检查地址和端口、服务器电脑是否开着、网络是否通。"),
}


def _setup(kind: str) -> str:
    return translate("errors", _SETUP[kind])


def setup_message(kind: str | None, host: str, port: int, database: str, user: str,
                  detail: str = "") -> str:
    """Why this computer cannot use the server, and the fix; `detail` (the driver's own
    words) only when the kind is unknown."""
    if kind not in _SETUP:
        text = translate("errors", "无法使用这个服务器（%1）。").replace("%1", detail or "?")
        return text
    return (_setup(kind).replace("%1", host).replace("%2", str(port)).replace("%3", database)
            .replace("%4", user))


def file_message(exc: OSError, path) -> str:
    """Why a file the user chose (an export, a letter, a report) could not be written: about
    that file, never about the data folder; in the interface language. On Windows a file open
    in Excel, WPS or a PDF viewer refuses writing; a plain open() says only "permission
    denied" then, so both causes are named."""
    kind = classify(exc)
    if kind == HELD:
        reason = _file_said(QT_TRANSLATE_NOOP("FileErrors", "文件正被其他程序打开（如 Excel、WPS 或 PDF 阅读器），请关闭它后重试"))
    elif kind == READ_ONLY and exc.errno == errno.EROFS:
        reason = _file_said(QT_TRANSLATE_NOOP("FileErrors", "这个位置是只读的，请换一个位置保存"))
    elif kind == READ_ONLY:
        reason = _file_said(QT_TRANSLATE_NOOP("FileErrors", "文件可能正被其他程序打开（如 Excel、WPS 或 PDF 阅读器），或这个位置没有写入权限；请关闭该文件或换一个位置后重试"))
    elif kind == DISK_FULL:
        reason = _file_said(QT_TRANSLATE_NOOP("FileErrors", "磁盘空间已满，请清理磁盘空间或换一个位置保存"))
    elif kind == TOO_LONG:
        reason = _file_said(QT_TRANSLATE_NOOP("FileErrors", "路径太长，请换一个路径较短的位置或更短的文件名"))
    elif kind == NOT_FOUND:
        reason = _file_said(QT_TRANSLATE_NOOP("FileErrors", "保存的文件夹不存在，请重新选择位置"))
    else:
        reason = exc.strerror or worded(exc)
    return fill(_file_said(QT_TRANSLATE_NOOP("FileErrors", "无法保存 %1：%2。原有文件没有改动。")),
                (path, reason))


def _file_said(text: str) -> str:
    return translate("FileErrors", text)
