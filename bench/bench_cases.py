"""How fast do the case list and the today view open with 100,000 cases?

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_cases.py [N_CASES]

Seeds a fresh database (20,000 customers, N cases spread over a year, a third open with
deadlines around now), then times, 30 runs each: the list query alone, the list model
refreshed with its first screen of rows painted into data(), the today view, and a search
keystroke. Prints p50 / p95 and the ratio to the 100 ms target.
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

TARGET_MS = 100.0
RUNS = 30
SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"]
GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军"]
PRODUCTS = ["真丝连衣裙", "保温杯", "蓝牙耳机", "儿童雨靴", "羊毛围巾", "手机壳", "收纳盒", "床上四件套"]


def seed(n_cases: int) -> None:
    from db.models import database
    from db.trust import audit
    with audit.bulk("seed", "case", {"cases": n_cases}, None, "bench"):
        _seed(n_cases)  # one audit entry, not 120,000
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # as after a normal restart


def _seed(n_cases: int) -> None:
    from db import clock, pinyin, text
    from db.cases import settings as case_settings
    from db.models import Case, CaseEvent, Customer, database
    from db.trust import staff as staff_rules

    rng = random.Random(7)
    staff_ids = [staff_rules.add(name).id for name in ("小美", "阿强", "小雪")]
    names = {f"{s}{g}": text.search_key(f"{s}{g}", spell=(f"{s}{g}",))
             for s in SURNAMES for g in GIVEN}
    keys = {n: pinyin.sort_key(n) for n in names}
    now = clock.now()
    rows = []
    for i in range(20_000):
        name = rng.choice(list(names))
        rows.append({"name": name, "phone": f"139{i:08d}", "search_text": names[name]
                     + f" 139{i:08d}", "name_key": keys[name], "created_at": now,
                     "updated_at": now})
    for start in range(0, len(rows), 1000):
        Customer.insert_many(rows[start:start + 1000]).execute()
    categories = case_settings.categories()
    stages = ["reception", "apology", "remedy", "followup"]
    with database.atomic():
        batch = []
        for i in range(n_cases):
            created = now - dt.timedelta(minutes=rng.randint(0, 365 * 24 * 60))
            is_open = rng.random() < 0.33
            product = rng.choice(PRODUCTS)
            category = rng.choice(categories)
            batch.append({
                "customer": rng.randint(1, 20_000), "order_no": f"TB{2026000000 + i}",
                "product": product, "category": category,
                "description": "买家说收到的商品有问题", "severity": rng.choice(["simple", "complex"]),
                "staff": rng.choice(staff_ids),
                "stage": rng.choice(stages) if is_open else "closed",
                "stage_entered_at": created,
                "due_at": now + dt.timedelta(minutes=rng.randint(-3 * 24 * 60, 5 * 24 * 60))
                if is_open else None,
                "due_kind": "remedy" if is_open else "",
                "created_at": created, "updated_at": created,
                "return_visit_on": (now + dt.timedelta(days=rng.randint(-3, 10))).date()
                if not is_open and rng.random() < 0.05 else None,
                "search_text": text.search_key(f"TB{2026000000 + i}", product, category)})
            if len(batch) == 1000:
                Case.insert_many(batch).execute()
                batch = []
        if batch:
            Case.insert_many(batch).execute()
        CaseEvent.insert_from(
            Case.select(Case.id, Case.created_at, Case.staff, "created", Case.stage, "新建工单"),
            [CaseEvent.case, CaseEvent.at, CaseEvent.staff, CaseEvent.kind, CaseEvent.stage,
             CaseEvent.text]).execute()


def timed_runs(fn) -> list[float]:
    return timed(fn, RUNS)


def show(name: str, samples: list[float]) -> None:
    report(name, samples, TARGET_MS, width=44)


def main() -> None:
    n_cases = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from db.cases.search import CaseQuery, search_ids, today_items
    from db.storage import store

    app = QApplication.instance() or QApplication([])
    # Seeding takes most of a minute: the seeded folder is kept for the next run.
    cache = Path(tempfile.gettempdir()) / f"kefudesk-bench-cases-{n_cases}"
    fresh = not cache.exists()
    cache.mkdir(exist_ok=True)
    database = store.open_database(cache, backup_on_open=False)
    if fresh:
        start = time.perf_counter()
        seed(n_cases)
        print(f"seeded {n_cases:,} cases in {time.perf_counter() - start:.1f} s")
    from desktop.cases.table_model import CaseTableModel
    from desktop.cases.board_view import BoardView
    from desktop.cases.today_view import TodayView

    model = CaseTableModel()
    view = TodayView()

    def open_list() -> None:
        model.refresh()
        for row in range(min(30, model.rowCount())):  # one screen of rows
            for column in range(model.columnCount()):
                model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)

    def open_all() -> None:
        model.set_query(CaseQuery(stage=None, sort="created_at", descending=True))
        open_list()

    print(f"open cases: {len(search_ids(CaseQuery(stage='open'))):,}; "
          f"today view items: {len(today_items()):,}")
    show("list query (open, by deadline)", timed_runs(lambda: search_ids(
        CaseQuery(stage="open", sort="due_at", descending=False))))
    show("case list opens (open cases, 1st screen)", timed_runs(open_list))
    show("today view opens", timed_runs(view.refresh))
    show("board opens (4 stages, 100 cards each)", timed_runs(BoardView().refresh))
    show("case list, all 100k by date, 1st screen", timed_runs(open_all))
    show("search keystroke 'wang' (all cases)", timed_runs(
        lambda: search_ids(CaseQuery(text="wang", stage=None))))
    show("filter overdue + staff", timed_runs(
        lambda: search_ids(CaseQuery(stage="open", overdue=True, staff_id=1))))
    database.close()
    del app


if __name__ == "__main__":
    main()
