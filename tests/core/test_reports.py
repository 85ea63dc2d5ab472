"""Dashboard figures and periods against a hand-computed month (tests/report_seed.py)."""
from __future__ import annotations

import datetime as dt
import time

import pytest

from db import clock
from db.cases import records as cases
from db.cases.records import CaseData
from db.customers import records as customers
from db.customers.records import CustomerData
from db.reports import daily_log, periods as rp, figures as reports
from tests.report_seed import NOW, at, seed_month

D = dt.date


@pytest.fixture
def tz(monkeypatch):
    """Run under a named time zone; restored afterwards."""
    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()
    use("UTC")
    yield use
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def month(database, owner, tz):
    return seed_month(owner)


def test_month_dashboard_matches_the_hand_computed_figures(month):
    board = reports.dashboard(rp.this_month(D(2026, 11, 25)), NOW)
    assert board.open_by_stage == {"reception": 2, "apology": 0, "remedy": 0, "followup": 0}
    assert board.overdue_now == 1  # D, due Nov 24 10:00
    days = {d.day: (d.opened, d.closed) for d in board.per_day if d.opened or d.closed}
    assert days == {D(2026, 11, 1): (0, 1), D(2026, 11, 2): (1, 0), D(2026, 11, 3): (0, 1),
                    D(2026, 11, 10): (1, 0), D(2026, 11, 12): (0, 1), D(2026, 11, 24): (1, 0),
                    D(2026, 11, 25): (1, 0)}
    assert len(board.per_day) == 30 and (board.opened, board.closed) == (4, 3)
    dur = board.durations
    # reception: C 3 h, A 0.5 h, B 2 h; apology: A 0.5, C 1 (B skipped it)
    assert (dur["reception"].count, dur["reception"].p90_hours) == (3, 3.0)
    assert dur["reception"].average_hours == pytest.approx(5.5 / 3)
    assert (dur["apology"].count, dur["apology"].average_hours, dur["apology"].p90_hours) == (2, 0.75, 1.0)
    assert (dur["remedy"].average_hours, dur["remedy"].p90_hours) == (15.0, 26.0)  # A 4, B 26
    assert (dur["followup"].average_hours, dur["followup"].p90_hours) == (24.0, 24.0)
    assert dur["closure"].average_hours == pytest.approx((29 + 52 + 4) / 3)
    assert dur["closure"].p90_hours == 52.0
    # A answered in 1 h (met), B after 26 h of 24 (missed), D never (limit passed), E not due.
    assert (board.first_answer_met, board.first_answer_due) == (1, 3)
    assert board.first_answer_rate == pytest.approx(100 / 3)
    assert board.satisfaction_counts == {1: 0, 2: 0, 3: 1, 4: 1, 5: 1}
    assert board.satisfaction_average == 4.0
    assert board.by_category == [("质量问题", 2), ("物流延误", 1), ("错发", 1)]
    assert board.by_product == [("保温杯", 1), ("未填商品", 1), ("真丝连衣裙", 1), ("蓝牙耳机", 1)]
    assert [(r.type, r.count, r.amount_cents) for r in board.remedies] == [
        ("refund", 1, 5000), ("compensation", 1, 1000)]  # the rejected coupon is left out
    assert (board.refunded_cents, board.compensated_cents) == (5000, 1000)
    assert [(s.name, s.handled, s.overdue, s.satisfaction) for s in board.staff] == [
        ("店主小美", 3, 0, 4.5), ("阿强", 2, 1, 3.0)]
    assert (board.return_visits_due, board.return_visits_done, board.return_visits_late) == (1 + 1, 1, 1)


def test_week_and_today_count_only_their_days(month):
    week = reports.dashboard(rp.this_week(D(2026, 11, 25)), NOW)
    assert week.period.first == D(2026, 11, 23) and week.period.last == D(2026, 11, 29)
    assert (week.opened, week.closed, week.first_answer_due) == (2, 0, 1)
    assert week.durations["closure"].count == 0 and week.satisfaction_average is None
    assert [(s.name, s.handled) for s in week.staff] == [("店主小美", 1), ("阿强", 1)]
    today = reports.dashboard(rp.today(D(2026, 11, 25)), NOW)
    assert [(d.day, d.opened) for d in today.per_day] == [(D(2026, 11, 25), 1)]
    assert today.by_product == [("蓝牙耳机", 1)]


def test_empty_period_gives_zeros_and_no_rates(month):
    board = reports.dashboard(rp.custom(D(2027, 1, 1), D(2027, 1, 7)), NOW)
    assert [d.opened + d.closed for d in board.per_day] == [0] * 7
    assert board.first_answer_rate is None and board.satisfaction_average is None
    assert all(d.count == 0 and d.average_hours is None for d in board.durations.values())
    assert board.by_category == [] and board.remedies == [] and board.return_visits_due == 0
    assert board.open_total == 2  # the snapshot still shows today's open cases
    from db.reports import tables
    sections = {s.key: s for s in tables.sections(board)}
    # Rows of zeros are no data: the page, the PDF say 暂无数据 instead of empty axes.
    assert not sections["per_day"].has_data and not sections["category"].has_data
    assert sections["open"].has_data  # the open cases now
    month_sections = {s.key: s for s in tables.sections(reports.dashboard(rp.this_month(NOW.date()), NOW))}
    assert month_sections["per_day"].has_data and month_sections["category"].has_data


