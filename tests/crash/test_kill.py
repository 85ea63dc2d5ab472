"""SIGKILL in the middle of a bulk edit or a backup leaves a sound database holding exactly
the state before or after the operation, never half of it. Real processes, really killed;
each test twice: on a plain database and on one encrypted at rest (an owner password set)."""
from __future__ import annotations

import contextlib
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from db.models import Customer, database as proxy
from db.storage import backups, encryption, keywrap, paths, store
from db.trust import security, staff as staff_rules

WORKER = Path(__file__).with_name("worker.py")
ROWS = 20_000
KILLS = 8

pytestmark = pytest.mark.slow


@contextlib.contextmanager
def key_file_store(folder: Path):
    """This process and its children keep keys in one key file (children: keyring's 'fail'
    backend forced), so a killed worker and this test open the same encrypted files."""
    previous, saved = keyring.get_keyring(), dict(os.environ)
    keyring.set_keyring(keyring.backends.fail.Keyring())
    os.environ.update(KEFUDESK_KEY_DIR=str(folder),
                      PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    try:
        yield
    finally:
        keyring.set_keyring(previous)
        os.environ.clear()
        os.environ.update(saved)


@pytest.fixture(scope="module")
def keys(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("keys")


@pytest.fixture(autouse=True)
def shared_keys(credential_store, keys):
    with key_file_store(keys):
        yield


@pytest.fixture(scope="module", params=["plain", "encrypted"])
def template(request, tmp_path_factory, keys) -> Path:
    folder = tmp_path_factory.mktemp("template")
    with key_file_store(keys):
        db = store.open_database(folder)
        with db.atomic():
            for start in range(0, ROWS, 500):
                Customer.insert_many([{"name": f"客户{n}", "notes": "before"}
                                      for n in range(start, start + 500)]).execute()
        if request.param == "encrypted":
            security.set_owner_password("kaidian2026", None, staff_rules.add("店主", role="owner"))
            assert encryption.is_encrypted(paths.database_file(folder))
        db.close()
    return folder


def raw(folder: Path):
    """A driver connection to the folder's database, keyed when it is encrypted."""
    db_file = paths.database_file(folder)
    return contextlib.closing(encryption.raw_connect(db_file, encryption.key_for(db_file)))


def run_and_kill(operation: str, folder: Path, rng: random.Random, longest: float = 0.6,
                 delay: float | None = None) -> str:
    child = subprocess.Popen([sys.executable, str(WORKER), operation, str(folder)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "started"
    time.sleep(rng.uniform(0.0, longest) if delay is None else delay)
    child.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up runs
    child.wait()
    return child.stdout.read()


def duration(operation: str, folder: Path) -> float:
    """How long the operation takes here and now, run to its end: kills are spread over it,
    so that a loaded machine (a slow scrypt) still sees kills before and after the end."""
    child = subprocess.Popen([sys.executable, str(WORKER), operation, str(folder)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "started"
    start = time.monotonic()
    assert "finished" in child.stdout.read()
    child.wait()
    return time.monotonic() - start


def notes_in(folder: Path) -> set[str]:
    with raw(folder) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {row[0] for row in conn.execute("SELECT DISTINCT notes FROM customer")}


def test_kill_during_bulk_edit_keeps_all_or_nothing(template, tmp_path):
    rng = random.Random(20261125)
    outcomes = []
    for n in range(KILLS):
        folder = tmp_path / f"run{n}"
        shutil.copytree(template, folder)
        output = run_and_kill("bulk-edit", folder, rng)
        found = notes_in(folder)
        assert found in ({"before"}, {"after"}), found
        outcomes.append(found == {"after"} or "finished" in output)
        db = store.open_database(folder)  # and the app opens it normally
        assert Customer.select().count() == ROWS
        db.close()
    assert not all(outcomes), "every run finished before the kill: the test proves nothing"


def test_kill_during_backup_leaves_the_database_and_finished_backups_sound(template, tmp_path):
    rng = random.Random(7)
    folder = tmp_path / "data"
    shutil.copytree(template, folder)
    for _ in range(KILLS):
        run_and_kill("backup", folder, rng)
        assert notes_in(folder) == {"before"}
        for info in backups.list_backups(paths.backup_dir(folder)):
            assert backups.verify(info.path) == [], info.path.name
    db = store.open_database(folder)  # start-up backup also clears half-written leftovers
    try:
        assert not list(paths.backup_dir(folder).glob("*.partial"))
        assert proxy.obj is db
    finally:
        db.close()


def test_kill_during_import_keeps_all_or_nothing(template, tmp_path):
    """The real command line importing 20,000 new customers, killed at random moments."""
    roster = tmp_path / "名单.csv"
    lines = ["姓名,手机,备注"] + [f"新客户{n},139{n:08d},导入" for n in range(ROWS)]
    roster.write_text("\n".join(lines), encoding="utf-8-sig")
    main = Path(__file__).resolve().parents[2] / "main.py"
    rng = random.Random(99)
    counts = set()
    for n in range(KILLS):
        folder = tmp_path / f"import{n}"
        shutil.copytree(template, folder)
        child = subprocess.Popen([sys.executable, str(main), "import", "customers", str(roster),
                                  "--data-dir", str(folder)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 4.0))
        child.kill()
        child.wait()
        with raw(folder) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            count = conn.execute("SELECT COUNT(*) FROM customer").fetchone()[0]
        assert count in (ROWS, 2 * ROWS), count
        counts.add(count)
    assert ROWS in counts, "no run was killed before the import committed: proves nothing"


def test_kill_while_the_password_converts_the_files_leaves_every_file_readable(template, tmp_path):
    """Setting the password (plain template) or removing it (encrypted one) rewrites the
    database and every backup: killed at any moment, each file is whole, old or new, and
    opens with the key this computer keeps."""
    rng = random.Random(13)
    states = set()
    # Every copy shares the template's key: a removal that finished forgets it for all, so
    # each copy starts on a computer that keeps it, as the template's own did.
    template_file = paths.database_file(template)
    template_key = encryption.key_for(template_file)

    def copy(name: str) -> Path:
        folder = tmp_path / name
        shutil.copytree(template, folder)
        if template_key is not None:
            encryption.remember(keywrap.read(template_file), template_key)
        for _ in range(3):  # backups to convert too
            db = store.open_database(folder)
            db.close()
        return folder

    whole = duration("password", copy("timing"))  # scrypt first, then the files
    delays = [whole * 1.3 * (k + 0.5) / KILLS for k in range(KILLS)]
    rng.shuffle(delays)
    for n in range(KILLS):
        folder = copy(f"convert{n}")
        output = run_and_kill("password", folder, rng, delay=delays[n])
        assert notes_in(folder) == {"before"}
        files = [paths.database_file(folder), *(b.path for b in backups.list_backups(
            paths.backup_dir(folder)))]
        states.add(("finished" in output, tuple(encryption.is_encrypted(f) for f in files)))
        for info in backups.list_backups(paths.backup_dir(folder)):
            assert backups.verify(info.path) == [], info.path.name
        db = store.open_database(folder)
        try:
            assert Customer.select().count() == ROWS
        finally:
            db.close()
    assert len(states) > 1, f"every kill hit the same moment: the test proves nothing ({states})"
