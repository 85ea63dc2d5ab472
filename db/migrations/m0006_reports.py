"""Schema 6: indexes for the reports (报表), which read cases by closing time and the
timeline and remedies by date. Without them a month's dashboard scans every row
(see docs/benchmarks.md, reports section)."""
from __future__ import annotations

VERSION = 6

INDEXES = {
    "case_event_at_staff_id_case_id": "case_event (at, staff_id, case_id)",
    "case_closed_at": "\"case\" (closed_at)",
    "remedy_created_at": "remedy (created_at)",
}


def up(database) -> None:
    for name, target in INDEXES.items():
        database.execute_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")
