"""The command line on another computer: encrypted data opens only with the owner password or
the recovery key, asked for without echo (here: read from standard input); restore too."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import database as proxy
from db.storage import backups
from db.trust import security

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "kaidian2026"


def run(key_dir: Path, *args, stdin: str = "") -> subprocess.CompletedProcess:
    """A real process on a computer whose only key store is the key file in key_dir (forced:
    a developer's own Keychain or Secret Service is never touched)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUTF8="1", QT_QPA_PLATFORM="offscreen",
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
               KEFUDESK_KEY_DIR=str(key_dir))
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], input=stdin,
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.sqlite_only
def test_another_computer_needs_the_owner_secret(database, data_dir, owner, tmp_path):
    customers.create(CustomerData(name="张三"), owner)
    recovery = security.set_owner_password(PASSWORD, None, owner)
    made = backups.backup_now(data_dir, "manual")
    proxy.obj.close()
    other = tmp_path / "other-computer-keys"
    out = tmp_path / "out.xlsx"

    for given in ("", "guess-it\n"):
        refused = run(other, "export", "customers", out, "--data-dir", data_dir, "--password-stdin",
                      stdin=given)
        assert refused.returncode == 4, refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1 and not out.exists()
    done = run(other, "export", "customers", out, "--data-dir", data_dir, "--password-stdin",
               stdin=PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert openpyxl.load_workbook(out)["客户"]["A2"].value is not None

    # A new computer: an empty data folder, the backup from a USB stick, the recovery key.
    new_keys, new_dir = tmp_path / "new-computer-keys", tmp_path / "new-data"
    restored = run(new_keys, "restore", made, "--data-dir", new_dir, "--password-stdin",
                   stdin=recovery + "\n")
    assert restored.returncode == 0, restored.stderr
    # The key is kept for this user now: the owner password is asked for the export as such
    # (an owner-protected command), not to open the data.
    again = run(new_keys, "export", "customers", tmp_path / "again.xlsx", "--data-dir", new_dir,
                "--password-stdin", stdin=PASSWORD + "\n")
    assert again.returncode == 0, again.stderr
    sheet = openpyxl.load_workbook(tmp_path / "again.xlsx")["客户"]
    assert "张三" in [c.value for c in sheet["A"]] + [c.value for c in sheet["B"]]
