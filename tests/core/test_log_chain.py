"""The activity log and the case timeline are hash chains: a deleted, changed or inserted entry
is found and named; the owner password's row removed behind the app's back is tampering."""
from __future__ import annotations

import sqlite3

import pytest

from db.cases import records as cases
from db.cases.records import CaseData
from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import AuditLog, CaseEvent, Credential, database as proxy
from db.storage import backups, dialect, paths, store
from db.trust import audit, log_chain, security


def busy_day(owner):
    """Real work: customers, a case with timeline entries, an export logged."""
    audit.act_as(owner, "screen")
    buyer = customers.create(CustomerData(name="王伟", phone="13812345678"), owner)
    customers.create(CustomerData(name="李娜", phone="13987654321"), owner)
    case = cases.create(CaseData(customer_id=buyer.id, product="连衣裙", category="破损"), owner)
    cases.add_note(case.id, owner, "买家发来照片")
    cases.advance(case.id, owner, "已道歉")
    audit.record("export", "customer", detail={"file": "客户.xlsx"})
    return case


def raw(sql: str, params=()):
    return proxy.execute_sql(dialect.sql(sql), params)


def test_a_whole_log_and_timeline_verify(database, owner):
    case = busy_day(owner)
    log, timeline = log_chain.verify("audit_log"), log_chain.verify("case_event")
    assert log.ok and log.checked == AuditLog.select().count() > 5
    assert timeline.ok and timeline.checked == CaseEvent.select().count() == 3
    seqs = [e.seq for e in CaseEvent.select().where(CaseEvent.case == case.id).order_by(CaseEvent.id)]
    assert seqs == [1, 2, 3]
    # The case's own log entries carry no chain bookkeeping.
    assert all("chain" not in e.detail for e in AuditLog.select())


def test_a_deleted_log_entry_is_found(database, owner):
    busy_day(owner)
    victim, after = [e.id for e in AuditLog.select().order_by(AuditLog.seq)][2:4]
    raw("DELETE FROM audit_log WHERE id = ?", (victim,))
    verdict = log_chain.verify("audit_log")
    assert not verdict.ok and verdict.entry_id == after and "删除" in verdict.problem
    assert verdict.checked == 2


def test_a_changed_log_entry_is_found(database, owner):
    busy_day(owner)
    export = AuditLog.get(AuditLog.action == "export")
    raw("UPDATE audit_log SET detail = ? WHERE id = ?", ('{"file": "别的.xlsx"}', export.id))
    verdict = log_chain.verify("audit_log")
    assert not verdict.ok and verdict.entry_id == export.id and "修改" in verdict.problem


def test_an_inserted_entry_with_a_made_up_hash_is_found(database, owner):
    busy_day(owner)
    last = AuditLog.select().order_by(AuditLog.seq.desc()).get()
    forged = AuditLog.create(at=last.at, staff_name="店主小美", action="export",
                             entity="customer", seq=last.seq + 1, chain="0" * 64)
    verdict = log_chain.verify("audit_log")
    assert not verdict.ok and verdict.entry_id == forged.id


@pytest.mark.sqlite_only
def test_rows_written_with_plain_sqlite3_are_found(data_dir, database, owner):
    """What a staff member with the sqlite3 shell does: insert, delete, drop the guard."""
    case = busy_day(owner)
    plain = sqlite3.connect(paths.database_file(data_dir))
    plain.execute("INSERT INTO audit_log (at, staff_name, action, entity, detail, source) "
                  "VALUES ('2026-01-01 00:00:00', '阿强', 'export', 'customer', '', 'screen')")
    plain.commit()
    verdict = log_chain.verify("audit_log")
    assert not verdict.ok and "插入" in verdict.problem
    plain.execute("DROP TRIGGER case_event_append_only")
    plain.execute("UPDATE case_event SET text = '已退款' WHERE case_id = ? AND seq = 2", (case.id,))
    plain.commit()
    plain.close()
    verdict = log_chain.verify("case_event")
    assert not verdict.ok and "修改" in verdict.problem


def test_a_deleted_timeline_entry_is_found(database, owner):
    case = busy_day(owner)
    first = CaseEvent.select().where(CaseEvent.case == case.id).order_by(CaseEvent.seq).get()
    raw("DELETE FROM case_event WHERE id = ?", (first.id,))
    verdict = log_chain.verify("case_event")
    assert not verdict.ok and "删除" in verdict.problem


