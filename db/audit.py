"""The audit log: every create, change and delete, with who did it and from where.

Rows are written by TEMP triggers that SQLite runs inside the very statement that changes the
data, so no code path (screens, imports, the command line, later areas) can forget to log,
and a rolled-back change leaves no log entry behind. The acting staff member and the source
live in a one-row TEMP table of the connection, set with `act_as`.
"""
from __future__ import annotations

import contextlib
import json
from typing import Iterator

from peewee import Database

from db import clock
from db.models import AuditLog, Staff, database as proxy

NOT_AUDITED = {"audit_log", "schema_version", "sqlite_sequence", "credential"}
# Derived or bookkeeping columns: logging them would only repeat what changed.
QUIET_COLUMNS = {"id", "search_text", "name_key", "updated_at", "updated_by_id", "version",
                 "use_count", "last_used_at"}  # a snippet copied is not a change to it


def install(database: Database) -> None:
    """Create the session table and the triggers on this connection (call after migrating)."""
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

    head = (f"INSERT INTO audit_log (at, staff_id, staff_name, action, entity, entity_id, "
            f"detail, source) SELECT strftime('%Y-%m-%d %H:%M:%f', 'now'), s.staff_id, "
            f"COALESCE((SELECT name FROM main.staff WHERE id = s.staff_id), ''), ")
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


def act_as(staff: Staff | int | None, source: str = "screen") -> None:
    """Who the following changes are by, and from where (screen, import, command line...)."""
    staff_id = staff.id if isinstance(staff, Staff) else staff
    proxy.execute_sql("UPDATE temp.audit_session SET staff_id = ?, source = ?", (staff_id, source))


@contextlib.contextmanager
def bulk(action: str, entity: str, summary: dict, staff: Staff | None, source: str) -> Iterator[None]:
    """One log entry for a bulk operation (an import of 50,000 rows) instead of one per row.
    The entry is written in the same transaction, so it exists exactly when the data does."""
    proxy.execute_sql("UPDATE temp.audit_session SET per_row = 0")
    try:
        with proxy.atomic():
            yield
            record(action, entity, None, summary, staff, source)
    finally:
        proxy.execute_sql("UPDATE temp.audit_session SET per_row = 1")


def record(action: str, entity: str = "", entity_id: int | None = None,
           detail: dict | str = "", staff: Staff | None = None, source: str | None = None) -> AuditLog:
    """Log something that is not a row change: an export, a restore, a failed owner login.
    Without `staff`/`source`, those of the session (act_as) are used."""
    session_staff, session_source = proxy.execute_sql(
        "SELECT staff_id, source FROM temp.audit_session").fetchone()
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
    book.save(path)


def _cell(sheet, value: str, font, cell_class):
    cell = cell_class(sheet, value=value)
    cell.data_type = "s"  # text, never a formula, whatever the first character
    if font is not None:
        cell.font = font
    return cell
