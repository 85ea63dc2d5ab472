"""A new computer's first start: 加入店铺的团队服务器 instead of creating a shop. It signs in
as one of the server's staff (PIN and all), invents no owner, and its edits carry that name.
Real dialogs, a real PostgreSQL server (the session's)."""
from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QDialogButtonBox

from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import AuditLog, Customer, Staff, database as proxy
from db.storage import dialect, join_code, paths, server
from db.trust import audit, security
from desktop.app import sign_in
from desktop.join_dialog import JoinDialog
from desktop.staff_picker import StaffPickerDialog
from tests.desktop.helpers import when_modal


def a_shop_on_the_server(cluster) -> tuple[server.ServerConfig, int]:
    """The first computer's work: a server holding the shop, its owner and 小王 (with a PIN)."""
    config = cluster.new_database(template=cluster.template)
    first = server.connect(config)
    try:
        proxy.initialize(first)
        Staff.create(name="店主小美", role="owner")
        wang = Staff.create(name="小王", role="staff")
        security.set_pin(wang.id, "246813")
        return config, wang.id
    finally:
        proxy.initialize(None)
        first.close()


def _sign_in_as(staff_id: int, seen: dict):
    """The staff picker's answer: that staff member with the PIN, what it listed noted."""
    def choose(picker: StaffPickerDialog) -> None:
        seen["listed"] = [picker.combo.itemText(i) for i in range(picker.combo.count())]
        picker.combo.setCurrentIndex(picker.combo.findData(staff_id))
        picker.secret.setText("246813")
        picker.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    return choose


def test_a_new_computer_joins_the_shop_and_signs_in_as_the_servers_staff(
        qtbot, data_dir, database, postgres_cluster):
    config, wang_id = a_shop_on_the_server(postgres_cluster)
    proxy.initialize(database)  # this computer's first start: an empty local database
    errors: list = []
    seen: dict = {}

    choose_wang = _sign_in_as(wang_id, seen)

    def join(dialog: JoinDialog) -> None:
        assert not dialog.manual_box.isVisible()  # the code leads; the form is folded away
        dialog.manual_toggle.click()
        dialog.host.setText(config.host)
        dialog.port.setValue(config.port)
        dialog.user.setText(config.user)
        dialog.database.setText("kefudesk_nowhere")  # a typo first: said plainly, stays open
        dialog.join_button.click()
        seen["typo"] = dialog.error.text()
        assert dialog.isVisible()
        dialog.database.setText(config.database)
        errors.extend(when_modal(choose_wang, StaffPickerDialog))
        dialog.join_button.click()

    def first_start(picker: StaffPickerDialog) -> None:
        assert picker.combo.count() == 0 and picker.join_button.isVisible()  # no staff yet
        errors.extend(when_modal(join, JoinDialog))
        picker.join_button.click()

    errors.extend(when_modal(first_start, StaffPickerDialog))
    signed_in = sign_in(data_dir, database, None)
    assert not errors, errors
    assert signed_in is not None
    joined, picker = signed_in
    try:
        assert "没有名为 kefudesk_nowhere 的数据库" in seen["typo"]
        assert seen["listed"] == ["店主小美", "小王"]
        assert dialect.is_postgres(joined) and server.load(data_dir) == config
        assert (picker.chosen.id, picker.chosen.name) == (wang_id, "小王")
        # Edits from this computer carry the chosen staff member, on the server.
        audit.act_as(picker.chosen, "screen")
        made = customers.create(CustomerData(name="加入后的客户"), picker.chosen)
        entry = AuditLog.get((AuditLog.entity == "customer") & (AuditLog.entity_id == made.id))
        assert entry.staff_id == wang_id
        assert Customer.get_by_id(made.id).name == "加入后的客户"
    finally:
        joined.close()
    # No owner was invented on this computer: its local database has no staff at all.
    local = sqlite3.connect(paths.database_file(data_dir))
    try:
        assert local.execute("SELECT COUNT(*) FROM staff").fetchone()[0] == 0
    finally:
        local.close()


def test_a_new_computer_joins_by_the_code_the_owner_reads_out(
        qtbot, data_dir, database, postgres_cluster, monkeypatch):
    """The join code leads: typed once, the server is found on the network (here loopback),
    joined, and the picker lists the server's staff. A wrong code says how many tries are left."""
    config, wang_id = a_shop_on_the_server(postgres_cluster)
    settings = {"port": config.port, "database": config.database, "user": config.user,
                "password": "any"}  # the test cluster trusts loopback
    service = join_code.JoinService("7K3QX9M2PD", lambda: settings, port=0)
    service.start()
    monkeypatch.setattr(join_code, "JOIN_PORT", service.port)
    monkeypatch.setattr(join_code, "discover", lambda port: ["127.0.0.1"])  # no LAN in tests
    proxy.initialize(database)
    errors: list = []
    seen: dict = {}

    choose_wang = _sign_in_as(wang_id, seen)

    def join(dialog: JoinDialog) -> None:
        seen["manual shown"] = dialog.manual_box.isVisible()
        dialog.join_button.click()  # nothing typed
        seen["empty"] = dialog.error.text()
        dialog.code.setText("7k3qx-9m2pe")  # one letter wrong
        dialog.join_button.click()
        seen["wrong"] = dialog.error.text()
        assert dialog.isVisible() and dialog.join_button.isEnabled()
        dialog.code.setText("7k3qx 9m2pd")
        errors.extend(when_modal(choose_wang, StaffPickerDialog, tries=1000))
        dialog.join_button.click()

    def first_start(picker: StaffPickerDialog) -> None:
        errors.extend(when_modal(join, JoinDialog))
        picker.join_button.click()

    errors.extend(when_modal(first_start, StaffPickerDialog))
    try:
        signed_in = sign_in(data_dir, database, None)
    finally:
        service.stop()
    assert not errors, errors
    assert signed_in is not None
    joined, picker = signed_in
    try:
        assert seen["manual shown"] is False
        assert seen["empty"] == "请输入加入码。"
        assert "加入码不对（还可以再试 4 次）" in seen["wrong"]
        assert seen["listed"] == ["店主小美", "小王"]
        assert (picker.chosen.id, picker.chosen.name) == (wang_id, "小王")
        saved = server.load(data_dir)
        assert (saved.host, saved.port, saved.database) == ("127.0.0.1", config.port,
                                                            config.database)
        assert dialect.is_postgres(joined) and service.joined == 1
    finally:
        joined.close()
    local = sqlite3.connect(paths.database_file(data_dir))
    try:
        assert local.execute("SELECT COUNT(*) FROM staff").fetchone()[0] == 0
    finally:
        local.close()
