"""The shared PostgreSQL database (issue 8): moving a shop to it, backing it up, and typing
in the customer search on it, each beside the same on the local SQLite file.

    python bench/bench_server.py [--customers 50000]

Starts a throwaway PostgreSQL server on loopback (tools/postgres_server.py: needs the
machine's PostgreSQL binaries, e.g. Debian's postgresql package). A real shop's server sits
across a LAN: add its round trip (0.2-1 ms) to every query for a fair picture; the search
runs on an in-memory copy, so a keystroke costs one round trip (the change stamp).
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

from bench.bench_customers import QUERIES, keystrokes  # noqa: E402
from bench.stats import percentile  # noqa: E402


def search_keystrokes(page, app, rounds: int) -> list[float]:
    from db.customers import search as customer_search
    deadline = time.perf_counter() + 1.0  # the window is up a moment before the first key
    while time.perf_counter() < deadline:
        app.processEvents()
    customer_search.warm_up(background=False)
    samples = []
    for _ in range(rounds):
        customer_search._index.recent.clear()
        for query in QUERIES:
            for prefix in keystrokes(query):
                start = time.perf_counter()
                page.search.setText(prefix)
                for row in range(min(30, page.model.rowCount())):
                    for column in range(page.model.columnCount()):
                        page.model.index(row, column).data()
                samples.append((time.perf_counter() - start) * 1000)
            page.search.clear()
    return samples


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication
    from bench.seed import seed_customers
    from db.models import Staff
    from db.storage import backups, server_copy, store
    from desktop.context import AppContext
    from desktop.customers.page import CustomersPage
    from tools.postgres_server import Cluster

    app = QApplication.instance() or QApplication([])
    cluster = Cluster()
    cluster.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            data_dir = Path(tmp)
            local = store.open_database(data_dir)
            seed_customers(args.customers)
            rows = {}
            for name in ("local", "server"):
                page = CustomersPage(AppContext(data_dir, Staff.get_by_id(1)))
                page.resize(1200, 800)
                page.show()
                rows[name] = search_keystrokes(page, app, args.rounds)
                page.close()
                if name == "server":
                    break
                start = time.perf_counter()
                copied = server_copy.copy_local_to_server(local, data_dir, cluster.new_database())
                copy_s = time.perf_counter() - start
                local.close()
                shared = store.open_database(data_dir)
            start = time.perf_counter()
            made = backups.backup_now(data_dir, "manual")
            backup_s = time.perf_counter() - start
            backup_mb = made.stat().st_size / 1e6
            start = time.perf_counter()
            backups.restore(data_dir, made)
            restore_s = time.perf_counter() - start  # includes the safety backup first
            shared.close()
    finally:
        cluster.stop()

    print(f"\n{args.customers:,} customers ({copied:,} rows in all tables)")
    print(f"copy this computer's data to the server   {copy_s:6.1f} s  "
          f"({copied / copy_s:,.0f} rows/s; one transaction, after a local backup)")
    print(f"server backup to an SQLite file          {backup_s:6.1f} s  ({backup_mb:.1f} MB)")
    print(f"restore that backup into the server      {restore_s:6.1f} s  (incl. the safety backup)")
    for name, samples in rows.items():
        p50, p95 = percentile(samples, 50), percentile(samples, 95)
        print(f"search per keystroke on {name:<7}  p50 {p50:6.2f} ms  p95 {p95:6.2f} ms  "
              f"p95/target(16 ms) {p95 / 16:.2f}")
    ratio = percentile(rows["server"], 95) / percentile(rows["local"], 95)
    print(f"server p95 / local p95: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
