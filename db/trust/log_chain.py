"""The activity log and the case timeline as hash chains: each entry carries its place (`seq`)
and an HMAC-SHA256 over its own fields and the previous entry's hash, keyed by a random key
kept in the database (credential row "log_key"). An entry deleted, inserted or changed by any
tool that does not know the key (a SQLite viewer, a hand-written DELETE) breaks the chain at
that place, and `verify` says where.

The hash is written where the entry is written, by the database: on SQLite by a TEMP trigger
calling `kefudesk_chain`, a function this module registers on the connection; on PostgreSQL
by a BEFORE INSERT trigger (PL/pgSQL, HMAC from the built-in sha256) that the migration
creates and that takes a lock, so that entries of several computers form one chain. An entry
that arrives with its hash (a copy between databases, db/storage/transfer.py) keeps it.

What a chain cannot show alone: the newest entries removed together (nothing after them is
left to break); the owner-password check (db/trust/security.py) reads the log for that
reason only through `owner_password_logged`, and the app's start-up check says how many
entries it verified.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path

from peewee import Database
from playhouse.sqlcipher_ext import SqlCipherDatabase

from db.models import database as proxy
from db.storage import dialect, keywrap

KEY_ROW = "log_key"
# The fields each chained table's hash covers, in order (after seq).
FIELDS = {
    "audit_log": ("at", "staff_id", "staff_name", "action", "entity", "entity_id", "detail",
                  "source"),
    "case_event": ("case_id", "at", "staff_id", "kind", "stage", "text", "params"),
}
# A table's chains: one for the whole log, one per case on the timeline.
GROUP = {"audit_log": None, "case_event": "case_id"}
TIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def text_of(value) -> str:
    """A field as hashed: the same text on both databases, whatever the driver returns."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime(TIME_FORMAT)
    return str(value)


AT = {table: fields.index("at") for table, fields in FIELDS.items()}


def stored_time(text: str) -> str:
    """SQLite's stored timestamp text ('2026-03-02 02:00:00', '... .123' from a trigger,
    '... .123456' from peewee) in TIME_FORMAT; string work only: the check runs at start-up."""
    if text[10:11] == " ":
        if len(text) == 26:
            return text
        if len(text) == 19:
            return text + ".000000"
        if len(text) == 23:
            return text + "000"
    return text_of(dialect.to_datetime(text))


def seal(key: bytes, table: str, prev: str | None, seq: int, values: list) -> str:
    """The hash of one entry (hex): HMAC-SHA256(key, prev, table, seq, fields)."""
    fields = [text_of(v) for v in values]
    at = AT[table]
    if isinstance(values[at], str):  # a timestamp as SQLite stores it: normalise the text
        fields[at] = stored_time(values[at])
    message = "\x1e".join([prev or "", table, str(seq), "\x1f".join(fields)])
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest()


def new_key() -> str:
    return secrets.token_hex(32)


def read_key(database: Database | None = None) -> bytes | None:
    database = database or proxy
    row = database.execute_sql(dialect.sql("SELECT secret FROM credential WHERE key = ?",
                                           database), (KEY_ROW,)).fetchone()
    return bytes.fromhex(row[0]) if row else None


# --- SQLite: the chain written by TEMP triggers --------------------------------------------

def install_sqlite(database: Database) -> None:
    """Register the hash function on this connection and the triggers that call it (TEMP:
    a plain sqlite3 session has neither, so its rows stay unchained and show up)."""
    def chain(key, table, prev, seq, *values):
        return None if key is None else seal(bytes.fromhex(key), table, prev, seq, list(values))

    database.connection().create_function("kefudesk_chain", -1, chain)
    for table, fields in FIELDS.items():
        if table not in database.get_tables():
            continue
        # No WHERE without a group: SQLite answers a bare MAX() from the index at once.
        group = GROUP[table]
        top = (f"(SELECT MAX(seq) FROM main.{table} WHERE {group} = NEW.{group})" if group
               else f"(SELECT MAX(seq) FROM main.{table})")
        same = f" AND {group} = NEW.{group}" if group else ""
        last = f"(SELECT chain FROM main.{table} WHERE seq = {top}{same})"
        next_seq = f"(COALESCE({top}, 0) + 1)"
        values = ", ".join(f'NEW."{f}"' for f in fields)
        database.execute_sql(
            f"CREATE TEMP TRIGGER IF NOT EXISTS chain_{table} AFTER INSERT ON main.{table} "
            f"WHEN NEW.chain IS NULL BEGIN UPDATE {table} SET seq = {next_seq}, "
            f"chain = kefudesk_chain((SELECT secret FROM main.credential WHERE key = '{KEY_ROW}'), "
            f"'{table}', {last}, {next_seq}, {values}) "
            f"WHERE id = NEW.id; END")


# --- PostgreSQL: the same chain, by a persistent trigger (created by migration 10) ----------

PG_HMAC = r"""
CREATE OR REPLACE FUNCTION kefudesk_hmac(p_key bytea, p_message bytea) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE v_key bytea := p_key; v_inner bytea; v_outer bytea;
BEGIN
  IF length(v_key) > 64 THEN v_key := sha256(v_key); END IF;
  v_key := v_key || decode(repeat('00', 64 - length(v_key)), 'hex');
  v_inner := v_key; v_outer := v_key;
  FOR i IN 0..63 LOOP
    v_inner := set_byte(v_inner, i, get_byte(v_key, i) # 54);
    v_outer := set_byte(v_outer, i, get_byte(v_key, i) # 92);
  END LOOP;
  RETURN encode(sha256(v_outer || sha256(v_inner || p_message)), 'hex');
END $$"""


