"""备份与恢复 dialog and the daily backup, on the real data folder."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox

from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import Customer
from db.storage import backups, paths
from desktop.backups.daily import DailyBackup
from desktop.backups.dialog import BackupDialog
from tests.helpers import damage_database


def test_back_up_then_restore_through_the_dialog(qtbot, context, owner, monkeypatch):
    customers.create(CustomerData(name="张三"), owner)
    dialog = BackupDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    dialog.backup_button.click()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "手动"
    customers.create(CustomerData(name="李四"), owner)

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    assert Customer.select().count() == 2  # cancelled: nothing changed

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.table.selectRow(0)
    with qtbot.waitSignal(context.restart_requested):
        dialog.restore_button.click()
    assert [c.name for c in Customer.select()] == ["张三"]
    reasons = [b.reason for b in backups.list_backups(paths.backup_dir(context.data_dir))]
    assert "before-restore" in reasons


def test_retention_settings_are_saved(qtbot, context):
    from db.storage import settings
    dialog = BackupDialog(context)
    qtbot.addWidget(dialog)
    dialog.keep_last.setValue(20)
    dialog.keep_weeks.setValue(4)
    assert settings.get("backup_keep") == 20 and settings.get("backup_keep_weeks") == 4


def test_daily_backup_only_when_a_day_has_passed(qtbot, context):
    daily = DailyBackup(context)
    assert daily.check()  # no backup yet
    assert not daily.check()
    assert daily.check(now=dt.datetime.now() + dt.timedelta(days=1, minutes=1))
    reasons = [b.reason for b in backups.list_backups(paths.backup_dir(context.data_dir))]
    assert reasons == ["daily", "daily"]


def test_start_up_offers_the_newest_good_backup_for_a_damaged_database(qapp, data_dir, monkeypatch):
    from db.storage import store
    from db.trust import staff
    from desktop.app import open_or_recover
    db = store.open_database(data_dir)
    customers.create(CustomerData(name="张三"), staff.add("店主"))
    backups.backup_now(data_dir)
    db.close()
    db_file = paths.database_file(data_dir)
    raw = damage_database(data_dir)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    assert open_or_recover(data_dir) is None  # declined: nothing touched
    assert db_file.read_bytes() == raw and "损坏" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    db = open_or_recover(data_dir)
    try:
        assert [c.name for c in Customer.select()] == ["张三"]
        assert list(data_dir.glob("kefudesk.sqlite3.damaged-*"))
    finally:
        db.close()


def test_uncaught_storage_error_becomes_a_clear_message(qapp):
    import sqlite3
    from desktop import errors as error_hook
    connection = sqlite3.connect(":memory:")
    connection.execute("PRAGMA max_page_count = 1")  # what a full disk looks like to SQLite
    try:
        connection.execute("CREATE TABLE t (a)")
    except sqlite3.OperationalError as full:  # classified by its code, not its English text
        exc = full
    error_hook._show(type(exc), exc, None)
    box = error_hook.reporter().box
    try:
        # Nobody said what was being done: "not completed", never "not saved".
        assert "磁盘空间已满" in box.text() and "刚才的操作没有完成" in box.text()
        other = KeyError("oops")
        error_hook._show(type(other), other, None)  # a second error joins the open box
        assert error_hook.reporter().box is box
        assert "意外错误" in box.informativeText() and "KeyError" in box.informativeText()
    finally:
        box.done(0)
    assert error_hook.reporter().box is None


def test_start_up_backup_is_taken_by_the_window(qtbot, context):
    daily = DailyBackup(context)
    daily.backup_at_start()
    assert [b.reason for b in backups.list_backups(paths.backup_dir(context.data_dir))] == ["start"]
    assert not daily.check()  # a backup from the start counts for the day
