"""A large import drops the customer indexes, writes in batches and builds them again
(db.customers.bulk): every row must land with its tags, and a cancel or a failure halfway
must leave the database exactly as before, indexes included."""
from __future__ import annotations

import itertools

import pytest

from db.customers import records
from db.customers.bulk import REBUILD_FROM, BulkWriter
from db.excel import apply, workflow
from db.excel.errors import Cancelled
from db.models import Customer, CustomerTag, database as db
from db.storage import dialect, paths
from db.storage.encryption import driver
from tests.fixtures import messy
from tests.helpers import snapshot


def _roster(tmp_path, count: int):
    rows = [["姓名", "手机", "标签"]]
    rows += [[f"客户{n}", f"1{n + 3_900_000_000:010d}", "老客户" if n % 3 == 0 else ""]
             for n in range(count)]
    return messy.xlsx(tmp_path / "big.xlsx", rows)


@pytest.fixture
def sqlite_only(database):
    if dialect.is_postgres():
        pytest.skip("a server keeps its indexes")


def test_every_row_lands_with_its_tags_in_order(sqlite_only, database, owner, data_dir, tmp_path):
    count = 2 * REBUILD_FROM + 7  # many batches of 500, the last one short
    plan = workflow.plan_file("customers", _roster(tmp_path, count))
    result = apply.apply(plan, data_dir, owner)
    assert result.created == count
    phones = [c.phone for c in Customer.select(Customer.phone).order_by(Customer.id)]
    assert phones == [f"1{n + 3_900_000_000:010d}" for n in range(count)]
    tagged = {records.tag_names(c.id) == ["老客户"] for c in
              Customer.select().where(Customer.name.in_(["客户0", "客户3", "客户9999"]))}
    assert tagged == {True}
    assert CustomerTag.select().count() == len(range(0, count, 3))
    assert records.tag_names(Customer.get(Customer.name == "客户1").id) == []
    # Committed before the log was copied into the file (the next save does that): another
    # program sees every row, and SQLite's own checkpoint setting is back.
    assert db.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    other = driver.connect(str(data_dir / paths.DB_FILENAME))
    try:
        assert other.execute("SELECT COUNT(*) FROM customer").fetchone()[0] == count
    finally:
        other.close()


def test_a_cancel_while_a_batch_is_being_written_leaves_nothing(
        sqlite_only, database, owner, data_dir, tmp_path):
    plan = workflow.plan_file("customers", _roster(tmp_path, REBUILD_FROM + 1500))
    before, indexes = snapshot(database), _indexes()
    asked = itertools.count()  # asked before the rows, then every 500 rows prepared
    with pytest.raises(Cancelled):  # the indexes dropped, 5,500 rows written
        apply.apply(plan, data_dir, owner, cancelled=lambda: next(asked) * 500 > 5500)
    after = snapshot(database)
    assert {k: v for k, v in after.items() if k != "setting"} == \
        {k: v for k, v in before.items() if k != "setting"}
    assert _indexes() == indexes and len(indexes) >= 10  # dropped for the import, back


def test_a_failure_inside_the_background_write_rolls_everything_back(
        sqlite_only, database, owner, data_dir, tmp_path):
    plan = workflow.plan_file("customers", _roster(tmp_path, REBUILD_FROM + 20))
    before, indexes = snapshot(database), _indexes()
    # The database itself refuses one row past the first 5,000 (as a full disk would).
    db.execute_sql("CREATE TEMP TRIGGER refuse BEFORE INSERT ON customer "
                   "WHEN NEW.name = '客户5010' BEGIN SELECT RAISE(ABORT, 'refused'); END")
    try:
        with pytest.raises(Exception, match="refused"):
            apply.apply(plan, data_dir, owner)
    finally:
        db.execute_sql("DROP TRIGGER IF EXISTS temp.refuse")
    after = snapshot(database)
    assert {k: v for k, v in after.items() if k != "setting"} == \
        {k: v for k, v in before.items() if k != "setting"}
    assert _indexes() == indexes and len(indexes) >= 10  # dropped for the import, back


def _indexes() -> list[tuple[str, str]]:
    return db.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                          "AND tbl_name = 'customer' ORDER BY name").fetchall()


def test_flush_writes_and_gives_the_ids_with_the_tags_linked(database, owner):
    writer = BulkWriter(owner)
    with db.atomic():
        writer.insert({"name": "甲", "phone": "13800000001", "tags": ("团购",)})
        ids = writer.flush()
    assert [c.id for c in Customer.select()] == ids
    assert records.tag_names(ids[0]) == ["团购"]
