"""Encryption at rest: with an owner password set, the database file and every backup are
SQLCipher files that plain SQLite cannot read; staff keep working through the key kept for this
computer's user; another computer needs the owner password or the recovery key."""
from __future__ import annotations

import shutil
import sqlite3
import stat
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from db.customers import records as customers
from db.customers.records import CustomerData
from db.errors import StoreError
from db.models import AuditLog, Customer, database as proxy
from db.storage import backups, encryption, keystore, keywrap, paths, settings, store
from db.trust import audit, security
from tests.memory_keyring import MemoryKeyring

PASSWORD = "kaidian2026"


def plain_sqlite_reads(path: Path) -> list:
    """What the standard library's sqlite3 (any SQLite viewer) gets out of a copy of path."""
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT name FROM customer").fetchall()


def another_computer() -> None:
    """Same files, but this user's credential store holds nothing."""
    keyring.set_keyring(MemoryKeyring())


def reopen(data_dir: Path):
    proxy.obj.close()
    return store.open_database(data_dir)


@pytest.mark.sqlite_only
def test_setting_the_password_encrypts_the_database_and_every_backup(
        database, data_dir, owner, tmp_path):
    customers.create(CustomerData(name="张三", phone="13800000001"), owner)
    mirror = tmp_path / "usb"
    settings.put("backup_mirror_dir", str(mirror))
    before = backups.backup_now(data_dir, "manual")
    assert plain_sqlite_reads(before) == [("张三",)]

    audit.act_as(owner)
    recovery = security.set_owner_password(PASSWORD, None, owner)
    assert recovery and len(recovery.replace("-", "")) == 24
    db_file = paths.database_file(data_dir)
    for path in (db_file, before, mirror / before.name):
        copy = tmp_path / f"copy-{path.name}"
        shutil.copy(path, copy)
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            plain_sqlite_reads(copy)
        assert keywrap.sidecar(path).exists()
    raw = db_file.read_bytes() + before.read_bytes()
    assert "张三".encode() not in raw and b"13800000001" not in raw

    # Staff on duty keep working: the same session, a new start, new backups.
    customers.create(CustomerData(name="李四"), owner)
    # The audit session survived the conversion: the change is by the owner, from the screen.
    last = AuditLog.select().where(AuditLog.entity == "customer").order_by(AuditLog.id.desc()).get()
    assert (last.staff_id, last.source) == (owner.id, "screen")
    reopen(data_dir)
    assert sorted(c.name for c in Customer.select()) == ["张三", "李四"]
    after = backups.backup_now(data_dir, "manual")
    assert backups.verify(after) == [] and encryption.is_encrypted(after)
    assert encryption.is_encrypted(mirror / after.name) and keywrap.sidecar(mirror / after.name).exists()


@pytest.mark.sqlite_only
def test_removing_the_password_converts_everything_back(database, data_dir, owner):
    customers.create(CustomerData(name="张三"), owner)
    security.set_owner_password(PASSWORD, None, owner)
    made = backups.backup_now(data_dir, "manual")
    security.clear_owner_password(PASSWORD, owner)
    db_file = paths.database_file(data_dir)
    proxy.obj.close()
    assert plain_sqlite_reads(db_file) == [("张三",)]
    assert plain_sqlite_reads(made) == [("张三",)]
    assert not keywrap.sidecar(db_file).exists() and not keywrap.sidecar(made).exists()
    assert not keyring.get_keyring().secrets  # the key is gone from the credential store
    store.open_database(data_dir)
    assert [c.name for c in Customer.select()] == ["张三"]


@pytest.mark.sqlite_only
def test_another_computer_opens_it_only_with_the_owner_password(database, data_dir, owner):
    customers.create(CustomerData(name="张三"), owner)
    security.set_owner_password(PASSWORD, None, owner)
    proxy.obj.close()
    another_computer()
    with pytest.raises(encryption.KeyNeeded):
        store.open_database(data_dir)
    db_file = paths.database_file(data_dir)
    with pytest.raises(StoreError, match="不正确"):
        encryption.unlock(db_file, "guess-it")
    encryption.unlock(db_file, PASSWORD)
    store.open_database(data_dir)  # and from now on without asking
    assert [c.name for c in Customer.select()] == ["张三"]


@pytest.mark.sqlite_only
def test_a_copied_backup_opens_with_the_password_or_the_recovery_key(
        database, data_dir, owner, tmp_path):
    customers.create(CustomerData(name="张三"), owner)
    recovery = security.set_owner_password(PASSWORD, None, owner)
    made = backups.backup_now(data_dir, "manual")
    for secret in (PASSWORD, recovery.lower().replace("-", " ")):
        another_computer()
        stick = tmp_path / f"stick-{len(secret)}"
        stick.mkdir()
        shutil.copy(made, stick / made.name)  # the backup alone: the key file is found beside
        shutil.copy(keywrap.sidecar(made), stick / "kefudesk-other.sqlite3.key")
        with pytest.raises(encryption.KeyNeeded):
            backups.verify(stick / made.name)
        encryption.unlock(stick / made.name, secret)
        assert backups.verify(stick / made.name) == []


