"""The service dashboard's figures for a period: query in, numbers out (no Qt).

Definitions (the numbers an owner reads, so each is spelled out):
- open by stage / overdue: a snapshot at `now` (open = not closed; overdue = due_at < now).
- opened / closed per day: cases created, and cases whose (latest) closing falls on each
  local day of the period.
- step times: for cases closed in the period, the time spent in each of the four steps
  (summed over the timeline's stage moves; a skipped step is left out of that step's
  figures) and from complaint to closing; average and p90 (nearest rank), in hours.
- first answer met: of the cases opened in the period whose first-answer limit has passed or
  that were answered, the share answered in time. Answered = a remedy proposed, or the case
  moved on to 跟进/已结案 (for example a remedy step skipped with a reason).
- satisfaction: cases closed in the period that have a score.
- complaints by category / product: cases opened in the period, top 10.
- remedies: proposed in the period and not rejected; amounts count once agreed or later.
- per staff: cases handled = cases on which they recorded anything in the period; overdue =
  open cases assigned to them overdue now; satisfaction of their cases closed in the period.
- return visits: those scheduled on a day of the period; done, and late (not done, day past).
"""
from __future__ import annotations

import bisect
import collections
import dataclasses
import datetime as dt
import math
import re

from db import clock
from db.cases import workflow as wf, deadlines
from db.cases.vocabulary import REMEDY_TYPES
from db.models import Staff, database
from db.reports.order_figures import OrderFigures, any_orders, order_figures
from db.reports.periods import Period
from db.storage import dialect, settings

STEPS = ("reception", "apology", "remedy", "followup")
TOP_N = 10
PAID_STATUSES = ("agreed", "in_progress", "done")
REFUND_TYPES = ("refund",)  # everything else with an amount counts as compensation
NO_CATEGORY = "未分类"
NO_PRODUCT = "未填商品"
NO_STAFF = "未分配"


@dataclasses.dataclass(frozen=True)
class Duration:
    count: int
    average_hours: float | None
    p90_hours: float | None


@dataclasses.dataclass(frozen=True)
class DayCount:
    day: dt.date
    opened: int
    closed: int


@dataclasses.dataclass(frozen=True)
class RemedyRow:
    type: str  # code; label via db.cases.vocabulary.REMEDY_TYPES
    count: int
    amount_cents: int

    @property
    def label(self) -> str:
        return REMEDY_TYPES.source(self.type)


@dataclasses.dataclass(frozen=True)
class StaffRow:
    staff_id: int | None
    name: str
    handled: int
    overdue: int
    satisfaction: float | None
    rated: int


@dataclasses.dataclass
class Dashboard:
    period: Period
    now: dt.datetime
    open_by_stage: dict[str, int]
    overdue_now: int
    per_day: list[DayCount]
    durations: dict[str, Duration]  # the four steps and "closure"
    first_answer_met: int
    first_answer_due: int
    satisfaction_counts: dict[int, int]  # 1..5
    by_category: list[tuple[str, int]]
    by_product: list[tuple[str, int]]
    remedies: list[RemedyRow]
    staff: list[StaffRow]
    return_visits_due: int
    return_visits_done: int
    return_visits_late: int
    orders: OrderFigures | None = None  # only for a shop that keeps orders (db.orders)

    @property
    def open_total(self) -> int:
        return sum(self.open_by_stage.values())

    @property
    def opened(self) -> int:
        return sum(d.opened for d in self.per_day)

    @property
    def closed(self) -> int:
        return sum(d.closed for d in self.per_day)

    @property
    def first_answer_rate(self) -> float | None:
        """Percent, or None when no case was due an answer."""
        if not self.first_answer_due:
            return None
        return 100.0 * self.first_answer_met / self.first_answer_due

    @property
    def rated(self) -> int:
        return sum(self.satisfaction_counts.values())

    @property
    def satisfaction_average(self) -> float | None:
        if not self.rated:
            return None
        return sum(k * n for k, n in self.satisfaction_counts.items()) / self.rated

    @property
    def refunded_cents(self) -> int:
        return sum(r.amount_cents for r in self.remedies if r.type in REFUND_TYPES)

    @property
    def compensated_cents(self) -> int:
        return sum(r.amount_cents for r in self.remedies if r.type not in REFUND_TYPES)


