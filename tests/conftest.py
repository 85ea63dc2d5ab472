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


@pytest.fixture
def other_computer(data_dir, database):
    """`with other_computer(staff):` runs the body on a second, real connection to the same
    database file, as another computer sharing it would: its own transactions, its own
    audit session; the models switch back to the first connection afterwards."""
    import contextlib

    from db import audit, paths
    from db.models import database as proxy

    @contextlib.contextmanager
    def switch(staff=None):
        second = store.connect(paths.database_file(data_dir))
        audit.install(second)  # the audit triggers are per connection (TEMP)
        proxy.initialize(second)
        try:
            audit.act_as(staff)
            yield second
        finally:
            proxy.initialize(database)
            second.close()
    return switch