def pg_trigger_sql(table: str) -> list[str]:
    def field(name: str) -> str:
        if name == "at":
            return "COALESCE(to_char(NEW.at, 'YYYY-MM-DD HH24:MI:SS.US'), '')"
        return f'COALESCE(NEW."{name}"::text, \'\')'
    fields = " || chr(31) || ".join(field(f) for f in FIELDS[table])
    function = f"kefudesk_chain_{table}"
    group = GROUP[table]
    same = f" AND {group} = NEW.{group}" if group else ""
    lock = f"4245, NEW.{group}" if group else "4245"
    return [
        f"""CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE v_key bytea; v_prev text;
BEGIN
  IF NEW.chain IS NOT NULL THEN RETURN NEW; END IF;  -- a copy keeps its hashes
  PERFORM pg_advisory_xact_lock({lock});  -- one chain: other computers' entries wait
  SELECT decode(secret, 'hex') INTO v_key FROM credential WHERE key = '{KEY_ROW}';
  SELECT seq, chain INTO NEW.seq, v_prev FROM {table} WHERE seq IS NOT NULL{same}
    ORDER BY seq DESC LIMIT 1;
  NEW.seq := COALESCE(NEW.seq, 0) + 1;
  IF v_key IS NOT NULL THEN
    NEW.chain := kefudesk_hmac(v_key, convert_to(COALESCE(v_prev, '') || chr(30) ||
      '{table}' || chr(30) || NEW.seq::text || chr(30) || {fields}, 'UTF8'));
  END IF;
  RETURN NEW;
END $$""",
        f"DROP TRIGGER IF EXISTS {function} ON {table}",
        f"CREATE TRIGGER {function} BEFORE INSERT ON {table} FOR EACH ROW "
        f"EXECUTE FUNCTION {function}()",
    ]


# --- checking -----------------------------------------------------------------------------

@dataclass
class Verdict:
    table: str
    checked: int  # entries whose hash matched
    problem: str = ""  # empty: the chain is whole
    entry_id: int | None = None  # the first entry where it breaks

    @property
    def ok(self) -> bool:
        return not self.problem


def verify(table: str = "audit_log", database: Database | None = None) -> Verdict:
    """Walk the chain in order; the first break (deleted, inserted or changed entry)."""
    database = database or proxy
    key = read_key(database)
    total = database.execute_sql(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    if key is None:
        return Verdict(table, 0, "日志密钥缺失（被删除）", None) if total else Verdict(table, 0)
    columns = ", ".join(f'"{f}"' for f in FIELDS[table])
    group = f"{GROUP[table]}, " if GROUP[table] else ""
    cursor = database.execute_sql(f"SELECT id, seq, chain, {group}{columns} FROM {table} "
                                  f"ORDER BY {group}seq IS NULL, seq, id")
    prev, expected, checked, current = None, 1, 0, None
    while True:
        rows = cursor.fetchmany(2000)
        if not rows:
            break
        for row in rows:
            row_id, seq, chain = row[:3]
            values = row[4:] if group else row[3:]
            if group and row[3] != current:  # the next case's chain
                prev, expected, current = None, 1, row[3]
            if seq is None or chain is None:
                return Verdict(table, checked, f"第 {row_id} 号记录不是本程序写入的（插入）", row_id)
            if seq != expected:
                return Verdict(table, checked,
                               f"第 {row_id} 号记录之前少了 {seq - expected} 条（被删除）", row_id)
            if not hmac.compare_digest(chain, seal(key, table, prev, seq, values)):
                return Verdict(table, checked, f"第 {row_id} 号记录被修改", row_id)
            prev, expected, checked = chain, seq + 1, checked + 1
    return Verdict(table, checked)


def seal_existing(database: Database, key: bytes) -> None:
    """Chain the entries written before schema 10, in their order (migration 10, once)."""
    for table in FIELDS:
        columns = ", ".join(f'"{f}"' for f in FIELDS[table])
        group = GROUP[table]
        rows = database.execute_sql(
            f"SELECT id, {group or 'NULL'}, {columns} FROM {table} WHERE chain IS NULL "
            f"ORDER BY {group + ', ' if group else ''}id").fetchall()
        last: dict = {}  # group -> (seq, hash)
        updates = []
        for row_id, key_of_group, *values in rows:
            seq, prev = last.get(key_of_group, (0, None))
            prev = seal(key, table, prev, seq + 1, values)
            last[key_of_group] = (seq + 1, prev)
            updates.append((seq + 1, prev, row_id))
        database.cursor().executemany(
            dialect.sql(f"UPDATE {table} SET seq = ?, chain = ? WHERE id = ?", database), updates)


def owner_password_logged() -> bool:
    """Whether the newest owner-password entry of the log says a password was set."""
    row = proxy.execute_sql(dialect.sql(
        "SELECT detail FROM audit_log WHERE action = ? AND entity = ? ORDER BY id DESC LIMIT 1"),
        ("password", "credential")).fetchone()
    return bool(row) and row[0].startswith("设置")


def check_all(database: Database | None = None) -> list[Verdict]:
    """Both chains: the activity log, then the case timeline."""
    return [verify(table, database) for table in FIELDS]


def check_file(path, key: bytes | None = None) -> list[Verdict]:
    """Both chains of a backup file (opened read-only; `key` when it is encrypted: see
    db.storage.encryption.key_for); a file from before schema 10 has none to check ([])."""
    extra = {"passphrase": keywrap.passphrase(key)} if key is not None else {}
    database = SqlCipherDatabase(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, **extra)
    try:
        database.connect()
        columns = {c.name for c in database.get_columns("audit_log")}
        return check_all(database) if "chain" in columns else []
    finally:
        database.close()
