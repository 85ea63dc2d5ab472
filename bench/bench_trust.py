"""What the issue-13 safeguards cost: the chained activity log and the owner hash.

    .venv/bin/python bench/bench_trust.py [N_ENTRIES]

On a fresh SQLite database: saves N customers through the form's code path (each save writes
its log entries through the triggers), in rounds that alternate with the chain's trigger and
with it dropped (the machine's drift falls on both), and prints the cost per save and the
ratio; then times
checking the whole chain (the start-up check, 操作日志, 备份与恢复) and one owner-password
check with scrypt N=2^14 (before) and N=2^17 (now).
"""
from __future__ import annotations

import hashlib
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def write_entries(first: int, count: int, owner) -> float:
    from db.customers import records as customers
    from db.customers.records import CustomerData
    from db.models import database
    start = time.perf_counter()
    for batch in range(first, first + count, 500):
        with database.atomic():
            for i in range(batch, min(first + count, batch + 500)):
                customers.create(CustomerData(name=f"客户{i}", phone=f"138{i:08d}"), owner)
    return time.perf_counter() - start


def bare_entries(count: int) -> float:
    """µs per log entry INSERTed alone: the chain's own cost, without a form save around it."""
    from db.models import database
    start = time.perf_counter()
    with database.atomic():
        for _ in range(count):
            database.execute_sql(
                "INSERT INTO audit_log (at, staff_name, action, entity, detail, source) VALUES "
                "(strftime('%Y-%m-%d %H:%M:%f', 'now'), '店主', 'update', 'customer', '{}', 'bench')")
    return (time.perf_counter() - start) * 1e6 / count


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    from db.models import AuditLog, database
    from db.storage import store
    from db.trust import audit, log_chain, staff
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        store.open_database(data_dir, backup_on_open=False)
        owner = staff.add("店主")
        audit.act_as(owner)
        # Small rounds: the archive grows as it is written, and other work on the machine
        # comes and goes; both fall evenly on the two sides.
        per_round = 250
        rounds, chained, plain, done = max(1, count // (2 * per_round)), 0.0, 0.0, 0
        for _ in range(rounds):
            log_chain.install_sqlite(database.obj)
            chained += write_entries(done, per_round, owner)
            database.execute_sql("DROP TRIGGER temp.chain_audit_log")
            plain += write_entries(done + per_round, per_round, owner)
            done += 2 * per_round
        saves = per_round * rounds
        print(f"customer saves: {saves} with the chain {chained * 1e6 / saves:.0f} µs each, "
              f"{saves} without {plain * 1e6 / saves:.0f} µs each (ratio {chained / plain:.2f}; "
              f"rounds of {per_round} alternating)")
        bare = {}
        for label in ("with", "without", "with", "without"):
            if label == "with":
                log_chain.install_sqlite(database.obj)
            else:
                database.execute_sql("DROP TRIGGER temp.chain_audit_log")
            bare.setdefault(label, []).append(bare_entries(5000))
        print(f"bare log entries (5,000 INSERTs): {min(bare['with']):.0f} µs each with the chain, "
              f"{min(bare['without']):.0f} µs without")
        database.execute_sql("DELETE FROM audit_log WHERE chain IS NULL")
        total = AuditLog.select().count()
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            verdict = log_chain.verify("audit_log")
            runs.append(time.perf_counter() - start)
        assert verdict.ok and verdict.checked == total
        best = min(runs)
        print(f"checking the whole chain: {total} entries in {best * 1000:.0f} ms "
              f"({best * 1e6 / total:.1f} µs per entry)")
        database.close()
    for n in (2 ** 14, 2 ** 17):
        start = time.perf_counter()
        hashlib.scrypt(b"kaidian2026", salt=b"s" * 16, n=n, r=8, p=1, dklen=32,
                       maxmem=128 * 8 * (n + 3) + (1 << 20))
        print(f"owner password check, scrypt N=2^{n.bit_length() - 1}, r=8: "
              f"{(time.perf_counter() - start) * 1000:.0f} ms, {128 * 8 * n >> 20} MB")


if __name__ == "__main__":
    main()
