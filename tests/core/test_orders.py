"""Orders as a record on the real migrated database (SQLite and PostgreSQL): a customer's
orders, finding one by a pasted number, the repeat-buyer tag, and what fills a reply."""
from __future__ import annotations

import datetime as dt

import pytest

from db.cases import records as cases, stage_snippets
from db.cases.records import CaseData
from db.customers import records as customers
from db.customers.records import CustomerData
from db.customers.search import CustomerQuery, search_ids
from db.models import Case, Customer, Order, OrderItem
from db.orders import placeholders, records as orders, repeat_buyers
from db.orders.records import ItemData, OrderError
from db.snippets.render import render


def at(day: int, hour: int = 2) -> dt.datetime:
    return dt.datetime(2026, 10, day, hour, 0)  # naive UTC


@pytest.fixture
def buyer(database, owner):
    return customers.create(CustomerData(name="王伟", phone="13812345678"), owner)


@pytest.fixture
def three_orders(buyer):
    orders.save_order("taobao", "3101", buyer.id, [ItemData("真丝连衣裙", "红色 M", 1, 29900)],
                      ordered_at=at(3), amount_cents=29900, status="交易成功",
                      logistics_company="中通快递", tracking_no="ZT777")
    orders.save_order("pdd", "250101-88", buyer.id,
                      [ItemData("腰带", "", 2, 3000), ItemData("丝巾", "", 1, 5000)],
                      ordered_at=at(20), amount_cents=11000, status="已发货",
                      logistics_company="圆通速递", tracking_no="YT123456",
                      province="上海", city="上海", district="浦东新区", street="世纪大道 100 号")
    orders.save_order("douyin", "6920", buyer.id, [ItemData("帽子")], ordered_at=at(9),
                      amount_cents=5900)
    return buyer


def test_a_customers_orders_newest_first_with_items_count_total_first_and_last(three_orders):
    ids = orders.order_ids_of_customer(three_orders.id)
    rows = orders.fetch_rows(ids)
    assert [rows[i].order_no for i in ids] == ["250101-88", "6920", "3101"]
    newest = rows[ids[0]]
    assert (newest.platform, newest.items, newest.amount_cents, newest.status, newest.logistics) \
        == ("pdd", "腰带×2、丝巾", 11000, "已发货", "圆通速递 YT123456")
    assert rows[ids[2]].items == "真丝连衣裙（红色 M）"
    summary = orders.summary(three_orders.id)
    assert summary == orders.OrderSummary(3, 29900 + 11000 + 5900, at(3), at(20))
    assert orders.summary(three_orders.id + 999) == orders.OrderSummary(0, 0, None, None)


def test_saving_the_same_number_again_updates_the_order_and_replaces_its_lines(three_orders):
    orders.save_order("taobao", " 3101 ", three_orders.id, [ItemData("真丝连衣裙（换货）")],
                      ordered_at=at(3), status="退款中", amount_cents=29900)
    assert Order.select().where(Order.order_no == "3101").count() == 1
    order = Order.get(Order.order_no == "3101")
    assert order.status == "退款中" and order.tracking_no == "ZT777"
    assert [i.title for i in OrderItem.select().where(OrderItem.order == order.id)] == \
        ["真丝连衣裙（换货）"]


@pytest.mark.parametrize("platform,number,field", [
    ("jd", "1", "platform"), ("taobao", "  ", "order_no")])
def test_bad_input_names_the_field_and_writes_nothing(buyer, platform, number, field):
    with pytest.raises(OrderError) as info:
        orders.save_order(platform, number, buyer.id, [ItemData("x")])
    assert info.value.field == field and Order.select().count() == 0


@pytest.mark.parametrize("pasted", [
    "250101-88", " 250101-88\t", "订单号：250101-88", "订单编号: 250101 - 88", '="250101-88"',
    "YT123456", "运单号：YT123456\n"])
def test_a_typed_or_pasted_number_finds_the_order_on_any_platform_or_by_tracking(
        three_orders, pasted):
    found = orders.find_order(pasted)
    assert found is not None and found.order_no == "250101-88"


def test_a_number_nobody_has_finds_nothing(three_orders):
    assert orders.find_order("999") is None and orders.find_order("  ") is None


def test_the_repeat_buyer_tag_follows_the_orders_without_anyone_typing_it(database, owner):
    one = customers.create(CustomerData(name="李娜"), owner)
    version = Customer.get_by_id(one.id).version
    orders.save_order("taobao", "A1", one.id, [ItemData("杯子")], ordered_at=at(1))
    assert "回头客" not in customers.tag_names(one.id)
    orders.save_order("pdd", "B1", one.id, [ItemData("杯子")], ordered_at=at(5))
    assert customers.tag_names(one.id) == ["回头客"]
    assert Customer.get_by_id(one.id).version == version + 1  # an open form merges the tag
    assert search_ids(CustomerQuery(text="回头客")) == [one.id]
    stored = Customer.get_by_id(one.id).search_text  # the one formula, computed in bulk
    customers.refresh_search_text(Customer.get_by_id(one.id))
    assert Customer.get_by_id(one.id).search_text == stored
    # Saving the same orders again changes nothing.
    assert repeat_buyers.mark_repeat_buyers([one.id]) == repeat_buyers.Marked([], [])
    # A higher minimum takes it away; a new name moves it; a typed tag without orders stays.
    typed = customers.create(CustomerData(name="张三", tags=["回头客"]), owner)
    marked = repeat_buyers.change_settings("回头客", 3)
    assert marked.removed == [one.id] and customers.tag_names(one.id) == []
    assert customers.tag_names(typed.id) == ["回头客"]
    repeat_buyers.change_settings("老客户", 2)
    assert customers.tag_names(one.id) == ["老客户"]
    assert customers.tag_names(typed.id) == ["回头客"]
    with pytest.raises(repeat_buyers.FieldError):
        repeat_buyers.change_settings("", 2)
    with pytest.raises(repeat_buyers.FieldError):
        repeat_buyers.change_settings("回头客", 1)


