"""How fast does the 报表 dashboard compute and render a month over 100,000 cases?

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_reports.py [N_CASES]

Seeds (bulk inserts, kept in the temp folder for the next run) N cases over a year with a
realistic timeline: stage moves, remedies, promises, satisfaction, return visits (about six
timeline rows per case). Times, 15 runs each: db.reports.dashboard for this month; the page's
refresh (queries + tables + charts) with its whole dashboard painted (grab); the daily log.
Prints p50 / p95 and p95 / 300 ms.
"""
from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.stats import report, timed  # noqa: E402
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_MS = 300.0
RUNS = 15
NOW = dt.datetime(2026, 11, 25, 6, 0)
PRODUCTS = [f"{a}{b}" for a in ("真丝", "纯棉", "儿童", "加厚", "便携", "无线", "复古")
            for b in ("连衣裙", "保温杯", "蓝牙耳机", "雨靴", "围巾", "手机壳", "四件套")]
REMEDIES = ["refund", "exchange", "reship", "repair", "coupon", "compensation", "gift"]
STEPS = ["reception", "apology", "remedy", "followup", "closed"]


def seed(n_cases: int) -> None:
    from db.cases import records as cases
    from db.models import Case, CaseEvent, CasePromise, Customer, Remedy, Staff, database

    rng = random.Random(11)
    staff = [Staff.create(name=n).id for n in ("小美", "阿强", "小雪", "小雨", "阿杰")]
    with database.atomic():
        rows = [{"name": f"客户{i}", "phone": f"139{i:08d}", "search_text": f"客户{i}",
                 "created_at": NOW, "updated_at": NOW} for i in range(20_000)]
        for start in range(0, len(rows), 2000):
            Customer.insert_many(rows[start:start + 2000]).execute()
    categories = cases.categories()
    case_rows, events, remedies, promises = [], [], [], []

    def flush(force=False):
        if not force and len(events) < 2000:
            return
        for model, batch in ((Case, case_rows), (CaseEvent, events), (Remedy, remedies),
                             (CasePromise, promises)):  # cases first: the others point at them
            for start in range(0, len(batch), 2000):
                model.insert_many(batch[start:start + 2000]).execute()
            batch.clear()

    with database.atomic():
        for i in range(1, n_cases + 1):
            created = NOW - dt.timedelta(minutes=rng.randint(0, 365 * 24 * 60))
            who = rng.choice(staff)
            # How far it got: most old cases are closed, recent ones still open.
            age_days = (NOW - created).days
            last = 4 if age_days > 10 and rng.random() < 0.95 else rng.randint(0, 4)
            at, moves = created, [(created, "created", "reception")]
            for step in range(1, last + 1):
                at += dt.timedelta(minutes=rng.randint(10, 60 * 30))
                moves.append((at, "close" if step == 4 else "advance", STEPS[step]))
            closed = last == 4
            stage = STEPS[last]
            case_rows.append({
                "id": i, "customer": rng.randint(1, 20_000), "product": rng.choice(PRODUCTS),
                "category": rng.choice(categories), "severity": rng.choice(("simple", "complex")),
                "staff": who, "stage": stage, "stage_entered_at": moves[-1][0],
                "due_at": None if closed else created + dt.timedelta(hours=rng.randint(1, 96)),
                "due_kind": "" if closed else "remedy",
                "satisfaction": rng.choice((3, 4, 4, 5, 5, 5)) if closed else None,
                "closed_at": moves[-1][0] if closed else None,
                "return_visit_on": (moves[-1][0] + dt.timedelta(days=7)).date() if closed else None,
                "return_visit_done_at": moves[-1][0] + dt.timedelta(days=7)
                if closed and rng.random() < 0.6 else None,
                "created_at": created, "updated_at": moves[-1][0], "search_text": ""})
            for when, kind, after in moves:
                events.append({"case": i, "at": when, "staff": who, "kind": kind, "stage": after,
                               "text": f"{kind} → {after}"})
            if last >= 2:
                when = moves[2][0]
                kind = rng.choice(REMEDIES)
                remedies.append({"case": i, "type": kind, "status": "done" if closed else "agreed",
                                 "amount_cents": rng.randint(500, 20000)
                                 if kind in ("refund", "coupon", "compensation") else None,
                                 "created_at": when, "updated_at": when})
                events.append({"case": i, "at": when, "staff": who, "kind": "remedy",
                               "stage": "remedy", "text": "补救方案"})
            if rng.random() < 0.3:
                when = moves[-1][0]
                promises.append({"case": i, "due_at": when + dt.timedelta(hours=20), "text": "补发",
                                 "created_at": when, "created_by": who,
                                 "done_at": when + dt.timedelta(hours=20) if closed else None})
                events.append({"case": i, "at": when, "staff": who, "kind": "promise",
                               "stage": stage, "text": "约定跟进"})
            flush()
        flush(force=True)


def timed_runs(fn) -> list[float]:
    return timed(fn, RUNS)


def show(name: str, samples: list[float]) -> None:
    report(name, samples, TARGET_MS, width=46)


def main() -> None:
    n_cases = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    from PySide6.QtWidgets import QApplication

    from db import clock
    from db.models import CaseEvent, Staff
    from db.reports import daily_log, periods as rp, figures as reports
    from db.storage import store

    app = QApplication.instance() or QApplication([])
    cache = Path(tempfile.gettempdir()) / f"kefudesk-bench-reports-{n_cases}"
    fresh = not cache.exists()
    cache.mkdir(exist_ok=True)
    database = store.open_database(cache, backup_on_open=False)
    if fresh:
        start = time.perf_counter()
        seed(n_cases)
        database.execute_sql("ANALYZE")
        print(f"seeded {n_cases:,} cases in {time.perf_counter() - start:.1f} s")
    clock.freeze(NOW)
    month = rp.this_month(clock.today())
    board = reports.dashboard(month)
    print(f"{n_cases:,} cases, {CaseEvent.select().count():,} timeline rows; this month: "
          f"{board.opened:,} opened, {board.closed:,} closed, {board.open_total:,} open now")

    from desktop.context import AppContext
    from desktop.reports.page import ReportsPage
    owner = Staff.get_by_id(1)
    page = ReportsPage(AppContext(cache, owner))
    page.resize(1300, 900)
    page.show()
    app.processEvents()
    board_widget = page.tabs.widget(0).widget()

    def refresh_and_paint() -> None:
        page.refresh()
        board_widget.grab()  # paints every card, chart and table of the dashboard

    show("dashboard figures, month (db.reports)", timed_runs(lambda: reports.dashboard(month)))
    show("page refresh + paint, month", timed_runs(refresh_and_paint))
    show("paint only (whole dashboard, grab)", timed_runs(board_widget.grab))
    show("dashboard figures, week", timed_runs(lambda: reports.dashboard(rp.this_week(clock.today()))))
    show("daily log, busiest staff, today", timed_runs(lambda: daily_log.daily_log_text(1)))
    database.close()
    page.close()  # before the app goes: a closure above still refers to it
    del app


if __name__ == "__main__":
    main()
