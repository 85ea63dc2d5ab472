"""Opening the database (pragmas, migrations), online backups and integrity checks."""
from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path

from peewee import DatabaseError, SqliteDatabase

from db import migrations, paths
from db.models import database as proxy

PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "normal",  # with WAL: cannot corrupt, a power cut may lose the last commit
    "foreign_keys": 1,
    "cache_size": -64000,
    "busy_timeout": 5000,
}
BACKUP_NAME = re.compile(r"^kefudesk-(\d{8}-\d{6}-\d{6})-([a-z-]+)\.sqlite3$")


class StoreError(RuntimeError):
    """A problem opening or backing up the database, phrased for the user."""


def connect(db_file: Path) -> SqliteDatabase:
    # IMMEDIATE transactions take the write lock up front: no read-to-write upgrade deadlocks.
    database = SqliteDatabase(str(db_file), pragmas=PRAGMAS, lock_type="IMMEDIATE")
    database.connect(reuse_if_open=True)
    return database


def open_database(data_dir: Path, keep_backups: int | None = None,
                  backup_on_open: bool = True) -> SqliteDatabase:
    """Open (creating if needed) the database in data_dir, back it up, migrate, bind models."""
    db_file = paths.database_file(data_dir)
    existed = db_file.exists() and db_file.stat().st_size > 0
    try:
        database = connect(db_file)
    except (sqlite3.DatabaseError, DatabaseError) as exc:
        raise StoreError(f"无法打开数据库 {db_file}: {exc}") from exc
    if existed:
        problems = integrity_problems(database, quick=True)
        if problems:
            database.close()
            raise StoreError(f"数据库文件已损坏 {db_file}: {problems[0]}")
    proxy.initialize(database)
    try:
        todo = migrations.pending(database)
    except migrations.MigrationError as exc:
        database.close()
        raise StoreError(str(exc)) from exc
    if existed and (backup_on_open or todo):
        from db import settings  # settings need the bound proxy
        keep = keep_backups if keep_backups is not None else (
            settings.get("backup_keep") if not todo else 10)
        backup(database, paths.backup_dir(data_dir), "migrate" if todo else "start", keep)
    migrations.migrate(database)
    return database


def open_memory() -> SqliteDatabase:
    """A migrated in-memory database (self-test, scratch work)."""
    database = SqliteDatabase(":memory:", pragmas={"foreign_keys": 1})
    database.connect()
    proxy.initialize(database)
    migrations.migrate(database)
    return database


def integrity_problems(database: SqliteDatabase, quick: bool = False) -> list[str]:
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = [r[0] for r in database.execute_sql(f"PRAGMA {pragma}").fetchall()]
    except (sqlite3.DatabaseError, DatabaseError) as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def backup(database: SqliteDatabase, target_dir: Path, reason: str, keep: int) -> Path:
    """Copy the live database with SQLite's online backup API, then prune old copies.

    A plain file copy of a live WAL database can miss committed pages; the backup API
    copies a consistent snapshot.
    """
    target_dir.mkdir(parents=True, exist_ok=True)
    # Local time to the microsecond: names sort by age and read well in a file manager.
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = target_dir / f"kefudesk-{stamp}-{reason}.sqlite3"
    partial = target.with_suffix(".partial")
    try:
        dest = sqlite3.connect(str(partial))
        try:
            database.connection().backup(dest)
        finally:
            dest.close()
        partial.replace(target)  # only complete backups carry the real name
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"备份失败 ({target_dir}): {exc}") from exc
    prune_backups(target_dir, keep)
    return target


def list_backups(target_dir: Path) -> list[Path]:
    """Backups, newest first."""
    if not target_dir.exists():
        return []
    found = [p for p in target_dir.iterdir() if BACKUP_NAME.match(p.name)]
    return sorted(found, key=lambda p: BACKUP_NAME.match(p.name).group(1), reverse=True)


def prune_backups(target_dir: Path, keep: int) -> None:
    for old in list_backups(target_dir)[max(keep, 1):]:
        old.unlink(missing_ok=True)


def backup_now(data_dir: Path, reason: str = "manual") -> Path:
    """Back up the open database into the data folder's backup directory."""
    from db import settings  # noqa: PLC0415 - settings need the bound proxy
    return backup(proxy.obj, paths.backup_dir(data_dir), reason, int(settings.get("backup_keep")))
