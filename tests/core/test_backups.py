"""Backups: consistency, retention, second folder, verification, restore and recovery."""
from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from db.customers import records as customers
from db.customers.records import CustomerData
from db.errors import DamagedDatabase, StoreError
from db.models import Customer, database as proxy
from db.storage import backups, migrations, paths, settings, store
from tests.helpers import damage_database


def names() -> list[str]:
    return sorted(c.name for c in Customer.select())


def test_backup_is_a_consistent_snapshot(database, data_dir, owner):
    customers.create(CustomerData(name="张三"), owner)
    made = backups.backup_now(data_dir, "manual")
    assert backups.verify(made) == []
    with sqlite3.connect(made) as copy:
        assert copy.execute("SELECT name FROM customer").fetchall() == [("张三",)]
    assert not list(made.parent.glob("*.partial"))
    [info] = backups.list_backups(made.parent)
    assert info.reason == "manual" and info.size == made.stat().st_size


def info(path: str, when: dt.datetime) -> backups.BackupInfo:
    return backups.BackupInfo(Path(path), when, "start", 1)


def test_retention_keeps_the_last_n_and_one_per_week():
    now = dt.datetime(2026, 11, 25, 9, 0)  # a Wednesday
    # three a day for 70 days, newest first
    found = [info(f"b{n}", now - dt.timedelta(hours=8 * n)) for n in range(210)]
    keep = backups.keep_set(found, keep_last=10, keep_weeks=8)
    assert {f"b{n}" for n in range(10)} <= {p.name for p in keep}
    kept_weeks = {backups._week_start(b.taken_at) for b in found if b.path in keep}
    this_week = dt.date(2026, 11, 23)
    assert kept_weeks == {this_week - dt.timedelta(weeks=w) for w in range(8)}
    assert len(keep) == 10 + 6  # the newest ten already span this week and the last
    oldest_kept = min(b.taken_at for b in found if b.path in keep)
    assert (now - oldest_kept).days < 8 * 7
    assert backups.keep_set(found, keep_last=3, keep_weeks=0) == {b.path for b in found[:3]}


def test_prune_on_disk_applies_the_setting(database, data_dir):
    settings.put("backup_keep", 2)
    settings.put("backup_keep_weeks", 0)
    for _ in range(4):
        backups.backup_now(data_dir)
    assert len(backups.list_backups(paths.backup_dir(data_dir))) == 2


def test_second_folder_gets_a_copy_and_failures_are_reported(database, data_dir, tmp_path):
    mirror = tmp_path / "usb"
    settings.put("backup_mirror_dir", str(mirror))
    made = backups.backup_now(data_dir)
    assert (mirror / made.name).read_bytes() == made.read_bytes()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    settings.put("backup_mirror_dir", str(blocker))
    with pytest.raises(backups.MirrorError) as err:
        backups.backup_now(data_dir)
    assert err.value.backup.exists()  # the main backup was still made
    assert "第二个备份文件夹" in str(err.value)


def test_restore_replaces_content_and_keeps_a_safety_copy(database, data_dir, owner):
    customers.create(CustomerData(name="张三"), owner)
    before = backups.backup_now(data_dir)
    customers.create(CustomerData(name="李四"), owner)
    safety = backups.restore(data_dir, before)
    assert names() == ["张三"]
    assert safety.exists() and "before-restore" in safety.name
    backups.restore(data_dir, safety)  # and back again
    assert names() == ["张三", "李四"]


def test_restore_refuses_a_damaged_backup_and_changes_nothing(database, data_dir, owner, tmp_path):
    customers.create(CustomerData(name="张三"), owner)
    bad = tmp_path / "kefudesk-20260101-000000-000000-manual.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(StoreError, match="完整性"):
        backups.restore(data_dir, bad)
    not_ours = tmp_path / "other.sqlite3"
    sqlite3.connect(not_ours).execute("CREATE TABLE x (y)").connection.close()
    assert backups.verify(not_ours)  # a sound SQLite file that is not a Kefu Desk database
    assert names() == ["张三"]
    assert not [b for b in backups.list_backups(paths.backup_dir(data_dir))
                if b.reason == "before-restore"]


def test_restoring_an_older_schema_is_migrated(database, data_dir, owner):
    made = backups.backup_now(data_dir)
    with sqlite3.connect(made) as old:  # pretend it predates the newest migration
        old.execute("DELETE FROM schema_version WHERE version = ?", (migrations.latest_version(),))
    if migrations.latest_version() == 1:
        pytest.skip("needs two migrations to pretend an older schema")
    backups.restore(data_dir, made)
    assert migrations.current_version(proxy.obj) == migrations.latest_version()


@pytest.mark.sqlite_only
def test_damaged_database_is_set_aside_and_recovered_from_the_newest_good_backup(data_dir):
    db = store.open_database(data_dir)
    from db.trust import staff
    owner = staff.add("店主")
    customers.create(CustomerData(name="张三"), owner)
    backups.backup_now(data_dir)
    db.close()
    raw = damage_database(data_dir)
    with pytest.raises(DamagedDatabase):
        store.open_database(data_dir)
    good = backups.newest_good_backup(data_dir)
    aside = backups.recover_damaged(data_dir, good.path)
    assert aside.exists() and aside.read_bytes() == raw  # kept, never deleted
    db = store.open_database(data_dir)
    try:
        assert names() == ["张三"]
    finally:
        db.close()
