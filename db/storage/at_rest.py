"""Turning encryption at rest on and off with the owner password (db.trust.security calls
these once the password itself is stored or removed).

Local database: setting the password encrypts the database file and every backup (the data
folder's and the second folder's) under one new random key, kept for this computer's user
(db.storage.keystore) and wrapped beside each file by the password and by a recovery key shown
once. Changing the password re-wraps the same key; removing it decrypts everything again.
Backups go first and the live file last, each by whole-file replacement, so a crash half-way
leaves every file readable: encrypted ones with their key file, plain ones as before.

Team server: encryption at rest is the server's job (its disk). Its backups, SQLite files made
on each computer, are encrypted like local ones: the key is kept in the server's own credential
table (whoever can read the server can read the data anyway) and wrapped beside each backup."""
from __future__ import annotations

import json
from pathlib import Path

from peewee import Database

from db.models import Credential, database as proxy
from db.storage import dialect, encryption, keywrap, paths
from db.storage.backups import list_backups

SERVER_KEY = encryption.SERVER_KEY


def is_encrypted(database: Database | None = None) -> bool:
    database = database or proxy.obj
    if dialect.is_postgres(database):
        return Credential.get_or_none(Credential.key == SERVER_KEY) is not None
    return encryption.live_key(database) is not None


def password_set(password: str, current: str | None) -> str | None:
    """After the owner password was set or changed: encrypt, or re-wrap the key. Returns the
    recovery key when a new one was made (to be shown once), else None."""
    database = proxy.obj
    if dialect.is_postgres(database):
        return _server_password_set(password, current)
    db_file = Path(database.database)
    key = encryption.live_key(database)
    if key is not None:  # a new password: the same key, wrapped again; the recovery key stays
        head = keywrap.read(db_file)
        head["password"] = keywrap.wrap(key, password, "password")
        for path in [db_file, *_backups(db_file)]:
            if encryption.is_encrypted(path):
                keywrap.write(path, head)
        return None
    key, recovery = keywrap.new_key(), keywrap.new_recovery_key()
    head = keywrap.header(key, password, recovery)
    encryption.remember(head, key)
    for path in _backups(db_file):
        encryption.convert_backup(path, encryption.key_for(path), key, head)
    keywrap.write(db_file, head)
    encryption.reopen(database, key)
    return recovery


def password_removed(password: str) -> None:
    """After the owner password was removed: decrypt the database and every backup."""
    database = proxy.obj
    if dialect.is_postgres(database):
        Credential.delete().where(Credential.key == SERVER_KEY).execute()
        return
    db_file = Path(database.database)
    key = encryption.live_key(database)
    if key is None:
        return
    head = keywrap.read(db_file)
    encryption.reopen(database, None)
    keywrap.sidecar(db_file).unlink(missing_ok=True)
    for path in _backups(db_file):
        if encryption.is_encrypted(path):
            encryption.convert_backup(path, encryption.key_for(path), None, None)
    if head is not None:
        encryption.forget(head)


def _backups(db_file: Path) -> list[Path]:
    """Every backup of this data folder: its own folder and the second one."""
    from db.storage import settings  # noqa: PLC0415  (settings reads the open database)
    folders = [paths.backup_dir(db_file.parent)]
    mirror = settings.get("backup_mirror_dir") or ""
    if mirror and Path(mirror).is_dir():
        folders.append(Path(mirror))
    return [b.path for folder in folders for b in list_backups(folder)]


def _server_password_set(password: str, current: str | None) -> str | None:
    row = Credential.get_or_none(Credential.key == SERVER_KEY)
    if row is not None:
        stored = json.loads(row.secret)
        key = bytes.fromhex(stored["key"])
        stored["header"]["password"] = keywrap.wrap(key, password, "password")
        _server_save(stored)
        return None
    key, recovery = keywrap.new_key(), keywrap.new_recovery_key()
    _server_save({"key": key.hex(), "header": keywrap.header(key, password, recovery)})
    return recovery


def _server_save(stored: dict) -> None:
    payload = json.dumps(stored)
    Credential.insert(key=SERVER_KEY, secret=payload).on_conflict(
        conflict_target=[Credential.key], update={Credential.secret: payload}).execute()


def carry_to_server(local: Database, target: Database) -> None:
    """Moving an encrypted local shop to a server: the server's backups use the same key (and
    so the same owner password and recovery key) as the local ones did."""
    key = encryption.live_key(local)
    head = keywrap.read(Path(local.database)) if key is not None else None
    if head is None:
        return
    payload = json.dumps({"key": key.hex(), "header": head})
    target.execute(Credential.insert(key=SERVER_KEY, secret=payload).on_conflict(
        conflict_target=[Credential.key], update={Credential.secret: payload}))


def needs_encrypting() -> bool:
    """An owner password set before encryption existed (an older version): the data stays
    plain until the owner gives the password once more (设置 → 安全 → 加密数据)."""
    owner_password = Credential.select().where(Credential.key == "owner").exists()
    return owner_password and not is_encrypted()
