"""The quick replies of a case's stage, filled for that case.

The snippet library (db.snippets) has one category per step of the after-sales path, found
by its stable key (step_reception ... step_followup) so that a renamed or English category
still matches; a category named exactly after the stage is the fallback.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from db import clock
from db.cases import deadlines, workflow as wf
from db.cases.records import deadlines_of
from db.cases.vocabulary import REMEDY_TYPES, STAGES, amount, money
from db.models import Case, Customer, Remedy, Snippet, SnippetCategory, Staff
from db.orders.placeholders import case_order_values
from db.snippets import library as snippets
from db.snippets.asks import Ask, gap_mark, what_to_ask
from db.snippets.render import render
from db.snippets.values import english_replies, placeholder_values


@dataclasses.dataclass(frozen=True)
class StageSnippet:
    id: int
    title: str
    text: str  # filled as far as known, each gap marked ［待填：订单号］, never {订单号}
    to_ask: tuple[Ask, ...] = ()  # what the copy asks for first, in order

    @property
    def missing(self) -> list[str]:
        """The known placeholders this case has no value for (e.g. 订单号 with no order)."""
        return [a.name for a in self.to_ask if a.kind == "missing"]


def stage_category(stage: str) -> SnippetCategory | None:
    step = "followup" if stage == "closed" else stage  # the return visit is follow-up work
    return (SnippetCategory.get_or_none(SnippetCategory.key == f"step_{step}")
            or SnippetCategory.get_or_none(SnippetCategory.name == wf.label(step)))


def case_placeholder_values(case: Case, now: dt.datetime | None = None,
                            tz: dt.tzinfo | None = None) -> dict[str, str]:
    """Values for the quick-reply placeholders {称呼} {客户名} {订单号} {商品} {时限}, and
    from the case's order {快递公司} {快递单号} {收货地址} {下单时间} (db.orders.placeholders;
    订单号 and 商品 as the case has them, else the order's).
    时限 is the time alone ("今天 18:00"): the shipped replies say "预计{时限}前发出"."""
    now = now or clock.now()
    customer = Customer.get_by_id(case.customer_id)
    found = deadlines_of(case)
    order = case_order_values(case)
    return {
        **order,
        "称呼": customer.name,
        "客户名": customer.name,
        "订单号": case.order_no or order.get("订单号", ""),
        "商品": case.product or order.get("商品", ""),
        "时限": deadlines.buyer_phrase(found[0].due, now, tz, suffix="",
                                       english=english_replies())
        if found else "",
    }


# What a case holds for the fill-in fields ({输入:问题描述}) of the shipped replies, Chinese and
# English labels: staff are asked only for what the case does not know.
_DESCRIPTION = ("问题描述", "problem")
_SOLUTION = ("处理方案", "solution")
_COMPENSATION = ("补偿内容", "compensation")
_PROGRESS = ("处理进度", "step")
_COMPENSATING = {"refund", "coupon", "compensation", "gift"}
# A remedy inside an English reply ("we'd like to offer you …", "here's what we propose: …").
_REMEDY_NOUNS_EN = {"refund": "a refund{a}", "exchange": "an exchange",
                    "reship": "the missing part sent again", "repair": "a free repair",
                    "coupon": "a coupon{a}", "compensation": "a small compensation{a}",
                    "gift": "a small gift", "other": "another arrangement"}


def case_answers(case: Case) -> dict[str, str]:
    """Fill-in fields the case answers: its description, its remedies, its stage."""
    answers: dict[str, str] = {}
    description = case.description.strip().rstrip("。！!？?，,；;. ")
    if description:
        answers.update(dict.fromkeys(_DESCRIPTION, description))
    remedies = [r for r in Remedy.select().where(Remedy.case == case.id).order_by(Remedy.id)
                if r.status != "rejected"]

    english = english_replies()

    def said(chosen: list[Remedy]) -> str:
        words = []
        for r in chosen:
            notes = r.notes.strip()
            if english:  # "offer you a small compensation of ¥20", not "Small compensation 20 元"
                word = _REMEDY_NOUNS_EN.get(r.type, _REMEDY_NOUNS_EN["other"]).replace(
                    "{a}", f" of ¥{amount(r.amount_cents)}" if r.amount_cents is not None else "")
                words.append(word + (f" ({notes})" if notes else ""))
                continue
            word = " ".join(p for p in (REMEDY_TYPES.label(r.type), money(r.amount_cents)) if p)
            words.append(word + (f"（{notes}）" if notes else ""))
        return (", " if english else "、").join(words)
    if remedies:
        answers.update(dict.fromkeys(_SOLUTION, said(remedies)))
    compensating = [r for r in remedies if r.type in _COMPENSATING]
    if compensating:
        answers.update(dict.fromkeys(_COMPENSATION, said(compensating)))
    if case.stage != "closed":
        answers.update(dict.fromkeys(_PROGRESS, STAGES.label(case.stage)))
    return answers


def case_values(case: Case, staff: Staff | None) -> dict[str, str]:
    """Every placeholder value for a reply about this case: shop, staff, buyer, case."""
    customer = Customer.get_or_none(Customer.id == case.customer_id)
    return placeholder_values(customer, staff, case_placeholder_values(case))


def stage_snippets(case: Case, staff: Staff | None, limit: int = 20) -> list[StageSnippet]:
    category = stage_category(case.stage)
    if category is None:
        return []
    rows = snippets.search("", staff.id if staff else None, category_id=category.id,
                           limit=limit)  # the library's own order: favourites, most used
    bodies = dict(Snippet.select(Snippet.id, Snippet.body)
                  .where(Snippet.id.in_([r.id for r in rows])).tuples())
    values, answers = case_values(case, staff), case_answers(case)
    found = []
    for row in rows:
        if row.id in bodies:
            result = render(bodies[row.id], values, answers, mark=gap_mark)
            found.append(StageSnippet(row.id, row.title, result.text,
                                      tuple(what_to_ask(result, values, about_case=True))))
    return found