def test_a_purged_customer_takes_its_cases_chains_along_untouched(database, owner):
    case = busy_day(owner)
    other = customers.create(CustomerData(name="赵六"), owner)
    cases.create(CaseData(customer_id=other.id, product="外套", category="少件"), owner)
    customers.move_to_trash([case.customer_id], owner)
    customers.purge([case.customer_id])
    assert log_chain.verify("case_event").ok and log_chain.verify("audit_log").ok


def test_a_missing_key_is_reported(database, owner):
    busy_day(owner)
    raw("DELETE FROM credential WHERE key = ?", (log_chain.KEY_ROW,))
    verdict = log_chain.verify("audit_log")
    assert not verdict.ok and "密钥" in verdict.problem


def test_the_owner_row_deleted_behind_the_apps_back_keeps_owner_actions_locked(database, owner):
    security.set_owner_password("kaidian2026", None, owner)
    raw("DELETE FROM credential WHERE key = ?", ("owner",))
    assert security.owner_row_missing()
    assert security.needs_owner("export_all")
    assert not security.check_owner_password("kaidian2026")
    with pytest.raises(security.SecurityError, match="恢复"):
        security.set_owner_password("new-password", None, owner)
    # Removing the password the app's way is not tampering.
    Credential.delete().execute()  # a fresh start for the second half: key gone too
    assert security.has_owner_password()  # the log still says a password is set


def test_the_owner_password_removed_by_the_owner_leaves_nothing_locked(database, owner):
    security.set_owner_password("kaidian2026", None, owner)
    security.clear_owner_password("kaidian2026", owner)
    assert not security.has_owner_password() and not security.owner_row_missing()
    assert log_chain.verify("audit_log").ok


def test_the_chain_survives_reopening_and_continues(data_dir, database, owner):
    busy_day(owner)
    store.close_database(database, data_dir)
    again = store.open_database(data_dir, backup_on_open=False)
    try:
        audit.record("export", "customer", detail="again")
        assert log_chain.verify("audit_log").ok
    finally:
        again.close()


def test_a_backup_and_its_restore_carry_whole_chains(data_dir, database, owner):
    """On a server the backup is a copy into an SQLite file and the restore a copy back:
    the hashes travel with the rows, and the restore's own entry continues the chain."""
    busy_day(owner)
    made = backups.backup_now(data_dir, "manual")
    verdicts = log_chain.check_file(made)
    assert [v.ok for v in verdicts] == [True, True]
    assert verdicts[1].checked == CaseEvent.select().count()
    customers.create(CustomerData(name="赵六"), owner)
    backups.restore(data_dir, made)
    assert all(v.ok for v in log_chain.check_all())
    assert AuditLog.select().order_by(AuditLog.seq.desc()).get().action == "restore"


def test_two_computers_writing_in_turn_make_one_chain(database, owner, other_computer):
    busy_day(owner)
    with other_computer(owner):
        customers.create(CustomerData(name="孙七"), owner)
        audit.record("export", "customer", detail="其他电脑")
    customers.create(CustomerData(name="周八"), owner)
    assert all(v.ok for v in log_chain.check_all())
    seqs = [e.seq for e in AuditLog.select().order_by(AuditLog.seq)]
    assert seqs == list(range(1, len(seqs) + 1))


def test_migration_10_chains_older_entries_and_is_harmless_twice(database, owner):
    """A database from before schema 10: its entries are chained in their order; running the
    step again (a restored backup re-runs the newest step) changes nothing."""
    from db.storage import migrations
    from db.storage.migrations import m0010_log_chain
    case = busy_day(owner)
    postgres = dialect.is_postgres()
    guard = ("ALTER TABLE case_event {} TRIGGER case_event_append_only" if postgres else None)
    if postgres:
        raw(guard.format("DISABLE"))
    else:
        raw("DROP TRIGGER case_event_append_only")
    for table in ("audit_log", "case_event"):
        raw(f"UPDATE {table} SET seq = NULL, chain = NULL")
    if postgres:
        raw(guard.format("ENABLE"))
    raw("DELETE FROM credential WHERE key = ?", (log_chain.KEY_ROW,))
    raw("DELETE FROM schema_version WHERE version = ?", (m0010_log_chain.VERSION,))
    assert migrations.migrate(database) == [m0010_log_chain.VERSION]
    verdicts = log_chain.check_all()
    assert all(v.ok for v in verdicts) and verdicts[0].checked == AuditLog.select().count()
    key = log_chain.read_key()
    with database.atomic():
        m0010_log_chain.up(database)
    assert log_chain.read_key() == key and all(v.ok for v in log_chain.check_all())
    cases.add_note(case.id, owner, "迁移之后")  # new entries continue the old chains
    assert all(v.ok for v in log_chain.check_all())
