"""Every test gets a fresh data folder with a real, migrated database.

The core's tests (tests/core) run twice: on SQLite, the default, and on a real PostgreSQL
server (tools/postgres_server.py), reached the way the app reaches it: through the
data folder's server.json. Mark a test `sqlite_only` when it is about SQLite itself."""
from __future__ import annotations

import os
import pathlib
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from db import clock  # noqa: E402
from db.storage import server, store  # noqa: E402
from db.trust import staff as staff_rules  # noqa: E402
from tools import postgres_server  # noqa: E402

CORE = os.path.join(os.path.dirname(__file__), "core")


def pytest_generate_tests(metafunc):
    if "backend" not in metafunc.fixturenames:
        return
    both = (str(metafunc.definition.path).startswith(CORE)
            and metafunc.definition.get_closest_marker("sqlite_only") is None)
    metafunc.parametrize("backend", ["sqlite", "postgres"] if both else ["sqlite"], indirect=True)


@pytest.fixture(autouse=True)
def credential_store(tmp_path, monkeypatch):
    """This computer's credential store, fresh for every test: a real keyring backend kept in
    memory; the fallback key file (used when there is no store) goes to the test's folder."""
    import keyring

    from tests.memory_keyring import MemoryKeyring
    previous = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    monkeypatch.setenv("KEFUDESK_KEY_DIR", str(tmp_path / "user-config"))
    yield store
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def postgres_cluster():
    """The session's server and a migrated template database, or a skip (a failure when
    KEFUDESK_TEST_POSTGRES=require, as in CI) when the machine has no PostgreSQL."""
    try:
        cluster = postgres_server.Cluster()
        cluster.start()
    except postgres_server.Unavailable as exc:
        if os.environ.get(postgres_server.REQUIRE_ENV) == "require":
            pytest.fail(f"PostgreSQL is required for this run: {exc}")
        pytest.skip(f"no PostgreSQL server: {exc}")
    try:
        template = cluster.new_database()
        scratch = tempfile.mkdtemp(prefix="kefudesk-template-")
        db = store.open_server(template, pathlib.Path(scratch))
        db.close()
        cluster.template = template.database
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def backend(request):
    if request.param == "sqlite":
        yield None
        return
    cluster = request.getfixturevalue("postgres_cluster")
    config = cluster.new_database(template=cluster.template)
    yield config
    from db.models import database as proxy
    if proxy.obj is not None and not proxy.obj.is_closed():
        proxy.obj.close()
    cluster.drop_database(config.database)


@pytest.fixture
def data_dir(tmp_path, backend):
    path = tmp_path / "data"
    path.mkdir()
    if backend is not None:
        server.save(path, backend)
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
    database (file or server), as another computer sharing it would: its own transactions, its own
    audit session; the models switch back to the first connection afterwards."""
    import contextlib

    from db.models import database as proxy
    from db.trust import audit
    from tests.helpers import second_connection

    @contextlib.contextmanager
    def switch(staff=None):
        second = second_connection(data_dir)
        audit.install(second)  # SQLite's audit triggers are per connection (TEMP)
        proxy.initialize(second)
        try:
            audit.act_as(staff)
            yield second
        finally:
            proxy.initialize(database)
            second.close()
    return switch


@pytest.fixture
def interface_in_english():
    """The core's words in English, as the desktop's translator gives them (no Qt needed)."""
    from db import vocabulary
    from tests.helpers import english
    translated = english()
    vocabulary.set_translator(lambda context, text: translated.get((context, text), text))
    yield
    vocabulary.set_translator(None)


@pytest.fixture
def english(qapp):
    """The whole app in English (Qt's translators and the core's), Chinese again after."""
    from desktop import i18n
    i18n.install(qapp, "en")
    yield
    i18n.install(qapp, "zh_CN")