def test_merged_customers_orders_add_up_to_a_repeat_buyer(database, owner):
    first = customers.create(CustomerData(name="周敏", phone="13900000001"), owner)
    second = customers.create(CustomerData(name="周敏", wechat="zm"), owner)
    orders.save_order("taobao", "M1", first.id, [ItemData("茶叶")], ordered_at=at(1))
    orders.save_order("douyin", "M2", second.id, [ItemData("茶叶")], ordered_at=at(2))
    customers.merge(first.id, second.id, owner)
    repeat_buyers.mark_repeat_buyers([first.id])  # what the merge dialog calls after a merge
    assert orders.summary(first.id).count == 2 and customers.tag_names(first.id) == ["回头客"]


def test_an_order_fills_the_reply_placeholders_of_its_case(three_orders, owner):
    case = cases.create(CaseData(customer_id=three_orders.id, order_no="250101-88",
                                 description="丝巾没收到"), owner)
    values = stage_snippets.case_placeholder_values(Case.get_by_id(case.id))
    assert values["订单号"] == "250101-88" and values["商品"] == "腰带×2、丝巾"
    assert values["快递公司"] == "圆通速递" and values["快递单号"] == "YT123456"
    assert values["收货地址"] == "上海浦东新区世纪大道 100 号"
    order = Order.get(Order.order_no == "250101-88")
    order.province, order.city = "上海", "上海市"
    assert orders.address_text(order) == "上海市浦东新区世纪大道 100 号"
    order.province, order.city = "浙江省", "杭州市"
    assert orders.address_text(order) == "浙江省杭州市浦东新区世纪大道 100 号"
    assert values["下单时间"].startswith("2026-10-20")
    body = "亲，您的{商品}已由{快递公司}发出，单号{tracking}，请留意。"
    assert render(body, values).text == \
        "亲，您的腰带×2、丝巾已由圆通速递发出，单号YT123456，请留意。"


def test_without_a_case_the_customers_latest_order_fills_them(three_orders):
    values, order = placeholders.latest_order_values(three_orders.id)
    assert order.order_no == "250101-88" and values["快递单号"] == "YT123456"
    assert placeholders.latest_order_values(None) == ({}, None)


ENGLISH = {("RepeatBuyers", "回头客"): "Repeat buyer"}  # as resources/i18n/app_en.ts has it


@pytest.fixture
def english():
    from db import vocabulary
    vocabulary.set_translator(lambda context, text: ENGLISH.get((context, text), text))
    yield
    vocabulary.set_translator(None)


def two_orders(customer_id: int, prefix: str) -> None:
    for n in (1, 2):
        orders.save_order("taobao", f"{prefix}{n}", customer_id, [ItemData("杯子")], ordered_at=at(n))


def test_a_chinese_shop_gets_the_tag_in_chinese_and_keeps_it(database, owner):
    from db.storage import settings
    assert settings.get(repeat_buyers.TAG_KEY) == ""  # nothing chosen before it is needed
    one = customers.create(CustomerData(name="李娜"), owner)
    two_orders(one.id, "A")
    assert customers.tag_names(one.id) == ["回头客"]
    assert settings.get(repeat_buyers.TAG_KEY) == "回头客"


def test_an_english_shop_gets_the_tag_in_english_and_it_stays_for_everyone(database, owner,
                                                                         english):
    from db import vocabulary
    from db.storage import settings
    one = customers.create(CustomerData(name="Lina"), owner)
    assert repeat_buyers.tag_name() == "Repeat buyer"
    two_orders(one.id, "A")
    assert customers.tag_names(one.id) == ["Repeat buyer"]
    assert search_ids(CustomerQuery(text="Repeat buyer")) == [one.id]
    assert settings.get(repeat_buyers.TAG_KEY) == "Repeat buyer"
    vocabulary.set_translator(None)  # a colleague's computer in Chinese: the same tag
    other = customers.create(CustomerData(name="王芳"), owner)
    two_orders(other.id, "B")
    assert repeat_buyers.tag_name() == "Repeat buyer"
    assert customers.tag_names(other.id) == ["Repeat buyer"]


def test_a_shop_that_has_the_chinese_tag_keeps_it_in_english(database, owner, english):
    # A shop from before the setting: customers carry 回头客, the setting was never stored.
    earlier = customers.create(CustomerData(name="张三", tags=["回头客"]), owner)
    one = customers.create(CustomerData(name="Lina"), owner)
    assert repeat_buyers.tag_name() == "回头客"
    two_orders(one.id, "A")
    assert customers.tag_names(one.id) == ["回头客"] == customers.tag_names(earlier.id)


def test_a_tag_name_set_in_the_settings_is_kept_in_english(database, owner, english):
    repeat_buyers.change_settings("老客户", 2)
    one = customers.create(CustomerData(name="Lina"), owner)
    two_orders(one.id, "A")
    assert customers.tag_names(one.id) == ["老客户"]
