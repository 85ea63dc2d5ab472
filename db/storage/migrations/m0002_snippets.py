"""Schema 2: quick-reply snippets, their categories, and the forbidden-phrase list."""
from __future__ import annotations

import datetime as dt

from peewee import (
    BlobField, BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField, Model,
    TextField,
)

VERSION = 2


def up(database) -> None:
    class Frozen(Model):
        class Meta:
            legacy_table_names = False

    class Staff(Frozen):
        name = CharField(unique=True)

    class SnippetCategory(Frozen):
        name = CharField(unique=True)
        position = IntegerField(default=0)
        key = CharField(null=True, unique=True)
        created_at = DateTimeField(default=dt.datetime.utcnow)

    class Snippet(Frozen):
        category = ForeignKeyField(SnippetCategory, null=True, on_delete="SET NULL")
        title = CharField()
        shortcut = CharField(default="", index=True)
        body = TextField(default="")
        image = BlobField(null=True)
        owner = ForeignKeyField(Staff, null=True, on_delete="CASCADE")
        favourite = BooleanField(default=False)
        use_count = IntegerField(default=0)
        last_used_at = DateTimeField(null=True)
        key = CharField(null=True, unique=True)
        search_text = TextField(default="")
        created_at = DateTimeField(default=dt.datetime.utcnow)
        created_by = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="+")
        updated_at = DateTimeField(default=dt.datetime.utcnow)
        updated_by = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="+")

    class ForbiddenPhrase(Frozen):
        phrase = CharField(unique=True)
        severity = CharField(default="forbidden")
        rule = CharField(default="")
        reason = TextField(default="")
        suggestion = TextField(default="")
        key = CharField(null=True, unique=True)
        active = BooleanField(default=True)
        created_at = DateTimeField(default=dt.datetime.utcnow)

    tables = [SnippetCategory, Snippet, ForbiddenPhrase]
    with database.bind_ctx([Staff, *tables]):
        database.create_tables(tables)
