"""Encryption at rest of the local database and its backups (SQLCipher through sqlcipher3).

Whether a file is encrypted is read from the file itself (a plain SQLite file starts with
"SQLite format 3"); its key comes from this computer's credential store (db.storage.keystore),
or, on another computer, from the owner password or the recovery key unwrapping the `.key` file
beside it (db.storage.keywrap). Every file is converted by writing a complete new copy next to
it and renaming it over the old one, so a crash leaves either the old file or the new one."""
from __future__ import annotations

import json
import os
from pathlib import Path

from sqlcipher3 import dbapi2 as driver

from db.errors import StoreError, store_message
from db.models import Credential
from db.storage import keystore, keywrap
from db.vocabulary import QT_TRANSLATE_NOOP

PLAIN_MAGIC = b"SQLite format 3\x00"
Error = driver.Error  # the driver's own exceptions (not the standard library's sqlite3)


class KeyNeeded(StoreError):
    """An encrypted file whose key this computer does not hold: ask for the owner password
    or the recovery key, then call unlock()."""

    def __init__(self, path: Path):
        super().__init__(store_message(QT_TRANSLATE_NOOP(
            "StoreError", "这份数据已加密，本机没有保存它的密钥：%1\n请输入店主密码或恢复密钥。"),
            path.name))
        self.path = path


def is_encrypted(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            start = f.read(16)
    except OSError:
        return False
    return len(start) == 16 and start != PLAIN_MAGIC


def _store_name(head: dict) -> str:
    return f"database-key:{head['key_id']}"


def find_header(path: Path) -> dict | None:
    """The wrapped key of `path`: its own `.key` file, else one beside another file of the same
    folder (every backup of a data folder shares its key; a file copied alone still opens)."""
    head = keywrap.read(path)
    if head is not None:
        return head
    try:
        siblings = sorted(path.parent.glob("*" + keywrap.SUFFIX))
    except OSError:
        return None
    for other in siblings:
        head = keywrap.read(other.with_name(other.name[:-len(keywrap.SUFFIX)]))
        if head is not None:
            return head
    return None


def stored_key(path: Path) -> bytes | None:
    head = find_header(path)
    if head is None:
        return None
    secret = keystore.get(_store_name(head))
    return bytes.fromhex(secret) if secret else None


def key_for(path: Path) -> bytes | None:
    """None for a plain file; the key of an encrypted one, or KeyNeeded."""
    if not is_encrypted(path):
        return None
    key = stored_key(path)
    if key is None:
        raise KeyNeeded(path)
    return key


def unlock(path: Path, secret: str) -> bytes:
    """Unwrap the key of `path` with the owner password or the recovery key and keep it for
    this computer's user, so that the file (and its backups) open from now on."""
    head = find_header(path)
    if head is None:
        raise StoreError(store_message(QT_TRANSLATE_NOOP(
            "StoreError", "找不到这份加密数据的密钥文件（%1），无法打开"),
            keywrap.sidecar(path).name))
    try:
        key = keywrap.unwrap(head, secret)
    except keywrap.WrongSecret as exc:
        raise StoreError(store_message(QT_TRANSLATE_NOOP(
            "StoreError", "店主密码或恢复密钥不正确"))) from exc
    remember(head, key)
    return key


def remember(head: dict, key: bytes) -> None:
    keystore.put(_store_name(head), key.hex())


def forget(head: dict) -> None:
    keystore.delete(_store_name(head))


def raw_connect(path: Path, key: bytes | None, readonly: bool = False):
    """A driver connection to `path`, keyed (the key must be the first statement)."""
    # Path.as_uri() escapes what a hand-built "file:...?mode=ro" breaks on: #, ?, %, Chinese.
    target = Path(path).resolve().as_uri() + "?mode=ro" if readonly else str(path)
    conn = driver.connect(target, uri=readonly)
    try:
        if key is not None:
            conn.execute(f"PRAGMA key = \"{keywrap.passphrase(key)}\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # a wrong key fails here
    except driver.Error:
        conn.close()
        raise
    return conn


def convert_file(path: Path, old_key: bytes | None, new_key: bytes | None) -> None:
    """Rewrite a closed database file under another key (None: plain)."""
    partial = path.with_name(path.name + ".converting")
    partial.unlink(missing_ok=True)
    conn = raw_connect(path, old_key)
    try:
        target = keywrap.passphrase(new_key) if new_key is not None else ""
        conn.execute("ATTACH DATABASE ? AS converted KEY ?", (str(partial), target))
        conn.execute("SELECT sqlcipher_export('converted')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA converted.user_version = {int(version)}")
        conn.execute("DETACH DATABASE converted")
    except driver.Error as exc:
        conn.close()
        partial.unlink(missing_ok=True)
        raise StoreError(store_message(QT_TRANSLATE_NOOP(
            "StoreError", "无法转换数据文件 %1：%2"), path.name, exc)) from exc
    conn.close()
    with open(partial, "rb+") as f:
        os.fsync(f.fileno())
    for suffix in ("-wal", "-shm"):  # the old file's, checkpointed when it was closed
        Path(str(path) + suffix).unlink(missing_ok=True)
    partial.replace(path)


def convert_backup(path: Path, old_key: bytes | None, new_key: bytes | None,
                   head: dict | None) -> None:
    """A backup under another key, its `.key` file written first (an encrypted file is never
    left without one) and removed once the file is plain."""
    if is_encrypted(path) == (new_key is not None):
        if head is not None and new_key is not None:
            keywrap.write(path, head)
        return
    if new_key is not None:
        keywrap.write(path, head)
    convert_file(path, old_key, new_key)
    if new_key is None:
        keywrap.sidecar(path).unlink(missing_ok=True)


def live_key(database) -> bytes | None:
    """The key an open local database was opened with (None: plain, or not SQLite)."""
    params = getattr(database, "connect_params", None) or {}
    secret = params.get("passphrase") or ""
    return bytes.fromhex(secret[2:-1]) if secret.startswith("x'") else None



def reopen(database, key: bytes | None) -> None:
    """Close the live database, convert its file, open it again: the same Database object, so
    the bound models and everyone holding it keep working. This connection's audit session
    (who is working, from where) is carried over. The `.key` file must already be there."""
    from db.trust import audit  # noqa: PLC0415  (trust builds on storage, not the reverse)
    session = database.execute_sql(
        "SELECT staff_id, source, per_row FROM temp.audit_session").fetchone()
    old, db_file = live_key(database), Path(database.database)
    database.close()
    try:
        convert_file(db_file, old, key)
        database.connect_params.pop("passphrase", None)
        if key is not None:
            database.connect_params["passphrase"] = keywrap.passphrase(key)
    finally:  # converted or not, the session goes on with the file as it now is
        database.connect()
        audit.install(database)
        if session is not None:
            database.execute_sql("UPDATE temp.audit_session SET staff_id = ?, source = ?, "
                                 "per_row = ?", session)


SERVER_KEY = "backup_key"  # a team server's Credential row: {"key": hex, "header": {...}}


def server_backup_key() -> tuple[bytes, dict] | None:
    """The key and wrapped-key header a team server's backups are encrypted with, if any."""
    row = Credential.get_or_none(Credential.key == SERVER_KEY)
    if row is None:
        return None
    stored = json.loads(row.secret)
    return bytes.fromhex(stored["key"]), stored["header"]
