"""Issue 13 in the real widgets: the log's integrity shown, the PIN wait, what staff may do
as the owner's settings say, and prompts that name the action truly."""
from __future__ import annotations

import openpyxl
from PySide6.QtWidgets import QFileDialog, QMessageBox

from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import AuditLog, database as proxy
from db.storage import dialect, settings
from db.trust import security, staff as staff_rules
from desktop.main_window import MainWindow
from desktop.security import SecretDialog
from desktop.settings.audit_dialog import AuditDialog
from desktop.staff_picker import StaffPickerDialog
from tests.desktop.helpers import when_modal

PASSWORD = "kaidian2026"


def test_the_activity_log_says_whole_or_where_it_breaks(qtbot, context, owner):
    for name in ("王伟", "李娜", "赵六"):
        customers.create(CustomerData(name=name), owner)
    dialog = AuditDialog()
    qtbot.addWidget(dialog)
    assert "日志完整" in dialog.integrity.text() and dialog.integrity_error.isHidden()

    victim = AuditLog.select().order_by(AuditLog.seq).offset(1).get()
    proxy.execute_sql(dialect.sql("DELETE FROM audit_log WHERE id = ?"), (victim.id,))
    again = AuditDialog()
    qtbot.addWidget(again)
    assert again.integrity.isHidden()
    assert "操作日志在此处断开" in again.integrity_error.text()
    assert "删除" in again.integrity_error.text()


def test_the_start_up_check_warns_and_marks_the_status_bar(qtbot, context, owner, monkeypatch):
    customers.create(CustomerData(name="王伟"), owner)
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert window.check_log_chain()
    proxy.execute_sql(dialect.sql("UPDATE audit_log SET staff_name = ? WHERE seq = 1"), ("阿强",))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    assert not window.check_log_chain()
    assert "修改" in shown[0] and "恢复之前的备份" in shown[0]
    window.start_log_check()  # as at start-up: on its own thread and connection
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=10000)
    window._chain_check.wait()
    assert shown[1] == shown[0]


def test_five_wrong_pins_make_the_picker_wait(qtbot, owner):
    helper = staff_rules.add("阿强")
    security.set_pin(helper.id, "246813")
    picker = StaffPickerDialog(helper.id)
    qtbot.addWidget(picker)
    for _ in range(security.FREE_TRIES):
        picker.secret.setText("000000")
        picker.accept()
        assert "PIN 码不正确" in picker.error.text()
    picker.secret.setText("246813")
    picker.accept()
    assert picker.chosen is None and "30 秒后再试" in picker.error.text()


def test_staff_exporting_the_current_list_is_asked_for_exactly_that(
        qtbot, context, owner, tmp_path, monkeypatch):
    for name in ("王伟", "李娜"):
        customers.create(CustomerData(name=name), owner)
    security.set_owner_password(PASSWORD, None, owner)
    context.set_staff(staff_rules.add("阿强"))
    window = MainWindow(context)
    qtbot.addWidget(window)
    target = tmp_path / "当前列表.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "Excel (*.xlsx)"))
    prompts = []

    def cancel(dialog: SecretDialog):
        prompts.append(dialog.prompt.text())
        dialog.reject()

    errors = when_modal(cancel, SecretDialog)
    window.excel.export_current_list()
    assert not errors and "导出当前列表（2 位客户）" in prompts[0] and "全部" not in prompts[0]
    errors = when_modal(cancel, SecretDialog)
    window.excel.export_customers()
    assert not errors and "导出全部客户" in prompts[1]
    assert not target.exists()

    settings.put("staff_may_export_list", True)  # the owner allows it in 设置 → 安全
    window.excel.export_current_list()  # no dialog now: one would block the test
    qtbot.waitUntil(target.exists, timeout=10000)
    qtbot.waitUntil(lambda: openpyxl.load_workbook(target)["客户"].max_row == 3, timeout=10000)


def test_the_security_box_sets_what_staff_may_do_and_names_short_pins(qtbot, context, owner):
    from tests.core.test_security import store_old_style
    helper = staff_rules.add("阿强")
    store_old_style(f"pin:{helper.id}", "2468")
    window = MainWindow(context)
    qtbot.addWidget(window)
    box = window.settings_page.security_box
    assert not box.staff_export_list.isChecked() and not box.staff_update_import.isChecked()
    assert not box.pin_notice.isHidden() and "阿强" in box.pin_notice.text()
    box.staff_update_import.setChecked(True)
    assert settings.get("staff_may_update_on_import") is True
    assert not security.needs_owner("import_updates")


def test_staff_importing_updates_asks_the_owner_for_exactly_that(qtbot, context, owner, tmp_path):
    from desktop.excel.import_wizard import PREVIEW, RUN, ImportWizard
    from tests.fixtures import messy
    from db.models import Customer
    wang = customers.create(CustomerData(name="王伟", phone="13812345678"), owner)
    security.set_owner_password(PASSWORD, None, owner)
    context.set_staff(staff_rules.add("阿强"))
    path = messy.xlsx(tmp_path / "名单.xlsx", [["姓名", "手机", "地址"],
                                              ["王伟", "13812345678", "杭州市"],
                                              ["赵六", "13700001111", ""]])
    wizard = ImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.open_file(path)
    wizard.next_button.click()
    wizard.next_button.click()
    assert wizard.stack.currentIndex() == PREVIEW
    prompts = []

    def cancel(dialog: SecretDialog):
        prompts.append(dialog.prompt.text())
        dialog.reject()

    errors = when_modal(cancel, SecretDialog)
    wizard.next_button.click()
    assert not errors and "导入时更新 1 条已有记录" in prompts[0]
    assert wizard.stack.currentIndex() == PREVIEW  # nothing started
    assert Customer.select().count() == 1

    def owner_types(dialog: SecretDialog):
        dialog.secret.setText(PASSWORD)
        dialog.accept()

    errors = when_modal(owner_types, SecretDialog)
    wizard.next_button.click()
    assert not errors and wizard.stack.currentIndex() == RUN
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert Customer.get_by_id(wang.id).address == "杭州市" and Customer.select().count() == 2