def dashboard(period: Period, now: dt.datetime | None = None,
              tz: dt.tzinfo | None = None) -> Dashboard:
    now = now or clock.now()
    start, end = period.bounds(tz)
    day_starts = [str(deadlines.local_day_bounds(day, tz)[0]) for day in period.days]
    open_marks = ", ".join(f"'{s}'" for s in wf.OPEN_STAGES)

    # INDEXED BY: on 100k cases SQLite's planner picks a narrower index (case.staff_id, or
    # the timeline's (case_id, at)) and then reads a table row per case: 4x slower, measured.
    open_by_stage = dict.fromkeys(wf.OPEN_STAGES, 0)
    open_by_stage.update(_rows(f'SELECT stage, COUNT(*) FROM "case" WHERE stage IN ({open_marks}) '
                               "GROUP BY stage"))
    overdue_by_staff = dict(_rows(
        f'SELECT staff_id, COUNT(*) FROM "case" INDEXED BY case_stage_due_at_staff_id '
        f"WHERE stage IN ({open_marks}) AND due_at < ? "
        "GROUP BY staff_id", now))

    # One read of the cases opened in the period feeds per-day, categories, products and
    # the first-answer rate; one read of those closed feeds per-day, satisfaction, durations.
    opened_rows = _rows('SELECT id, created_at, severity, category, product FROM "case" '
                        "WHERE created_at >= ? AND created_at < ?", start, end)
    closed_rows = _rows('SELECT id, created_at, closed_at, satisfaction, staff_id FROM "case" '
                        "WHERE closed_at >= ? AND closed_at < ? AND stage = 'closed'", start, end)
    opened_days = collections.Counter(bisect.bisect_right(day_starts, r[1]) - 1
                                      for r in opened_rows)
    closed_days = collections.Counter(bisect.bisect_right(day_starts, r[2]) - 1
                                      for r in closed_rows)
    per_day = [DayCount(day, opened_days[i], closed_days[i]) for i, day in enumerate(period.days)]

    satisfaction_counts = dict.fromkeys(range(1, 6), 0)
    for row in closed_rows:
        if row[3] in satisfaction_counts:
            satisfaction_counts[row[3]] += 1

    met, due = _first_answer(opened_rows, start, end, now)
    visits_due, visits_done, visits_late = _return_visits(period, now, tz)
    return Dashboard(
        period=period, now=now, open_by_stage=open_by_stage,
        overdue_now=sum(overdue_by_staff.values()), per_day=per_day,
        durations=_durations(closed_rows, start, end),
        first_answer_met=met, first_answer_due=due, satisfaction_counts=satisfaction_counts,
        by_category=_top((r[3] for r in opened_rows), NO_CATEGORY),
        by_product=_top((r[4] for r in opened_rows), NO_PRODUCT),
        remedies=_remedies(start, end),
        staff=_staff(start, end, overdue_by_staff, closed_rows),
        return_visits_due=visits_due, return_visits_done=visits_done,
        return_visits_late=visits_late,
        orders=order_figures(period, tz) if any_orders() else None)


def _rows(sql: str, *params) -> list[tuple]:
    """Raw rows (timestamps as stored text, which sorts as time): a month of a busy shop is
    tens of thousands of rows, and model instances would cost more than the queries."""
    values = [str(p) if isinstance(p, (dt.datetime, dt.date)) else p for p in params]
    if not dialect.is_postgres():
        return database.execute_sql(sql, values).fetchall()
    # The server's planner needs no hints, and its driver gives datetime objects: turned into
    # the text SQLite stores (str() is the same format), the code below reads both alike.
    sql = dialect.sql(re.sub(r" INDEXED BY \w+", "", sql))
    return [tuple(str(v) if isinstance(v, (dt.datetime, dt.date)) else v for v in row)
            for row in database.execute_sql(sql, values)]


