"""Backups: consistent copies with SQLite's online backup API, a retention rule, an optional
second folder, verification, restore, and recovery of a damaged database. A shared
PostgreSQL server is backed up into the same kind of SQLite file (db.storage.transfer).

A plain file copy of a live WAL database can miss committed pages; the backup API copies a
consistent snapshot, so it is used for every copy of a live database here. A backup of an
encrypted database is encrypted with the same key and gets the same `.key` file beside it
(db.storage.encryption); every connection here goes through SQLCipher's driver for that.
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import re
import shutil
import tempfile
from pathlib import Path

from peewee import Database, PeeweeException as PeeweeError, SqliteDatabase
from playhouse.sqlcipher_ext import SqlCipherDatabase

from db.errors import StoreError, store_message
from db.models import database as proxy
from db.storage import dialect, encryption, files, keywrap, migrations, paths, transfer
from db.trust import audit
from db.vocabulary import QT_TRANSLATE_NOOP

BACKUP_NAME = re.compile(r"^kefudesk-(\d{8}-\d{6}-\d{6})-([a-z-]+)\.sqlite3$")
DEFAULT_KEEP_LAST = 10
DEFAULT_KEEP_WEEKS = 8


class MirrorError(StoreError):
    """The backup was made, but copying it to the second folder failed."""

    def __init__(self, message, backup: Path):
        super().__init__(message)
        self.backup = backup


@dataclasses.dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime  # local time
    reason: str  # start / daily / manual / import / migrate / before-restore ...
    size: int


def backup(database: Database, target_dir: Path, reason: str,
           keep_last: int = DEFAULT_KEEP_LAST, keep_weeks: int = DEFAULT_KEEP_WEEKS) -> Path:
    """Snapshot the live database into target_dir, then apply the retention rule."""
    target_dir.mkdir(parents=True, exist_ok=True)
    paths.make_private(target_dir)
    # Local time to the microsecond: names sort by age and read well in a file manager.
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = target_dir / f"kefudesk-{stamp}-{reason}.sqlite3"
    partial = target.with_suffix(".partial")
    try:
        if dialect.is_postgres(database):
            _snapshot_server(database, partial)
        else:
            key = encryption.live_key(database)
            if key is not None:  # the key file first: an encrypted file never lacks one
                keywrap.write(target, keywrap.read(Path(database.database)))
            dest = encryption.raw_connect(partial, key)
            try:
                database.connection().backup(dest)
            finally:
                dest.close()
        paths.make_private(partial)
        partial.replace(target)  # only complete backups carry the real name
    except (OSError, encryption.Error, PeeweeError) as exc:
        files.remove_quietly(keywrap.sidecar(target))
        files.remove_quietly(partial)  # a full disk must not keep half a backup
        raise StoreError(store_message(QT_TRANSLATE_NOOP(
            "StoreError", "备份失败（%1）：%2"), target_dir, exc)) from exc
    prune(target_dir, keep_last, keep_weeks)
    return target


def _snapshot_server(database: Database, target: Path) -> None:
    """A shared server's backup is an SQLite file like a local one: the backup page, the
    retention rule, verification and restore work the same."""
    held = encryption.server_backup_key()
    extra = {}
    if held is not None:  # the owner password is set on the server: encrypted like local ones
        key, head = held
        keywrap.write(target.with_suffix(".sqlite3"), head)
        encryption.remember(head, key)  # this computer can restore it without asking
        extra["passphrase"] = keywrap.passphrase(key)
    dest = SqlCipherDatabase(str(target), **extra)
    try:
        migrations.migrate(dest, only=migrations.applied_versions(database))
        transfer.copy(database, dest)
    finally:
        dest.close()


def backup_now(data_dir: Path, reason: str = "manual", use_settings: bool = True) -> Path:
    """Back up the open database into the data folder, and to the second folder if set."""
    keep_last, keep_weeks, mirror_dir = DEFAULT_KEEP_LAST, DEFAULT_KEEP_WEEKS, ""
    if use_settings:  # not before a migration: the settings table may not be current yet
        from db.storage import settings  # noqa: PLC0415
        keep_last = int(settings.get("backup_keep"))
        keep_weeks = int(settings.get("backup_keep_weeks"))
        mirror_dir = settings.get("backup_mirror_dir") or ""
    made = backup(proxy.obj, paths.backup_dir(data_dir), reason, keep_last, keep_weeks)
    if mirror_dir:
        try:
            mirror = Path(mirror_dir)
            mirror.mkdir(parents=True, exist_ok=True)
            if keywrap.sidecar(made).exists():
                shutil.copy2(keywrap.sidecar(made), keywrap.sidecar(mirror / made.name))
            shutil.copy2(made, mirror / made.name)  # a finished backup, not a live database
            paths.make_private(mirror / made.name)
            prune(mirror, keep_last, keep_weeks)
        except OSError as exc:
            raise MirrorError(store_message(QT_TRANSLATE_NOOP(
                "StoreError", "备份已保存在数据文件夹，但复制到第二个备份文件夹失败（%1）：%2"),
                mirror_dir, exc), made) from exc
    return made


def list_backups(target_dir: Path) -> list[BackupInfo]:
    """Backups in target_dir, newest first."""
    if not target_dir.exists():
        return []
    found = []
    for path in target_dir.iterdir():
        match = BACKUP_NAME.match(path.name)
        if match:
            taken = dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S-%f")
            found.append(BackupInfo(path, taken, match.group(2), path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def keep_set(backups: list[BackupInfo], keep_last: int, keep_weeks: int) -> set[Path]:
    """Retention: the newest keep_last, plus the newest of each of the last keep_weeks weeks."""
    keep = {b.path for b in backups[:max(keep_last, 1)]}
    if backups and keep_weeks > 0:
        newest_week = _week_start(backups[0].taken_at)
        seen = set()
        for b in backups:  # newest first, so the first seen of a week is its newest
            week = _week_start(b.taken_at)
            if (newest_week - week).days < 7 * keep_weeks and week not in seen:
                seen.add(week)
                keep.add(b.path)
    return keep


def prune(target_dir: Path, keep_last: int, keep_weeks: int) -> list[Path]:
    """Delete the backups the retention rule lets go; one held by antivirus or a viewer
    (Windows refuses to delete it) stays until the next prune. The deleted ones."""
    for leftover in target_dir.glob("kefudesk-*.partial"):  # from a backup killed half-way
        files.remove_quietly(leftover)
    found = list_backups(target_dir)
    keep = keep_set(found, keep_last, keep_weeks)
    removed = []
    for backup in found:
        if backup.path not in keep and files.remove_quietly(backup.path):
            files.remove_quietly(keywrap.sidecar(backup.path))
            removed.append(backup.path)
    return removed


def remove(path: Path) -> bool:
    """Delete one backup (the one an import failed after: it only repeats the database);
    False when it is held and stays."""
    if not files.remove_quietly(path):
        return False
    files.remove_quietly(keywrap.sidecar(path))
    return True


def _week_start(moment: dt.datetime) -> dt.date:
    return moment.date() - dt.timedelta(days=moment.weekday())


def verify(path: Path) -> list[str]:
    """SQLite's full integrity check of a backup file, opened read-only; [] when sound.
    An encrypted backup whose key this computer lacks raises encryption.KeyNeeded."""
    key = encryption.key_for(path)
    try:
        conn = encryption.raw_connect(path, key, readonly=True)
    except encryption.Error as exc:
        return [str(exc)]
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()  # one of ours?
    except encryption.Error as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def restore(data_dir: Path, source: Path) -> Path:
    """Replace the open database's content with a verified backup; returns the safety copy
    of the state before. The copy goes through the backup API into the live connection,
    inside SQLite's own transaction, then an older backup is migrated to the current schema."""
    problems = verify(source)
    if problems:
        raise StoreError(store_message(QT_TRANSLATE_NOOP(
            "StoreError", "备份文件未通过完整性检查，未做任何改动（%1）：%2"),
            source.name, problems[0]))
    safety = backup_now(data_dir, "before-restore")
    database = proxy.obj
    if dialect.is_postgres(database):
        _restore_server(database, source)
    else:
        _adopt_key(database, source)
        with _under_key(source, encryption.live_key(database)) as readable:
            src = encryption.raw_connect(readable, encryption.live_key(database), readonly=True)
            try:
                src.backup(database.connection())
            finally:
                src.close()
    migrations.migrate(database)
    audit.install(database)  # the session's triggers, for the schema just copied in
    audit.record("restore", "database", detail={"backup": source.name, "safety_copy": safety.name})
    return safety


