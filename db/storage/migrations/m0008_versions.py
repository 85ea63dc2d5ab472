"""Schema 8: snippets and remedies get the `version` column customers and cases have, so that
every edited record saves through the one versioned check (db.storage.conflicts)."""
from __future__ import annotations

VERSION = 8


def up(database) -> None:
    for table in ("snippet", "remedy"):
        if "version" in {c.name for c in database.get_columns(table)}:
            continue  # re-run on a restored copy that already had it
        database.execute_sql(f"ALTER TABLE {table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
