"""Opening, migrating and backing up the real SQLite file (and the server, where the same
rules apply)."""
from __future__ import annotations

import sqlite3
import sys
import types

import pytest

from db.customers import records as customers
from db.customers.records import CustomerData
from db.errors import DamagedDatabase, StoreError
from db.models import CORE_MODELS, Customer, database as proxy
from db.storage import backups, migrations, paths, store
from tests.helpers import damage_database


def columns(db, table):
    return {c.name: c.data_type.upper() for c in db.get_columns(table)}


def all_models():
    from db.models import BaseModel
    found, todo = [], list(BaseModel.__subclasses__())
    while todo:
        model = todo.pop()
        found.append(model)
        todo += model.__subclasses__()
    return found


@pytest.mark.sqlite_only
def test_new_database_is_wal_with_foreign_keys(database, data_dir):
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert paths.database_file(data_dir).exists()
    assert migrations.current_version(database) == migrations.latest_version()


def test_migrated_schema_matches_the_models(database):
    """The frozen tables of the migration chain are what db.models describes."""
    for model in all_models():
        table = model._meta.table_name
        assert table in database.get_tables(), f"no migration creates {table}"
        expected = {f.column_name for f in model._meta.sorted_fields}
        assert set(columns(database, table)) == expected, table
    assert CORE_MODELS[0] in all_models()


@pytest.mark.sqlite_only
def test_reopening_keeps_data_and_backs_up_first(data_dir, owner):
    customers.create(CustomerData(name="张三"), owner)
    proxy.obj.close()
    db = store.open_database(data_dir)
    try:
        assert [c.name for c in Customer.select()] == ["张三"]
        [backup] = backups.list_backups(paths.backup_dir(data_dir))
        assert backup.reason == "start"
        with sqlite3.connect(backup.path) as copy:
            assert copy.execute("SELECT name FROM customer").fetchall() == [("张三",)]
    finally:
        db.close()


@pytest.mark.sqlite_only
def test_older_database_is_migrated_with_data_kept(data_dir, monkeypatch):
    """A database at schema N gains step N+1 on open, with a backup taken before it."""
    db = store.open_database(data_dir)
    db.execute_sql("INSERT INTO staff (name, role, active, created_at) VALUES ('老王', 'owner', 1, '2026-01-01')")
    db.close()
    step = types.ModuleType("db.storage.migrations.m9999_test")
    step.VERSION = migrations.latest_version() + 1
    step.up = lambda database: database.execute_sql("ALTER TABLE staff ADD COLUMN nickname TEXT")
    monkeypatch.setitem(sys.modules, step.__name__, step)
    monkeypatch.setattr(migrations, "STEP_MODULES", [*migrations.STEP_MODULES, "m9999_test"])
    db = store.open_database(data_dir)
    try:
        assert migrations.current_version(db) == step.VERSION
        assert "nickname" in columns(db, "staff")
        assert db.execute_sql("SELECT name FROM staff").fetchall() == [("老王",)]
        assert backups.list_backups(paths.backup_dir(data_dir))[0].reason == "migrate"
    finally:
        db.close()


def test_failing_migration_rolls_back_and_leaves_old_database_usable(data_dir, monkeypatch):
    store.open_database(data_dir).close()
    before = migrations.latest_version()

    def broken(database):
        database.execute_sql("CREATE TABLE half_done (id INTEGER)")
        raise RuntimeError("disk on fire")

    step = types.ModuleType("db.storage.migrations.m9998_broken")
    step.VERSION, step.up = before + 1, broken
    monkeypatch.setitem(sys.modules, step.__name__, step)
    monkeypatch.setattr(migrations, "STEP_MODULES", [*migrations.STEP_MODULES, "m9998_broken"])
    with pytest.raises(RuntimeError):
        store.open_database(data_dir)
    proxy.obj.close()
    monkeypatch.setattr(migrations, "STEP_MODULES", migrations.STEP_MODULES[:-1])
    db = store.open_database(data_dir)
    try:
        assert migrations.current_version(db) == before
        assert "half_done" not in db.get_tables()
    finally:
        db.close()


