"""Schema 9: timeline entries keep their parameters (db.cases.timeline), so that they are worded
in the interface language when shown; entries written before keep their text."""
from __future__ import annotations

VERSION = 9


def up(database) -> None:
    if "params" not in {c.name for c in database.get_columns("case_event")}:
        database.execute_sql("ALTER TABLE case_event ADD COLUMN params TEXT")
