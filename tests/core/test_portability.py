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
