"""设置 → 团队服务器: joining the shop's server by its code, and starting one on this computer,
with real sockets, a real PostgreSQL and the real dialog."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import Customer, database as proxy
from db.storage import join_code, managed_server, server, store
from desktop.settings.server_dialog import ServerDialog
from desktop.settings.team_server_host import TeamServerHost
from tests.desktop.helpers import click_standard, when_modal
from tests.desktop.test_server_dialog import answer_then_acknowledge


@pytest.fixture
def shop_server(postgres_cluster, monkeypatch):
    """The shop's team server answering join codes on a free port of this computer."""
    config = postgres_cluster.new_database(template=postgres_cluster.template)
    settings = {"port": config.port, "database": config.database, "user": config.user,
                "password": "any"}  # the test cluster trusts loopback
    service = join_code.JoinService("7K3QX9M2PD", lambda: settings, port=0)
    service.start()
    monkeypatch.setattr(join_code, "JOIN_PORT", service.port)
    yield config
    service.stop()


def test_another_computer_joins_by_typing_the_code(qtbot, context, data_dir, shop_server):
    dialog = ServerDialog(context)
    qtbot.addWidget(dialog)
    box = dialog.team_box
    box.code_edit.setText("7k3qx-9m2pe@127.0.0.1")  # one letter wrong
    box.join_button.click()
    assert "加入码不对（还可以再试 4 次）" in box.error.text() and box.error.isVisibleTo(dialog)
    assert server.load(data_dir) is None

    box.code_edit.setText("7k3qx 9m2pd@127.0.0.1")
    errors = answer_then_acknowledge(QMessageBox.StandardButton.Yes)  # "the server is empty"
    with qtbot.waitSignal(context.restart_requested, timeout=20000):
        box.join_button.click()
    assert not errors
    joined = server.load(data_dir)
    assert (joined.host, joined.port, joined.database, joined.user) == \
        ("127.0.0.1", shop_server.port, shop_server.database, shop_server.user)


def test_a_code_without_a_server_on_the_network_is_explained(qtbot, context, monkeypatch):
    monkeypatch.setattr(join_code, "discover", lambda port: [])
    dialog = ServerDialog(context)
    qtbot.addWidget(dialog)
    dialog.team_box.code_edit.setText("7K3QX9M2PD")
    dialog.team_box.join_button.click()
    assert "没有找到开着团队服务器的电脑" in dialog.team_box.error.text()


@pytest.mark.slow
def test_the_shops_computer_starts_the_server_with_one_button(qtbot, context, owner, data_dir,
                                                              monkeypatch):
    if managed_server.find_binaries() is None:
        pytest.skip("no PostgreSQL binaries on this computer")
    monkeypatch.setattr(managed_server, "lan_addresses", lambda: [])  # loopback only in tests
    customers.create(CustomerData(name="张三", phone="13800138000"), owner)
    dialog = ServerDialog(context)
    qtbot.addWidget(dialog)
    notes: list[str] = []

    def yes_then_note(box):
        def note(info):
            notes.append(info.text())
            click_standard(QMessageBox.StandardButton.Ok)(info)
        when_modal(note, QMessageBox, tries=3000)  # after initdb and the copy
        click_standard(QMessageBox.StandardButton.Yes)(box)
    when_modal(yes_then_note, QMessageBox)
    try:
        with qtbot.waitSignal(context.restart_requested, timeout=60000):
            dialog.team_box.start_button.click()
            assert not dialog.team_box.error.text()
        code = managed_server.join_code(data_dir)
        assert notes and join_code.shown(code) in notes[0] and "重新启动" in notes[0]
        config = server.load(data_dir)
        assert (config.host, config.user) == ("127.0.0.1", managed_server.TEAM_USER)
        proxy.obj.close()
        shared = store.open_database(data_dir)  # as the restarted app does
        try:
            assert [c.name for c in Customer.select()] == ["张三"]
        finally:
            shared.close()

        again = ServerDialog(context)  # now it shows the code to the other computers
        qtbot.addWidget(again)
        assert again.team_box.code.text() == join_code.shown(code)
        asked: list[str] = []

        def say_no(box):
            asked.append(box.text())
            click_standard(QMessageBox.StandardButton.No)(box)
        errors = when_modal(say_no, QMessageBox)
        again.local_button.click()  # on the server computer: the others would lose the shop
        assert not errors and "其他电脑连不上" in asked[0] and server.load(data_dir) == config
        again.team_box.renew_button.click()
        assert again.team_box.code.text() != join_code.shown(code)
        assert again.team_box.code.text() == join_code.shown(managed_server.join_code(data_dir))

        host = TeamServerHost(data_dir, port=0)  # what the window runs while it is open
        host.begin()
        got = join_code.join(again.team_box.code.text(), port=host.service.port,
                             hosts=["127.0.0.1"])
        assert (got.port, got.password) == (config.port, config.password)
        host.end()  # the window closed: the server stops with it
        assert host.service is None and not managed_server.running(data_dir)

        # 改回本机数据库, then back: reconnecting starts this computer's server again.
        errors = answer_then_acknowledge(QMessageBox.StandardButton.Yes)
        with qtbot.waitSignal(context.restart_requested, timeout=10000):
            again.local_button.click()
        assert not errors and server.load(data_dir) is None
        local = ServerDialog(context)
        qtbot.addWidget(local)
        assert local.reconnect_button.isVisibleTo(local)
        errors = when_modal(click_standard(QMessageBox.StandardButton.Ok), QMessageBox, tries=3000)
        with qtbot.waitSignal(context.restart_requested, timeout=30000):
            local.reconnect_button.click()
        assert not errors and not local.error.text(), local.error.text()
        assert server.load(data_dir) == config and managed_server.running(data_dir)
    finally:
        managed_server.stop(data_dir)
