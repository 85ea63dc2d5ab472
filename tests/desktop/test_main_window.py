"""Main window, settings page, staff picker and the single-instance guard."""
from __future__ import annotations

import sys

from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QInputDialog

from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import Customer, Staff
from db.storage import backups, paths, settings
from db.trust import staff as staff_rules
from desktop.customers.table_model import CustomerTableModel
from desktop.main_window import MainWindow, first_geometry
from desktop.single_instance import SingleInstance
from desktop.staff_picker import StaffPickerDialog


def test_navigation_shortcuts_title_and_status(qtbot, context, owner):
    customers.create(CustomerData(name="张三"), owner)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts only fire in the active window
    # Qt adds "— 客服台" itself on Windows and X11; macOS shows the title as it is.
    named = "客服台 — 店主小美" if sys.platform == "darwin" else "店主小美"
    assert window.windowTitle() == named
    assert [window.navigation.item(i).text() for i in range(window.navigation.count())] == \
        ["客户", "快捷短语", "售后工单", "报表", "设置"]
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "settings"
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "customers"
    assert window.customers_page.search.hasFocus()
    assert "1" in window.count_label.text()
    other = staff_rules.add("阿强")
    context.set_staff(other)
    assert window.windowTitle() == named.replace("店主小美", "阿强")
    assert "阿强" in window.staff_label.text()


def test_window_titles_name_the_program_once_on_every_system():
    from desktop.window_title import window_title
    assert window_title("客服台", "阿强", platform="win32") == "阿强"  # Qt adds " — 客服台"
    assert window_title("客服台", "阿强", "本机数据", platform="linux") == "阿强 — 本机数据"
    assert window_title("客服台", "阿强", platform="darwin") == "客服台 — 阿强"
    assert window_title("客服台", "", platform="win32") == "客服台"  # Qt leaves it alone


def test_first_window_fits_the_screens_free_area(qtbot, context):
    # 1920x1080 at 150 %: 1280x720 logical, 40 px of taskbar at the bottom
    assert first_geometry(QRect(0, 0, 1280, 680)) == QRect(64, 34, 1152, 612)
    # a large screen gets the preferred size, centred on that (second) screen's free area
    assert first_geometry(QRect(1920, 25, 2560, 1415)) == QRect(2580, 353, 1240, 760)
    window = MainWindow(context)  # no stored layout: the offscreen screen is 800x600
    qtbot.addWidget(window)
    window.show()
    free = window.screen().availableGeometry()
    assert free.contains(window.geometry())
    assert window.width() <= free.width() * 0.9 and window.height() <= free.height() * 0.9


def test_window_geometry_and_columns_are_remembered(qtbot, context):
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.resize(1010, 640)
    window.customers_page.table.setColumnWidth(0, 222)
    window.close()
    again = MainWindow(context)
    qtbot.addWidget(again)
    again.show()
    # the offscreen screen is 800x600, so Qt clamps the restored size; the stored one is ours
    stored = QSettings(str(context.data_dir / "ui.ini"), QSettings.Format.IniFormat)
    assert stored.value("main/geometry") is not None
    assert again.restoreGeometry(stored.value("main/geometry"))
    assert again.customers_page.table.columnWidth(0) == 222
    assert (context.data_dir / "ui.ini").exists()


def test_settings_page_saves_values_and_edits_staff(qtbot, context, monkeypatch):
    window = MainWindow(context)
    qtbot.addWidget(window)
    page = window.settings_page
    page.shop_name.setText("小美的店")
    page.shop_name.editingFinished.emit()
    assert settings.get("shop_name") == "小美的店"
    page.visit_days.setValue(14)
    assert settings.get("return_visit_days") == 14
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("阿强", True))
    page.staff_list.add_button.click()
    assert Staff.get(Staff.name == "阿强").role == "staff"
    assert window.customers_page.staff_filter.findText("阿强") >= 0  # filters follow the list
    page.staff_list.list.setCurrentRow(1)
    page.staff_list.remove_button.click()
    assert Staff.get(Staff.name == "阿强").active is False
    window.backup_now()
    assert [b.reason for b in backups.list_backups(paths.backup_dir(context.data_dir))] == ["manual"]


def test_staff_picker_first_run_creates_the_owner(qtbot, database):
    dialog = StaffPickerDialog()
    qtbot.addWidget(dialog)
    dialog.accept()  # no name yet: stays open with a message
    assert dialog.chosen is None and dialog.error.text()
    dialog.name.setText("老板娘")
    dialog.shop.setText("小美家居旗舰店")
    dialog.accept()
    assert dialog.chosen.name == "老板娘" and dialog.chosen.role == "owner"
    assert settings.get("shop_name") == "小美家居旗舰店"  # fills {店铺名}, signs letters


