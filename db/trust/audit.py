"""The audit log: every create, change and delete, with who did it and from where.

Rows are written by TEMP triggers that SQLite runs inside the very statement that changes the
data, so no code path (screens, imports, the command line, later areas) can forget to log,
and a rolled-back change leaves no log entry behind. The acting staff member and the source
live in a one-row TEMP table of the connection, set with `act_as`.

On a shared PostgreSQL server the same log is written by one PL/pgSQL trigger function on
every table, and the session's staff member and source are settings of the connection
(`set_config('kefudesk.staff_id', ...)`), so each computer logs under its own staff member.
"""
from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Iterator

from peewee import Database

from db import clock
from db.models import AuditLog, Staff, database as proxy
from db.storage import dialect, files
from db.trust import log_chain

NOT_AUDITED = {"audit_log", "schema_version", "sqlite_sequence", "credential"}
# Derived or bookkeeping columns: logging them would only repeat what changed.
QUIET_COLUMNS = {"id", "search_text", "name_key", "updated_at", "updated_by_id", "version",
                 "use_count", "last_used_at",  # a snippet copied is not a change to it
                 "seq", "chain"}  # a timeline entry's place in its chain (log_chain)


def install(database: Database) -> None:
    """Create the session table and the triggers on this connection (call after migrating)."""
    if dialect.is_postgres(database):
        _install_postgres(database)
        return
    database.execute_sql("CREATE TEMP TABLE IF NOT EXISTS audit_session "
                         "(staff_id INTEGER, source TEXT NOT NULL DEFAULT '', per_row INTEGER NOT NULL DEFAULT 1)")
    if not database.execute_sql("SELECT COUNT(*) FROM temp.audit_session").fetchone()[0]:
        database.execute_sql("INSERT INTO temp.audit_session (staff_id, source) VALUES (NULL, '')")
    for table in database.get_tables():
        if table in NOT_AUDITED or table.startswith("sqlite_"):  # sqlite_stat1 after ANALYZE
            continue
        columns = [row[1] for row in database.execute_sql(f'PRAGMA main.table_info("{table}")')]
        for sql in _trigger_sql(table, columns):
            database.execute_sql(sql)
    log_chain.install_sqlite(database)


def _trigger_sql(table: str, all_columns: list[str]) -> list[str]:
    columns = [c for c in all_columns if c not in QUIET_COLUMNS]
    if not columns:
        return []
    rowid = "id" if "id" in all_columns else "rowid"  # settings are keyed by text
    def pairs(row: str, only_changed: bool) -> str:
        # JSON cannot hold a BLOB (a snippet's image): log its size instead.
        parts = [f"SELECT '{c}' AS k, CASE typeof({row}.\"{c}\") WHEN 'blob' THEN "
                 f"'<' || length({row}.\"{c}\") || ' bytes>' ELSE {row}.\"{c}\" END AS v" +
                 (f' WHERE OLD."{c}" IS NOT NEW."{c}"' if only_changed else "")
                 for c in columns]
        return "(SELECT json_group_object(k, v) FROM (" + " UNION ALL ".join(parts) + "))"

    head = ("INSERT INTO audit_log (at, staff_id, staff_name, action, entity, entity_id, "
            "detail, source) SELECT strftime('%Y-%m-%d %H:%M:%f', 'now'), s.staff_id, "
            "COALESCE((SELECT name FROM main.staff WHERE id = s.staff_id), ''), ")
    tail = "FROM temp.audit_session s WHERE s.per_row = 1"
    changed = " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in columns) or "0"
    name = f"audit_{table}"
    return [
        f"CREATE TEMP TRIGGER IF NOT EXISTS {name}_insert AFTER INSERT ON main.\"{table}\" BEGIN "
        f"{head}'create', '{table}', NEW.{rowid}, {pairs('NEW', False)}, s.source {tail}; END",
        f"CREATE TEMP TRIGGER IF NOT EXISTS {name}_update AFTER UPDATE ON main.\"{table}\" "
        f"WHEN {changed} BEGIN "
        f"{head}'update', '{table}', NEW.{rowid}, {pairs('NEW', True)}, s.source {tail}; END",
        f"CREATE TEMP TRIGGER IF NOT EXISTS {name}_delete AFTER DELETE ON main.\"{table}\" BEGIN "
        f"{head}'delete', '{table}', OLD.{rowid}, {pairs('OLD', False)}, s.source {tail}; END",
    ]


