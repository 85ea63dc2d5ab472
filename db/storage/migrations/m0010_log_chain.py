"""Schema 10: the activity log and the case timeline become hash chains (db/trust/log_chain.py):
a place (`seq`; per case on the timeline) and a keyed hash (`chain`) per entry, the key in the credential table, the
entries written so far chained in their order, and on PostgreSQL the triggers that chain new
entries. The timeline's guard lets the chain be filled in once, right after the insert.

Safe to run twice: the key and the old entries' hashes are made only when there is no key yet
(a rerun never chains rows that were slipped in later).
"""
from __future__ import annotations

from peewee import PostgresqlDatabase

from db.trust import log_chain

VERSION = 10
TABLES = ("audit_log", "case_event")


def up(database) -> None:
    postgres = isinstance(database, PostgresqlDatabase)
    for table in TABLES:
        present = {c.name for c in database.get_columns(table)}
        if "seq" not in present:
            database.execute_sql(f"ALTER TABLE {table} ADD COLUMN seq INTEGER")
        if "chain" not in present:
            database.execute_sql(f"ALTER TABLE {table} ADD COLUMN chain TEXT")
    database.execute_sql("CREATE UNIQUE INDEX IF NOT EXISTS audit_log_seq ON audit_log (seq)")
    database.execute_sql("CREATE UNIQUE INDEX IF NOT EXISTS case_event_case_id_seq "
                         "ON case_event (case_id, seq)")
    _guard(database, postgres)
    if log_chain.read_key(database) is None:
        key = log_chain.new_key()
        database.execute_sql(log_chain.dialect.sql(
            "INSERT INTO credential (key, secret) VALUES (?, ?)", database),
            (log_chain.KEY_ROW, key))
        log_chain.seal_existing(database, bytes.fromhex(key))
    if postgres:
        database.execute_sql(log_chain.PG_HMAC)
        # Made again by audit.install without the new columns (seq, chain) in its log.
        database.execute_sql("DROP TRIGGER IF EXISTS audit_case_event ON case_event")
        for table in TABLES:
            for sql in log_chain.pg_trigger_sql(table):
                database.execute_sql(sql)


def _guard(database, postgres: bool) -> None:
    """The timeline stays append-only, except for giving a new entry its place and hash."""
    if postgres:
        database.execute_sql(
            "CREATE OR REPLACE FUNCTION case_event_append_only() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN "
            "IF OLD.seq IS NULL THEN RETURN NEW; END IF; "
            "RAISE EXCEPTION '工单时间线只能追加，不能修改' "
            "USING ERRCODE = 'integrity_constraint_violation'; END $$")
        return
    database.execute_sql("DROP TRIGGER IF EXISTS case_event_append_only")
    database.execute_sql(
        "CREATE TRIGGER case_event_append_only BEFORE UPDATE ON case_event "
        "WHEN OLD.seq IS NOT NULL "
        "BEGIN SELECT RAISE(ABORT, '工单时间线只能追加，不能修改'); END")
