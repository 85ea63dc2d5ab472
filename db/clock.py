"""One source of 'now' so that rules about time are testable.

Timestamps are stored as naive UTC datetimes; dates that people pick (a return visit) are
plain local dates. Convert to local time only for display.
"""
from __future__ import annotations

import datetime as dt

# Said to English-speaking buyers ({date}, {deadline}): never the computer's locale, which
# would give 十一月 on a Chinese Windows.
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


def english_day(day: dt.date) -> str:
    """"November 28", as an English reply says a day."""
    return f"{MONTHS_EN[day.month - 1]} {day.day}"

_frozen: dt.datetime | None = None


def now() -> dt.datetime:
    """Current time as naive UTC."""
    if _frozen is not None:
        return _frozen
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def today() -> dt.date:
    """Today's date where the user is (local time)."""
    return to_local(now()).date()


def to_local(utc_naive: dt.datetime) -> dt.datetime:
    return utc_naive.replace(tzinfo=dt.timezone.utc).astimezone().replace(tzinfo=None)


def freeze(moment: dt.datetime | None) -> None:
    """Tests: pin now() to a naive UTC moment (None to release)."""
    global _frozen
    _frozen = moment
