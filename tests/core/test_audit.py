"""The audit log is written by the database itself, for every path that changes data."""
from __future__ import annotations

import json

import pytest

from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import AuditLog, Customer, database as proxy
from db.storage import settings
from db.trust import audit, staff as staff_rules


def entries(entity: str | None = None) -> list[AuditLog]:
    query = AuditLog.select().order_by(AuditLog.id)
    if entity:
        query = query.where(AuditLog.entity == entity)
    return list(query)


def test_create_update_delete_are_logged_with_who_and_what(database, owner):
    audit.act_as(owner, "screen")
    c = customers.create(CustomerData(name="张三", phone="13800138000"), owner)
    [created] = entries("customer")
    assert (created.action, created.entity_id, created.staff_name, created.source) == \
        ("create", c.id, "店主小美", "screen")
    assert json.loads(created.detail)["phone"] == "13800138000"
    assert "search_text" not in json.loads(created.detail)

    data = CustomerData.of(c)
    data.notes = "只在晚上联系"
    customers.update(c.id, data, owner)
    changed = [json.loads(e.detail) for e in entries("customer") if e.action == "update"]
    assert {"notes": "只在晚上联系"} in changed  # only what changed, no bookkeeping columns

    customers.move_to_trash([c.id], owner)
    assert "deleted_at" in json.loads(entries("customer")[-1].detail)
    customers.purge([c.id])
    gone = entries("customer")[-1]
    assert gone.action == "delete" and json.loads(gone.detail)["name"] == "张三"


def test_other_staff_and_sources_are_attributed(database, owner):
    helper = staff_rules.add("阿强")
    audit.act_as(helper, "command line")
    customers.create(CustomerData(name="李四"), helper)
    last = entries("customer")[-1]
    assert (last.staff_id, last.staff_name, last.source) == (helper.id, "阿强", "command line")


def test_settings_changes_are_logged(database, owner):
    audit.act_as(owner)
    settings.put("shop_name", "小美的店")
    last = entries("setting")[-1]
    assert json.loads(last.detail) == {"key": "shop_name", "value": '"小美的店"'}


def test_a_rolled_back_change_leaves_no_entry(database, owner):
    before = len(entries())
    with pytest.raises(RuntimeError):
        with proxy.atomic():
            customers.create(CustomerData(name="王五"), owner)
            raise RuntimeError("cancelled")
    assert len(entries()) == before
    assert Customer.select().count() == 0


def test_bulk_operation_logs_one_summary_entry(database, owner):
    before = len(entries())
    with audit.bulk("import", "customer", {"new": 3, "file": "名单.xlsx"}, owner, "import"):
        for n in range(3):
            Customer.create(name=f"客户{n}")
    added = entries()[before:]
    assert [(e.action, json.loads(e.detail)["new"]) for e in added] == [("import", 3)]
    Customer.create(name="之后")  # per-row logging is back on
    assert entries()[-1].action == "create"


@pytest.mark.sqlite_only
def test_a_database_analysed_by_sqlite_still_opens(data_dir, owner):
    """ANALYZE (or PRAGMA optimize) adds sqlite_stat1, which cannot carry triggers."""
    from db.models import database as proxy
    from db.storage import store
    proxy.obj.execute_sql("ANALYZE")
    proxy.obj.close()
    reopened = store.open_database(data_dir)
    assert "sqlite_stat1" in reopened.get_tables()
    reopened.close()
