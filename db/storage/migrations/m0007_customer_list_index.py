"""Schema 7: the default customer list (live customers, newest change first) read in index
order, without sorting 50,000 rows at every start."""
from __future__ import annotations

VERSION = 7


def up(database) -> None:
    database.execute_sql("CREATE INDEX IF NOT EXISTS customer_deleted_at_updated_at "
                         "ON customer (deleted_at, updated_at)")
