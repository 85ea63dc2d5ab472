"""The 客户 page through its real widgets, read back from the real database."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import ContactLog, Customer
from desktop.customers.contact_dialog import ContactDialog
from desktop.customers.form_dialog import CustomerFormDialog
from desktop.customers.merge_dialog import MergeDialog
from desktop.customers.page import CustomersPage
from desktop.customers.table_model import ROW_ROLE
from desktop.customers.trash_dialog import TrashDialog
from tests.desktop.helpers import click_box_button, when_modal


@pytest.fixture
def page(qtbot, context, owner):
    for name, phone, tags in [("张三", "13800138000", ["回头客"]), ("李四", "13900139000", []),
                              ("王丽丽", "", ["VIP客户"])]:
        customers.create(CustomerData(name=name, phone=phone, tags=tags), owner)
    widget = CustomersPage(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def shown_names(page) -> list[str]:
    model = page.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_typing_filters_the_list_and_shows_the_top_hit(qtbot, page):
    assert sorted(shown_names(page)) == ["张三", "李四", "王丽丽"]
    qtbot.keyClicks(page.search, "zs")
    assert shown_names(page) == ["张三"]
    qtbot.waitUntil(lambda: page.detail.title.text() == "张三")  # follows after a pause
    page.search.clear()
    qtbot.keyClicks(page.search, "38000")
    assert shown_names(page) == ["张三"]
    page.search.clear()
    page.search.setText("vip客户")  # CJK arrives committed from the IME
    assert shown_names(page) == ["王丽丽"]
    page.search.setText("没有这个人")
    assert shown_names(page) == []
    qtbot.waitUntil(lambda: page.detail.customer_id is None)
    assert "0 / 共 3" in page.count_label.text()
    assert page.list_stack.currentWidget() is page.list_empty
    assert "没有找到" in page.list_empty.title.text()
    page.search.clear()
    assert page.list_stack.currentWidget() is page.table


def test_an_empty_archive_says_how_to_start(qtbot, context):
    widget = CustomersPage(context)
    qtbot.addWidget(widget)
    assert widget.list_stack.currentWidget() is widget.list_empty
    assert widget.list_empty.title.text() == "还没有客户"
    hint = widget.list_empty.hint.text()  # a roster, or the platforms' order exports
    assert "Excel 客户名单" in hint and "淘宝、拼多多、抖店下载的订单表" in hint


def test_tag_filter_and_row_object_role(page):
    page.tag_filter.setCurrentIndex(page.tag_filter.findData("回头客"))
    assert shown_names(page) == ["张三"]
    row = page.model.index(0, 0).data(ROW_ROLE)
    assert row.phone == "13800138000" and row.tags == ["回头客"]
    assert page.model.index(0, 1).data() == "138 0013 8000"


def test_new_customer_form_validates_then_saves(qtbot, page, owner):
    def fill(dialog: CustomerFormDialog):
        dialog.name.setText("赵小姐")
        qtbot.keyClicks(dialog.phone, "12345")
        dialog.save_button.click()
        assert dialog.isVisible() and "手机号" in dialog.error.text()  # stays open, explains
        dialog.phone.setText("+86 137-0000-2222")
        dialog.tags.setText("敏感肌，回头客")
        dialog.has_visit.setChecked(True)
        dialog.save_button.click()

    errors = when_modal(fill, CustomerFormDialog)
    page.new_button.click()
    assert not errors, errors
    saved = Customer.get(Customer.name == "赵小姐")
    assert saved.phone == "13700002222"
    assert saved.created_by_id == owner.id
    assert saved.next_visit is not None
    assert customers.tag_names(saved.id) == ["敏感肌", "回头客"]
    assert page.detail.title.text() == "赵小姐"
    assert page.current_customer_id() == saved.id


def test_duplicate_phone_offers_the_existing_customer(qtbot, page):
    existing = Customer.get(Customer.name == "李四")

    def fill(dialog: CustomerFormDialog):
        dialog.name.setText("小李")
        dialog.phone.setText("139 0013 9000")
        when_modal(click_box_button("打开已有客户"), QMessageBox)
        dialog.save_button.click()

    page.search.setText("zs")  # the existing customer is hidden by the search
    errors = when_modal(fill, CustomerFormDialog)
    page.new_button.click()
    assert not errors, errors
    assert Customer.select().where(Customer.name == "小李").count() == 0
    assert page.current_customer_id() == existing.id


def test_edit_customer_through_the_form(qtbot, page):
    target = Customer.get(Customer.name == "李四")
    page.select_customer(target.id)

    def change(dialog: CustomerFormDialog):
        assert dialog.name.text() == "李四"
        dialog.notes.setPlainText("只在晚上联系")
        dialog.save_button.click()

    errors = when_modal(change, CustomerFormDialog)
    page.detail.edit_button.click()
    assert not errors, errors
    assert Customer.get_by_id(target.id).notes == "只在晚上联系"
    assert Customer.get_by_id(target.id).version == 2


def test_delete_key_moves_to_trash_and_ctrl_z_restores(qtbot, page, context):
    target = Customer.get(Customer.name == "李四")
    page.select_customer(target.id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert Customer.get_by_id(target.id).deleted_at is not None
    assert "李四" not in shown_names(page)
    assert page.can_undo_delete()
    page.undo_delete()
    assert Customer.get_by_id(target.id).deleted_at is None
    assert page.current_customer_id() == target.id


def test_trash_dialog_restores_and_purges_after_confirmation(qtbot, context, owner, monkeypatch):
    a = customers.create(CustomerData(name="甲"), owner)
    b = customers.create(CustomerData(name="乙"), owner)
    customers.move_to_trash([a.id, b.id], owner)
    dialog = TrashDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    dialog.table.selectRow([dialog.table.item(r, 0).text() for r in range(2)].index("甲"))
    dialog.restore_button.click()
    assert Customer.get_by_id(a.id).deleted_at is None
    assert dialog.table.rowCount() == 1
    dialog.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    dialog.purge_button.click()
    assert Customer.get_or_none(Customer.id == b.id) is not None  # cancelled: kept
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.purge_button.click()
    assert Customer.get_or_none(Customer.id == b.id) is None


def test_merge_dialog_folds_the_duplicate_in(qtbot, context, owner, monkeypatch):
    keep = customers.create(CustomerData(name="王女士", phone="13812345678"), owner)
    dup = customers.create(CustomerData(name="王丽", wechat="lily"), owner)
    customers.add_contact(dup.id, owner, "微信", "问尺码")
    dialog = MergeDialog(context, keep.id)
    qtbot.addWidget(dialog)
    dialog.search.setText("wl")
    assert dialog.results.count() == 1  # the customer itself is never offered
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.buttons.accepted.emit()
    assert Customer.get_by_id(keep.id).wechat == "lily"
    assert ContactLog.select().where(ContactLog.customer == keep.id).count() == 2
    assert Customer.get_by_id(dup.id).merged_into_id == keep.id


def test_contact_dialog_logs_and_plans_next_visit(qtbot, page):
    target = Customer.get(Customer.name == "张三")
    page.select_customer(target.id)

    def fill(dialog: ContactDialog):
        dialog.channel.setCurrentText("电话")
        dialog.accept()  # empty summary: refused with a message
        assert dialog.isVisible() and dialog.error.text()
        dialog.summary.setPlainText("回访：裙子很合身，想看秋季新款")
        dialog.plan_next.setChecked(True)
        dialog.accept()

    errors = when_modal(fill, ContactDialog)
    page.detail.contact_button.click()
    assert not errors, errors
    [entry] = customers.contacts(target.id)
    assert entry.channel == "电话" and "秋季新款" in entry.summary
    assert Customer.get_by_id(target.id).next_visit is not None
    assert "秋季新款" in page.detail.contacts.item(0).text()
