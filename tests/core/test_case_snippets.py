"""Each stage offers its snippet category, filled for the case."""
from __future__ import annotations

import datetime as dt
import re

from db import clock
from db.cases import stage_snippets as case_snippets, records as cases
from db.cases.records import CaseData
from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import Case, SnippetCategory
from db.snippets import defaults as default_library, library as snippets
from db.storage import settings


def test_stage_snippets_are_filled_for_the_case(database, owner):
    default_library.load_defaults("zh_CN")
    settings.put("shop_name", "小美的店")
    clock.freeze(dt.datetime(2026, 3, 2, 1, 0))
    buyer = customers.create(CustomerData(name="王女士"), owner)
    case = cases.create(CaseData(customer_id=buyer.id, order_no="TB1001", product="连衣裙",
                                 description="开线"), owner)
    found = {s.title: s.text for s in case_snippets.stage_snippets(case, owner)}
    assert found["售后接待"].startswith("王女士您好，我是小美的店的客服店主小美")
    # The case holds its description: the reply says it instead of asking for it.
    assert "订单 TB1001 中购买的连衣裙，开线，是这样吗？" in found["复述确认问题"]
    cases.advance(case.id, owner, target="remedy", reason="直接补救")
    remedy = {s.title: s.text for s in case_snippets.stage_snippets(Case.get_by_id(case.id), owner)}
    deadline = case_snippets.case_values(Case.get_by_id(case.id), owner)["时限"]
    assert f"预计{deadline}前发出" in remedy["补发配件"]  # "今天 13:00前", never "前前"
    assert "前前" not in remedy["补发配件"]


def test_the_english_library_says_the_deadline_in_english(database, owner):
    default_library.load_defaults("en")
    settings.put("language", "en")
    clock.freeze(dt.datetime(2026, 3, 2, 1, 0))
    buyer = customers.create(CustomerData(name="Lina"), owner)
    case = cases.create(CaseData(customer_id=buyer.id, description="a part is missing"), owner)
    cases.advance(case.id, owner, target="remedy", reason="straight to the remedy")
    deadline = case_snippets.case_values(Case.get_by_id(case.id), owner)["时限"]
    assert deadline.endswith((" today", " tomorrow")) and not re.search(r"[\u4e00-\u9fff]",
                                                                         deadline), deadline
    texts = [s.text for s in case_snippets.stage_snippets(Case.get_by_id(case.id), owner)]
    assert any(f"It will ship by {deadline}, and" in t for t in texts), texts
    # A remedy inside an English reply: a noun phrase with the amount in yuan, the notes as typed.
    cases.add_remedy(case.id, owner, "compensation", 2000, notes="补发配件")
    texts = [s.text for s in case_snippets.stage_snippets(Case.get_by_id(case.id), owner)]
    assert any("offer you a small compensation of ¥20 (补发配件). We hope" in t for t in texts), \
        texts
    assert not any("元" in t or "、" in t for t in texts), texts


def test_closed_cases_offer_follow_up_and_renamed_categories_still_match(database, owner):
    default_library.load_defaults("zh_CN")
    buyer = customers.create(CustomerData(name="李先生"), owner)
    case = cases.create(CaseData(customer_id=buyer.id, description="x"), owner)
    cases.close(case.id, owner, 5, "", "y", reason="当场解决")
    step = SnippetCategory.get(SnippetCategory.key == "step_followup")
    snippets.rename_category(step.id, "售后跟进")
    titles = [s.title for s in case_snippets.stage_snippets(Case.get_by_id(case.id), owner)]
    assert "处理后回访" in titles


def test_no_library_no_snippets(database, owner):
    buyer = customers.create(CustomerData(name="赵女士"), owner)
    case = cases.create(CaseData(customer_id=buyer.id, description="x"), owner)
    assert case_snippets.stage_snippets(case, owner) == []


