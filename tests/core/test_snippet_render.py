"""Filling placeholders: every known value, missing ones, ask fields, escapes."""
from __future__ import annotations

import datetime as dt

from db.customers import records as customers
from db.customers.records import CustomerData
from db.snippets import values as snippet_values
from db.snippets.render import PLACEHOLDERS, combine, escape, render, tokens
from db.storage import settings


def test_every_placeholder_is_filled_from_values():
    values = {name: f"<{name}>" for name in PLACEHOLDERS}
    body = "".join(f"{{{name}}}" for name in PLACEHOLDERS)
    result = render(body, values)
    assert result.text == "".join(f"<{name}>" for name in PLACEHOLDERS)
    assert result.complete


def test_a_real_snippet_for_a_customer(database, owner):
    settings.put("shop_name", "小美服饰")
    customer = customers.create(CustomerData(name="王女士", phone="13812345678",
                                             platform="淘宝", platform_account="lily王"), owner)
    values = snippet_values.placeholder_values(customer, owner)
    result = render("{称呼}您好，欢迎光临{店铺名}！我是{客服名}。尾号{手机尾号}，账号{买家账号}", values)
    assert result.text == "王女士您好，欢迎光临小美服饰！我是店主小美。尾号5678，账号lily王"
    assert result.complete


def test_missing_values_are_reported_and_not_filled():
    result = render("{称呼}，订单 {订单号} 的{商品}会在{时限}前处理", {"称呼": "张先生"})
    assert result.text == "张先生，订单 {订单号} 的{商品}会在{时限}前处理"
    assert result.missing == ["订单号", "商品", "时限"]
    assert not result.complete


def test_empty_value_counts_as_missing():
    assert render("{店铺名}", {"店铺名": ""}).missing == ["店铺名"]


def test_unknown_placeholder_is_reported_separately():
    result = render("{称乎}您好", {"称呼": "李先生"})
    assert result.unknown == ["称乎"] and result.missing == []


def test_values_from_other_areas_count_as_known():
    assert render("{快递公司}", {"快递公司": "顺丰"}).text == "顺丰"


def test_ask_fields_are_listed_once_then_filled_by_answers():
    body = "单号 {输入:快递单号}，再说一次：{输入:快递单号}；{输入：补偿内容}"
    first = render(body, {})
    assert first.asks == ["快递单号", "补偿内容"]
    done = render(body, {}, {"快递单号": "SF123", "补偿内容": "5 元券"})
    assert done.text == "单号 SF123，再说一次：SF123；5 元券"
    assert done.complete


def test_doubled_braces_are_literal_and_lone_braces_stay():
    result = render("{{称呼}} 是占位符，{称呼} 是值；表情 {^_^", {"称呼": "王女士"})
    assert result.text == "{称呼} 是占位符，王女士 是值；表情 {^_^"
    assert result.complete


def test_english_aliases_fill_from_the_same_values():
    result = render("Hello {name}, order {order}: {ask:tracking}", {"称呼": "Amy"})
    assert result.text.startswith("Hello Amy, order {order}")
    assert result.missing == ["订单号"] and result.asks == ["tracking"]


def test_tokens_give_positions_for_highlighting():
    body = "{称呼}好{{x}}{错}{输入:单号}"
    kinds = [(t.start, t.end, t.kind) for t in tokens(body)]
    assert kinds == [(0, 4, "value"), (5, 7, "escape"), (8, 10, "escape"), (10, 13, "unknown"),
                     (13, 20, "ask")]


def test_escape_round_trips_literal_text():
    text = "价格{含税}请看 {{说明}}"
    assert render(escape(text), {}).text == text


def test_combine_joins_non_empty_bodies_in_order():
    assert combine(["  先道歉。", "", "再补救。"]) == "先道歉。\n再补救。"


def test_shop_values_use_the_local_date(database):
    values = snippet_values.shop_placeholder_values(dt.datetime(2026, 11, 25, 9, 5))
    assert values == {"日期": "11月25日", "时间": "09:05", "星期": "星期三"}
    settings.put("language", "en")
    assert snippet_values.shop_placeholder_values(dt.datetime(2026, 11, 25, 9, 5))["日期"] == \
        "November 25"
    assert snippet_values.customer_placeholder_values(None) == {}


def test_full_width_braces_from_a_chinese_input_method_work():
    result = render("｛称呼｝您好，单号｛输入：快递单号｝", {"称呼": "王女士"}, {"快递单号": "SF1"})
    assert result.text == "王女士您好，单号SF1" and result.complete
