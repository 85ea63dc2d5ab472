"""Deadlines per step, severity, time zones, local days and overdue status."""
from __future__ import annotations

import datetime as dt

import pytest

from db.cases import deadlines as dl

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
NEW_YORK = dt.timezone(dt.timedelta(hours=-5))
T0 = dt.datetime(2026, 3, 2, 1, 0)  # 09:00 in Shanghai


def test_default_limits_scale_with_severity():
    simple, complex_ = dl.limits_for("simple"), dl.limits_for("complex")
    assert simple.first_answer == dt.timedelta(hours=12)
    assert complex_.first_answer == dt.timedelta(hours=24)
    assert simple.apology == dt.timedelta(hours=1)
    assert simple.remedy == simple.first_answer and complex_.remedy == complex_.first_answer
    assert simple.solution == dt.timedelta(days=3)


def test_configured_limits_override_one_value_at_a_time():
    limits = dl.limits_for("complex", {"first_answer_hours": {"complex": 48},
                                       "apology_hours": {"simple": 2}, "bogus": 1})
    assert limits.first_answer == dt.timedelta(hours=48)
    assert limits.apology == dt.timedelta(hours=1)  # only the simple value changed
    with pytest.raises(ValueError, match="严重程度"):
        dl.limits_for("urgent")


def test_steps_due_in_reception_and_apology():
    limits = dl.limits_for("simple")
    for stage in ("reception", "apology"):
        found = dl.step_deadlines(stage, T0, limits)
        assert [(d.kind, d.due) for d in found] == [
            ("apology", T0 + dt.timedelta(hours=1)), ("remedy", T0 + dt.timedelta(hours=12))]


def test_a_proposed_remedy_replaces_the_remedy_deadline_by_the_solution_deadline():
    limits = dl.limits_for("complex")
    assert [d.kind for d in dl.step_deadlines("remedy", T0, limits)][0] == "remedy"
    proposed = T0 + dt.timedelta(hours=5)
    found = dl.step_deadlines("remedy", T0, limits, remedy_proposed_at=proposed)
    assert [(d.kind, d.due) for d in found] == [("solution", proposed + dt.timedelta(days=3))]


def test_promises_come_first_when_earlier_and_closed_cases_have_none():
    limits = dl.limits_for("simple")
    promise = T0 + dt.timedelta(hours=30)
    found = dl.step_deadlines("followup", T0, limits, T0, [promise])
    assert found[0] == dl.Deadline("promise", promise)
    assert found[0].label == "按约定时间跟进"
    assert dl.step_deadlines("closed", T0, limits, T0, [promise]) == []
    assert dl.next_deadline("closed", T0, limits) is None


def test_status_overdue_today_later_and_none():
    now = T0  # 09:00 Shanghai
    assert dl.status(None, now, SHANGHAI) == ""
    assert dl.status(now - dt.timedelta(minutes=1), now, SHANGHAI) == "overdue"
    assert dl.status(now + dt.timedelta(hours=14, minutes=59), now, SHANGHAI) == "today"  # 23:59
    assert dl.status(now + dt.timedelta(hours=15), now, SHANGHAI) == "later"  # 00:00 tomorrow


def test_due_today_is_judged_in_local_time_not_utc():
    # 2026-03-02 20:00 UTC is 03-03 04:00 in Shanghai but 03-02 15:00 in New York.
    now = dt.datetime(2026, 3, 2, 14, 0)
    due = dt.datetime(2026, 3, 2, 20, 0)
    assert dl.status(due, now, SHANGHAI) == "later"  # Shanghai is already past its midnight
    assert dl.status(due, now, NEW_YORK) == "today"


def test_a_follow_up_across_midnight():
    # Promised at 23:30 local for 00:30 local: tomorrow, not today; overdue at 00:31.
    now = dl.to_utc(dt.datetime(2026, 3, 2, 23, 30), SHANGHAI)
    due = dl.to_utc(dt.datetime(2026, 3, 3, 0, 30), SHANGHAI)
    assert due - now == dt.timedelta(hours=1)
    assert dl.status(due, now, SHANGHAI) == "later"
    assert dl.buyer_phrase(due, now, SHANGHAI) == "明天 00:30 前"
    after_midnight = now + dt.timedelta(minutes=45)
    assert dl.status(due, after_midnight, SHANGHAI) == "today"
    assert dl.buyer_phrase(due, after_midnight, SHANGHAI) == "今天 00:30 前"
    assert dl.status(due, now + dt.timedelta(minutes=61), SHANGHAI) == "overdue"


def test_local_day_bounds_in_utc():
    start, end = dl.local_day_bounds(dt.date(2026, 3, 3), SHANGHAI)
    assert (start, end) == (dt.datetime(2026, 3, 2, 16), dt.datetime(2026, 3, 3, 16))
    start, end = dl.local_day_bounds(dt.date(2026, 3, 3), NEW_YORK)
    assert (start, end) == (dt.datetime(2026, 3, 3, 5), dt.datetime(2026, 3, 4, 5))
    local = dt.datetime(2026, 3, 3, 8, 15)
    assert dl.to_local(dl.to_utc(local, NEW_YORK), NEW_YORK) == local


def test_buyer_phrases():
    now = dl.to_utc(dt.datetime(2026, 3, 2, 9, 0), SHANGHAI)

    def at(y, m, d, h, mi):
        return dl.to_utc(dt.datetime(y, m, d, h, mi), SHANGHAI)
    assert dl.buyer_phrase(at(2026, 3, 2, 18, 0), now, SHANGHAI) == "今天 18:00 前"
    assert dl.buyer_phrase(at(2026, 3, 4, 10, 0), now, SHANGHAI) == "后天 10:00 前"
    assert dl.buyer_phrase(at(2026, 3, 28, 10, 5), now, SHANGHAI) == "3月28日 10:05 前"
    assert dl.buyer_phrase(at(2027, 1, 5, 9, 0), now, SHANGHAI) == "2027年1月5日 09:00 前"
    assert dl.buyer_phrase(at(2026, 3, 3, 9, 0), now, SHANGHAI, suffix="") == "明天 09:00"
    # The English library says "by {deadline}": the time first, the day in words.
    english = [dl.buyer_phrase(at(*moment), now, SHANGHAI, english=True) for moment in (
        (2026, 3, 2, 18, 0), (2026, 3, 3, 9, 0), (2026, 3, 4, 10, 0), (2026, 3, 28, 10, 5),
        (2027, 1, 5, 9, 0))]
    assert english == ["18:00 today", "09:00 tomorrow", "10:00 the day after tomorrow",
                       "10:05 on March 28", "09:00 on January 5, 2027"]


def test_overdue_amount():
    now = T0
    assert dl.overdue_amount(now - dt.timedelta(seconds=20), now) == (1, "minutes")
    assert dl.overdue_amount(now - dt.timedelta(minutes=90), now) == (1, "hours")
    assert dl.overdue_amount(now - dt.timedelta(days=3, hours=2), now) == (3, "days")
