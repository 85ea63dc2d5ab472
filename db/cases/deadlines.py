"""Per-step deadlines of a case, and whether they are overdue or due today. Pure functions.

Times are naive UTC like everything stored (db.clock); "today" is the user's local day, so
every function that speaks of days takes the time zone (None = this computer's).
The limits differ by shop and by severity (简单/复杂): they come from settings.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Iterable

from db.clock import english_day

SEVERITIES = ("simple", "complex")
SETTING_KEY = "case_limits"
# Hours unless named *_days. One value per severity: a complex case gets longer limits.
DEFAULT_LIMITS = {
    # A definite answer to the buyer: a concrete remedy proposed.
    "first_answer_hours": {"simple": 12, "complex": 24},
    "apology_hours": {"simple": 1, "complex": 1},  # reception + apology, from the complaint
    "solution_days": {"simple": 3, "complex": 3},  # the solution passed back to the buyer
}
KIND_LABELS = {  # what is due, in the shop's words
    "apology": "接待并道歉",
    "remedy": "提出补救方案",
    "solution": "把处理结果告知买家",
    "promise": "按约定时间跟进",
}


@dataclasses.dataclass(frozen=True)
class Limits:
    apology: dt.timedelta
    remedy: dt.timedelta
    first_answer: dt.timedelta
    solution: dt.timedelta


def limits_for(severity: str, configured: dict | None = None) -> Limits:
    """The limits of one severity; configured values override the defaults one by one."""
    if severity not in SEVERITIES:
        raise ValueError(f"未知的严重程度 {severity}")
    merged = {k: dict(v) for k, v in DEFAULT_LIMITS.items()}
    for key, per_severity in (configured or {}).items():
        if key in merged and isinstance(per_severity, dict):
            merged[key].update({s: v for s, v in per_severity.items() if s in SEVERITIES})

    def hours(key: str) -> dt.timedelta:
        return dt.timedelta(hours=float(merged[key][severity]))

    return Limits(apology=hours("apology_hours"), remedy=hours("first_answer_hours"),
                  first_answer=hours("first_answer_hours"),
                  solution=dt.timedelta(days=float(merged["solution_days"][severity])))


@dataclasses.dataclass(frozen=True)
class Deadline:
    kind: str  # apology | remedy | solution | promise
    due: dt.datetime  # naive UTC

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


def step_deadlines(stage: str, created_at: dt.datetime, limits: Limits,
                   remedy_proposed_at: dt.datetime | None = None,
                   open_promises: Iterable[dt.datetime] = ()) -> list[Deadline]:
    """Every deadline still open for a case in `stage`, earliest first.

    热情接待 and 道歉 are due within the apology limit of the complaint; a remedy within the
    first-answer limit (the definite answer a buyer is owed); once proposed, the solution goes back to
    the buyer within the solution limit; every open promise is due at its promised time.
    A closed case has none.
    """
    if stage == "closed":
        return []
    found = [Deadline("promise", due) for due in open_promises]
    if stage in ("reception", "apology"):
        found.append(Deadline("apology", created_at + limits.apology))
    if stage in ("reception", "apology", "remedy") and remedy_proposed_at is None:
        found.append(Deadline("remedy", created_at + limits.remedy))
    if stage in ("remedy", "followup") or remedy_proposed_at is not None:
        start = remedy_proposed_at or created_at
        found.append(Deadline("solution", start + limits.solution))
    return sorted(found, key=lambda d: d.due)


def next_deadline(*args, **kwargs) -> Deadline | None:
    found = step_deadlines(*args, **kwargs)
    return found[0] if found else None


# --- local days ---------------------------------------------------------------------------

def to_local(moment: dt.datetime, tz: dt.tzinfo | None = None) -> dt.datetime:
    """Naive UTC -> naive local wall time in tz."""
    return moment.replace(tzinfo=dt.timezone.utc).astimezone(tz).replace(tzinfo=None)


def to_utc(local: dt.datetime, tz: dt.tzinfo | None = None) -> dt.datetime:
    """Naive local wall time in tz -> naive UTC (what is stored)."""
    aware = local.replace(tzinfo=tz) if tz is not None else local.astimezone()
    return aware.astimezone(dt.timezone.utc).replace(tzinfo=None)


def local_day_bounds(day: dt.date, tz: dt.tzinfo | None = None) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of a local calendar day, in naive UTC: for "due today" queries."""
    start = dt.datetime.combine(day, dt.time())
    return to_utc(start, tz), to_utc(start + dt.timedelta(days=1), tz)


def status(due: dt.datetime | None, now: dt.datetime, tz: dt.tzinfo | None = None) -> str:
    """'overdue' (past), 'today' (later today, local time), 'later', or '' without a deadline."""
    if due is None:
        return ""
    if due < now:
        return "overdue"
    _start, end = local_day_bounds(to_local(now, tz).date(), tz)
    return "today" if due < end else "later"


def buyer_phrase(due: dt.datetime, now: dt.datetime, tz: dt.tzinfo | None = None,
                 suffix: str = " 前", english: bool = False) -> str:
    """The deadline as said to a buyer: 今天 18:00 前, 明天 10:00 前, 11月28日 10:00 前
    (suffix="" for templates that say "{时限}前" themselves); english: for the English
    library's "by {deadline}": 18:00 today, 10:00 tomorrow, 10:00 on November 28."""
    local, today = to_local(due, tz), to_local(now, tz).date()
    days = (local.date() - today).days
    if english:
        return _english_phrase(local, days, today.year)
    clock_text = local.strftime("%H:%M") + suffix
    if days == 0:
        return f"今天 {clock_text}"
    if days == 1:
        return f"明天 {clock_text}"
    if days == 2:
        return f"后天 {clock_text}"
    if local.year == today.year:
        return f"{local.month}月{local.day}日 {clock_text}"
    return f"{local.year}年{local.month}月{local.day}日 {clock_text}"


def _english_phrase(local: dt.datetime, days: int, this_year: int) -> str:
    at = local.strftime("%H:%M")
    if days in (0, 1, 2):
        return f"{at} {('today', 'tomorrow', 'the day after tomorrow')[days]}"
    day = english_day(local)
    return f"{at} on {day}" if local.year == this_year else f"{at} on {day}, {local.year}"


def overdue_amount(due: dt.datetime, now: dt.datetime) -> tuple[int, str]:
    """How late, in the largest whole unit: (2, "hours"), (3, "days"), at least 1 minute."""
    late = now - due
    if late < dt.timedelta(hours=1):
        return max(1, int(late.total_seconds() // 60)), "minutes"
    if late < dt.timedelta(days=1):
        return int(late.total_seconds() // 3600), "hours"
    return late.days, "days"
