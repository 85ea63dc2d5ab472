"""`--encrypted` for the benchmarks: the same data, encrypted at rest as once an owner password
is set (the real path: db.trust.security.set_owner_password). The key goes to a key file in a
temporary folder (keyring's 'fail' backend forced), never to the user's own credential store;
child processes inherit the choice through the environment."""
from __future__ import annotations

import os
import sys
import tempfile

FLAG = "--encrypted"
ENV = "KEFUDESK_BENCH_ENCRYPTED"
PASSWORD = "bench-owner-password"


def take_flag(argv: list[str] | None = None) -> bool:
    """Remove --encrypted from argv (sys.argv by default); set up the environment if present."""
    argv = sys.argv if argv is None else argv
    if FLAG in argv:
        argv.remove(FLAG)
        os.environ[ENV] = "1"
    if wanted():
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
        os.environ.setdefault("KEFUDESK_KEY_DIR", tempfile.mkdtemp(prefix="kefudesk-bench-keys-"))
    return wanted()


def wanted() -> bool:
    return os.environ.get(ENV) == "1"


def label() -> str:
    return "encrypted (SQLCipher)" if wanted() else "plain SQLite"


def encrypt_open_database() -> None:
    """Set the owner password on the open database when --encrypted: it is encrypted now."""
    if not wanted():
        return
    from db.models import Staff
    from db.trust import security, staff
    owner = Staff.get_or_none(Staff.role == "owner") or staff.add("店主", role="owner")
    security.set_owner_password(PASSWORD, None, owner)