def test_month_boundaries_follow_the_local_time_zone(database, owner, tz):
    buyer = customers.create(CustomerData(name="赵敏"), owner)
    for moment in ("2026-11-30 15:00", "2026-11-30 17:00"):  # 23:00 and 01:00 in Shanghai
        at(moment)
        cases.create(CaseData(customer_id=buyer.id, category="破损"), owner)
    now = dt.datetime(2026, 12, 2, 0, 0)
    assert reports.dashboard(rp.this_month(D(2026, 11, 5)), now).opened == 2  # both in UTC
    tz("Asia/Shanghai")
    nov = reports.dashboard(rp.this_month(D(2026, 11, 5)), now)
    dec = reports.dashboard(rp.this_month(D(2026, 12, 1)), now)
    assert (nov.opened, dec.opened) == (1, 1)
    week = reports.dashboard(rp.this_week(D(2026, 12, 1)), now)  # Mon Nov 30 - Sun Dec 6
    assert [(d.day, d.opened) for d in week.per_day[:2]] == [(D(2026, 11, 30), 1), (D(2026, 12, 1), 1)]
    assert rp.this_month(D(2026, 12, 1)).bounds() == (dt.datetime(2026, 11, 30, 16),
                                                      dt.datetime(2026, 12, 31, 16))


def test_periods():
    assert rp.this_month(D(2028, 2, 10)) == rp.Period("month", D(2028, 2, 1), D(2028, 2, 29))
    assert rp.this_month(D(2026, 12, 31)).last == D(2026, 12, 31)
    assert rp.this_week(D(2026, 11, 29)).first == D(2026, 11, 23)  # a Sunday
    assert len(rp.custom(D(2026, 1, 30), D(2026, 3, 2)).days) == 32
    with pytest.raises(rp.PeriodError, match="开始日期 2026-03-02 晚于结束日期"):
        rp.custom(D(2026, 3, 2), D(2026, 1, 30))
    with pytest.raises(rp.PeriodError, match="太长"):
        rp.custom(D(2020, 1, 1), D(2026, 1, 1))
    assert reports.percentile([5, 1, 4, 2, 3, 6, 7, 8, 9, 10], 0.9) == 9
    assert reports.percentile([], 0.9) is None


def test_reopened_case_counts_once_by_its_latest_closing(month, owner):
    at("2026-11-26 08:00")
    cases.reopen(month["a"], owner, "买家说又坏了")
    board = reports.dashboard(rp.this_month(D(2026, 11, 25)), clock.now())
    assert board.closed == 2 and board.open_by_stage["followup"] == 1
    at("2026-11-26 09:00")
    cases.close(month["a"], owner, 2, "做工问题", "返工", return_visit_days=0)
    board = reports.dashboard(rp.this_month(D(2026, 11, 25)), clock.now())
    days = {d.day: d.closed for d in board.per_day if d.closed}
    assert days == {D(2026, 11, 1): 1, D(2026, 11, 12): 1, D(2026, 11, 26): 1}
    # A now: follow-up 24 h + 1 h after reopening; closing 24 days (576 h) after the complaint.
    assert board.durations["followup"].p90_hours == 25.0
    assert board.durations["closure"].p90_hours == 576.0
    assert board.satisfaction_counts[2] == 1 and board.satisfaction_counts[5] == 0


def test_daily_log_lists_the_day_moves_and_tomorrows_promises(month, owner):
    text = daily_log.daily_log_text(owner.id, D(2026, 11, 2))
    assert text.startswith("工作日志 · 店主小美 · 2026-11-02（星期一）\n")
    assert "处理工单 1 张，记录 6 条；推进 1 张，结案 0 张；明天到期的约定 0 条。" in text
    moved = text.split("【推进的工单】\n")[1].split("\n\n")[0].splitlines()
    assert moved == [f"09:30  #{month['a']} 王伟：热情接待 → 道歉",
                     f"10:00  #{month['a']} 王伟：道歉 → 补救",
                     f"14:00  #{month['a']} 王伟：补救 → 跟进"]
    today = daily_log.collect(owner.id, D(2026, 11, 25))
    assert [e.text for e in today.due_tomorrow] == ["明天上午给您补发"]
    assert "（无）" in daily_log.render(today).split("【推进的工单】")[1]
    other = daily_log.collect(month["qiang"].id, D(2026, 11, 25))
    assert other.entries == [] and other.due_tomorrow == []


def test_daily_log_is_written_in_the_interface_language(month, owner, interface_in_english):
    text = daily_log.daily_log_text(owner.id, D(2026, 11, 2))
    assert text.startswith("Daily log · 店主小美 · 2026-11-02 (Monday)\n"
                           "Cases handled: 1, entries: 6; cases moved on: 1, closed: 0; "
                           "promises due tomorrow: 0.\n\n[What I did today]\n"), text
    moved = text.split("[Cases moved on]\n")[1].split("\n\n")[0].splitlines()
    assert moved == [f"09:30  #{month['a']} 王伟: Warm reception → Apology",
                     f"10:00  #{month['a']} 王伟: Apology → Remedy",
                     f"14:00  #{month['a']} 王伟: Remedy → Follow-up"]
    assert text.endswith("[Promises due tomorrow]\n(none)\n")


def test_daily_log_days_are_local(month, owner, tz):
    tz("Asia/Shanghai")  # E was opened 17:30 and promised for 10:00 on Nov 26 there
    log = daily_log.collect(owner.id, D(2026, 11, 25))
    assert [e.at.strftime("%H:%M") for e in log.entries] == ["17:30", "17:40"]
    assert [e.at for e in log.due_tomorrow] == [dt.datetime(2026, 11, 26, 10, 0)]
