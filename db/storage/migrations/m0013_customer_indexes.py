"""Schema 13: three customer indexes fewer, one smaller. An import of 50,000 new customers
builds every index again (db.customers.bulk.indexes_rebuilt), and every save updates them.

- customer_deleted_at: (deleted_at, updated_at) of schema 7 begins with it and serves the
  same look-ups.
- customer_created_by_id, customer_updated_by_id: only the foreign keys' ON DELETE of a staff
  member needed them, and staff rows are never deleted (a delete would scan the table once,
  a few milliseconds).
- customer_merged_into_id: kept for the merged customers only (a partial index); a customer's
  former names and a deleted customer's ON DELETE look up merged_into_id = ?, which it serves.
"""
from __future__ import annotations

VERSION = 13


def up(database) -> None:
    for name in ("customer_deleted_at", "customer_created_by_id", "customer_updated_by_id",
                 "customer_merged_into_id"):
        database.execute_sql(f'DROP INDEX IF EXISTS "{name}"')
    database.execute_sql('CREATE INDEX IF NOT EXISTS customer_merged_into_id '
                         'ON customer (merged_into_id) WHERE merged_into_id IS NOT NULL')
