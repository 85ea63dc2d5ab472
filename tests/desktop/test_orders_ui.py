"""Orders where people look: the customer page's 订单 section, pasting an order number into
the case form, a case's order and the buyer's other orders, replies filled from the order."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from db import clock
from db.cases import records as cases
from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import Case, Customer, Order, SnippetCategory
from db.orders import records as orders
from db.orders.records import ItemData
from db.snippets import defaults as default_library, library
from desktop.cases.case_form import CaseFormDialog
from desktop.cases.page import CasesPage
from desktop.customers.page import CustomersPage
from desktop.orders import reply_values
from desktop.snippets.page import SnippetsPage


def at(day: int) -> dt.datetime:
    return dt.datetime(2026, 10, day, 2, 0)


@pytest.fixture
def buyer(context, owner):
    person = customers.create(CustomerData(name="王伟", phone="13812345678"), owner)
    orders.save_order("taobao", "3101", person.id, [ItemData("真丝连衣裙", "红色 M")],
                      ordered_at=at(3), amount_cents=29900, status="交易成功")
    orders.save_order("pdd", "250101-88", person.id,
                      [ItemData("腰带", "", 2), ItemData("丝巾")], ordered_at=at(20),
                      amount_cents=11000, status="已发货", logistics_company="圆通速递",
                      tracking_no="YT123456", province="浙江省", city="杭州市",
                      district="西湖区", street="文三路 1 号")
    return person


def test_the_customer_page_shows_the_orders_newest_first_and_the_repeat_buyer(qtbot, context,
                                                                              buyer):
    page = CustomersPage(context)
    qtbot.addWidget(page)
    from desktop.orders import customer_orders
    section = customer_orders.attach(page)
    page.resize(1200, 800)
    page.show()
    page.select_customer(buyer.id)
    assert "回头客" in page.detail.tags.text()  # nobody typed it
    assert section.summary.text() == "共 2 笔订单 · 累计消费 ¥409.00 · 首单 %s · 最近 %s" % (
        clock.to_local(at(3)).strftime("%Y-%m-%d"), clock.to_local(at(20)).strftime("%Y-%m-%d"))
    model = section.table.model()
    shown = [[model.index(r, c).data() for c in range(model.columnCount())]
             for r in range(model.rowCount())]
    assert [row[1:] for row in shown] == [
        ["腰带×2、丝巾", "¥110.00", "已发货", "拼多多", "250101-88", "圆通速递 YT123456"],
        ["真丝连衣裙（红色 M）", "¥299.00", "交易成功", "淘宝", "3101", ""]]
    assert section.table.isVisibleTo(page)

    # 200 orders: the table knows them all, but reads rows only a page at a time.
    many = customers.create(CustomerData(name="批发刘"), context.staff)
    Order.insert_many([{"platform": "douyin", "order_no": f"D{i}", "customer": many.id,
                        "ordered_at": at(1) + dt.timedelta(hours=i), "amount_cents": 100,
                        "imported_at": at(1), "updated_at": at(1)} for i in range(200)]).execute()
    context.customers_changed.emit()
    page.select_customer(many.id)
    assert model.rowCount() == 200 and section.summary.text().startswith("共 200 笔订单")
    assert model.index(0, model.COLUMNS.index("order_no")).data() == "D199"
    assert len(model._rows) <= 2 * model.PAGE


def test_pasting_an_order_number_fills_the_buyer_and_product_and_says_so(qtbot, context, buyer):
    dialog = CaseFormDialog(context)
    qtbot.addWidget(dialog)
    QGuiApplication.clipboard().setText(" 订单号：250101-88\n")
    dialog.order_no.setFocus()
    qtbot.keyClick(dialog.order_no, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dialog.picker.customer_id() == buyer.id
    assert dialog.product.text() == "腰带"
    found = dialog.order_found.text()
    assert "拼多多" in found and "¥110.00" in found and "圆通速递 YT123456" in found
    assert "已填入买家、商品" in found and "订单共 2 种商品，已填第一种" in found
    dialog.description.setPlainText("丝巾没收到")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    case = Case.get(Case.customer == buyer.id)
    assert (case.order_no, case.product) == ("250101-88", "腰带")


def test_a_tracking_number_finds_the_order_and_never_overwrites_what_was_typed(qtbot, context,
                                                                               buyer, owner):
    other = customers.create(CustomerData(name="李娜"), owner)
    dialog = CaseFormDialog(context, customer_id=other.id)
    qtbot.addWidget(dialog)
    dialog.product.setText("丝巾")
    qtbot.keyClicks(dialog.order_no, "YT123456")
    assert dialog.order_no.text() == "250101-88"  # the order's own number
    assert dialog.picker.customer_id() == other.id and dialog.product.text() == "丝巾"
    assert "这笔订单的买家是“王伟”" in dialog.order_found.text()
    dialog.order_no.clear()
    qtbot.keyClicks(dialog.order_no, "99999999")
    assert "没有找到订单“99999999”" in dialog.order_found.text()


def test_the_case_shows_its_order_and_a_reply_fills_the_tracking_number(qtbot, context, buyer,
                                                                        owner):
    default_library.load_defaults("zh_CN")
    reception = SnippetCategory.get(SnippetCategory.key == "step_reception")
    library.create(library.SnippetData("物流单号", "亲，您的包裹由{快递公司}派送，单号{快递单号}。",
                                       reception.id), owner)
    case = cases.create(cases.CaseData(customer_id=buyer.id, order_no="250101-88",
                                       description="丝巾没收到"), owner)
    page = CasesPage(context)
    qtbot.addWidget(page)
    page.show_case(case.id)
    shown = page.detail.order
    assert "拼多多 · 订单 250101-88" in shown.order.text()
    assert "商品：腰带×2、丝巾" in shown.order.text()
    assert "物流：圆通速递 YT123456" in shown.order.text()
    assert "浙江省杭州市西湖区文三路 1 号" in shown.order.text()
    assert shown.others_title.text() == "该客户的其他订单（1）"
    assert "3101" in shown.others.item(0).text()
    snippet = [s for s in page.detail.snippets.shown if s.title == "物流单号"][0]
    assert snippet.text == "亲，您的包裹由圆通速递派送，单号YT123456。"


def test_without_a_case_the_latest_order_fills_replies_and_is_named(qtbot, context, buyer):
    snippets_page = SnippetsPage(context)
    cases_page = CasesPage(context)
    qtbot.addWidget(snippets_page)
    qtbot.addWidget(cases_page)
    reply_values.attach(snippets_page, cases_page)
    snippets_page.set_customer(buyer.id)
    values = snippets_page.current_values()
    assert (values["订单号"], values["快递单号"]) == ("250101-88", "YT123456")
    assert "订单信息取自该客户最近一笔订单：拼多多 250101-88" in snippets_page.for_whom()


def test_the_reports_page_shows_orders_tables_only_for_a_shop_with_orders(qtbot, context, owner,
                                                                         tmp_path, monkeypatch):
    from desktop.reports.page import ReportsPage

    page = ReportsPage(context)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert not page.boxes["orders"].isVisible() and not page.boxes["order_products"].isVisible()
    person = customers.create(CustomerData(name="王伟"), owner)
    now = clock.now()
    orders.save_order("taobao", "R1", person.id, [ItemData("杯子")], ordered_at=now)
    orders.save_order("taobao", "R2", person.id, [ItemData("杯子")], ordered_at=now)
    cases.create(cases.CaseData(customer_id=person.id, order_no="R2", description="裂了"), owner)
    page.refresh()
    assert page.boxes["orders"].isVisible() and page.boxes["order_products"].isVisible()
    table = page.tables["order_products"]
    assert [table.item(0, c).text() for c in range(4)] == ["杯子", "2", "1", "50.0"]
    summary = page.tables["orders"]
    assert [summary.item(3, c).text() for c in range(2)] == ["复购率（%）", "100.0"]
    from PySide6.QtWidgets import QFileDialog
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")


def test_the_repeat_buyer_rule_is_set_in_the_settings(qtbot, context, buyer):
    from desktop.settings.page import SettingsPage

    page = SettingsPage(context)
    qtbot.addWidget(page)
    page.show()
    assert (page.repeat_tag.text(), page.repeat_min.value()) == ("回头客", 2)
    page.repeat_min.setValue(3)
    assert customers.tag_names(buyer.id) == []  # two orders are no longer enough
    page.repeat_min.setValue(2)
    page.repeat_tag.setText("老客户")
    page.repeat_tag.editingFinished.emit()
    assert customers.tag_names(buyer.id) == ["老客户"]


@pytest.mark.parametrize("language, word, hint", [
    ("zh_CN", "回头客", "不随界面语言改变"), ("en", "Repeat buyer", "does not change with the interface")])
def test_the_repeat_buyer_tag_is_named_once_in_the_language_of_the_first_who_needs_it(
        qtbot, qapp, context, owner, language, word, hint):
    from desktop import i18n
    from desktop.settings.page import SettingsPage

    i18n.install(qapp, language)
    try:
        page = SettingsPage(context)
        qtbot.addWidget(page)
        page.show()
        assert page.repeat_tag.text() == word and hint in page.repeat_tag_hint.text()
        person = customers.create(CustomerData(name="Lina"), owner)
        for number in ("T-1", "T-2"):
            orders.save_order("taobao", number, person.id, [ItemData("杯子")])
        assert customers.tag_names(person.id) == [word]
        # A colleague whose interface speaks the other language sees the same tag.
        i18n.install(qapp, "en" if language == "zh_CN" else "zh_CN")
        again = SettingsPage(context)
        qtbot.addWidget(again)
        assert again.repeat_tag.text() == word
    finally:
        i18n.install(qapp, "zh_CN")


def test_a_settings_page_shown_before_the_name_was_settled_never_renames_the_tag(
        qtbot, qapp, context, owner):
    from desktop import i18n
    from desktop.settings.page import SettingsPage

    page = SettingsPage(context)  # this computer speaks Chinese: it would choose 回头客
    qtbot.addWidget(page)
    page.show()
    assert page.repeat_tag.text() == "回头客"
    person = customers.create(CustomerData(name="Lina"), owner)
    # Meanwhile an English computer records the shop's first repeat buyer: Repeat buyer.
    i18n.install(qapp, "en")
    try:
        for number in ("T-1", "T-2"):
            orders.save_order("taobao", number, person.id, [ItemData("杯子")])
    finally:
        i18n.install(qapp, "zh_CN")
    page.repeat_tag.editingFinished.emit()  # the field merely left: nothing renamed
    page.repeat_min.setValue(3)
    page.repeat_min.setValue(2)
    assert customers.tag_names(person.id) == ["Repeat buyer"]
    assert page.repeat_tag.text() == "Repeat buyer"


def test_the_palette_fills_from_the_latest_order_and_names_it(qtbot, context, buyer, owner):
    from desktop.snippets.quick_paste import QuickPaste

    library.create(library.SnippetData("物流单号", "亲，{快递公司}单号{快递单号}，请查收。",
                                       shortcut="wldh"), owner)
    page = SnippetsPage(context)
    qtbot.addWidget(page)
    page.quick_paste = QuickPaste(context, page)
    reply_values.attach(page, CasesPage(context))
    page.set_customer(buyer.id)
    page.toggle_palette()
    palette = page.palette
    qtbot.addWidget(palette)
    qtbot.keyClicks(palette.search, "wldh")
    assert palette.preview.toPlainText() == "亲，圆通速递单号YT123456，请查收。"
    assert "订单信息取自该客户最近一笔订单：拼多多 250101-88" in palette.customer.text()


def test_while_a_case_of_the_buyer_is_shown_its_own_order_fills_the_reply(qtbot, context, buyer,
                                                                          owner):
    case = cases.create(cases.CaseData(customer_id=buyer.id, order_no="3101",
                                       description="开线"), owner)
    snippets_page, cases_page = SnippetsPage(context), CasesPage(context)
    qtbot.addWidget(snippets_page)
    qtbot.addWidget(cases_page)
    reply_values.attach(snippets_page, cases_page)
    snippets_page.value_providers.append(
        lambda: cases_page.case_placeholders(snippets_page.customer_id))  # as the window does
    cases_page.show_case(case.id)
    snippets_page.set_customer(buyer.id)
    values = snippets_page.current_values()
    assert values["订单号"] == "3101" and "快递单号" not in values  # not the latest order's
    assert snippets_page.value_note() == ""


def test_the_remedy_dialog_says_what_the_buyer_paid_for_the_order(qtbot, context, buyer, owner):
    from desktop.cases.dialogs import RemedyDialog

    case = cases.create(cases.CaseData(customer_id=buyer.id, order_no="250101-88",
                                       description="丝巾没收到"), owner)
    dialog = RemedyDialog(case.id, owner)
    qtbot.addWidget(dialog)
    assert dialog.amount.placeholderText() == "订单实付 110 元"


def test_a_buyer_an_import_created_shows_the_platform_in_the_interface_language(qtbot, qapp,
                                                                                context, owner):
    """An order import writes the customer's 平台 as the shop types it (淘宝); an English
    interface shows it as Taobao, in the list and the details. A shop's own word stays."""
    from desktop import i18n
    bought = customers.create(CustomerData(name="王小美", platform="淘宝",
                                           platform_account="tb_wangxm"), owner)
    own = customers.create(CustomerData(name="李丽", platform="有赞",
                                        platform_account="yz_88"), owner)
    i18n.install(qapp, "en")
    try:
        page = CustomersPage(context)
        qtbot.addWidget(page)
        page.show()
        model = page.table.model()
        column = model.COLUMNS.index("platform_account")
        shown = {model.index(r, 0).data(): model.index(r, column).data()
                 for r in range(model.rowCount())}
        assert shown == {"王小美": "Taobao tb_wangxm", "李丽": "有赞 yz_88"}
        page.select_customer(bought.id)
        from PySide6.QtWidgets import QLabel
        assert "Taobao tb_wangxm" in [label.text() for label in page.detail.findChildren(QLabel)]
    finally:
        i18n.install(qapp, "zh_CN")
    assert Customer.get_by_id(own.id).platform == "有赞"  # stored as typed