def test_staff_picker_preselects_last_staff(qtbot, owner):
    second = staff_rules.add("阿强")
    dialog = StaffPickerDialog(preselect_id=second.id)
    qtbot.addWidget(dialog)
    assert dialog.combo.currentText() == "阿强"
    dialog.accept()
    assert dialog.chosen.id == second.id


def test_second_instance_is_refused_and_activates_the_first(qtbot, data_dir):
    first = SingleInstance(data_dir)
    assert first.acquire()
    second = SingleInstance(data_dir)
    assert not second.acquire()
    with qtbot.waitSignal(first.activation_requested, timeout=3000):
        assert second.ask_running_to_activate()
    first.release()
    third = SingleInstance(data_dir)
    assert third.acquire()
    third.release()


def test_table_model_fetches_only_visible_pages(qtbot, database, owner):
    with database.atomic():
        for n in range(CustomerTableModel.PAGE * 3):
            Customer.create(name=f"客户{n:04d}", search_text=f"客户{n:04d}", name_key=f"k{n:04d}")
    model = CustomerTableModel()
    model.refresh()
    assert model.rowCount() == CustomerTableModel.PAGE * 3
    assert model.index(CustomerTableModel.PAGE * 3 - 1, 0).data()
    assert len(model._rows) == CustomerTableModel.PAGE  # one page fetched, not all rows
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 0).data() == "客户0000"
    assert model.index(CustomerTableModel.PAGE * 3 - 1, 0).data() == f"客户{CustomerTableModel.PAGE * 3 - 1:04d}"


def test_menu_roles_are_explicit_and_key_hints_follow_the_system(qtbot, context):
    """macOS moves menu entries by their text unless each says its role; hints are written
    from the key sequences (⇧⌘N on a Mac), never typed into the text."""
    import re
    from pathlib import Path

    from PySide6.QtGui import QAction

    from desktop import shortcuts
    window = MainWindow(context)
    qtbot.addWidget(window)
    roles = {a.text(): a.menuRole() for a in window.menu_actions()}
    special = {t: r for t, r in roles.items() if r != QAction.MenuRole.NoRole}
    assert special == {"设置": QAction.MenuRole.PreferencesRole,
                       "关于客服台": QAction.MenuRole.AboutRole, "退出": QAction.MenuRole.QuitRole}
    assert len(roles) > 30  # every entry of every menu was seen
    palette = next(a for a in window.menu_actions() if a.text() == "快捷短语面板")
    assert palette.shortcuts() == shortcuts.palette_keys()
    assert shortcuts.palette_keys("darwin")[0].toString() == "Ctrl+Shift+P"  # ⇧⌘P, no Fn key
    assert "F2" in [k.toString() for k in shortcuts.palette_keys("darwin")]
    assert shortcuts.palette_keys("win32")[0].toString() == "F2"
    assert shortcuts.hint(shortcuts.NEW_CASE) == shortcuts.QKeySequence(shortcuts.NEW_CASE) \
        .toString(shortcuts.QKeySequence.SequenceFormat.NativeText)
    assert shortcuts.hint(shortcuts.NEW_CASE) in window.cases_page.detail.empty.hint.text()
    # No key typed into UI text: a Mac would show "Ctrl" where the key is ⌘.
    typed = [f"{path.name}: {m.group(0)}" for path in Path("desktop").rglob("*.py")
             for m in re.finditer(r'tr\("[^"]*(Ctrl|Cmd)\+[^"]*"', path.read_text("utf-8"))]
    assert typed == []


def test_default_size_shows_the_next_visit_column_and_no_second_settings_button(qtbot, context):
    customers.create(CustomerData(name="王女士"), context.staff)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.show_page("customers")
    table = window.customers_page.table
    qtbot.waitUntil(lambda: table.viewport().width() > 0)
    column = CustomerTableModel.COLUMNS.index("next_visit")
    assert table.columnViewportPosition(column) + table.columnWidth(column) <= table.viewport().width()
    from PySide6.QtWidgets import QAbstractButton
    buttons = [b.text() for page in (window.cases_page, window.customers_page)
               for b in page.findChildren(QAbstractButton) if b.isVisibleTo(page)]
    assert not [t for t in buttons if t.replace(" ▾", "") == "设置"]  # only the sidebar's
    assert "更多 ▾" in [b.text() for b in window.customers_page.findChildren(QAbstractButton)]


def test_refresh_shows_what_another_computer_added(qtbot, context, owner, other_computer):
    """视图 → 刷新 (F5): on a shared database the lists read again and show the others' work."""
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    page = window.customers_page
    assert page.model.rowCount() == 0
    with other_computer(owner):
        customers.create(CustomerData(name="另一台电脑的客户"), owner)
    window.refresh_action.trigger()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.listed_ids() == [Customer.get(Customer.name == "另一台电脑的客户").id]
    assert "1" in window.count_label.text()
