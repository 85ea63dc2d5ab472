"""A hand-computed month of cases (November 2026, UTC) for the report tests.

Built through db.cases' public functions with the clock frozen at each step; the expected
figures are written out in tests/core/test_reports.py next to their arithmetic.
"""
from __future__ import annotations

import datetime as dt

from db import clock
from db.cases import records as cases
from db.cases.records import CaseData
from db.customers import records as customers
from db.customers.records import CustomerData
from db.trust import staff as staff_rules

NOW = dt.datetime(2026, 11, 25, 10, 0)  # naive UTC; "today" is 2026-11-25 under TZ=UTC


def at(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text)
    clock.freeze(moment)
    return moment


def seed_month(owner) -> dict:
    qiang = staff_rules.add("阿强")
    wang = customers.create(CustomerData(name="王伟", phone="13812345678"), owner)
    li = customers.create(CustomerData(name="=李芳", phone="13912345678"), owner)

    def new(when, buyer, by, **fields):
        at(when)
        return cases.create(CaseData(customer_id=buyer.id, staff_id=by.id, **fields), by).id

    # C: opened the evening of Oct 31, moved and closed on Nov 1 (crosses the month end).
    c = new("2026-10-31 22:00", wang, owner, category="质量问题", product="真丝连衣裙",
            description="线头多")
    at("2026-11-01 01:00"); cases.advance(c, owner)  # reception 3 h
    at("2026-11-01 02:00")  # apology 1 h, remedy and follow-up skipped
    cases.close(c, owner, 4, "质检漏检", "加强质检", reason="买家只要道歉", return_visit_days=0)

    # A: the textbook path on Nov 2-3, refund agreed 1 h after the complaint.
    a = new("2026-11-02 09:00", wang, owner, category="质量问题", product="真丝连衣裙",
            description="领口开线")
    at("2026-11-02 09:30"); cases.advance(a, owner)  # reception 0.5 h
    at("2026-11-02 10:00"); cases.advance(a, owner)  # apology 0.5 h
    cases.add_remedy(a, owner, "refund", 5000, "agreed")
    cases.add_remedy(a, owner, "coupon", 500, "rejected")
    at("2026-11-02 14:00"); cases.advance(a, owner)  # remedy 4 h
    at("2026-11-03 14:00")  # follow-up 24 h, closure 29 h, return visit Nov 10 (late)
    cases.close(a, owner, 5, "做工问题", "换供应商", return_visit_days=7)

    # B: complex, apology skipped, remedy proposed after 26 h (limit 24 h: missed).
    b = new("2026-11-10 08:00", li, qiang, category="物流延误", product="保温杯",
            description="=1+1 还没到", severity="complex")
    at("2026-11-10 10:00"); cases.advance(b, qiang, target="remedy", reason="买家不需要道歉")
    at("2026-11-11 10:00"); remedy = cases.add_remedy(b, qiang, "compensation", 1000)
    at("2026-11-11 11:00"); cases.update_remedy(remedy.id, qiang, "done", 1000)
    at("2026-11-11 12:00"); cases.advance(b, qiang)  # remedy 26 h
    at("2026-11-12 12:00")  # follow-up 24 h, closure 52 h, return visit Nov 19
    cases.close(b, qiang, 3, "快递延误", "换快递", return_visit_days=7)
    at("2026-11-19 03:00"); cases.complete_return_visit(b, qiang, "买家满意")

    # D: still at reception, its apology deadline (Nov 24 10:00) passed: overdue now.
    d = new("2026-11-24 09:00", li, qiang, category="错发", description="发错颜色")
    # E: opened this morning, not due yet; a follow-up promised for tomorrow.
    e = new("2026-11-25 09:30", wang, owner, category="质量问题", product="蓝牙耳机",
            description="左耳没声音")
    at("2026-11-25 09:40")
    cases.add_promise(e, owner, dt.datetime(2026, 11, 26, 2, 0), "明天上午给您补发")
    clock.freeze(NOW)
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "qiang": qiang}
