"""Disk full and read-only storage: a clear message, and nothing already saved is lost."""
from __future__ import annotations

import sqlite3

import pytest
from peewee import OperationalError

from db import errors
from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import Customer, database as proxy


@pytest.mark.sqlite_only
def test_disk_full_rolls_back_and_is_explained(database, owner):
    customers.create(CustomerData(name="张三", notes="已保存"), owner)
    pages = proxy.execute_sql("PRAGMA page_count").fetchone()[0]
    proxy.execute_sql(f"PRAGMA max_page_count = {pages + 2}")  # what a full disk looks like to SQLite
    with pytest.raises(OperationalError) as err:
        customers.create(CustomerData(name="李四", notes="很长的备注" * 1900), owner)
    assert "磁盘空间已满" in errors.describe(err.value)
    assert [c.name for c in Customer.select()] == ["张三"]
    assert Customer.get().notes == "已保存"


def test_read_only_database_is_explained(tmp_path):
    path = tmp_path / "x.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE t (a)").connection.close()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as err:
        conn.execute("INSERT INTO t VALUES (1)")
    assert "只读" in errors.describe(err.value)
    assert errors.describe(ValueError("x")) is None
