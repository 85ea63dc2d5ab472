"""Reading orders at a real shop's size: 50,000 customers with 300,000 orders on file.

    python bench/bench_orders_read.py [--customers 50000] [--orders 300000] [--runs 40]

1. Opening a customer with 200 orders: the core query alone (the ids newest first, the
   summary, the first page of rows with their items), and the page's path (the real
   CustomersPage with the 订单 section attached: detail pane + section + the model asked for
   every visible cell, as the view does when it paints). Target (issue 17): <= 50 ms.
2. Customer search per keystroke, typed as in bench_customers.py, before and after the
   orders are added (the ratio shows what 300,000 orders cost the search). Target (issue 2):
   p95 <= 16 ms; CPU time is the steadier figure on a shared machine.
3. mark_repeat_buyers over everyone (what an import of every order at once would run).
4. The reports' order tables (db.reports.order_figures) for one month.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_customers import QUERIES, keystrokes  # noqa: E402
from bench.stats import percentile  # noqa: E402

PLATFORMS = ("taobao", "pdd", "douyin", "weixin")
STATUSES = ("交易成功", "已发货", "待发货", "退款中", "交易关闭")
COURIERS = ("中通快递", "圆通速递", "韵达快递", "申通快递", "顺丰速运", "极兔速递")
TITLES = [f"{a}{b}" for a in ("真丝", "纯棉", "加厚", "夏季", "复古", "简约", "儿童", "男士")
          for b in ("连衣裙", "T恤", "围巾", "杯子", "茶叶", "帽子", "袜子", "背包")]
BIG = 1  # the customer with 200 orders


def seed_orders(customers: int, count: int, seed: int = 11) -> None:
    """Orders and their lines through executemany in one transaction (SQLite)."""
    from db.models import database
    rng = random.Random(seed)
    start = dt.datetime(2025, 1, 1)
    orders, items = [], []
    for n in range(1, count + 1):
        # The first 200 orders belong to one customer; the rest are spread over everyone
        # else (six each on average: most customers become repeat buyers, the worst case).
        buyer = BIG if n <= 200 else rng.randrange(2, customers + 1)
        platform = PLATFORMS[n % len(PLATFORMS)]
        ordered = start + dt.timedelta(minutes=rng.randrange(60 * 24 * 690))
        orders.append((n, platform, f"{n:019d}", buyer, f"buyer{buyer}", rng.choice(STATUSES),
                       str(ordered), str(ordered + dt.timedelta(hours=1)),
                       rng.randrange(990, 59900), "收货人", "138****8000", "浙江省", "杭州市",
                       "西湖区", "文三路 100 号", rng.choice(COURIERS), f"YT{n:012d}",
                       str(ordered), str(ordered)))
        for position in range(rng.choice((1, 1, 1, 2, 2, 3))):
            items.append((n, position, rng.choice(TITLES), rng.choice(("红色 M", "蓝色 L", "")),
                          rng.choice((1, 1, 2)), rng.randrange(990, 29900)))
    connection = database.connection()
    with database.atomic():
        connection.executemany(
            'INSERT INTO "order" (id, platform, order_no, customer_id, buyer_account, status, '
            "ordered_at, paid_at, amount_cents, receiver_name, receiver_phone, province, city, "
            "district, street, logistics_company, tracking_no, imported_at, updated_at, "
            "buyer_message, seller_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, '', '')", orders)
        connection.executemany(
            "INSERT INTO order_item (order_id, position, title, sku, quantity, amount_cents) "
            "VALUES (?, ?, ?, ?, ?, ?)", items)
    print(f"seeded {len(orders):,} orders with {len(items):,} lines")


def search_times(app, page, rounds: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of every keystroke, as bench_customers measures them."""
    from db.customers import search as customer_search
    deadline = time.perf_counter() + 1.0  # the window is up a moment before the first key
    while time.perf_counter() < deadline:
        app.processEvents()
    model = page.model
    visible = range(page.table.height() // page.table.verticalHeader().defaultSectionSize())
    wall, cpu = [], []
    for _ in range(rounds):
        customer_search._index.recent.clear()
        for query in QUERIES:
            for prefix in keystrokes(query):
                start, cpu_start = time.perf_counter(), time.process_time()
                page.search.setText(prefix)
                for row in visible:
                    if row < model.rowCount():
                        for column in range(model.columnCount()):
                            model.index(row, column).data()
                wall.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - cpu_start) * 1000)
            page.search.clear()
    return wall, cpu