def test_orders_without_cases_show_their_tables_whole_not_a_chart_of_zeros(qtbot, context,
                                                                          owner):
    """A shop that imported orders and logged no case yet: the per-product chart would be all
    zeros; it is left out, and each orders table shows every row and every column."""
    from desktop.reports.page import ReportsPage
    person = customers.create(CustomerData(name="王伟"), owner)
    for n, title in enumerate(["儿童保温杯 500ml", "帆布袋", "手工皂", "护手霜礼盒", "纯棉T恤"]):
        orders.save_order("taobao", f"R{n}", person.id, [ItemData(title)], ordered_at=clock.now())
    page = ReportsPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.refresh()
    assert not page.charts["order_products"].isVisibleTo(page)
    for key in ("orders", "order_products"):
        table = page.tables[key]
        qtbot.waitUntil(lambda t=table: t.isVisible())
        assert table.rowCount() >= 5
        assert not table.verticalScrollBar().isVisible(), key  # every row shown
        assert not table.horizontalScrollBar().isVisible(), key  # every column whole
        assert table.rowAt(0) == 0  # from the first row
    # A case: the per-product chart has something to draw and comes back.
    cases.create(cases.CaseData(customer_id=person.id, order_no="R1", description="裂了"), owner)
    page.refresh()
    assert page.charts["order_products"].isVisibleTo(page)


def test_the_orders_summary_reads_right_in_english_for_one_order(qtbot, qapp, context, owner):
    from desktop import i18n
    from desktop.orders import customer_orders
    person = customers.create(CustomerData(name="Lina"), owner)
    orders.save_order("taobao", "E1", person.id, [ItemData("杯子")], ordered_at=at(3),
                      amount_cents=1990)
    i18n.install(qapp, "en")
    try:
        page = CustomersPage(context)
        qtbot.addWidget(page)
        section = customer_orders.attach(page)
        page.show()
        page.select_customer(person.id)
        day = clock.to_local(at(3)).strftime("%Y-%m-%d")
        assert section.summary.text() == \
            f"Orders: 1 · ¥19.90 spent in total · first {day} · latest {day}"
    finally:
        i18n.install(qapp, "zh_CN")
