"""No side doors: with an owner password set, the command line (real processes, real files, the
real database) exports, updates by import and restores only with the owner password."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import AuditLog, Customer
from db.storage import backups, settings
from db.trust import security
from tests.fixtures import messy

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "kaidian2026"


@pytest.fixture(autouse=True)
def same_computer(monkeypatch):
    """The command line runs on the computer that set the password, so it finds the data's
    key where the app kept it: here the key file (a subprocess cannot see the test's
    in-memory credential store)."""
    import keyring
    from keyring.backends import fail
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    yield
    keyring.set_keyring(previous)


def run(*args, stdin: str = "") -> subprocess.CompletedProcess:
    """stdin is a pipe, never a terminal: without --password-stdin nothing may wait for one."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUTF8="1", QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                          input=stdin, capture_output=True, text=True, env=env, timeout=120)


def refused(result: subprocess.CompletedProcess, word: str) -> bool:
    return (result.returncode == 4 and word in result.stderr
            and result.stderr.strip().count("\n") == 0 and "已导入" not in result.stdout)


def test_exports_need_the_owner_password(tmp_path, data_dir, database, owner):
    customers.create(CustomerData(name="王伟", phone="13812345678"), owner)
    customers.create(CustomerData(name="李娜", phone="13987654321"), owner)
    security.set_owner_password(PASSWORD, None, owner)
    out = tmp_path / "客户.xlsx"
    assert refused(run("export", "customers", out, "--data-dir", data_dir), "需要店主密码")
    assert refused(run("export", "all", out, "--data-dir", data_dir, "--password-stdin",
                       stdin="guess\n"), "不正确")
    assert refused(run("export", "cases", out.with_suffix(".csv"), "--data-dir", data_dir),
                   "需要店主密码")
    assert not out.exists() and not out.with_suffix(".csv").exists()

    done = run("export", "customers", out, "--data-dir", data_dir, "--password-stdin",
               stdin=PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert openpyxl.load_workbook(out)["客户"].max_row == 3
    template = run("export", "customers", tmp_path / "模板.xlsx", "--template",
                   "--data-dir", data_dir)
    assert template.returncode == 0  # a blank template holds no customer
    denied = AuditLog.select().where(AuditLog.action == "denied", AuditLog.source == "command line")
    assert denied.count() == 1  # the wrong password; the missing ones never reached a check


def test_an_import_that_updates_customers_needs_the_owner_new_ones_do_not(
        tmp_path, data_dir, database, owner):
    wang = customers.create(CustomerData(name="王伟", phone="13812345678"), owner)
    security.set_owner_password(PASSWORD, None, owner)
    new_only = messy.xlsx(tmp_path / "新客户.xlsx", [["姓名", "手机"], ["赵六", "13700001111"]])
    added = run("import", "customers", new_only, "--data-dir", data_dir)
    assert added.returncode == 0 and "新增 1" in added.stdout, added.stderr

    update = messy.xlsx(tmp_path / "改地址.xlsx", [["姓名", "手机", "地址"],
                                                   ["王伟", "13812345678", "杭州市西湖区"]])
    assert refused(run("import", "customers", update, "--data-dir", data_dir), "需要店主密码")
    assert refused(run("import", "customers", update, "--data-dir", data_dir,
                       "--password-stdin", stdin="guess\n"), "不正确")
    assert Customer.get_by_id(wang.id).address == ""
    dry = run("import", "customers", update, "--dry-run", "--data-dir", data_dir)
    assert dry.returncode == 0 and "更新 1" in dry.stdout  # looking changes nothing

    done = run("import", "customers", update, "--data-dir", data_dir, "--password-stdin",
               stdin=PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert Customer.get_by_id(wang.id).address == "杭州市西湖区"

    settings.put("staff_may_update_on_import", True)  # the owner lets staff update
    update2 = messy.xlsx(tmp_path / "再改.xlsx", [["姓名", "手机", "地址"],
                                                 ["王伟", "13812345678", "宁波市"]])
    assert run("import", "customers", update2, "--data-dir", data_dir).returncode == 0
    assert Customer.get_by_id(wang.id).address == "宁波市"


def test_restore_needs_the_owner_password(tmp_path, data_dir, database, owner):
    customers.create(CustomerData(name="王伟", phone="13812345678"), owner)
    security.set_owner_password(PASSWORD, None, owner)
    backup = backups.backup_now(data_dir, "manual")
    customers.create(CustomerData(name="李娜", phone="13987654321"), owner)
    database.close()
    assert refused(run("restore", backup, "--data-dir", data_dir), "需要店主密码")
    assert refused(run("restore", backup, "--data-dir", data_dir, "--password-stdin",
                       stdin="guess\n"), "不正确")
    database.connect()
    assert Customer.select().count() == 2
    database.close()
    done = run("restore", backup, "--data-dir", data_dir, "--password-stdin",
               stdin=PASSWORD + "\n")
    assert done.returncode == 0 and backup.name in done.stdout, done.stderr
    database.connect()
    assert [c.name for c in Customer.select()] == ["王伟"]


def test_after_the_owner_row_was_deleted_restore_takes_the_backups_password(
        tmp_path, data_dir, database, owner):
    """What the owner does after `delete from credential where key='owner'`: everything owner
    stays locked; restoring a backup from before checks the password that backup holds."""
    customers.create(CustomerData(name="王伟", phone="13812345678"), owner)
    security.set_owner_password(PASSWORD, None, owner)
    backup = backups.backup_now(data_dir, "manual")
    from db.models import database as proxy
    from db.storage import dialect
    proxy.execute_sql(dialect.sql("DELETE FROM credential WHERE key = ?"), ("owner",))
    out = tmp_path / "客户.xlsx"
    assert refused(run("export", "customers", out, "--data-dir", data_dir, "--password-stdin",
                       stdin=PASSWORD + "\n"), "不正确")  # no side door opened by the delete
    database.close()
    assert refused(run("restore", backup, "--data-dir", data_dir, "--password-stdin",
                       stdin="guess\n"), "不正确")
    done = run("restore", backup, "--data-dir", data_dir, "--password-stdin",
               stdin=PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    database.connect()
    assert security.owner_row_exists() and security.check_owner_password(PASSWORD)
