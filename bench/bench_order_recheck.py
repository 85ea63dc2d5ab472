"""What a team server's import adds for orders another computer may have imported since the
preview (issue 17): the re-check inside the write transaction, beside the whole import.

    python bench/bench_order_recheck.py [ORDER_ROWS] [--customers 50000]

Starts a throwaway PostgreSQL server on loopback (tools/postgres_server.py). The archive holds
CUSTOMERS customers (bench/seed.py); the file is 拼多多's layout (bench/bench_orders.py), its
buyers all new to the archive, so the re-check looks every one of them up again: the orders by
number, then the archive's customers by the planner's keys (db.orders.buyers.BuyerIndex). The
re-check holds the import lock, so other computers' imports wait that long; the figures are the
best of ROUNDS.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", nargs="?", type=int, default=10_000)
    parser.add_argument("--customers", type=int, default=50_000)
    args = parser.parse_args()

    from bench.bench_orders import make_file
    from bench.seed import seed_customers
    from db.excel import apply, workflow
    from db.models import database
    from db.storage import server, store
    from tools.postgres_server import Cluster

    cluster = Cluster()
    cluster.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            data_dir = Path(tmp) / "data"
            data_dir.mkdir()
            server.save(data_dir, cluster.new_database())
            db = store.open_database(data_dir)
            seed_customers(args.customers)
            for table in ("customer", "customer_tag"):  # the seed wrote their ids itself
                database.execute_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                     f"(SELECT MAX(id) FROM {table}))")
            export = Path(tmp) / "pdd.xlsx"
            make_file(export, args.rows, "pdd")
            plan = workflow.plan_file("orders", export)
            rows = plan.to_write()
            buyers = len({r.order.new_buyer for r in rows if r.order.new_buyer is not None})
            checks = []
            for _ in range(ROUNDS):
                with database.atomic() as transaction:
                    start = time.perf_counter()
                    plan.kind.importer.recheck(plan.kind, rows)
                    checks.append(time.perf_counter() - start)
                    transaction.rollback()
            start = time.perf_counter()
            result = apply.apply(plan, data_dir, None)
            whole = time.perf_counter() - start
            db.close()
    finally:
        cluster.stop()
    check = min(checks)
    print(f"\n{args.customers:,} customers on file; {args.rows:,} order rows, {len(rows):,} orders, "
          f"{buyers:,} new buyers (PostgreSQL on loopback)")
    print(f"re-check in the write transaction  {check:6.2f} s")
    print(f"whole import (backup, re-check, write)  {whole:6.2f} s  "
          f"({result.created:,} orders written)")
    print(f"re-check / whole import: {check / whole:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
