"""工作日志: one staff member's day, written from the case timeline, as text to copy.

What they did (every timeline entry they recorded that local day), which cases moved a
stage, and which promised follow-ups fall due tomorrow on their cases.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from peewee import JOIN

from db import clock
from db.cases import deadlines, timeline
from db.models import Case, CaseEvent, CasePromise, Customer, Staff
from db.vocabulary import QT_TRANSLATE_NOOP, fill, translate

MOVES = ("advance", "skip", "close", "reopen")
WEEKDAYS = (QT_TRANSLATE_NOOP("DailyLog", "星期一"), QT_TRANSLATE_NOOP("DailyLog", "星期二"),
            QT_TRANSLATE_NOOP("DailyLog", "星期三"), QT_TRANSLATE_NOOP("DailyLog", "星期四"),
            QT_TRANSLATE_NOOP("DailyLog", "星期五"), QT_TRANSLATE_NOOP("DailyLog", "星期六"),
            QT_TRANSLATE_NOOP("DailyLog", "星期日"))
_HEAD = QT_TRANSLATE_NOOP("DailyLog", "工作日志 · %1 · %2（%3）")
_COUNTS = QT_TRANSLATE_NOOP("DailyLog", "处理工单 %1 张，记录 %2 条；推进 %3 张，结案 %4 张；"
                                        "明天到期的约定 %5 条。")
_DONE = QT_TRANSLATE_NOOP("DailyLog", "【今天做了什么】")
_MOVED = QT_TRANSLATE_NOOP("DailyLog", "【推进的工单】")
_DUE = QT_TRANSLATE_NOOP("DailyLog", "【明天到期的约定】")
_NONE = QT_TRANSLATE_NOOP("DailyLog", "（无）")
_COLON = QT_TRANSLATE_NOOP("DailyLog", "：")


@dataclasses.dataclass(frozen=True)
class Entry:
    at: dt.datetime  # local wall time
    case_id: int
    customer: str
    kind: str
    text: str


@dataclasses.dataclass
class DailyLog:
    staff_name: str
    day: dt.date
    entries: list[Entry]
    due_tomorrow: list[Entry]  # kind "promise"; at = the promised local time

    @property
    def cases_touched(self) -> int:
        return len({e.case_id for e in self.entries})

    @property
    def moves(self) -> list[Entry]:
        return [e for e in self.entries if e.kind in MOVES]

    @property
    def closed(self) -> int:
        return len({e.case_id for e in self.entries if e.kind == "close"})


def collect(staff_id: int, day: dt.date | None = None, tz: dt.tzinfo | None = None) -> DailyLog:
    day = day or deadlines.to_local(clock.now(), tz).date()
    staff = Staff.get_by_id(staff_id)
    start, end = deadlines.local_day_bounds(day, tz)
    events = (CaseEvent.select(CaseEvent, Case.id, Customer.name)
              .join(Case).join(Customer, JOIN.LEFT_OUTER)
              .where(CaseEvent.staff == staff_id, CaseEvent.at >= start, CaseEvent.at < end)
              .order_by(CaseEvent.at, CaseEvent.id))
    entries = [Entry(deadlines.to_local(e.at, tz), e.case.id, e.case.customer.name, e.kind,
                     timeline.sentence(e)) for e in events]
    t_start, t_end = deadlines.local_day_bounds(day + dt.timedelta(days=1), tz)
    promises = (CasePromise.select(CasePromise, Case.id, Customer.name)
                .join(Case).join(Customer, JOIN.LEFT_OUTER)
                .where(CasePromise.done_at.is_null(), CasePromise.due_at >= t_start,
                       CasePromise.due_at < t_end, Case.stage != "closed",
                       (Case.staff == staff_id) | (CasePromise.created_by == staff_id))
                .order_by(CasePromise.due_at, CasePromise.id))
    due = [Entry(deadlines.to_local(p.due_at, tz), p.case.id, p.case.customer.name, "promise",
                 p.text) for p in promises]
    return DailyLog(staff.name, day, entries, due)


def render(log: DailyLog) -> str:
    """Plain text for a chat message or a notebook: headed sections, one line per item, in
    the interface language (the timeline's entries are worded by db.cases.timeline)."""
    def say(text: str, *values) -> str:
        return fill(translate("DailyLog", text), values)

    lines = [say(_HEAD, log.staff_name, log.day.isoformat(),
                 translate("DailyLog", WEEKDAYS[log.day.weekday()])),
             say(_COUNTS, log.cases_touched, len(log.entries),
                 len({e.case_id for e in log.moves}), log.closed, len(log.due_tomorrow)), ""]
    none, colon = say(_NONE), say(_COLON)
    for title, entries in ((_DONE, log.entries), (_MOVED, log.moves), (_DUE, log.due_tomorrow)):
        if lines[-1]:
            lines.append("")
        lines.append(say(title))
        lines += [_line(e, colon) for e in entries] or [none]
    return "\n".join(lines) + "\n"


def daily_log_text(staff_id: int, day: dt.date | None = None,
                   tz: dt.tzinfo | None = None) -> str:
    return render(collect(staff_id, day, tz))


def _line(entry: Entry, colon: str) -> str:
    return f"{entry.at.strftime('%H:%M')}  #{entry.case_id} {entry.customer}{colon}{entry.text}"
