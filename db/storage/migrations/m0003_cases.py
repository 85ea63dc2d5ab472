"""Schema 3: after-sales cases (售后工单), their remedies, promised follow-ups, timeline."""
from __future__ import annotations

from peewee import (
    CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, Model, PostgresqlDatabase,
    TextField,
)

VERSION = 3


def up(database) -> None:
    class Frozen(Model):
        class Meta:
            legacy_table_names = False

    # Stand-ins for tables of schema 1, only so that foreign keys can name them.
    class Staff(Frozen):
        pass

    class Customer(Frozen):
        pass

    class Case(Frozen):
        customer = ForeignKeyField(Customer, on_delete="CASCADE")
        order_no = CharField(default="")
        product = CharField(default="")
        channel = CharField(default="")
        category = CharField(default="", index=True)
        description = TextField(default="")
        emotion = CharField(default="")
        complaint_profile = CharField(default="")
        severity = CharField(default="simple")
        staff = ForeignKeyField(Staff, null=True, on_delete="SET NULL", index=True)
        stage = CharField(default="reception")
        stage_entered_at = DateTimeField()
        due_at = DateTimeField(null=True)
        due_kind = CharField(default="")
        satisfaction = IntegerField(null=True)
        root_cause = TextField(default="")
        improvement = TextField(default="")
        closed_at = DateTimeField(null=True)
        return_visit_on = DateField(null=True, index=True)
        return_visit_done_at = DateTimeField(null=True)
        created_at = DateTimeField()
        created_by = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="+")
        updated_at = DateTimeField()
        search_text = TextField(default="")
        version = IntegerField(default=1)

        class Meta:
            indexes = ((("stage", "due_at"), False), (("due_at", "id", "stage"), False),
                       (("created_at", "id", "stage"), False))

    class Remedy(Frozen):
        case = ForeignKeyField(Case, on_delete="CASCADE")
        type = CharField()
        amount_cents = IntegerField(null=True)
        status = CharField(default="proposed")
        notes = TextField(default="")
        created_at = DateTimeField()
        created_by = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="+")
        updated_at = DateTimeField()

    class CasePromise(Frozen):
        case = ForeignKeyField(Case, on_delete="CASCADE")
        due_at = DateTimeField(index=True)
        text = TextField(default="")
        done_at = DateTimeField(null=True)
        done_by = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="+")
        created_at = DateTimeField()
        created_by = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="+")

    class CaseEvent(Frozen):
        case = ForeignKeyField(Case, on_delete="CASCADE")
        at = DateTimeField()
        staff = ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="+")
        kind = CharField()
        stage = CharField(default="")
        text = TextField(default="")

        class Meta:
            indexes = ((("case", "at"), False),)

    tables = [Case, Remedy, CasePromise, CaseEvent]
    with database.bind_ctx([Staff, Customer, *tables]):
        database.create_tables(tables)
    # The timeline is a record of what happened: nothing in it may be rewritten.
    if isinstance(database, PostgresqlDatabase):
        database.execute_sql(
            "CREATE OR REPLACE FUNCTION case_event_append_only() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN "
            "RAISE EXCEPTION '工单时间线只能追加，不能修改' "
            "USING ERRCODE = 'integrity_constraint_violation'; END $$")
        database.execute_sql(
            "CREATE TRIGGER case_event_append_only BEFORE UPDATE ON case_event "
            "FOR EACH ROW EXECUTE FUNCTION case_event_append_only()")
        return
    database.execute_sql(
        "CREATE TRIGGER case_event_append_only BEFORE UPDATE ON case_event "
        "BEGIN SELECT RAISE(ABORT, '工单时间线只能追加，不能修改'); END")
