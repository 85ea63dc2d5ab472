"""The window when the team server goes away: a real PostgreSQL server (the session's) is
stopped under a real MainWindow and started again."""
from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from db.models import Customer, database as proxy
from db.storage import server, store
from db.trust import staff as staff_rules
from desktop import errors as reporting
from desktop.context import AppContext
from desktop.customers.form_dialog import CustomerFormDialog
from desktop.main_window import MainWindow


def boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()]


@pytest.fixture
def on_server(qapp, tmp_path, postgres_cluster):
    config = postgres_cluster.new_database(template=postgres_cluster.template)
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    server.save(data_dir, config)
    database = store.open_database(data_dir)
    owner = staff_rules.add("店主小美", role="owner")
    yield AppContext(data_dir, owner), postgres_cluster
    database.close()
    postgres_cluster.drop_database(config.database)


@pytest.mark.qt_no_exception_capture  # the app's own hook, as in the real app
def test_an_outage_waits_in_the_status_bar_says_one_box_and_comes_back(qtbot, on_server,
                                                                        monkeypatch):
    monkeypatch.setattr(sys, "excepthook", reporting._show)  # what errors.install() does
    context, cluster = on_server
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    reporter = reporting.reporter()
    reporter.RETRY_MS = 200
    assert window.outage_label.isHidden()
    form = CustomerFormDialog(context, parent=window)  # being filled in when the server goes
    qtbot.addWidget(form)
    form.show()
    cluster.halt()
    try:
        # Idle: the pages refresh (another computer's change, the cases' minute tick) and
        # someone types a search. Nothing was being saved: no box, the status bar says it.
        context.customers_changed.emit()
        window.cases_page._tick()
        window.customers_page.search.setText("张")
        assert window.outage_label.isVisible() and "正在等待服务器恢复" in window.outage_label.text()
        assert boxes() == []
        # Known to be away: no more connection attempts from the window (a server that does
        # not answer would cost seconds per click); the background check tries instead.
        assert proxy.obj.offline
        new = next(a for a in window.menu_actions() if a.text() == "新建客户")
        new.trigger()  # needs the server: the app's hook says it in the status bar
        assert boxes() == [] and "没有完成" in window.statusBar().currentMessage()
        # A save fails: one box says the change was not saved; the form keeps the edits.
        form.name.setText("断线时的客户")
        form.accept()
        assert len(boxes()) == 1 and "刚才的修改没有保存" in boxes()[0].text()
        assert "Error" not in boxes()[0].text() and "connection" not in boxes()[0].text()
        form.accept()  # again, and a refresh: collected, never a second box
        context.cases_changed.emit()
        assert len(boxes()) == 1
        boxes()[0].button(QMessageBox.StandardButton.Ok).click()
        assert boxes() == [] and form.isVisible() and form.name.text() == "断线时的客户"
    finally:
        cluster.resume()
    # Back: the status bar says so and the same form saves.
    qtbot.waitUntil(lambda: window.outage_label.isHidden(), timeout=15000)
    assert "服务器已恢复" in window.statusBar().currentMessage() and not proxy.obj.offline
    form.accept()
    assert [c.name for c in Customer.select()] == ["断线时的客户"]