def _time(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile (p90 of 10 values is the 9th smallest)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def _summary(hours: list[float]) -> Duration:
    if not hours:
        return Duration(0, None, None)
    return Duration(len(hours), sum(hours) / len(hours), percentile(hours, 0.9))


def _durations(closed_rows, start: dt.datetime, end: dt.datetime) -> dict[str, Duration]:
    spent: dict[str, list[float]] = {step: [] for step in STEPS}
    per_case: dict[str, float] = {}
    current_case, stage, since = None, None, None

    def flush() -> None:
        for step, seconds in per_case.items():
            spent[step].append(seconds / 3600)
        per_case.clear()

    # Every entry carries the stage after it; a change of stage is a move (read from the
    # covering index case_event(case_id, at, stage): no table rows).
    events = _rows(
        f"SELECT e.case_id, {dialect.seconds('e.at')}, e.stage "
        "FROM case_event e INDEXED BY case_event_case_id_at_stage "
        "WHERE e.case_id IN "
        "(SELECT id FROM \"case\" WHERE closed_at >= ? AND closed_at < ? AND stage = 'closed') "
        "ORDER BY e.case_id, e.at, e.id", start, end)
    for case_id, at, new_stage in events:
        if case_id != current_case:
            flush()
            current_case, stage, since = case_id, new_stage, at
            continue
        if new_stage and new_stage != stage:
            if stage in spent:
                per_case[stage] = per_case.get(stage, 0.0) + round(at - since, 3)
            stage, since = new_stage, at
    flush()
    found = {step: _summary(spent[step]) for step in STEPS}
    found["closure"] = _summary([(_time(closed) - _time(created)).total_seconds() / 3600
                                 for _id, created, closed, _s, _st in closed_rows])
    return found


def _first_answer(opened_rows, start: dt.datetime, end: dt.datetime,
                  now: dt.datetime) -> tuple[int, int]:
    configured = settings.get(deadlines.SETTING_KEY)
    limits = {s: deadlines.limits_for(s, configured).first_answer for s in deadlines.SEVERITIES}
    # An answer that can still count as in time comes before the latest limit of the period;
    # one after it is late, and a case whose limit passed is due either way.
    until = end + max(limits.values())
    wanted = {r[0] for r in opened_rows}
    answered: dict[int, str] = {}
    for case_id, at in _rows("SELECT case_id, MIN(created_at) FROM remedy "
                             "WHERE created_at >= ? AND created_at < ? GROUP BY case_id",
                             start, until):
        if case_id in wanted:
            answered[case_id] = at
    for case_id, at in _rows("SELECT case_id, MIN(at) FROM case_event WHERE at >= ? AND at < ? "
                             "AND stage IN ('followup', 'closed') GROUP BY case_id", start, until):
        if case_id in wanted and (case_id not in answered or at < answered[case_id]):
            answered[case_id] = at
    met = due = 0
    for case_id, created, severity, _category, _product in opened_rows:
        limit = _time(created) + limits.get(severity, limits["simple"])
        when = answered.get(case_id)
        if when is not None and _time(when) <= limit:
            met += 1
            due += 1
        elif when is not None or limit <= now:
            due += 1
    return met, due


def _top(values, blank: str) -> list[tuple[str, int]]:
    counts = collections.Counter((v or "").strip() or blank for v in values)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOP_N]


def _remedies(start: dt.datetime, end: dt.datetime) -> list[RemedyRow]:
    counts: collections.Counter = collections.Counter()
    amounts: collections.Counter = collections.Counter()
    for type_, status, amount in _rows(
            "SELECT type, status, amount_cents FROM remedy WHERE created_at >= ? "
            "AND created_at < ? AND status != 'rejected'", start, end):
        counts[type_] += 1
        if status in PAID_STATUSES and amount:
            amounts[type_] += amount
    order = REMEDY_TYPES.codes()
    return [RemedyRow(t, counts[t], amounts[t])
            for t in sorted(counts, key=lambda t: order.index(t) if t in order else len(order))]


def _staff(start: dt.datetime, end: dt.datetime, overdue: dict, closed_rows) -> list[StaffRow]:
    handled = dict(_rows("SELECT staff_id, COUNT(DISTINCT case_id) FROM case_event "
                         "WHERE at >= ? AND at < ? AND staff_id IS NOT NULL GROUP BY staff_id",
                         start, end))
    scores: dict[int | None, list[int]] = collections.defaultdict(list)
    for _id, _created, _closed, satisfaction, staff_id in closed_rows:
        if satisfaction is not None:
            scores[staff_id].append(satisfaction)
    ids = set(handled) | set(overdue) | set(scores)
    names = {s.id: s.name for s in Staff.select(Staff.id, Staff.name)}
    rows = []
    for staff_id in ids:
        marks = scores.get(staff_id, [])
        rows.append(StaffRow(staff_id, names.get(staff_id, NO_STAFF) if staff_id else NO_STAFF,
                             handled.get(staff_id, 0), overdue.get(staff_id, 0),
                             sum(marks) / len(marks) if marks else None, len(marks)))
    return sorted(rows, key=lambda r: (r.staff_id is None, -r.handled, r.name))


def _return_visits(period: Period, now: dt.datetime, tz) -> tuple[int, int, int]:
    today = deadlines.to_local(now, tz).date()
    due = done = late = 0
    for on, done_at in _rows('SELECT return_visit_on, return_visit_done_at FROM "case" '
                             "WHERE return_visit_on >= ? AND return_visit_on <= ?",
                             period.first, period.last):
        due += 1
        if done_at is not None:
            done += 1
        elif on < str(today):
            late += 1
    return due, done, late
