"""Every test gets a fresh data folder with a real, migrated SQLite database."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from db import clock, staff as staff_rules, store  # noqa: E402


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def database(data_dir):
    db = store.open_database(data_dir)
    yield db
    db.close()
    clock.freeze(None)


@pytest.fixture
def owner(database):
    return staff_rules.add("店主小美", role="owner")


@pytest.fixture
def context(qapp, data_dir, database, owner):
    from desktop.context import AppContext
    return AppContext(data_dir, owner)
