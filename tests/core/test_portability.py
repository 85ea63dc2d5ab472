"""The suite and the core on Windows and macOS, checked from here: what Windows lacks (the
pwd module, POSIX mount tables) must not stop collection or change a rule's answer."""
from __future__ import annotations

import importlib
import os
import sys

import pytest

from db.storage import paths

MOUNTS = "/dev/vda / ext4 rw 0 0\n//nas/share /media/nas\\040drive cifs rw 0 0\n"


def test_postgres_helper_imports_without_pwd(monkeypatch):
    """tests/conftest.py loads tools/postgres_server.py: on Windows there is no pwd module."""
    monkeypatch.setitem(sys.modules, "pwd", None)  # `import pwd` now raises ImportError
    monkeypatch.delitem(sys.modules, "tools.postgres_server", raising=False)
    module = importlib.import_module("tools.postgres_server")
    assert module.Cluster and module.Unavailable
    monkeypatch.delitem(sys.modules, "tools.postgres_server")  # the next import is the real one


@pytest.mark.parametrize("system", ["posix", "nt"])
def test_a_given_mount_table_is_used_on_every_system(system):
    real, os.name = os.name, system  # restored before asserting: pytest itself needs os.name
    try:
        found = [paths.network_filesystem(p, MOUNTS)
                 for p in ("/media/nas drive/KefuDesk", "/home/xiaomei/KefuDesk")]
    except Exception as exc:  # noqa: BLE001 - reported below, with os.name back
        found = [exc]
    finally:
        os.name = real
    assert found == ["cifs", None]


def test_dev_py_greets_an_old_python_before_anything_else(monkeypatch):
    import ast
    import runpy
    from pathlib import Path
    script = Path(__file__).resolve().parents[2] / "dev.py"
    ast.parse(script.read_text(encoding="utf-8"), feature_version=(3, 6))  # old parsers too
    monkeypatch.setattr(sys, "version_info", (3, 9, 7, "final", 0))
    monkeypatch.setitem(sys.modules, "tomllib", None)  # 3.9 has none: must not be reached
    with pytest.raises(SystemExit, match="needs Python 3.11 or newer.*python3 dev.py"):
        runpy.run_path(str(script), run_name="__main__")


def test_mac_bundle_asks_for_the_macos_the_qt_wheel_needs():
    """PySide6-Essentials 6.11.3's macOS wheel is tagged macosx_13_0: a lower minimum lets
    macOS 12 start the app, which then crashes inside Qt."""
    import re
    from pathlib import Path
    pins = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    assert '"PySide6-Essentials==6.11.3"' in pins, "new PySide6 pin: check its macOS wheel tag"
    spec = (Path(__file__).resolve().parents[2] / "packaging" / "app.spec").read_text("utf-8")
    minimum = re.search(r'"LSMinimumSystemVersion": "(\d+)\.(\d+)"', spec).groups()
    assert tuple(map(int, minimum)) >= (13, 0)


def test_every_shipped_program_is_self_tested_per_system():
    """build.py --check (and CI) start each of these with --self-test."""
    import importlib.util
    from pathlib import Path
    script = Path(__file__).resolve().parents[2] / "packaging" / "build.py"
    spec = importlib.util.spec_from_file_location("kefudesk_build", script)
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    names = {system: [p.relative_to(build.DIST).as_posix() for p in build.self_tested(system)]
             for system in ("win32", "darwin", "linux")}
    assert names == {"win32": ["KefuDesk.exe", "kefudesk-cli.exe"],
                     "darwin": ["kefudesk", "KefuDesk.app/Contents/MacOS/KefuDeskApp"],
                     "linux": ["kefudesk"]}
    assert build.cli_executable("win32").name == "kefudesk-cli.exe"  # waits, returns exit codes
    assert build.mac_zip("x86_64").name.endswith("-macos-x86_64.zip")


def test_dev_py_runs_the_suite_on_every_core_unless_told_otherwise(monkeypatch):
    import runpy
    from pathlib import Path
    dev = runpy.run_path(str(Path(__file__).resolve().parents[2] / "dev.py"))
    parallel = dev["parallel"]
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert parallel([]) == ["-n", "2", "--dist", "loadgroup"]
    assert parallel(["tests/core", "-k", "import"])[:2] == ["-n", "2"]
    assert parallel(["-n", "0"]) == [] and parallel(["-p", "no:xdist"]) == []
    monkeypatch.setattr(os, "cpu_count", lambda: 16)
    assert parallel([])[:2] == ["-n", "4"]  # each worker starts its own PostgreSQL
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert parallel([]) == []
