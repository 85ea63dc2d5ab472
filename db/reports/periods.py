"""Report periods (today, this week, this month, a custom range) as local calendar days.

A period is a run of the user's local days; queries need its [start, end) in naive UTC, the
way timestamps are stored. The conversion goes through the time zone day by day's edges, so
a period in Asia/Shanghai starts at 16:00 UTC the evening before.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from db import clock
from db.cases import deadlines
from db.errors import WordedError
from db.vocabulary import QT_TRANSLATE_NOOP, translate

KINDS = ("today", "week", "month", "custom")
MAX_DAYS = 366 * 2  # a custom range longer than two years is a typo, not a report


class PeriodError(WordedError):
    """A range the user picked that cannot be a report period."""
    context = "PeriodError"


@dataclasses.dataclass(frozen=True)
class Period:
    kind: str
    first: dt.date  # local, inclusive
    last: dt.date  # local, inclusive

    @property
    def days(self) -> list[dt.date]:
        return [self.first + dt.timedelta(days=i) for i in range((self.last - self.first).days + 1)]

    def bounds(self, tz: dt.tzinfo | None = None) -> tuple[dt.datetime, dt.datetime]:
        """[start, end) in naive UTC."""
        return (deadlines.local_day_bounds(self.first, tz)[0],
                deadlines.local_day_bounds(self.last, tz)[1])

    @property
    def title(self) -> str:
        if self.first == self.last:
            return self.first.isoformat()
        return translate("reports", "%1 至 %2").replace("%1", self.first.isoformat()).replace(
            "%2", self.last.isoformat())


def today(ref: dt.date | None = None) -> Period:
    day = ref or clock.today()
    return Period("today", day, day)


def this_week(ref: dt.date | None = None) -> Period:
    """Monday to Sunday, as Chinese calendars count the week."""
    day = ref or clock.today()
    monday = day - dt.timedelta(days=day.weekday())
    return Period("week", monday, monday + dt.timedelta(days=6))


def this_month(ref: dt.date | None = None) -> Period:
    day = ref or clock.today()
    first = day.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return Period("month", first, following - dt.timedelta(days=1))


def custom(first: dt.date, last: dt.date) -> Period:
    if first > last:
        raise PeriodError(QT_TRANSLATE_NOOP("PeriodError", "开始日期 %1 晚于结束日期 %2"),
                          first.isoformat(), last.isoformat())
    if (last - first).days + 1 > MAX_DAYS:
        raise PeriodError(QT_TRANSLATE_NOOP("PeriodError", "时间范围太长（最多 %1 天）"), MAX_DAYS)
    return Period("custom", first, last)


def of_kind(kind: str, ref: dt.date | None = None) -> Period:
    makers = {"today": today, "week": this_week, "month": this_month}
    if kind not in makers:
        raise PeriodError(QT_TRANSLATE_NOOP("PeriodError", "未知的报表周期 %1"), kind)
    return makers[kind](ref)
