"""Build the one-file executable for this system, then run the product itself.

The build takes about a minute, once per test session (module fixture); CI runs it on every
change. The binary runs headless (offscreen) and must: pass its --self-test, keep its
database in the user's data folder or in --data-dir, carry its translations, icons, pinyin
data and only the Qt it needs, and round-trip a roster through its command line.
"""
from __future__ import annotations

import contextlib
import importlib.util
import os
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from db.customers import records as customers
from db.models import Customer
from db.storage import migrations, paths, store
from db.trust import staff as staff_rules

# One build shared by the module: its tests stay on one worker when the suite runs in parallel.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("build")]

ROOT = Path(__file__).resolve().parents[2]
ROSTER = [  # name, phone, wechat, platform
    ("王女士", "13812345678", "wang_lily", "淘宝/天猫"),
    ("张三", "13900001111", "", "拼多多"),
    ("欧阳娜娜", "021-66778899", "oy_nn", "京东"),
    ("Lily Chen", "+86 137 0000 2222", "lily_c", "抖音"),
]


def load_build_script():
    # packaging/ is not a package (it would shadow PyPI's `packaging`): load the file itself.
    spec = importlib.util.spec_from_file_location("kefudesk_build", ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SESSION = uuid.uuid4().hex  # this run's id when not under pytest-xdist


@contextlib.contextmanager
def build_lock(timeout: float = 1200):
    """One build at a time in build/: two PyInstaller runs sharing its cache corrupt it."""
    lock = ROOT / "build" / "test-build.lock"
    lock.parent.mkdir(exist_ok=True)
    waited = time.monotonic()
    while True:
        try:
            os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            break
        except FileExistsError:
            if time.time() - lock.stat().st_mtime > timeout:  # left by a killed run
                lock.unlink(missing_ok=True)
            assert time.monotonic() - waited < timeout, "another build never finished"
            time.sleep(1)
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)


@pytest.fixture(scope="module")
def binary(request) -> Path:
    """Built once per test run, whichever worker and however often the module is set up
    (pytest-xdist may split the module's tests between other modules)."""
    build = load_build_script()
    run = getattr(request.config, "workerinput", {}).get("testrunuid", SESSION)
    marker = ROOT / "build" / f"test-build-{run}"
    with build_lock():
        if not marker.exists():
            for old in marker.parent.glob("test-build-*"):
                old.unlink()
            done = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")],
                                  cwd=ROOT, capture_output=True, text=True, timeout=900)
            assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
            marker.touch()
    for program in build.self_tested():
        assert program.is_file(), program
    return build.executable()


@pytest.fixture(scope="module")
def cli(binary) -> Path:
    """The command-line program: on Windows the console twin kefudesk-cli.exe (the windowed
    KefuDesk.exe returns at once), elsewhere the same binary."""
    return load_build_script().cli_executable()


def run(binary: Path, *args: str, env_extra: dict[str, str] | None = None,
        timeout: int = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env_extra or {}))
    env.pop("PYTHONPATH", None)  # the product must not lean on the source tree
    return subprocess.run([str(binary), *args], capture_output=True, encoding="utf-8",
                          errors="replace", timeout=timeout, env=env, cwd=binary.parent)


def schema_version(db_file: Path) -> int:
    with sqlite3.connect(db_file) as conn:
        return conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]


def test_self_test_passes(binary):
    for program in load_build_script().self_tested():  # KefuDesk.app's program on macOS too
        done = run(program, "--self-test")
        assert done.returncode == 0, done.stdout + done.stderr
        assert "self-test passed" in done.stdout
        assert "FAIL" not in done.stdout


