"""The few places where SQLite (the default, one computer) and PostgreSQL (a shared server for
a team) need different SQL. Everything else goes through peewee's query builder."""
from __future__ import annotations

import datetime as dt

from peewee import Database, DatabaseProxy, PostgresqlDatabase

from db.models import database as proxy


def _real(database: Database | DatabaseProxy | None) -> Database:
    database = proxy if database is None else database
    return database.obj if isinstance(database, DatabaseProxy) else database


def is_postgres(database: Database | DatabaseProxy | None = None) -> bool:
    return isinstance(_real(database), PostgresqlDatabase)


def sql(text: str, database: Database | DatabaseProxy | None = None) -> str:
    """Hand-written SQL is written with `?` marks (SQLite's); PostgreSQL's driver wants %s."""
    return text.replace("?", _real(database).param) if is_postgres(database) else text


def marks(count: int, database: Database | DatabaseProxy | None = None) -> str:
    return ", ".join([_real(database).param] * count)


def seconds(column: str, database: Database | DatabaseProxy | None = None) -> str:
    """Seconds since 1970 of a stored UTC timestamp, computed by the database."""
    if is_postgres(database):
        return f"EXTRACT(EPOCH FROM {column})::float8"
    return f"(julianday({column}) - 2440587.5) * 86400.0"


# Raw rows hold timestamps as SQLite stores them (ISO text) or as the server's driver gives
# them (datetime objects): these read both.
def to_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def to_datetime(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value)) if value else None


IMPORT_LOCK = 0x4B656675  # "Kefu": the server-wide advisory lock key of imports' write phase


def serialise_imports(database: Database | DatabaseProxy | None = None) -> bool:
    """Inside the caller's transaction on a server: wait until no other computer's import is
    writing, and hold that turn until the commit or rollback (a transaction-level advisory
    lock, released by the server even when a computer drops off). True then; on SQLite False,
    since the data folder's lock already lets one writer in."""
    if not is_postgres(database):
        return False
    _real(database).execute_sql("SELECT pg_advisory_xact_lock(%s)", (IMPORT_LOCK,))
    return True