def test_fill_in_fields_the_case_holds_are_filled(database, owner):
    buyer = customers.create(CustomerData(name="孙女士"), owner)
    case = cases.create(CaseData(customer_id=buyer.id, category="尺码不符",
                                 description="裙子太大了！"), owner)
    cases.add_remedy(case.id, owner, "exchange", notes="换S码")
    cases.add_remedy(case.id, owner, "compensation", 500)
    cases.add_remedy(case.id, owner, "gift", status="rejected")
    answers = case_snippets.case_answers(Case.get_by_id(case.id))
    assert answers["问题描述"] == answers["problem"] == "裙子太大了"
    assert answers["处理方案"] == "换货（换S码）、小额补偿 5 元"
    assert answers["补偿内容"] == "小额补偿 5 元"  # only what compensates; not the rejected gift
    assert answers["处理进度"] == "热情接待"  # the stage it is at
    empty = cases.create(CaseData(customer_id=buyer.id, category="破损"), owner)
    assert set(case_snippets.case_answers(empty)) == {"处理进度", "step"}  # the rest is asked


def test_a_case_without_an_order_names_its_gaps_and_one_with_an_order_has_none(database, owner):
    """Issue 17's person trial: a case with no order on file showed {订单号} in its replies.
    The reply now marks each gap in words and says what the copy will ask for."""
    from db.orders import records as orders
    from db.orders.records import ItemData

    default_library.load_defaults("zh_CN")
    settings.put("shop_name", "小美的店")
    buyer = customers.create(CustomerData(name="蒋女士", phone="13812345678"), owner)
    bare = cases.create(CaseData(customer_id=buyer.id, description="色差"), owner)
    found = {s.title: s for s in case_snippets.stage_snippets(bare, owner)}
    restate = found["复述确认问题"]
    assert restate.missing == ["订单号", "商品"]
    assert [(a.kind, a.name, a.why) for a in restate.to_ask] == [
        ("missing", "订单号", "case_lacks"), ("missing", "商品", "case_lacks")]
    assert "您在订单 ［待填：订单号］ 中购买的［待填：商品］，色差" in restate.text
    assert found["正在查询"].missing == [] and [a.name for a in found["正在查询"].to_ask] == ["分钟"]
    assert not any("{" in s.text or "｛" in s.text for s in found.values())

    orders.save_order("taobao", "3101", buyer.id, [ItemData("真丝围巾")])
    with_order = cases.create(CaseData(customer_id=buyer.id, order_no="3101",
                                       description="色差"), owner)
    found = {s.title: s for s in case_snippets.stage_snippets(with_order, owner)}
    assert all(s.missing == [] for s in found.values())
    assert "您在订单 3101 中购买的真丝围巾，色差" in found["复述确认问题"].text


def test_a_gap_is_marked_never_dropped_and_asked_with_why():
    from db.snippets.asks import gap_mark, what_to_ask
    from db.snippets.render import render

    result = render("您的订单{订单号}已发出，{输入:备注}{称乎}", {}, mark=gap_mark)
    assert result.text == "您的订单［待填：订单号］已发出，［待填：备注］［待填：称乎］"
    asked = what_to_ask(result, {})
    assert [(a.kind, a.name, a.why) for a in asked] == [
        ("ask", "备注", ""), ("missing", "订单号", "no_case"), ("unknown", "称乎", "unknown")]
    # In the palette a chosen customer without orders: the order is what is missing.
    assert what_to_ask(render("{订单号}{快递单号}", {"客户名": "蒋女士"}),
                       {"客户名": "蒋女士"})[1].why == "no_order"
    assert what_to_ask(render("{手机尾号}", {"客户名": "蒋女士"}),
                       {"客户名": "蒋女士"})[0].why == "customer_lacks"


def test_every_placeholder_has_a_name_in_the_interface_language(interface_in_english):
    from db.snippets.asks import Ask
    from db.snippets.render import PLACEHOLDERS
    from db.snippets.vocabulary import PLACEHOLDER_NAMES

    assert PLACEHOLDER_NAMES.codes() == list(PLACEHOLDERS)
    assert all(PLACEHOLDER_NAMES.label(name) != name for name in PLACEHOLDERS)
    assert Ask("missing", "订单号", "case_lacks").label() == "Order number"
    assert Ask("missing", "订单号", "case_lacks").hint().startswith("Not in this case")