def line(name: str, wall: list[float], cpu: list[float], target: float) -> None:
    p95, cpu95 = percentile(wall, 95), percentile(cpu, 95)
    print(f"{name:<44} n={len(wall):<4} p50 {percentile(wall, 50):6.2f} ms  p95 {p95:6.2f} ms"
          f"  CPU p95 {cpu95:6.2f} ms  (target {target:g} ms: ratio {p95 / target:.2f},"
          f" CPU {cpu95 / target:.2f})")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=50_000)
    parser.add_argument("--orders", type=int, default=300_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication
    from bench.seed import seed_customers
    from db.models import Staff
    from db.orders import records as orders, repeat_buyers
    from db.storage import store
    from desktop.context import AppContext
    from desktop.customers.page import CustomersPage
    from desktop.orders import customer_orders

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        database = store.open_database(data_dir)
        t0 = time.perf_counter()
        seed_customers(args.customers)
        print(f"seeded {args.customers:,} customers in {time.perf_counter() - t0:.1f} s")
        context = AppContext(data_dir, Staff.get_by_id(1))

        page = CustomersPage(context)
        page.resize(1200, 800)
        page.show()
        before = search_times(app, page, args.rounds)
        page.close()

        t0 = time.perf_counter()
        seed_orders(args.customers, args.orders)
        print(f"  in {time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        marked = repeat_buyers.mark_repeat_buyers(None)
        print(f"mark_repeat_buyers(all): {len(marked.added):,} customers tagged in "
              f"{time.perf_counter() - t0:.2f} s")

        page = CustomersPage(context)
        section = customer_orders.attach(page)
        page.resize(1200, 800)
        page.show()
        after = search_times(app, page, args.rounds)

        print()
        line(f"search, {args.customers:,} customers, no orders", *before, 16)
        line(f"search with {args.orders:,} orders on file", *after, 16)
        print(f"{'':<44} ratio with/without orders: p95 "
              f"{percentile(after[0], 95) / percentile(before[0], 95):.2f}, CPU p95 "
              f"{percentile(after[1], 95) / percentile(before[1], 95):.2f}")

        def core() -> None:
            ids = orders.order_ids_of_customer(BIG)
            orders.summary(BIG)
            orders.fetch_rows(ids[:section.model.PAGE])

        def through_page() -> None:
            page.detail.show_customer(None)  # a different customer first: nothing cached
            page.detail.show_customer(BIG)
            model = section.model
            rows = section.table.height() // section.table.verticalHeader().defaultSectionSize()
            for row in range(min(rows, model.rowCount())):
                for column in range(model.columnCount()):
                    model.index(row, column).data()

        for name, fn in (("open a customer with 200 orders: core", core),
                         ("open a customer with 200 orders: page", through_page)):
            fn()
            wall, cpu = [], []
            for _ in range(args.runs):
                start, cpu_start = time.perf_counter(), time.process_time()
                fn()
                wall.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - cpu_start) * 1000)
            line(name, wall, cpu, 50)
        assert section.model.rowCount() == 200

        # The reports' order tables for one month (about 13,000 orders of the 300,000).
        from bench.stats import timed
        from db.reports import order_figures, periods
        month = periods.custom(dt.date(2025, 6, 1), dt.date(2025, 6, 30))
        found = order_figures.order_figures(month)
        samples = timed(lambda: order_figures.order_figures(month), 5)
        print(f"{'reports: order tables for a month':<44} n=5    p50 "
              f"{percentile(samples, 50):6.1f} ms  ({found.orders:,} orders, "
              f"{found.buyers:,} buyers, repeat rate {found.repeat_rate:.1f} %)")
        page.close()
        database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
