"""Copying every table from one database to another, ids included.

Three uses: the one-time copy of a computer's local data to a new shared server, backups of a
shared server as SQLite files on this computer (the same files as local backups, so the
backup page, retention and verification are the same), and restoring such a backup into the
server. The destination must already be migrated to the source's schema; its rows are
replaced, in one transaction, so a failure leaves it as it was.
"""
from __future__ import annotations

import io
from typing import Callable

from peewee import (
    AutoField, BlobField, BooleanField, Database, ForeignKeyField, Model, sort_models,
)

from db import models
from db.storage import change_stamp, dialect, migrations

BATCH = 500
Progress = Callable[[int, int], bool]  # (rows done, rows in all) -> go on?


class TransferCancelled(RuntimeError):
    pass


def tables() -> list[type[Model]]:
    """Every model with rows worth keeping, parents before children."""
    found = [m for m in vars(models).values()
             if isinstance(m, type) and issubclass(m, models.BaseModel)
             and m is not models.BaseModel and m is not models.SchemaVersion]
    return sort_models(found)


def holds_data(database: Database) -> bool:
    """Customers, cases or snippets: more than a freshly migrated database holds."""
    names = ("customer", "case", "snippet", "staff")
    present = set(database.get_tables())
    return any(database.execute_sql(f'SELECT 1 FROM "{n}" LIMIT 1').fetchone()
               for n in names if n in present)


def copy(source: Database, dest: Database, progress: Progress | None = None) -> int:
    """Replace dest's rows with source's; returns the rows copied."""
    mine, theirs = migrations.applied_versions(source), migrations.applied_versions(dest)
    if mine != theirs:
        raise ValueError(f"schemas differ: {sorted(mine)} vs {sorted(theirs)}")
    order = tables()
    with source.atomic():
        if dialect.is_postgres(source):  # one consistent snapshot of a server in use
            source.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        total = sum(source.execute_sql(f'SELECT COUNT(*) FROM "{m._meta.table_name}"')
                    .fetchone()[0] for m in order)
        with dest.atomic():
            _clear(dest, order)
            done = 0
            for model in order:
                done = _copy_table(model, source, dest, done, total, progress)
            if dialect.is_postgres(dest):
                _reset_sequences(dest, order)
                dest.execute_sql(f"SELECT nextval('{change_stamp.SEQUENCE}')")
    return total


def _clear(dest: Database, order: list[type[Model]]) -> None:
    if dialect.is_postgres(dest):
        # The copy is one event, not a row-by-row history: the caller logs it. (is_local:
        # the setting ends with this transaction.)
        dest.execute_sql("SELECT set_config('kefudesk.per_row', '0', true)")
        names = ", ".join(f'"{m._meta.table_name}"' for m in order)
        dest.execute_sql(f"TRUNCATE {names} RESTART IDENTITY")
        return
    for model in reversed(order):
        dest.execute_sql(f'DELETE FROM "{model._meta.table_name}"')


def _copy_table(model: type[Model], source: Database, dest: Database, done: int, total: int,
                progress: Progress | None) -> int:
    """Raw values straight from one driver to the other (peewee's per-value conversion costs
    5x the copy): both take ISO text or datetimes for timestamps; only booleans (SQLite's 0/1)
    and BLOBs (the server's memoryview) need a word."""
    fields = list(model._meta.sorted_fields)
    # A row may point to a later row of its own table (a customer merged into a newer one):
    # such links are filled in once every row is there.
    own = [i for i, f in enumerate(fields)  # by position: peewee's == builds SQL
           if isinstance(f, ForeignKeyField) and f.rel_model is model]
    fix = [(i, bool if isinstance(f, BooleanField) else bytes) for i, f in enumerate(fields)
           if isinstance(f, (BooleanField, BlobField))]
    table = model._meta.table_name
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    cursor = source.execute_sql(f'SELECT {columns} FROM "{table}" ORDER BY 1')
    write = dest.cursor()
    if dialect.is_postgres(dest):
        copy_sql = f'COPY "{table}" ({columns}) FROM STDIN'

        def insert(rows: list[list]) -> None:
            # COPY, not INSERT: a third of the time, measured (bench/bench_server.py).
            text = "".join("\t".join(map(_copy_text, row)) + "\n" for row in rows)
            write.copy_expert(copy_sql, io.StringIO(text))
    else:
        sql = f'INSERT INTO "{table}" ({columns}) VALUES ({dialect.marks(len(fields), dest)})'

        def insert(rows: list[list]) -> None:
            write.executemany(sql, rows)
    links = []
    while True:
        batch = cursor.fetchmany(BATCH)
        if not batch:
            break
        rows = []
        for raw in batch:
            row = list(raw)
            for i, convert in fix:
                if row[i] is not None:
                    row[i] = convert(row[i])
            for i in own:
                if row[i] is not None:
                    links.append((row[0], fields[i], row[i]))
                    row[i] = None
            rows.append(row)
        insert(rows)
        done += len(rows)
        if progress is not None and not progress(done, total):
            raise TransferCancelled()
    pk = model._meta.primary_key
    for row_id, field, target in links:
        dest.execute(model.update({field: target}).where(pk == row_id))
    return done


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(value) -> str:
    """One value in COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, str):
        return value.translate(_ESCAPES)
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "\\\\x" + bytes(value).hex()  # bytea's hex form, its backslash escaped
    return str(value)


def _reset_sequences(dest: Database, order: list[type[Model]]) -> None:
    for model in order:
        pk = model._meta.primary_key
        if isinstance(pk, AutoField):
            table = model._meta.table_name
            dest.execute_sql(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{pk.column_name}'), "
                f'COALESCE((SELECT MAX("{pk.column_name}") FROM "{table}"), 0) + 1, false)')