@pytest.mark.sqlite_only
def test_restore_on_a_new_computer_asks_for_the_password(database, data_dir, owner, tmp_path):
    customers.create(CustomerData(name="张三"), owner)
    security.set_owner_password(PASSWORD, None, owner)
    made = backups.backup_now(data_dir, "manual")
    proxy.obj.close()
    another_computer()
    new_dir = tmp_path / "new-computer"
    new_dir.mkdir()
    store.open_database(new_dir)  # a fresh, plain database
    with pytest.raises(encryption.KeyNeeded):
        backups.restore(new_dir, made)
    encryption.unlock(made, PASSWORD)
    backups.restore(new_dir, made)
    assert [c.name for c in Customer.select()] == ["张三"]
    # The restored data is encrypted like the backup was, and opens again at the next start.
    assert encryption.is_encrypted(paths.database_file(new_dir)) and security.has_owner_password()
    reopen(new_dir)
    assert [c.name for c in Customer.select()] == ["张三"]


@pytest.mark.sqlite_only
def test_a_new_password_rewraps_the_same_key(database, data_dir, owner):
    recovery = security.set_owner_password(PASSWORD, None, owner)
    made = backups.backup_now(data_dir, "manual")
    assert security.set_owner_password("second-pass", PASSWORD, owner) is None
    for path in (paths.database_file(data_dir), made):
        head = keywrap.read(path)
        with pytest.raises(keywrap.WrongSecret):
            keywrap.unwrap(head, PASSWORD)
        assert keywrap.unwrap(head, "second-pass") == keywrap.unwrap(head, recovery)


@pytest.mark.sqlite_only
def test_without_a_credential_store_the_key_file_is_private(database, data_dir, owner, tmp_path):
    keyring.set_keyring(keyring.backends.fail.Keyring())
    assert not keystore.has_os_store()
    security.set_owner_password(PASSWORD, None, owner)
    key_file = keystore.fallback_file()
    assert key_file.is_relative_to(tmp_path) and stat.S_IMODE(key_file.stat().st_mode) == 0o600
    reopen(data_dir)
    assert Customer.select().count() == 0


def test_server_backups_are_encrypted_like_local_ones(database, data_dir, owner, tmp_path):
    customers.create(CustomerData(name="张三"), owner)
    security.set_owner_password(PASSWORD, None, owner)
    made = backups.backup_now(data_dir, "manual")
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(made, copy)
    with pytest.raises(sqlite3.DatabaseError):
        plain_sqlite_reads(copy)
    another_computer()
    with pytest.raises(encryption.KeyNeeded):
        backups.verify(made)
    encryption.unlock(made, PASSWORD)
    assert backups.verify(made) == []
    customers.create(CustomerData(name="李四"), owner)
    backups.restore(data_dir, made)
    assert [c.name for c in Customer.select()] == ["张三"]


@pytest.mark.sqlite_only  # the source is this computer's SQLite file
def test_an_encrypted_shop_moved_to_a_server_keeps_its_backups_encrypted(
        database, data_dir, owner, postgres_cluster):
    from db.storage import server_copy
    customers.create(CustomerData(name="张三"), owner)
    recovery = security.set_owner_password(PASSWORD, None, owner)
    server_copy.copy_local_to_server(database, data_dir, postgres_cluster.new_database(), owner)
    database.close()
    shared = store.open_database(data_dir)
    try:
        made = backups.backup_now(data_dir, "manual")
        assert encryption.is_encrypted(made)
        another_computer()
        encryption.unlock(made, recovery)  # the recovery key shown when the password was set
        assert backups.verify(made) == []
    finally:
        shared.close()


def test_the_wrapped_key_opens_only_with_the_password_or_the_recovery_key():
    key, recovery = keywrap.new_key(), keywrap.new_recovery_key()
    head = keywrap.header(key, PASSWORD, recovery)
    assert key.hex() not in str(head) and PASSWORD not in str(head) and recovery not in str(head)
    assert head["password"]["n"] >= 2 ** 17
    assert keywrap.unwrap(head, PASSWORD) == key
    typed = recovery.lower().replace("-", " ").replace("o", "0")  # as read out and typed back
    assert keywrap.unwrap(head, typed) == key
    with pytest.raises(keywrap.WrongSecret):
        keywrap.unwrap(head, "kaidian2025")
    tampered = dict(head, password=dict(head["password"], wrapped="00" * 32))
    with pytest.raises(keywrap.WrongSecret):
        keywrap.unwrap(tampered, PASSWORD)
