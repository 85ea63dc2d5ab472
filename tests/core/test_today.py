"""今日待办's customer visits: 下次回访 today or missed, the longest missed first, per staff."""
from __future__ import annotations

import datetime as dt

from db import today as day
from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import Staff

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 11, 25, 9, 0)  # naive UTC
TODAY = dt.date(2026, 11, 25)


def test_visits_due_today_or_missed_longest_missed_first(owner):
    helper = Staff.create(name="阿强")
    make = lambda name, on, staff=None: customers.create(  # noqa: E731
        CustomerData(name=name, next_visit=on, staff_id=staff), owner)
    make("今天的", TODAY, owner.id)
    make("上周的", TODAY - dt.timedelta(days=7), helper.id)
    make("明天的", TODAY + dt.timedelta(days=1))
    make("没约的", None)
    gone = make("已删除", TODAY - dt.timedelta(days=1))
    customers.move_to_trash([gone.id], owner)

    visits = day.customer_visits(NOW, UTC)
    assert [(v.name, v.days_late(TODAY), v.staff_name) for v in visits] == [
        ("上周的", 7, "阿强"), ("今天的", 0, owner.name)]
    assert day.customer_visit_count(NOW, UTC) == 2
    assert [v.name for v in day.customer_visits(NOW, UTC, staff_id=helper.id)] == ["上周的"]
    assert day.customer_visit_count(NOW, UTC, staff_id=owner.id) == 1


def test_the_day_is_the_local_day():
    # 23:30 UTC on the 24th is already the 25th in Shanghai.
    late_evening = dt.datetime(2026, 11, 24, 23, 30)
    assert day.local_today(late_evening, dt.timezone(dt.timedelta(hours=8))) == TODAY
    assert day.local_today(late_evening, UTC) == TODAY - dt.timedelta(days=1)
