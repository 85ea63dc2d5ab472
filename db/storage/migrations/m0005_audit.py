"""Schema 5: the audit log (who did what, when, from where) and credentials."""
from __future__ import annotations

from peewee import CharField, DateTimeField, IntegerField, Model, TextField

VERSION = 5


def up(database) -> None:
    class AuditLog(Model):
        at = DateTimeField(index=True)
        staff_id = IntegerField(null=True, index=True)
        staff_name = CharField(default="")
        action = CharField(index=True)
        entity = CharField(default="", index=True)
        entity_id = IntegerField(null=True)
        detail = TextField(default="")
        source = CharField(default="")

        class Meta:
            table_name = "audit_log"

    class Credential(Model):
        key = CharField(primary_key=True)
        secret = TextField()

        class Meta:
            table_name = "credential"

    with database.bind_ctx([AuditLog, Credential]):
        database.create_tables([AuditLog, Credential])
