"""Insert-or-get of the records the app creates by name (customer types, tags, snippet
categories, staff), safe when two computers create the same name at the same moment.

INSERT ... ON CONFLICT DO NOTHING (SQLite: INSERT OR IGNORE) and then SELECT: the loser of a
race gets the winner's row instead of an IntegrityError. On PostgreSQL the insert waits for the
other transaction; once it commits, the SELECT (a new snapshot, READ COMMITTED) sees its row.
"""
from __future__ import annotations

from peewee import Field, Model


def id_for_name(model: type[Model], name: str, **extra) -> int:
    """The id of `model`'s row called `name` (its unique `name` column), created with `extra`
    when there is none."""
    model.insert(name=name, **extra).on_conflict_ignore().execute()
    return model.select(model.id).where(model.name == name).scalar()


def taken(field: Field, value, except_id: int | None = None) -> bool:
    """Whether a row other than `except_id` already holds `value` in the unique column `field`
    (a rename or an edit checks this to say which name clashes, before the database refuses)."""
    model = field.model
    query = model.select().where(field == value)
    if except_id is not None:
        query = query.where(model.id != except_id)
    return query.exists()
