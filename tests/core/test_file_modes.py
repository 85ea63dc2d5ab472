"""On macOS and Linux only this user may read the data folder: the folder 0700, the database,
its WAL, the backups (also those in the second folder) 0600, older readable files tightened."""
from __future__ import annotations

import os
import stat

import pytest

from db.storage import backups, paths, settings, store

pytestmark = [pytest.mark.sqlite_only,
              pytest.mark.skipif(os.name == "nt", reason="Windows: the per-user app data folder")]


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_the_data_folder_and_everything_in_it_are_private(tmp_path, data_dir, owner):
    mirror = tmp_path / "usb"
    settings.put("backup_mirror_dir", str(mirror))
    made = backups.backup_now(data_dir, "manual")
    db_file = paths.database_file(data_dir)
    assert mode(data_dir) == 0o700
    assert mode(db_file) == 0o600 and mode(f"{db_file}-wal") == 0o600
    assert mode(paths.backup_dir(data_dir)) == 0o700 and mode(made) == 0o600
    assert mode(mirror / made.name) == 0o600


def test_files_an_older_version_left_readable_are_tightened_at_open(tmp_path):
    data_dir = tmp_path / "older"
    database = store.open_database(paths.resolve_data_dir(data_dir))
    backup = backups.backup_now(data_dir, "manual")
    store.close_database(database, data_dir)
    for path in (data_dir, paths.backup_dir(data_dir)):
        os.chmod(path, 0o755)
    for path in (paths.database_file(data_dir), backup):
        os.chmod(path, 0o644)
    database = store.open_database(data_dir, backup_on_open=False)
    try:
        assert mode(data_dir) == 0o700 and mode(paths.backup_dir(data_dir)) == 0o700
        assert mode(paths.database_file(data_dir)) == 0o600 and mode(backup) == 0o600
    finally:
        database.close()


def test_an_export_saved_into_the_data_folder_is_private_one_elsewhere_is_not(
        tmp_path, data_dir, owner):
    from tests.core.test_cli_owner import run
    inside, outside = data_dir / "客户.xlsx", tmp_path / "客户.xlsx"
    for target in (inside, outside):
        done = run("export", "customers", target, "--data-dir", data_dir)
        assert done.returncode == 0, done.stderr
    assert mode(inside) == 0o600
    assert mode(outside) == 0o666 & ~current_umask()


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
