"""Owner password in the real widgets: sign-in, protected actions, the settings lock, idle lock."""
from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit

from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import AuditLog, Customer
from db.storage import settings
from db.trust import security, staff as staff_rules
from desktop.customers.page import CustomersPage
from desktop.main_window import MainWindow
from desktop.security import SecretDialog
from desktop.settings.recovery_key_dialog import RecoveryKeyDialog
from desktop.staff_picker import StaffPickerDialog
from tests.desktop.helpers import type_secret, when_modal

PASSWORD = "kaidian2026"


def test_owner_signs_in_with_password_and_staff_with_pin(qtbot, owner):
    helper = staff_rules.add("阿强")
    security.set_owner_password(PASSWORD, None, owner)
    security.set_pin(helper.id, "246813")
    picker = StaffPickerDialog(owner.id)
    qtbot.addWidget(picker)
    assert not picker.secret.isHidden()  # the owner needs the password
    picker.secret.setText("wrong")
    picker.accept()
    assert picker.chosen is None and "不正确" in picker.error.text()
    picker.secret.setText(PASSWORD)
    picker.accept()
    assert picker.chosen.id == owner.id and picker.owner_unlocked
    staff_picker = StaffPickerDialog(helper.id)
    qtbot.addWidget(staff_picker)
    staff_picker.secret.setText("246813")
    staff_picker.accept()
    assert staff_picker.chosen.id == helper.id and not staff_picker.owner_unlocked


def test_staff_deleting_a_customer_needs_the_owner_password(qtbot, context, owner):
    helper = staff_rules.add("阿强")
    target = customers.create(CustomerData(name="张三"), owner)
    security.set_owner_password(PASSWORD, None, owner)
    context.set_staff(helper)
    page = CustomersPage(context)
    qtbot.addWidget(page)
    page.select_customer(target.id)
    errors = when_modal(type_secret("guess"), SecretDialog)
    when_modal(lambda d: d.reject(), SecretDialog)  # second chance: cancel
    page.delete_selected()
    assert not errors
    assert Customer.get_by_id(target.id).deleted_at is None
    assert AuditLog.select().where(AuditLog.action == "denied").count() == 1
    errors = when_modal(type_secret(PASSWORD), SecretDialog)
    page.delete_selected()
    assert not errors
    assert Customer.get_by_id(target.id).deleted_at is not None


def test_owner_signed_in_is_not_asked_again(qtbot, context, owner):
    target = customers.create(CustomerData(name="张三"), owner)
    security.set_owner_password(PASSWORD, None, owner)
    context.set_staff(owner, owner_unlocked=True)
    page = CustomersPage(context)
    qtbot.addWidget(page)
    page.select_customer(target.id)
    page.delete_selected()  # no dialog: would block the test if one opened
    assert Customer.get_by_id(target.id).deleted_at is not None


def test_settings_page_is_locked_for_staff_until_the_owner_unlocks(qtbot, context, owner, monkeypatch):
    window = MainWindow(context)
    qtbot.addWidget(window)
    page = window.settings_page
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (next(answers), True))
    shown = when_modal(lambda d: (d.confirm.setChecked(True), d.accept()), RecoveryKeyDialog)
    page.security_box.password_button.click()
    assert not shown and security.check_owner_password(PASSWORD)
    context.set_staff(staff_rules.add("阿强"))
    page.update_lock()
    assert not page.body.isEnabled() and not page.lock_bar.isHidden()
    errors = when_modal(type_secret(PASSWORD), SecretDialog)
    page.unlock_button.click()
    assert not errors
    assert page.body.isEnabled() and page.lock_bar.isHidden()
    context.set_staff(owner)  # switching staff locks again
    assert not page.body.isEnabled()


def test_idle_lock_asks_who_is_on_duty(qtbot, context, owner):
    settings.put("idle_lock_minutes", 5)
    window = MainWindow(context)
    qtbot.addWidget(window)
    lock = window.idle_lock
    assert not lock.check(now=lock._last_input + 6 * 60)  # not shown yet: nothing to lock
    window.show()
    assert not lock.check(now=lock._last_input + 4 * 60)

    window.snippets_page.toggle_palette()
    palette = window.snippets_page.palette
    assert palette.isVisible()

    def sign_in(dialog: StaffPickerDialog):
        assert dialog.windowTitle() == "客服台已锁定"
        assert not palette.isVisible()  # no customer data left on screen
        dialog.reject()  # cannot be dismissed
        assert dialog.isVisible()
        dialog.accept()

    errors = when_modal(sign_in, StaffPickerDialog)
    assert lock.check(now=lock._last_input + 6 * 60)
    assert not errors
    assert context.staff.id == owner.id
    assert palette.isVisible()


def test_typing_in_any_window_counts_as_activity(qtbot, context, owner):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QDialog
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dialog = QDialog(window)  # e.g. a long case form typed into for minutes
    QLineEdit(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is dialog.windowHandle())
    for target in (dialog.windowHandle(), window.windowHandle()):
        window.idle_lock._last_input = 0.0
        QTest.keyClick(target, Qt.Key.Key_A)
        assert window.idle_lock._last_input > 0.0
    dialog.close()


def test_audit_dialog_filters_and_exports(qtbot, context, owner, tmp_path, monkeypatch):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog
    from desktop.settings.audit_dialog import AuditDialog
    helper = staff_rules.add("阿强")
    customers.create(CustomerData(name="=HYPERLINK(\"x\")"), owner)
    context.set_staff(helper)
    customers.create(CustomerData(name="李四"), helper)
    dialog = AuditDialog()
    qtbot.addWidget(dialog)
    dialog.staff.setCurrentIndex(dialog.staff.findData(helper.id))
    assert dialog.table.rowCount() >= 1
    assert all(dialog.table.item(r, 1).text() == "阿强" for r in range(dialog.table.rowCount()))
    dialog.staff.setCurrentIndex(0)
    dialog.text.setText("HYPERLINK")
    assert dialog.table.rowCount() == 1
    target = tmp_path / "log.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.export_button.click()
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0][1] == "客服" and len(rows) == 2
    assert rows[1][5].startswith("{") and "HYPERLINK" in rows[1][5]  # text, not a formula
    assert AuditLog.select().where(AuditLog.action == "export").count() == 1
