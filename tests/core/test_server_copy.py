"""The one-time copy of a computer's data to a new shared server, and the server's rules."""
from __future__ import annotations

import pytest

from db.cases import records as cases
from db.cases.records import CaseData
from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import Case, CaseEvent, Customer, Snippet, database as proxy
from db.snippets import library as snippets
from db.storage import backups, paths, server, server_copy, store, transfer
from tests.helpers import snapshot

pytestmark = pytest.mark.sqlite_only  # the source is this computer's SQLite file


def shop(owner):
    first = customers.create(CustomerData(name="张三", phone="13800138000", tags=["回头客"]), owner)
    second = customers.create(CustomerData(name="张三（小号）", wechat="zs_2",
                                           notes="制表\t换行\n回车\r反斜杠\\ \\N 不是空"), owner)
    customers.merge(second.id, first.id, owner)  # a row pointing at a later row of its table
    case = cases.create(CaseData(customer_id=second.id, description="少发一件"), owner)
    snippets.create(snippets.SnippetData("欢迎语", "亲，在的", None, "hy", image=b"\x89PNG"), owner)
    return case


def test_everything_arrives_with_its_ids(database, owner, data_dir, postgres_cluster):
    shop(owner)
    local = snapshot(database)
    config = postgres_cluster.new_database()
    copied = server_copy.copy_local_to_server(database, data_dir, config, owner)
    assert copied == sum(len(rows) for rows in local.values())
    assert [b.reason for b in backups.list_backups(paths.backup_dir(data_dir))] == ["before-server"]
    database.close()
    shared = store.open_database(data_dir)  # server.json now points at the server
    try:
        remote = snapshot(shared)
        for table, rows in local.items():
            if table == "audit_log":  # plus the copy's own entry
                assert remote[table][:len(rows)] == rows
                continue
            assert remote[table] == rows, table
        assert Snippet.get().image == b"\x89PNG"
        assert Customer.get(Customer.name == "张三").merged_into_id == 2  # a later row
        with pytest.raises(Exception, match="只能追加"):
            CaseEvent.update(text="改写").execute()
    finally:
        shared.close()


def test_a_cancelled_copy_leaves_the_server_empty(database, owner, data_dir, postgres_cluster):
    shop(owner)
    config = postgres_cluster.new_database()
    with pytest.raises(transfer.TransferCancelled):
        server_copy.copy_local_to_server(database, data_dir, config, owner,
                                         progress=lambda done, total: done < 3)
    assert server.load(data_dir) is None
    check = server.connect(config)
    try:
        assert not transfer.holds_data(check)
    finally:
        check.close()
    assert Case.select().count() == 1  # and this computer's data is untouched


def test_a_server_backup_restores_into_the_server(database, owner, data_dir, postgres_cluster):
    case = shop(owner)
    config = postgres_cluster.new_database()
    server_copy.copy_local_to_server(database, data_dir, config, owner)
    database.close()
    shared = store.open_database(data_dir)
    try:
        made = backups.backup_now(data_dir, "manual")
        assert not backups.verify(made)  # an SQLite file like a local backup
        cases.add_note(case.id, owner, "备份之后的记录")
        customers.create(CustomerData(name="备份之后"), owner)
        backups.restore(data_dir, made)
        assert not Customer.select().where(Customer.name == "备份之后").exists()
        after = customers.create(CustomerData(name="恢复之后"), owner)  # sequences follow
        from db.models import AuditLog
        assert AuditLog.select().where((AuditLog.entity == "customer")
                                       & (AuditLog.entity_id == after.id)).exists()
    finally:
        shared.close()
    proxy.initialize(None)


def test_a_dropped_server_connection_fails_one_action_then_reconnects(
        data_dir, postgres_cluster):
    from peewee import PeeweeException
    from db import errors
    from db.models import AuditLog
    from db.trust import audit, staff as staff_rules
    config = postgres_cluster.new_database(template=postgres_cluster.template)
    server.save(data_dir, config)
    shared = store.open_database(data_dir)
    try:
        owner = staff_rules.add("店主小美", role="owner")
        audit.act_as(owner, "screen")
        postgres_cluster.admin(  # the Wi-Fi drops, the server restarts...
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{config.database}'")
        with pytest.raises(PeeweeException) as failed:
            customers.create(CustomerData(name="断线时"), owner)
        assert "连接断开" in errors.describe(failed.value)
        again = customers.create(CustomerData(name="重连后"), owner)  # the next action works
        names = {c.name for c in Customer.select()}
        assert "重连后" in names and "断线时" not in names  # never saved twice, nor half
        entry = AuditLog.get((AuditLog.entity == "customer") & (AuditLog.entity_id == again.id))
        assert (entry.staff_id, entry.source) == (owner.id, "screen")  # session restored
    finally:
        shared.close()