# PostgreSQL: the trigger function reads the session from connection settings. A bulk import
# or a copy between databases sets kefudesk.per_row to 0 like the SQLite session's per_row.
_PG_FUNCTION = r"""
CREATE OR REPLACE FUNCTION kefudesk_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_new_row jsonb; v_old_row jsonb; v_detail jsonb; v_staff integer; v_action text; v_row_id text;
  v_arg text;
BEGIN
  IF COALESCE(current_setting('kefudesk.per_row', true), '') = '0' THEN RETURN NULL; END IF;
  v_staff := NULLIF(current_setting('kefudesk.staff_id', true), '')::integer;
  IF TG_OP <> 'INSERT' THEN v_old_row := to_jsonb(OLD); v_row_id := v_old_row ->> 'id'; END IF;
  IF TG_OP <> 'DELETE' THEN v_new_row := to_jsonb(NEW); v_row_id := v_new_row ->> 'id'; END IF;
  -- Arguments: quiet columns, and '#name' for a BLOB column logged by its size only (in
  -- to_jsonb a bytea is '\x' and two hex digits per byte).
  FOREACH v_arg IN ARRAY COALESCE(TG_ARGV, ARRAY[]::text[]) LOOP
    IF left(v_arg, 1) = '#' THEN
      v_arg := substr(v_arg, 2);
      IF v_new_row ? v_arg AND v_new_row ->> v_arg IS NOT NULL THEN
        v_new_row := jsonb_set(v_new_row, ARRAY[v_arg],
          to_jsonb('<' || (length(v_new_row ->> v_arg) - 2) / 2 || ' bytes>'));
      END IF;
      IF v_old_row ? v_arg AND v_old_row ->> v_arg IS NOT NULL THEN
        v_old_row := jsonb_set(v_old_row, ARRAY[v_arg],
          to_jsonb('<' || (length(v_old_row ->> v_arg) - 2) / 2 || ' bytes>'));
      END IF;
    ELSE
      v_new_row := v_new_row - v_arg; v_old_row := v_old_row - v_arg;
    END IF;
  END LOOP;
  IF TG_OP = 'INSERT' THEN v_action := 'create'; v_detail := v_new_row;
  ELSIF TG_OP = 'DELETE' THEN v_action := 'delete'; v_detail := v_old_row;
  ELSE
    v_action := 'update';
    SELECT jsonb_object_agg(n.key, n.value) INTO v_detail FROM jsonb_each(v_new_row) n
      WHERE (v_old_row -> n.key) IS DISTINCT FROM n.value;
    IF v_detail IS NULL THEN RETURN NULL; END IF;  -- only quiet columns changed
  END IF;
  INSERT INTO audit_log (at, staff_id, staff_name, action, entity, entity_id, detail, source)
  VALUES (clock_timestamp() AT TIME ZONE 'UTC', v_staff,
          COALESCE((SELECT name FROM staff WHERE id = v_staff), ''), v_action, TG_TABLE_NAME,
          CASE WHEN v_row_id ~ '^[0-9]+$' THEN v_row_id::integer END, v_detail::text,
          COALESCE(current_setting('kefudesk.source', true), ''));
  RETURN NULL;
END $$"""

def _install_postgres(database: Database) -> None:
    with database.atomic():
        # Computers starting at once would race to create the same triggers.
        database.execute_sql("SELECT pg_advisory_xact_lock(4243)")
        existing = {row[0] for row in database.execute_sql(
            "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")}
        database.execute_sql(_PG_FUNCTION)
        for table in database.get_tables():
            name = f"audit_{table}"
            if table in NOT_AUDITED or name in existing:
                continue
            columns = database.get_columns(table)
            args = [c.name for c in columns if c.name in QUIET_COLUMNS]
            args += ["#" + c.name for c in columns if c.data_type == "bytea"]
            arg_list = ", ".join(f"'{a}'" for a in args)
            database.execute_sql(
                f'CREATE TRIGGER "{name}" AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
                f"FOR EACH ROW EXECUTE FUNCTION kefudesk_audit({arg_list})")
    _session_set(database, staff_id=None, source="")


