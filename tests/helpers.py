"""Small helpers shared by core and desktop tests."""
from __future__ import annotations

from pathlib import Path

from db import paths


def damage_database(data_dir: Path) -> bytes:
    """Scribble over the schema page of the (closed) database, as a failing disk would;
    returns the damaged bytes."""
    db_file = paths.database_file(data_dir)
    raw = bytearray(db_file.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)
    db_file.write_bytes(bytes(raw))
    return bytes(raw)
