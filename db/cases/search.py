"""Case list queries (filters, search, sort, rows by page), the today view, and the values
that fill quick-reply snippets for a case.

Lists ask for matching ids once, then fetch only the rows on screen; every filter is on an
indexed column of `case`, so 100,000 cases stay fast.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from peewee import JOIN, Case as SqlCase, fn

from db import clock, text
from db.cases import workflow as wf, deadlines
from db.models import Case, CasePromise, Customer, Staff, database
from db.storage import dialect

SORT_COLUMNS = {
    "created_at": Case.created_at,
    "due_at": Case.due_at,
    # Stages sort in their working order, not alphabetically by code.
    "stage": SqlCase(None, [(Case.stage == code, n) for n, code in enumerate(wf.STAGES)]),
    "customer": Customer.name_key,
    "order_no": Case.order_no,
    "product": Case.product,
    "category": Case.category,
    "staff": Staff.name,
    "updated_at": Case.updated_at,
}


@dataclasses.dataclass
class CaseQuery:
    text: str = ""
    stage: str | None = None  # a stage code, "open" (not closed) or None (all)
    staff_id: int | None = None
    overdue: bool = False
    due_today: bool = False
    category: str | None = None
    created_from: dt.date | None = None  # local dates, inclusive
    created_to: dt.date | None = None
    customer_id: int | None = None
    sort: str = "created_at"
    descending: bool = True


def search_ids(query: CaseQuery, now: dt.datetime | None = None,
               tz: dt.tzinfo | None = None) -> list[int]:
    now = now or clock.now()
    sort_field = SORT_COLUMNS.get(query.sort, Case.created_at)
    select = Case.select(Case.id)
    if getattr(sort_field, "model", None) is Customer:
        select = select.join(Customer, on=Case.customer == Customer.id).switch(Case)
    for term in text.search_terms(query.text):
        # Matching customers are found once (a small table), not once per case row.
        pattern = text.like_pattern(term)
        buyers = Customer.select(Customer.id).where(Customer.search_text ** pattern)
        select = select.where((Case.search_text ** pattern) | Case.customer.in_(buyers))
    if query.stage == "open":
        select = select.where(Case.stage != "closed")
    elif query.stage:
        select = select.where(Case.stage == query.stage)
    if query.staff_id is not None:
        select = select.where(Case.staff == query.staff_id)
    if query.category:
        select = select.where(Case.category == query.category)
    if query.customer_id is not None:
        select = select.where(Case.customer == query.customer_id)
    if query.overdue or query.due_today:
        _start, end = deadlines.local_day_bounds(deadlines.to_local(now, tz).date(), tz)
        overdue, today = Case.due_at < now, (Case.due_at >= now) & (Case.due_at < end)
        wanted = (overdue | today if query.overdue and query.due_today
                  else overdue if query.overdue else today)
        select = select.where(Case.stage != "closed", wanted)
    if query.created_from:
        select = select.where(Case.created_at >= deadlines.local_day_bounds(query.created_from, tz)[0])
    if query.created_to:
        select = select.where(Case.created_at < deadlines.local_day_bounds(query.created_to, tz)[1])
    if getattr(sort_field, "model", None) is Staff:
        select = select.join(Staff, JOIN.LEFT_OUTER, on=Case.staff == Staff.id)
    sort_expr = sort_field
    if query.text.strip():
        # A search keeps few rows: scanning the table and sorting them beats walking the sort
        # index with a row lookup each (x5 on 100k cases). `|| ''` hides the index.
        sort_expr = sort_field.concat("")
    order = sort_expr.desc(nulls="LAST") if query.descending else sort_expr.asc(nulls="LAST")
    select = select.order_by(order, Case.id.desc() if query.descending else Case.id)
    return _ids_in_order(select)


def _ids_in_order(select) -> list[int]:
    """The ids of an ordered query as one string: building 100,000 row tuples (peewee's or
    even sqlite3's) costs more than the query. SQLite aggregates an ordered subquery in its
    order (tests check it against the plain query)."""
    sql, params = select.sql()
    if dialect.is_postgres():  # psycopg2 builds rows in C: no need for the string trick
        return [row[0] for row in database.execute_sql(sql, params)]
    joined = database.execute_sql(f"SELECT group_concat(id) FROM ({sql})", params).fetchone()[0]
    return [int(i) for i in joined.split(",")] if joined else []


@dataclasses.dataclass
class CaseRow:
    """What a list row shows; a plain value so views never parse display strings."""
    id: int
    customer_id: int
    customer_name: str
    order_no: str
    product: str
    category: str
    stage: str
    severity: str
    emotion: str
    staff_name: str
    due_at: dt.datetime | None
    due_kind: str
    created_at: dt.datetime
    return_visit_on: dt.date | None

    def status(self, now: dt.datetime, tz: dt.tzinfo | None = None) -> str:
        return "" if self.stage == "closed" else deadlines.status(self.due_at, now, tz)


def fetch_rows(ids: list[int]) -> dict[int, CaseRow]:
    if not ids:
        return {}
    query = (Case.select(Case.id, Case.customer, Customer.name, Case.order_no, Case.product,
                         Case.category, Case.stage, Case.severity, Case.emotion, Staff.name,
                         Case.due_at, Case.due_kind, Case.created_at, Case.return_visit_on)
             .join(Customer, on=Case.customer == Customer.id).switch(Case)
             .join(Staff, JOIN.LEFT_OUTER, on=Case.staff == Staff.id)
             .where(Case.id.in_(ids)).tuples())
    rows = {}
    for values in query:
        row = CaseRow(*values)
        row.staff_name = row.staff_name or ""
        rows[row.id] = row
    return rows


def count_cases(open_only: bool = False) -> int:
    select = Case.select(fn.COUNT(Case.id))
    if open_only:
        select = select.where(Case.stage != "closed")
    return select.scalar()


# --- the today view ---------------------------------------------------------------------

@dataclasses.dataclass
class TodayItem:
    section: str  # overdue | today | visit
    case_id: int
    at: dt.datetime | None  # naive UTC of the deadline or promise; None for a 回访 day
    what: str  # what is due, in the shop's words
    row: CaseRow
    promise: str = ""  # the words promised to the buyer, when a promise is what is due


def today_items(now: dt.datetime | None = None, tz: dt.tzinfo | None = None,
                limit: int = 500, staff_id: int | None = None) -> list[TodayItem]:
    """Overdue cases first (most overdue on top), then deadlines later today (promised
    follow-ups among them), then return visits (回访) planned for today or missed."""
    now = now or clock.now()
    today = deadlines.to_local(now, tz).date()
    _start, end = deadlines.local_day_bounds(today, tz)
    open_cases = Case.select(Case.id, Case.due_at, Case.due_kind).where(Case.stage != "closed")
    mine = _mine(staff_id)
    open_cases = open_cases.where(*mine)
    overdue = list(open_cases.where(Case.due_at < now).order_by(Case.due_at).limit(limit).tuples())
    due_today = list(open_cases.where(Case.due_at >= now, Case.due_at < end)
                     .order_by(Case.due_at).limit(limit).tuples())
    listed = [cid for cid, _d, _k in overdue + due_today]
    # A promise due by tonight is what the case is due for: show the words promised.
    promised: dict[int, str] = {}
    for cid, promise in (CasePromise.select(CasePromise.case, CasePromise.text)
                         .where(CasePromise.done_at.is_null(), CasePromise.due_at < end,
                                CasePromise.case.in_(listed))
                         .order_by(CasePromise.due_at.desc()).tuples()):
        promised[cid] = promise  # the earliest wins (descending order)
    visits = list(Case.select(Case.id).where(*_visits_due(today), *mine)
                  .order_by(Case.return_visit_on).limit(limit).tuples())
    rows = fetch_rows(listed + [c for (c,) in visits])

    def what(cid: int, kind: str) -> str:
        if kind == "promise" and cid in promised:
            return f"跟进：{promised[cid]}"
        return deadlines.KIND_LABELS.get(kind, kind)
    items = [TodayItem("overdue", cid, due, what(cid, kind), rows[cid],
                       promised.get(cid, "") if kind == "promise" else "")
             for cid, due, kind in overdue]
    items += [TodayItem("today", cid, due, what(cid, kind), rows[cid],
                        promised.get(cid, "") if kind == "promise" else "")
              for cid, due, kind in due_today]
    items += [TodayItem("visit", cid, None, "回访买家满意度", rows[cid]) for (cid,) in visits]
    return items


def today_counts(now: dt.datetime | None = None, tz: dt.tzinfo | None = None,
                 staff_id: int | None = None) -> dict[str, int]:
    """How many are overdue / due later today / return visits due, without the row limit."""
    now = now or clock.now()
    today = deadlines.to_local(now, tz).date()
    _start, end = deadlines.local_day_bounds(today, tz)
    mine = _mine(staff_id)
    open_cases = Case.select(fn.COUNT(Case.id)).where(Case.stage != "closed", *mine)
    return {
        "overdue": open_cases.where(Case.due_at < now).scalar(),
        "today": open_cases.where(Case.due_at >= now, Case.due_at < end).scalar(),
        "visit": Case.select(fn.COUNT(Case.id)).where(*_visits_due(today), *mine).scalar(),
    }


def _mine(staff_id: int | None) -> tuple:
    """The "only mine" condition of the today view (nothing when everyone's is wanted)."""
    return (Case.staff == staff_id,) if staff_id is not None else ()


def _visits_due(today: dt.date) -> tuple:
    # Only closing sets return_visit_on and reopening clears it, so no stage test is needed;
    # one would lead SQLite to walk every closed case instead of the few visits due.
    return (Case.return_visit_on <= today, Case.return_visit_done_at.is_null())
