"""Where the data lives on Windows (local AppData) and the one-time move of a roaming folder,
played with temporary folders and a faked os.name at the one seam that chooses the path."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from db.storage import paths
from db.storage.lock import DataFolderLock

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def appdata(tmp_path, monkeypatch) -> tuple[Path, Path]:
    """Roaming and local AppData as temporary folders, with # and Chinese in the user name."""
    home = tmp_path / "Users" / "张三 #1"
    roaming, local = home / "AppData" / "Roaming", home / "AppData" / "Local"

    def user_data_dir(name, appauthor=None, roaming=False, **_):
        return str((home / "AppData" / ("Roaming" if roaming else "Local")) / name)
    monkeypatch.setattr(platformdirs, "user_data_dir", user_data_dir)
    return roaming / paths.APP_NAME, local / paths.APP_NAME


def make_folder(folder: Path, name: str) -> None:
    folder.mkdir(parents=True)
    connection = sqlite3.connect(paths.database_file(folder))
    connection.execute("PRAGMA journal_mode = wal")
    connection.execute("CREATE TABLE t (name)")
    connection.execute("INSERT INTO t VALUES (?)", (name,))
    connection.commit()
    connection.close()
    (folder / "backups").mkdir()
    (folder / "backups" / "kefudesk-x.sqlite3").write_bytes(b"a backup")
    (folder / "ui.ini").write_text("[x]\n")


def stored_name(folder: Path) -> str:
    connection = sqlite3.connect(paths.database_file(folder))
    try:
        return connection.execute("SELECT name FROM t").fetchone()[0]
    finally:
        connection.close()


def test_windows_uses_local_appdata_and_moves_an_old_roaming_folder_once(appdata):
    roaming, local = appdata
    make_folder(roaming, "老数据")
    assert paths.default_data_dir(system="nt") == local
    assert stored_name(local) == "老数据"
    assert (local / "backups" / "kefudesk-x.sqlite3").read_bytes() == b"a backup"
    kept = roaming.with_name(roaming.name + paths.MOVED_SUFFIX)
    assert not roaming.exists() and stored_name(kept) == "老数据"  # kept, not deleted
    assert not list(local.parent.glob("*.moving"))
    make_folder(roaming, "又一个")  # an older version started again: no second move
    assert paths.default_data_dir(system="nt") == local and stored_name(local) == "老数据"


def test_the_move_never_replaces_a_local_database(appdata):
    roaming, local = appdata
    make_folder(roaming, "漫游")
    make_folder(local, "本机")
    assert paths.default_data_dir(system="nt") == local
    assert stored_name(local) == "本机" and stored_name(roaming) == "漫游"


def test_while_the_old_folder_is_open_it_stays_in_use_and_nothing_moves(appdata):
    roaming, local = appdata
    make_folder(roaming, "漫游")
    with DataFolderLock(roaming) as running:  # an older version still running
        assert running.acquire()
        script = ("import platformdirs, sys; from db.storage import paths; "
                  "platformdirs.user_data_dir = lambda n, appauthor=None, roaming=False, **k: "
                  "sys.argv[1 if roaming else 2]; print(paths.default_data_dir(system='nt'))")
        out = subprocess.run([sys.executable, "-c", script, str(roaming), str(local)],
                             capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert Path(out.strip()) == roaming
    assert not paths.database_file(local).exists()


def test_a_copy_that_fails_half_way_is_undone(appdata, monkeypatch):
    roaming, local = appdata
    make_folder(roaming, "漫游")
    real_replace = paths.os.replace

    def failing(source, target):
        if Path(target).name == paths.DB_FILENAME:
            raise OSError(28, "No space left on device")
        real_replace(source, target)
    monkeypatch.setattr(paths.os, "replace", failing)
    assert paths.default_data_dir(system="nt") == roaming
    assert not any(local.glob("kefudesk.sqlite3*"))
    monkeypatch.undo()
    assert stored_name(roaming) == "漫游"


def test_other_systems_keep_their_usual_folder(appdata):
    roaming, local = appdata
    make_folder(roaming, "漫游")
    assert paths.default_data_dir(system="posix") == local
    assert roaming.exists()
