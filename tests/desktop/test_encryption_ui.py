"""Encryption at rest in the real widgets: the recovery key shown once, and encrypted data opened
on another computer (start-up, 备份与恢复) with the owner password or the recovery key."""
from __future__ import annotations

import shutil
import sqlite3

import keyring
import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMessageBox

from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import Customer, database as proxy
from db.storage import backups, encryption, keywrap, paths, store
from db.trust import security, staff as staff_rules
from desktop import app
from desktop.backups.dialog import BackupDialog
from desktop.context import AppContext
from desktop.main_window import MainWindow
from desktop.security import SecretDialog
from desktop.settings.recovery_key_dialog import RecoveryKeyDialog
from tests.desktop.helpers import type_secret, when_modal
from tests.memory_keyring import MemoryKeyring

PASSWORD = "kaidian2026"


def test_setting_the_password_shows_the_recovery_key_once(qtbot, context, owner, data_dir,
                                                          monkeypatch, tmp_path):
    customers.create(CustomerData(name="张三"), owner)
    window = MainWindow(context)
    qtbot.addWidget(window)
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (next(answers), True))
    seen = {}

    def keep_it(dialog: RecoveryKeyDialog):
        seen["key"] = dialog.key_field.text()
        seen["warning"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert not dialog.ok_button.isEnabled()  # not before the owner says it is kept
        dialog.reject()
        assert dialog.isVisible()
        dialog.save_to(tmp_path / "恢复密钥.txt")
        dialog.confirm.click()
        dialog.ok_button.click()
    errors = when_modal(keep_it, RecoveryKeyDialog)
    window.settings_page.security_box.password_button.click()
    assert not errors
    assert "无法恢复" in seen["warning"]
    assert seen["key"] in (tmp_path / "恢复密钥.txt").read_text(encoding="utf-8")
    db_file = paths.database_file(data_dir)
    head = keywrap.read(db_file)
    assert keywrap.unwrap(head, seen["key"]) == keywrap.unwrap(head, PASSWORD)
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db_file).execute("SELECT name FROM customer").fetchall()
    assert [c.name for c in Customer.select()] == ["张三"]  # still working


def test_start_on_another_computer_asks_for_the_owner_password(qtbot, owner, data_dir):
    customers.create(CustomerData(name="张三"), owner)
    security.set_owner_password(PASSWORD, None, owner)
    proxy.obj.close()
    keyring.set_keyring(MemoryKeyring())  # the data folder, copied to another computer
    errors = when_modal(lambda d: [type_secret("guess-it")(d) for _ in range(3)], SecretDialog)
    assert app.open_or_recover(data_dir) is None  # three wrong tries: gave up
    assert not errors
    errors = when_modal(lambda d: [type_secret("guess-it")(d), type_secret(PASSWORD)(d)],
                        SecretDialog)
    database = app.open_or_recover(data_dir)
    assert not errors and database is not None
    assert [c.name for c in Customer.select()] == ["张三"]


def test_restore_from_a_usb_stick_on_a_new_computer(qtbot, owner, data_dir, tmp_path, monkeypatch):
    customers.create(CustomerData(name="张三"), owner)
    recovery = security.set_owner_password(PASSWORD, None, owner)
    made = backups.backup_now(data_dir, "manual")
    stick = tmp_path / "usb"
    stick.mkdir()
    for path in (made, keywrap.sidecar(made)):
        shutil.copy(path, stick / path.name)
    proxy.obj.close()

    keyring.set_keyring(MemoryKeyring())
    new_dir = tmp_path / "new-computer"
    new_dir.mkdir()
    store.open_database(new_dir)
    context = AppContext(new_dir, staff_rules.add("店主", role="owner"))
    dialog = BackupDialog(context)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(stick / made.name), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    errors = when_modal(type_secret(recovery), SecretDialog)
    with qtbot.waitSignal(context.restart_requested):
        dialog.restore_file_button.click()
    assert not errors
    assert [c.name for c in Customer.select()] == ["张三"]
    assert encryption.is_encrypted(paths.database_file(new_dir))


def test_a_password_from_an_older_version_encrypts_once_given_again(qtbot, context, owner,
                                                                    data_dir, monkeypatch):
    security._store("owner", PASSWORD)  # as a version without encryption left it
    context.set_staff(owner, owner_unlocked=True)
    window = MainWindow(context)
    qtbot.addWidget(window)
    box = window.settings_page.security_box
    assert not box.encrypt_button.isHidden() and "未加密" in box.encryption_label.text()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (PASSWORD, True))
    shown = when_modal(lambda d: (d.confirm.setChecked(True), d.accept()), RecoveryKeyDialog)
    box.encrypt_button.click()
    assert not shown
    assert encryption.is_encrypted(paths.database_file(data_dir))
    assert box.encrypt_button.isHidden() and "已加密" in box.encryption_label.text()


def test_restore_question_says_why_a_backup_s_log_cannot_be_checked_yet(qtbot, context, owner,
                                                                        data_dir, monkeypatch):
    """A backup whose key this computer lacks is not "without a log": the question says it is
    encrypted and that the owner password comes first."""
    customers.create(CustomerData(name="张三"), owner)
    security.set_owner_password(PASSWORD, None, owner)
    backups.backup_now(data_dir, "manual")
    dialog = BackupDialog(context)
    qtbot.addWidget(dialog)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    context.set_staff(owner, owner_unlocked=True)
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    assert "日志完整" in asked[-1]
    keyring.set_keyring(MemoryKeyring())  # the key is gone from this computer's store
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    assert "已加密" in asked[-1] and "没有可核对" not in asked[-1]
