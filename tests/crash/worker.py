"""Child process for the crash tests: runs one long operation on a data folder until killed.

    python tests/crash/worker.py bulk-edit|backup|password DATA_DIR
Prints "started" once the operation is under way, so the parent kills mid-operation.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db.models import Customer, database  # noqa: E402
from db.storage import backups, store  # noqa: E402


def bulk_edit() -> None:
    with database.atomic():
        print("started", flush=True)
        for customer in Customer.select(Customer.id):
            Customer.update(notes="after").where(Customer.id == customer.id).execute()


def backup(data_dir: Path) -> None:
    print("started", flush=True)
    while True:
        backups.backup_now(data_dir, "manual", use_settings=False)


PASSWORD = "kaidian2026"  # the template's (tests/crash/test_kill.py)


def password() -> None:
    """Set the owner password (encrypting the database and its backups), or remove it."""
    from db.trust import security
    print("started", flush=True)
    if security.has_owner_password():
        security.clear_owner_password(PASSWORD, None)
    else:
        security.set_owner_password(PASSWORD, None, None)


if __name__ == "__main__":
    operation, folder = sys.argv[1], Path(sys.argv[2])
    store.open_database(folder, backup_on_open=False)
    {"bulk-edit": bulk_edit, "backup": lambda: backup(folder), "password": password}[operation]()
    print("finished", flush=True)