def test_bundle_holds_resources_and_only_the_qt_it_needs(binary):
    from PyInstaller.archive.readers import CArchiveReader

    names = [n.replace("\\", "/") for n in CArchiveReader(str(binary)).toc]  # Windows uses \
    assert "resources/i18n/app_en.qm" in names
    assert {f"resources/icons/{p.name}" for p in (ROOT / "resources" / "icons").glob("*.svg")} \
        <= set(names)
    assert not [n for n in names if n.endswith(".ts")]
    assert "pypinyin/pinyin_dict.json" in names
    plugins = {Path(n).name.split(".")[0].removeprefix("lib") for n in names if "/plugins/" in n}
    assert {"qsvgicon", "qsvg", "qoffscreen", "qwebp"} <= plugins  # the image picker offers .webp
    unwanted = ("QtQml", "QtQuick", "QtPdf", "QtWebEngine", "QtDesigner", "Qt63D", "QtSql")
    assert not [n for n in names if any(u in n for u in unwanted)]
    qt_translations = [Path(n).name for n in names if "/translations/" in n]
    assert qt_translations and all(n.endswith(("_zh_CN.qm", "_en.qm")) for n in qt_translations)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows' data folder comes from the shell API")
def test_database_in_user_data_folder_or_data_dir(binary, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    # platformdirs: $XDG_DATA_HOME on Linux, ~/Library/Application Support on macOS.
    env = {"HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share")}
    default = home / (".local/share" if sys.platform.startswith("linux")
                      else "Library/Application Support") / paths.APP_NAME
    done = run(binary, "--quit-after-start", env_extra=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ready ")
    db_file = default / paths.DB_FILENAME
    assert db_file.is_file()
    assert schema_version(db_file) == migrations.latest_version()

    portable = tmp_path / "usb-stick" / "客服台数据"
    done = run(binary, "--data-dir", str(portable), "--quit-after-start", env_extra=env)
    assert done.returncode == 0, done.stderr
    assert schema_version(portable / paths.DB_FILENAME) == migrations.latest_version()
    # The second start found the portable folder only: the default one got no start backup.
    assert not paths.backup_dir(default).exists()


def test_roster_round_trip_through_the_command_line(cli, database, data_dir, tmp_path):
    owner = staff_rules.add("店主小美", role="owner")
    for name, phone, wechat, platform in ROSTER:
        customers.create(customers.CustomerData(name=name, phone=phone, wechat=wechat,
                                                platform=platform), owner)
    expected = sorted((c.name, c.phone, c.wechat, c.platform) for c in Customer.select())
    database.close()

    exported = tmp_path / "客户名单.xlsx"
    done = run(cli, "export", "customers", str(exported), "--data-dir", str(data_dir))
    assert done.returncode == 0, done.stdout + done.stderr
    assert exported.stat().st_size > 0

    other = tmp_path / "other-computer"
    done = run(cli, "import", "customers", str(exported), "--data-dir", str(other))
    assert done.returncode == 0, done.stdout + done.stderr

    again = store.open_database(other)
    try:
        got = sorted((c.name, c.phone, c.wechat, c.platform) for c in Customer.select())
    finally:
        again.close()
    assert got == expected


def test_the_binary_works_on_a_team_server(cli, tmp_path, postgres_cluster):
    """The frozen build carries the PostgreSQL driver: a roster imported by the binary on a
    computer set to a team server lands on the server."""
    from db.storage import server
    config = postgres_cluster.new_database()  # empty: the binary migrates it
    data = tmp_path / "shop-computer"
    data.mkdir()
    server.save(data, config)
    roster = tmp_path / "roster.csv"
    roster.write_text("姓名,手机,微信,平台\n" + "".join(f"{n},{p},{w},{pl}\n" for n, p, w, pl in ROSTER),
                      encoding="utf-8-sig")
    done = run(cli, "import", "customers", str(roster), "--data-dir", str(data))
    assert done.returncode == 0, done.stdout + done.stderr
    shared = server.connect(config)
    try:
        names = sorted(r[0] for r in shared.execute_sql("SELECT name FROM customer"))
    finally:
        shared.close()
    assert names == sorted(n for n, *_ in ROSTER)
    assert not (data / paths.DB_FILENAME).exists()  # nothing written locally
