"""Schema 6: indexes for the reports (报表), which read cases by closing time and the
timeline and remedies by date. Without them a month's dashboard scans every row
(see docs/benchmarks.md, reports section)."""
from __future__ import annotations

VERSION = 6

# Covering indexes: each report query reads one index range and no table rows (a row lookup
# costs ~10 µs, and a month touches tens of thousands of rows).
INDEXES = {
    "case_event_at_stage_case_id_staff_id": "case_event (at, stage, case_id, staff_id)",
    "case_event_case_id_at_stage": "case_event (case_id, at, stage)",
    "case_closed_at_stage_created_at_satisfaction_staff_id":
        "\"case\" (closed_at, stage, created_at, satisfaction, staff_id)",
    "case_return_visit_on_return_visit_done_at": "\"case\" (return_visit_on, return_visit_done_at)",
    "case_stage_due_at_staff_id": "\"case\" (stage, due_at, staff_id)",
    "remedy_created_at_case_id_type_status_amount_cents":
        "remedy (created_at, case_id, type, status, amount_cents)",
}


def up(database) -> None:
    for name, target in INDEXES.items():
        database.execute_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")