def _adopt_key(database: Database, source: Path) -> None:
    """An encrypted backup restored into a plain database (on a new computer): the database
    takes the backup's key and key file, so the restored data is encrypted like it was."""
    key = encryption.key_for(source)
    if key is None or encryption.live_key(database) is not None:
        return
    keywrap.write(Path(database.database), encryption.find_header(source))
    encryption.reopen(database, key)


def _restore_server(database: Database, source: Path) -> None:
    # The backup may predate a migration: bring a scratch copy up to the server's schema.
    with tempfile.TemporaryDirectory(prefix="kefudesk-restore-") as scratch:
        copy = Path(scratch) / "restore.sqlite3"
        _copy_file(source, copy)
        if encryption.is_encrypted(copy):  # the server's own copy is plain SQL rows
            encryption.convert_file(copy, encryption.key_for(source), None)
        local = SqliteDatabase(str(copy))
        try:
            migrations.migrate(local)
            transfer.copy(local, database)
        finally:
            local.close()


def newest_good_backup(data_dir: Path) -> BackupInfo | None:
    for candidate in list_backups(paths.backup_dir(data_dir)):
        if not verify(candidate.path):
            return candidate
    return None


def recover_damaged(data_dir: Path, source: Path) -> Path:
    """Set a damaged database aside (never deleted) and put a verified backup in its place.
    Call with the database closed; returns where the damaged file went."""
    problems = verify(source)
    if problems:
        raise StoreError(store_message(QT_TRANSLATE_NOOP(
            "StoreError", "备份文件未通过完整性检查（%1）：%2"), source.name, problems[0]))
    db_file = paths.database_file(data_dir)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = db_file.with_name(f"{db_file.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(str(db_file) + suffix)
        if part.exists():
            part.replace(Path(str(aside) + suffix))
    _copy_file(source, db_file)
    return aside


def _copy_file(source: Path, target: Path) -> None:
    """A backup file's content into a new database file, through SQLite's backup API; an
    encrypted backup gives a file encrypted with the same key, its key file beside it."""
    key = encryption.key_for(source)
    if key is not None:
        keywrap.write(target, encryption.find_header(source))
    src = encryption.raw_connect(source, key, readonly=True)
    try:
        dest = encryption.raw_connect(target, key)
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()
    paths.make_private(target)


@contextlib.contextmanager
def _under_key(source: Path, key: bytes | None):
    """`source` itself when it is under `key`, else a scratch copy converted to it (SQLite's
    backup API copies between files of the same key only): a backup from another data folder,
    or one made before the password was set or removed."""
    if encryption.key_for(source) == key:
        yield source
        return
    with tempfile.TemporaryDirectory(prefix="kefudesk-restore-") as scratch:
        copy = Path(scratch) / "restore.sqlite3"
        _copy_file(source, copy)
        encryption.convert_file(copy, encryption.key_for(source), key)
        yield copy
