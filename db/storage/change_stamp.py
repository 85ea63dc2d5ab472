"""A cheap "has anything changed?" for in-memory copies (the customer search copy).

SQLite tells without reading a table: total_changes counts this connection's writes and
PRAGMA data_version moves when another connection commits. PostgreSQL has no such counter,
so a sequence is advanced by a trigger on the tables the copies hold; the trigger is
deferred to commit time, so a copy rebuilt while another computer's transaction is still
open is rebuilt again once that transaction commits.
"""
from __future__ import annotations

from peewee import Database

from db.storage import dialect

WATCHED = ("customer", "customer_tag", "tag", "customer_type", "staff")
SEQUENCE = "kefudesk_change_seq"


def install(database: Database) -> None:
    if not dialect.is_postgres(database):
        return
    with database.atomic():
        database.execute_sql("SELECT pg_advisory_xact_lock(4244)")
        database.execute_sql(f"CREATE SEQUENCE IF NOT EXISTS {SEQUENCE}")
        database.execute_sql(
            "CREATE OR REPLACE FUNCTION kefudesk_changed() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN PERFORM nextval('{SEQUENCE}'); RETURN NULL; END $$")
        existing = {row[0] for row in database.execute_sql("SELECT tgname FROM pg_trigger")}
        for table in WATCHED:
            name = f"changed_{table}"
            if name not in existing:
                database.execute_sql(
                    f'CREATE CONSTRAINT TRIGGER "{name}" AFTER INSERT OR UPDATE OR DELETE '
                    f'ON "{table}" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW '
                    f"EXECUTE FUNCTION kefudesk_changed()")


def stamp(database: Database) -> tuple:
    """Equal stamps: nothing changed in between. The connection object is part of it, which
    ties a copy to one open database."""
    connection = database.connection()
    if dialect.is_postgres(database):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT last_value, is_called FROM {SEQUENCE}")
            return (connection, *cursor.fetchone())
    version = connection.execute("PRAGMA data_version").fetchone()[0]
    return connection, connection.total_changes, version