def test_database_from_a_newer_program_is_refused(data_dir):
    db = store.open_database(data_dir)
    db.execute_sql("INSERT INTO schema_version (version, applied_at) VALUES (999, '2030-01-01')")
    db.close()
    with pytest.raises(StoreError, match="更新版本的客服台"):
        store.open_database(data_dir)


@pytest.mark.sqlite_only
def test_damaged_database_is_not_opened(data_dir):
    store.open_database(data_dir).close()
    damage_database(data_dir)
    with pytest.raises(DamagedDatabase):
        store.open_database(data_dir)


def test_self_test_command_passes():
    import subprocess
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, str(root / "main.py"), "--self-test"],
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout


def test_a_step_numbered_below_one_already_applied_still_runs(data_dir, monkeypatch):
    """Areas developed side by side land in any order: a missing step runs whatever its number."""
    top = migrations.latest_version()
    late = types.ModuleType("db.storage.migrations.m9997_late")
    late.VERSION, late.up = top + 2, lambda db: db.execute_sql("CREATE TABLE late_area (id INTEGER)")
    early = types.ModuleType("db.storage.migrations.m9996_early")
    early.VERSION, early.up = top + 1, lambda db: db.execute_sql("CREATE TABLE early_area (id INTEGER)")
    monkeypatch.setitem(sys.modules, late.__name__, late)
    monkeypatch.setitem(sys.modules, early.__name__, early)
    monkeypatch.setattr(migrations, "STEP_MODULES", [*migrations.STEP_MODULES, "m9997_late"])
    store.open_database(data_dir).close()
    monkeypatch.setattr(migrations, "STEP_MODULES", [*migrations.STEP_MODULES, "m9996_early"])
    db = store.open_database(data_dir)
    try:
        assert {"late_area", "early_area"} <= set(db.get_tables())
        assert migrations.applied_versions(db) >= {top + 1, top + 2}
    finally:
        db.close()


MOUNTS = """/dev/vda / ext4 rw 0 0
server:/export /mnt/shop nfs4 rw 0 0
//nas/share /media/nas\\040drive cifs rw 0 0
/dev/sdb1 /mnt/shop/local-usb vfat rw 0 0
"""


@pytest.mark.parametrize("path,expected", [
    ("/home/xiaomei/KefuDesk", None), ("/mnt/shop/KefuDesk", "nfs4"),
    ("/media/nas drive/KefuDesk", "cifs"), ("/mnt/shop/local-usb/KefuDesk", None),
    ("/mnt/shopping", None),
])
def test_network_share_detection(path, expected):
    assert paths.network_filesystem(path, MOUNTS) == expected


@pytest.mark.sqlite_only
def test_database_on_a_network_share_is_refused(data_dir, monkeypatch):
    monkeypatch.setattr(paths, "network_filesystem", lambda p, mounts=None: "cifs")
    with pytest.raises(StoreError, match="网络共享"):
        store.open_database(data_dir)
    assert not paths.database_file(data_dir).exists()


@pytest.mark.sqlite_only
def test_quick_check_runs_after_an_unclean_exit_and_weekly_otherwise(data_dir, monkeypatch):
    import datetime as dt
    calls = []
    real = store.integrity_problems
    monkeypatch.setattr(store, "integrity_problems",
                        lambda db, quick=False: calls.append(quick) or real(db, quick))
    store.open_database(data_dir).close()  # new database: nothing to check
    store.open_database(data_dir).close()  # previous session did not leave the clean mark
    assert calls == [True]
    db = store.open_database(data_dir)
    store.close_database(db, data_dir)
    assert (data_dir / store.CLEAN_MARK).exists()
    store.close_database(store.open_database(data_dir), data_dir)  # clean and checked today
    assert calls == [True, True]
    (data_dir / store.CLEAN_MARK).write_text((dt.date.today() - dt.timedelta(days=8)).isoformat())
    store.open_database(data_dir).close()  # a week since the last check
    assert calls == [True, True, True]