def _session_set(database: Database | None = None, **values) -> None:
    database = database or proxy
    if dialect.is_postgres(database):
        real = database.obj if database is proxy else database
        for key, value in values.items():
            name, text = f"kefudesk.{key}", "" if value is None else str(value)
            database.execute_sql("SELECT set_config(%s, %s, false)", (name, text))
            if hasattr(real, "session"):  # kept for a reconnection (db.storage.server)
                real.session[name] = text
        return
    assignments = ", ".join(f"{key} = ?" for key in values)
    database.execute_sql(f"UPDATE temp.audit_session SET {assignments}", tuple(values.values()))


def _session_staff_and_source() -> tuple[int | None, str]:
    if dialect.is_postgres():
        staff, source = proxy.execute_sql(
            "SELECT current_setting('kefudesk.staff_id', true), "
            "current_setting('kefudesk.source', true)").fetchone()
        return (int(staff) if staff else None), source or ""
    return proxy.execute_sql("SELECT staff_id, source FROM temp.audit_session").fetchone()


def act_as(staff: Staff | int | None, source: str = "screen") -> None:
    """Who the following changes are by, and from where (screen, import, command line...)."""
    staff_id = staff.id if isinstance(staff, Staff) else staff
    _session_set(staff_id=staff_id, source=source)


@contextlib.contextmanager
def bulk(action: str, entity: str, summary: dict, staff: Staff | None, source: str) -> Iterator[None]:
    """One log entry for a bulk operation (an import of 50,000 rows) instead of one per row.
    The entry is written in the same transaction, so it exists exactly when the data does."""
    _session_set(per_row=0)
    try:
        with proxy.atomic():
            yield
            record(action, entity, None, summary, staff, source)
    finally:
        _session_set(per_row=1)


def record(action: str, entity: str = "", entity_id: int | None = None,
           detail: dict | str = "", staff: Staff | None = None, source: str | None = None) -> AuditLog:
    """Log something that is not a row change: an export, a restore, a failed owner login.
    Without `staff`/`source`, those of the session (act_as) are used."""
    session_staff, session_source = _session_staff_and_source()
    if staff is None and session_staff is not None:
        staff = Staff.get_or_none(Staff.id == session_staff)
    return AuditLog.create(
        at=clock.now(), staff_id=staff.id if staff else None, staff_name=staff.name if staff else "",
        action=action, entity=entity, entity_id=entity_id,
        detail=detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False),
        source=source if source is not None else session_source)


def search(staff_id: int | None = None, action: str | None = None, entity: str | None = None,
           since=None, until=None, text: str = "", limit: int = 5000) -> list[AuditLog]:
    """Newest first; since/until are naive UTC datetimes."""
    query = AuditLog.select().order_by(AuditLog.id.desc()).limit(limit)
    if staff_id is not None:
        query = query.where(AuditLog.staff_id == staff_id)
    if action:
        query = query.where(AuditLog.action == action)
    if entity:
        query = query.where(AuditLog.entity == entity)
    if since is not None:
        query = query.where(AuditLog.at >= since)
    if until is not None:
        query = query.where(AuditLog.at < until)
    if text:
        query = query.where(AuditLog.detail.contains(text))
    return list(query)


def write_xlsx(entries: list[AuditLog], path) -> None:
    """The log as a workbook for the owner's records (cells forced to text: no formulas)."""
    from openpyxl import Workbook  # noqa: PLC0415 - only when exporting
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet("操作日志")
    sheet.freeze_panes = "A2"
    header = ["时间(UTC)", "客服", "操作", "对象", "编号", "内容", "来源"]
    sheet.append([_cell(sheet, h, Font(bold=True), WriteOnlyCell) for h in header])
    for e in entries:
        values = [e.at.strftime("%Y-%m-%d %H:%M:%S") if e.at else "", e.staff_name, e.action,
                  e.entity, "" if e.entity_id is None else str(e.entity_id), e.detail, e.source]
        sheet.append([_cell(sheet, v, None, WriteOnlyCell) for v in values])
    files.write_atomically(Path(path), book.save)  # an open old copy stays as it was


def _cell(sheet, value: str, font, cell_class):
    cell = cell_class(sheet, value=value)
    cell.data_type = "s"  # text, never a formula, whatever the first character
    if font is not None:
        cell.font = font
    return cell
