"""Opening the database: pragmas, integrity check, a backup, migrations, binding the models."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from peewee import DatabaseError, SqliteDatabase

from db import audit, migrations, paths
from db.models import database as proxy

PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "normal",  # with WAL: cannot corrupt, a power cut may lose the last commit
    "foreign_keys": 1,
    "cache_size": -64000,
    "busy_timeout": 5000,
}


class StoreError(RuntimeError):
    """A problem opening or backing up the database, phrased for the user."""


class DamagedDatabase(StoreError):
    """The database file fails SQLite's integrity check: never open it for writing."""


def connect(db_file: Path) -> SqliteDatabase:
    # IMMEDIATE transactions take the write lock up front: no read-to-write upgrade deadlocks.
    database = SqliteDatabase(str(db_file), pragmas=PRAGMAS, lock_type="IMMEDIATE")
    database.connect(reuse_if_open=True)
    return database


def open_database(data_dir: Path, backup_on_open: bool = True) -> SqliteDatabase:
    """Open (creating if needed) the database in data_dir, back it up, migrate, bind models."""
    network = paths.network_filesystem(data_dir)
    if network:
        raise StoreError(
            f"数据文件夹在网络共享上（{network}）：{data_dir}\n"
            "SQLite 数据库放在网络共享上时，文件锁不可靠，多人同时使用会损坏数据（SQLite 官方建议）。"
            "请把数据文件夹放在本机硬盘或 U 盘上（--data-dir）；多台电脑要共用同一份数据，"
            "需要使用服务器数据库（PostgreSQL）。")
    db_file = paths.database_file(data_dir)
    existed = db_file.exists() and db_file.stat().st_size > 0
    try:
        database = connect(db_file)
    except (sqlite3.DatabaseError, DatabaseError) as exc:
        raise DamagedDatabase(f"无法打开数据库 {db_file}: {exc}") from exc
    if existed:
        problems = integrity_problems(database, quick=True)
        if problems:
            database.close()
            raise DamagedDatabase(f"数据库文件已损坏 {db_file}: {problems[0]}")
    proxy.initialize(database)
    try:
        todo = migrations.pending(database)
    except migrations.MigrationError as exc:
        database.close()
        raise StoreError(str(exc)) from exc
    if existed and (backup_on_open or todo):
        from db import backups  # noqa: PLC0415 - backups read settings through the proxy
        backups.backup_now(data_dir, "migrate" if todo else "start", use_settings=not todo)
    migrations.migrate(database)
    audit.install(database)
    return database


def open_memory() -> SqliteDatabase:
    """A migrated in-memory database (self-test, scratch work)."""
    database = SqliteDatabase(":memory:", pragmas={"foreign_keys": 1})
    database.connect()
    proxy.initialize(database)
    migrations.migrate(database)
    audit.install(database)
    return database


def integrity_problems(database: SqliteDatabase, quick: bool = False) -> list[str]:
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = [r[0] for r in database.execute_sql(f"PRAGMA {pragma}").fetchall()]
    except (sqlite3.DatabaseError, DatabaseError) as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows
