"""Schema 1: settings, staff, customer types, customers, tags, contact log."""
from __future__ import annotations

import datetime as dt

from peewee import (
    BooleanField, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, Model,
    TextField,
)

VERSION = 1


def up(database) -> None:
    class Frozen(Model):
        class Meta:
            legacy_table_names = False

    class SchemaVersion(Frozen):
        version = IntegerField()
        applied_at = DateTimeField(default=dt.datetime.utcnow)

    class Setting(Frozen):
        key = CharField(primary_key=True)
        value = TextField()

    class Staff(Frozen):
        name = CharField(unique=True)
        role = CharField(default="staff")
        active = BooleanField(default=True)
        created_at = DateTimeField()

    class CustomerType(Frozen):
        code = CharField(null=True, unique=True)
        name = CharField(unique=True)
        position = IntegerField(default=0)

    class Customer(Frozen):
        name = CharField()
        phone = CharField(default="", index=True)
        wechat = CharField(default="", index=True)
        qq = CharField(default="")
        platform = CharField(default="")
        platform_account = CharField(default="", index=True)
        address = TextField(default="")
        type = ForeignKeyField(CustomerType, null=True, on_delete="SET NULL")
        complaint_profile = CharField(default="")
        staff = ForeignKeyField(Staff, null=True, on_delete="SET NULL")
        notes = TextField(default="")
        next_visit = DateField(null=True, index=True)
        created_at = DateTimeField()
        created_by = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="+")
        updated_at = DateTimeField(index=True)
        updated_by = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="+")
        deleted_at = DateTimeField(null=True, index=True)
        merged_into = ForeignKeyField("self", null=True, on_delete="SET NULL", backref="+")
        search_text = TextField(default="")
        name_key = CharField(default="", index=True)
        version = IntegerField(default=1)

    class Tag(Frozen):
        name = CharField(unique=True)

    class CustomerTag(Frozen):
        customer = ForeignKeyField(Customer, on_delete="CASCADE")
        tag = ForeignKeyField(Tag, on_delete="CASCADE")

        class Meta:
            indexes = ((("customer", "tag"), True),)

    class ContactLog(Frozen):
        customer = ForeignKeyField(Customer, on_delete="CASCADE")
        at = DateTimeField(index=True)
        staff = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="+")
        channel = CharField(default="")
        summary = TextField(default="")
        created_at = DateTimeField()

    tables = [SchemaVersion, Setting, Staff, CustomerType, Customer, Tag, CustomerTag, ContactLog]
    with database.bind_ctx(tables):
        database.create_tables(tables)
    # Built-in customer types; names are editable, codes keep their meaning.
    for pos, (code, name) in enumerate(
            [("new", "新客户"), ("regular", "老客户"), ("vip", "VIP"), ("blacklist", "黑名单")]):
        database.execute_sql(
            "INSERT INTO customer_type (code, name, position) VALUES (?, ?, ?)".replace(
                "?", database.param), (code, name, pos))
