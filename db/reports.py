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

import collections
import dataclasses
import datetime as dt
import math

from peewee import fn

from db import case_workflow as wf, clock, deadlines, settings
from db.case_labels import REMEDY_TYPES
from db.models import Case, CaseEvent, Remedy, Staff
from db.report_periods import Period

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
    type: str  # code; label via db.case_labels.REMEDY_TYPES
    count: int
    amount_cents: int

    @property
    def label(self) -> str:
        return REMEDY_TYPES.get(self.type, self.type)


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
    opened_in = (Case.created_at >= start) & (Case.created_at < end)
    closed_in = (Case.stage == "closed") & (Case.closed_at >= start) & (Case.closed_at < end)

    open_by_stage = dict.fromkeys(wf.OPEN_STAGES, 0)
    for stage, count in (Case.select(Case.stage, fn.COUNT(Case.id))
                         .where(Case.stage.in_(wf.OPEN_STAGES)).group_by(Case.stage).tuples()):
        open_by_stage[stage] = count
    overdue_now = (Case.select().where(Case.stage.in_(wf.OPEN_STAGES), Case.due_at < now)
                   .count())

    opened_days = collections.Counter(
        deadlines.to_local(at, tz).date()
        for (at,) in Case.select(Case.created_at).where(opened_in).tuples())
    closed_rows = list(Case.select(Case.id, Case.created_at, Case.closed_at, Case.satisfaction,
                                   Case.staff).where(closed_in).tuples())
    closed_days = collections.Counter(deadlines.to_local(r[2], tz).date() for r in closed_rows)
    per_day = [DayCount(day, opened_days[day], closed_days[day]) for day in period.days]

    satisfaction_counts = dict.fromkeys(range(1, 6), 0)
    for row in closed_rows:
        if row[3] in satisfaction_counts:
            satisfaction_counts[row[3]] += 1

    met, due = _first_answer(opened_in, now)
    visits_due, visits_done, visits_late = _return_visits(period, now, tz)
    return Dashboard(
        period=period, now=now, open_by_stage=open_by_stage, overdue_now=overdue_now,
        per_day=per_day, durations=_durations(closed_in, closed_rows),
        first_answer_met=met, first_answer_due=due, satisfaction_counts=satisfaction_counts,
        by_category=_top(Case.category, opened_in, NO_CATEGORY),
        by_product=_top(Case.product, opened_in, NO_PRODUCT),
        remedies=_remedies(start, end), staff=_staff(start, end, now, closed_rows),
        return_visits_due=visits_due, return_visits_done=visits_done,
        return_visits_late=visits_late)


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


def _durations(closed_in, closed_rows) -> dict[str, Duration]:
    spent: dict[str, list[float]] = {step: [] for step in STEPS}
    per_case: dict[str, float] = {}
    current_case, stage, since = None, None, None

    def flush() -> None:
        for step, seconds in per_case.items():
            spent[step].append(seconds / 3600)
        per_case.clear()

    events = (CaseEvent.select(CaseEvent.case, CaseEvent.at, CaseEvent.stage)
              .where(CaseEvent.case.in_(Case.select(Case.id).where(closed_in)))
              .order_by(CaseEvent.case, CaseEvent.at, CaseEvent.id).tuples())
    for case_id, at, new_stage in events:
        if case_id != current_case:
            flush()
            current_case, stage, since = case_id, new_stage, at
            continue
        if new_stage and new_stage != stage:
            if stage in spent:
                per_case[stage] = per_case.get(stage, 0.0) + (at - since).total_seconds()
            stage, since = new_stage, at
    flush()
    found = {step: _summary(spent[step]) for step in STEPS}
    found["closure"] = _summary([(closed - created).total_seconds() / 3600
                                 for _id, created, closed, _s, _st in closed_rows])
    return found


def _first_answer(opened_in, now: dt.datetime) -> tuple[int, int]:
    configured = settings.get(deadlines.SETTING_KEY)
    limits = {s: deadlines.limits_for(s, configured).first_answer for s in deadlines.SEVERITIES}
    ids = Case.select(Case.id).where(opened_in)
    answered: dict[int, dt.datetime] = {}
    for case_id, at in (Remedy.select(Remedy.case, fn.MIN(Remedy.created_at))
                        .where(Remedy.case.in_(ids)).group_by(Remedy.case).tuples()):
        answered[case_id] = at
    for case_id, at in (CaseEvent.select(CaseEvent.case, fn.MIN(CaseEvent.at))
                        .where(CaseEvent.case.in_(ids),
                               CaseEvent.stage.in_(("followup", "closed")))
                        .group_by(CaseEvent.case).tuples()):
        at = _as_datetime(at)
        if case_id not in answered or at < answered[case_id]:
            answered[case_id] = at
    met = due = 0
    for case_id, created, severity in (Case.select(Case.id, Case.created_at, Case.severity)
                                       .where(opened_in).tuples()):
        limit = created + limits.get(severity, limits["simple"])
        when = _as_datetime(answered.get(case_id))
        if when is not None and when <= limit:
            met += 1
            due += 1
        elif when is not None or limit <= now:
            due += 1
    return met, due


def _as_datetime(value):
    """MIN() over a DateTimeField comes back as text from SQLite."""
    if isinstance(value, str):
        return dt.datetime.fromisoformat(value)
    return value


def _top(field, opened_in, blank: str) -> list[tuple[str, int]]:
    count = fn.COUNT(Case.id)
    rows = (Case.select(field, count).where(opened_in).group_by(field)
            .order_by(count.desc(), field).limit(TOP_N + 1).tuples())
    merged: collections.Counter = collections.Counter()
    for name, n in rows:  # "" and the blank label are one bucket
        merged[(name or "").strip() or blank] += n
    return sorted(merged.items(), key=lambda item: (-item[1], item[0]))[:TOP_N]


def _remedies(start: dt.datetime, end: dt.datetime) -> list[RemedyRow]:
    counts: collections.Counter = collections.Counter()
    amounts: collections.Counter = collections.Counter()
    for type_, status, amount in (Remedy.select(Remedy.type, Remedy.status, Remedy.amount_cents)
                                  .where(Remedy.created_at >= start, Remedy.created_at < end,
                                         Remedy.status != "rejected").tuples()):
        counts[type_] += 1
        if status in PAID_STATUSES and amount:
            amounts[type_] += amount
    order = list(REMEDY_TYPES)
    return [RemedyRow(t, counts[t], amounts[t])
            for t in sorted(counts, key=lambda t: order.index(t) if t in order else len(order))]


def _staff(start: dt.datetime, end: dt.datetime, now: dt.datetime,
           closed_rows) -> list[StaffRow]:
    handled = dict(CaseEvent.select(CaseEvent.staff, fn.COUNT(CaseEvent.case.distinct()))
                   .where(CaseEvent.at >= start, CaseEvent.at < end,
                          CaseEvent.staff.is_null(False))
                   .group_by(CaseEvent.staff).tuples())
    overdue = dict(Case.select(Case.staff, fn.COUNT(Case.id))
                   .where(Case.stage.in_(wf.OPEN_STAGES), Case.due_at < now)
                   .group_by(Case.staff).tuples())
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
    for on, done_at in (Case.select(Case.return_visit_on, Case.return_visit_done_at)
                        .where(Case.return_visit_on >= period.first,
                               Case.return_visit_on <= period.last).tuples()):
        due += 1
        if done_at is not None:
            done += 1
        elif on < today:
            late += 1
    return due, done, late
