"""设置 → 团队服务器 against a real PostgreSQL server (tools/postgres_server.py)."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import AuditLog, Customer, database as proxy
from db.storage import server, store
from desktop.settings.server_dialog import ServerDialog
from tests.desktop.helpers import click_box_button, click_standard, when_modal


def fill(dialog: ServerDialog, config: server.ServerConfig) -> None:
    dialog.host.setText(config.host)
    dialog.port.setValue(config.port)
    dialog.database.setText(config.database)
    dialog.user.setText(config.user)
    dialog.password.setText(config.password)


def answer_then_acknowledge(button) -> list:
    errors: list = []

    def yes(box):
        errors.extend(when_modal(click_standard(QMessageBox.StandardButton.Ok), QMessageBox))  # the "restarts" note
        click_standard(button)(box)
    errors.extend(when_modal(yes, QMessageBox))
    return errors


def test_first_computer_copies_its_data_to_an_empty_server(qtbot, context, owner, data_dir,
                                                           postgres_cluster):
    for name, phone in [("张三", "13800138000"), ("李四", "13800138001")]:
        customers.create(CustomerData(name=name, phone=phone), owner)
    config = postgres_cluster.new_database()  # empty, as a new server's database is
    dialog = ServerDialog(context)
    qtbot.addWidget(dialog)
    assert "本机数据库" in dialog.state.text()
    fill(dialog, config)
    dialog.test_button.click()
    assert "连接成功" in dialog.result.text() and "还是空的" in dialog.result.text()

    errors = answer_then_acknowledge(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(context.restart_requested, timeout=20000):
        dialog.copy_button.click()
    assert not errors
    assert server.load(data_dir) == config  # from the next start on
    proxy.obj.close()
    shared = store.open_database(data_dir)
    try:
        assert sorted(c.name for c in Customer.select()) == ["张三", "李四"]
        assert AuditLog.select().where(AuditLog.action == "copy_to_server").count() == 1
        # The server numbers new rows after the copied ones.
        third = customers.create(CustomerData(name="王五"), owner)
        assert third.id > max(c.id for c in Customer.select().where(Customer.name != "王五"))
    finally:
        shared.close()


def test_a_server_holding_data_is_never_overwritten(qtbot, context, owner, postgres_cluster):
    customers.create(CustomerData(name="本机客户"), owner)
    config = postgres_cluster.new_database(template=postgres_cluster.template)
    other = server.connect(config)
    other.execute_sql("INSERT INTO staff (name, role, active, created_at) "
                      "VALUES ('别的店', 'owner', true, now())")
    other.close()
    dialog = ServerDialog(context)
    qtbot.addWidget(dialog)
    fill(dialog, config)
    errors = when_modal(click_standard(QMessageBox.StandardButton.Yes), QMessageBox)
    dialog.copy_button.click()
    assert not errors
    assert "已经有" in dialog.error.text() and not dialog.error.isHidden()
    assert server.load(context.data_dir) is None
    check = server.connect(config)
    try:
        assert check.execute_sql("SELECT COUNT(*) FROM customer").fetchone()[0] == 0
    finally:
        check.close()


def test_an_unreachable_server_is_explained(qtbot, context, postgres_cluster):
    dialog = ServerDialog(context)
    qtbot.addWidget(dialog)
    fill(dialog, postgres_cluster.config("kefudesk_nowhere"))
    dialog.port.setValue(1)  # nothing listens there
    dialog.test_button.click()
    assert "没有在接受连接" in dialog.error.text()
    dialog.port.setValue(postgres_cluster.port)
    dialog.test_button.click()
    assert "没有名为 kefudesk_nowhere 的数据库" in dialog.error.text()
    dialog.host.clear()
    dialog.test_button.click()
    assert "请填写" in dialog.error.text() and "服务器地址" in dialog.error.text()


def test_other_computers_join_and_can_go_back_to_local(qtbot, context, data_dir,
                                                       postgres_cluster):
    config = postgres_cluster.new_database(template=postgres_cluster.template)
    dialog = ServerDialog(context)
    qtbot.addWidget(dialog)
    fill(dialog, config)
    # "The server is still empty: use it anyway?"
    errors = answer_then_acknowledge(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(context.restart_requested, timeout=10000):
        dialog.use_button.click()
    assert not errors and server.load(data_dir) == config

    again = ServerDialog(context)
    qtbot.addWidget(again)
    assert config.describe() in again.state.text() and again.local_button.isVisibleTo(again)
    errors = answer_then_acknowledge(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(context.restart_requested, timeout=10000):
        again.local_button.click()
    assert not errors and server.load(data_dir) is None
    # The server's settings are kept (password included): reconnecting is one click.
    assert server.remembered(data_dir) == config

    local = ServerDialog(context)
    qtbot.addWidget(local)
    assert "本机数据库" in local.state.text() and "不是店里现在的数据" in local.state.text()
    assert local.reconnect_button.isVisibleTo(local) and local.host.text() == config.host
    errors = when_modal(click_standard(QMessageBox.StandardButton.Ok), QMessageBox)
    with qtbot.waitSignal(context.restart_requested, timeout=10000):
        local.reconnect_button.click()
    assert not errors and server.load(data_dir) == config


def test_the_window_says_when_it_works_on_local_data_instead_of_the_server(
        qtbot, context, data_dir):
    from desktop.main_window import MainWindow
    kept = server.ServerConfig(host="192.168.1.20", database="kefudesk", user="shop",
                               password="secret")
    server.save(data_dir, kept, active=False)
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert "本机数据" in window.windowTitle()
    assert "不是团队服务器上店里的最新数据" in window.local_label.text()
    assert "不是店里现在的数据" in window.local_label.toolTip()


def test_a_long_setup_error_wraps_and_never_squashes_the_form(qtbot, context, postgres_cluster):
    dialog = ServerDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, postgres_cluster.config("kefudesk_nowhere"))
    dialog.host.setText("no-such-shop-server-with-a-rather-long-name.invalid")
    dialog.test_button.click()
    assert dialog.error.text().startswith("找不到名为 no-such-shop-server")
    qtbot.wait(50)
    for field in (dialog.host, dialog.port, dialog.database, dialog.user, dialog.password):
        assert field.height() >= field.minimumSizeHint().height(), field
    assert dialog.port.width() >= dialog.port.minimumSizeHint().width()
    assert dialog.error.geometry().right() <= dialog.width()
    assert dialog.error.height() >= dialog.error.heightForWidth(dialog.error.width()) - 1


def test_a_server_down_at_start_offers_retry_local_or_quit(qtbot, qapp, data_dir):
    from desktop.app import open_or_recover
    down = server.ServerConfig(host="127.0.0.1", port=1, database="kefudesk", user="kefudesk")
    server.save(data_dir, down)
    errors = when_modal(click_box_button("退出"), QMessageBox)
    assert open_or_recover(data_dir) is None and not errors
    assert server.load(data_dir) == down  # quitting changes nothing

    def go_local(box):
        errors.extend(when_modal(click_standard(QMessageBox.StandardButton.Yes),
                                 QMessageBox))  # "are you sure?"
        click_box_button("改用本机数据库")(box)
    errors.extend(when_modal(go_local, QMessageBox))
    database = open_or_recover(data_dir)
    try:
        assert not errors and server.load(data_dir) is None
        assert database.database.endswith("kefudesk.sqlite3")
    finally:
        database.close()
