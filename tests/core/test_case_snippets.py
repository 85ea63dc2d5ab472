"""Each stage offers its snippet category, filled for the case."""
from __future__ import annotations

import datetime as dt

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
