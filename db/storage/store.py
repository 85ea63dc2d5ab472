"""Opening the database: pragmas, integrity check, a backup, migrations, binding the models."""
from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from peewee import Database, DatabaseError, SqliteDatabase
from playhouse.sqlcipher_ext import SqlCipherDatabase

from db.errors import DamagedDatabase, StoreError, store_message
from db.models import database as proxy
from db.storage import (
    backups, change_stamp, encryption, keywrap, managed_server, migrations, paths, server,
)
from db.trust import audit
from db.vocabulary import QT_TRANSLATE_NOOP

PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "normal",  # with WAL: cannot corrupt, a power cut may lose the last commit
    "foreign_keys": 1,
    "cache_size": -64000,
    "busy_timeout": 5000,
}


def connect(db_file: Path) -> SqliteDatabase:
    """The local database through SQLCipher's build of SQLite, which reads plain files as
    well: encrypting or decrypting it later needs no other driver. An encrypted file opens
    with the key this computer keeps (encryption.KeyNeeded when it keeps none)."""
    key = encryption.key_for(db_file)
    extra = {"passphrase": keywrap.passphrase(key)} if key is not None else {}
    # IMMEDIATE transactions take the write lock up front: no read-to-write upgrade deadlocks.
    database = SqlCipherDatabase(str(db_file), pragmas=PRAGMAS, lock_type="IMMEDIATE", **extra)
    database.connect(reuse_if_open=True)
    return database


def open_database(data_dir: Path, backup_on_open: bool = True) -> Database:
    """Open (creating if needed) the database in data_dir, back it up, migrate, bind models.
    When this computer is set to use a shared server (db.storage.server), that server is opened."""
    try:
        config = server.load(data_dir)
    except server.ServerError as exc:
        raise StoreError(str(exc)) from exc
    if config is not None:
        try:
            managed_server.start_if_managed(data_dir)  # this computer serves the shop
        except server.ServerError as exc:
            raise StoreError(str(exc)) from exc
        return open_server(config, data_dir)
    network = paths.network_filesystem(data_dir)
    if network:
        raise StoreError(store_message(QT_TRANSLATE_NOOP(
            "StoreError", "数据文件夹在网络共享上（%1）：%2\nSQLite 数据库放在网络共享上时，"
            "文件锁不可靠，多人同时使用会损坏数据（SQLite 官方建议）。"
            "请把数据文件夹放在本机硬盘或 U 盘上（--data-dir）；"
            "多台电脑要共用同一份数据，请使用团队服务器（PostgreSQL）："
            "设置 → 数据与备份 → 团队服务器。"), network, data_dir))
    db_file = paths.database_file(data_dir)
    existed = db_file.exists() and db_file.stat().st_size > 0
    try:
        database = connect(db_file)
    except (sqlite3.DatabaseError, encryption.Error, DatabaseError) as exc:
        raise DamagedDatabase(store_message(QT_TRANSLATE_NOOP(
            "StoreError", "无法打开数据库 %1：%2"), db_file, exc)) from exc
    paths.make_folder_private(data_dir)  # the WAL and shared-memory files take the file's mode
    if existed and _check_due(data_dir):
        problems = integrity_problems(database, quick=True)
        if problems:
            database.close()
            raise DamagedDatabase(store_message(QT_TRANSLATE_NOOP(
                "StoreError", "数据库文件已损坏 %1：%2"), db_file, problems[0]))
        _checked_on[data_dir] = dt.date.today()
    (data_dir / CLEAN_MARK).unlink(missing_ok=True)  # until this session closes cleanly
    todo = _bind(database)
    if existed and (backup_on_open or todo):
        backups.backup_now(data_dir, "migrate" if todo else "start", use_settings=not todo)
    migrations.migrate(database)
    audit.install(database)
    return database


def another_connection(data_dir: Path) -> Database:
    """A second connection to the data folder's database (file or server), for a check that
    reads on its own thread while the window works on the first."""
    config = server.load(data_dir)
    if config is not None:
        return server.connect(config)
    return connect(paths.database_file(data_dir))


def open_server(config: server.ServerConfig, data_dir: Path) -> Database:
    database = server.connect(config)  # server.ServerError (a StoreError) says why not
    todo = _bind(database)
    # No backup at every start: each computer copying the whole shared database would make
    # starting slow; the daily backup, the one before an import and "back up now" remain.
    if todo and "schema_version" in database.get_tables():
        backups.backup_now(data_dir, "migrate", use_settings=False)
    prepare_server(database)
    return database


def _bind(database: Database) -> list:
    """Bind the models to the database; the migration steps it lacks. A database written by a
    newer program is refused (and closed)."""
    proxy.initialize(database)
    try:
        return migrations.pending(database)
    except migrations.MigrationError as exc:
        database.close()
        raise StoreError(str(exc)) from exc


def prepare_server(database: Database) -> None:
    """Migrate a server and give it the triggers the app relies on."""
    # Several computers may start at once: one migrates, the others wait for its lock.
    with database.atomic():
        database.execute_sql("SELECT pg_advisory_xact_lock(4242)")
        migrations.migrate(database)
    audit.install(database)
    change_stamp.install(database)


# SQLite's quick_check reads the whole file (0.1 s per 50 MB). It runs at every start after a
# crash or an unclean exit, and otherwise once a week: a clean exit leaves a mark with the
# date of the last check.
CLEAN_MARK = "kefudesk.closed-cleanly"
CHECK_EVERY = dt.timedelta(days=7)
_checked_on: dict[Path, dt.date] = {}


def _check_due(data_dir: Path) -> bool:
    try:
        last = dt.date.fromisoformat((data_dir / CLEAN_MARK).read_text().strip())
    except (OSError, ValueError):
        return True
    _checked_on[data_dir] = last
    return dt.date.today() - last >= CHECK_EVERY


def close_database(database: Database, data_dir: Path) -> None:
    """Close after a normal session, leaving the clean-exit mark."""
    database.close()
    if not isinstance(database, SqliteDatabase):
        return
    checked = _checked_on.get(data_dir)
    if checked is not None:
        try:
            (data_dir / CLEAN_MARK).write_text(checked.isoformat())
        except OSError:
            pass  # a read-only folder: the next start simply checks again


def integrity_problems(database: SqliteDatabase, quick: bool = False) -> list[str]:
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = [r[0] for r in database.execute_sql(f"PRAGMA {pragma}").fetchall()]
    except (sqlite3.DatabaseError, encryption.Error, DatabaseError) as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows
