"""A 致歉信 drafted from a case: the six parts the trade teaches, calm, signed and dated.

greeting → apology for the whole shop, taken seriously → what happened and what changes →
the compensation → how to object → a second apology and a request for continued support;
then the signature: the shop, the staff member, the date.

The problem is said in the shop's words (category, product, order). The case's description is
the buyer's own words, often angry: it is quoted only when staff choose to. Remedies are
sentences ("我们已为您退款 20 元"), never the form's codes. The letter is in the interface
language (settings "language"): Chinese or English.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from db import clock
from db.cases.vocabulary import amount
from db.models import Case, Customer, Remedy, Staff
from db.snippets.values import english_replies
from db.storage import settings
from db.vocabulary import translate

PART_TITLES = ("称呼问候", "代表店铺致歉", "事情经过与改进", "补偿方案", "不满意时的反馈方式",
               "再次致歉并请求支持")

# What each remedy does, as a clause: done ("已…") or still to do ("将…"); {a} the amount.
_REMEDY_ZH = {
    "refund": ("为您退款{a}", "为您办理退款{a}"),
    "exchange": ("为您换货", "为您换货"),
    "reship": ("为您补发", "为您补发"),
    "repair": ("为您维修", "为您免费维修"),
    "coupon": ("送您一张{a}的优惠券", "送您一张{a}的优惠券"),
    "compensation": ("给您{a}的补偿", "给您{a}的补偿"),
    "gift": ("送您一份小礼物", "送您一份小礼物"),
    "other": ("为您做出安排", "为您做出安排"),
}
_REMEDY_EN = {
    "refund": ("refunded you{a}", "refund you{a}"),
    "exchange": ("exchanged the item", "exchange the item"),
    "reship": ("sent the missing part again", "send the missing part again"),
    "repair": ("repaired the item", "repair the item free of charge"),
    "coupon": ("sent you a coupon{a}", "send you a coupon{a}"),
    "compensation": ("given you compensation{a}", "give you compensation{a}"),
    "gift": ("sent you a small gift", "send you a small gift"),
    "other": ("made arrangements for you", "make arrangements for you"),
}


@dataclasses.dataclass
class Signature:
    shop: str
    staff: str
    on: dt.date


def signature(case: Case, shop_name: str | None = None, staff_name: str | None = None,
              on: dt.date | None = None) -> Signature:
    """Who signs: the shop (设置), the staff member writing (else the case's), today's date."""
    shop = (shop_name if shop_name is not None else settings.get("shop_name") or "").strip()
    if staff_name is None:
        staff = Staff.get_or_none(Staff.id == case.staff_id) if case.staff_id else None
        staff_name = staff.name if staff else ""
    return Signature(shop, staff_name.strip(), on or clock.today())


def remedy_sentence(remedies: list[Remedy], en: bool = False) -> str:
    """The remedies offered (not the rejected ones) as one sentence."""
    table = _REMEDY_EN if en else _REMEDY_ZH
    clauses = []
    for r in remedies:
        done = 0 if r.status == "done" else 1
        money = ""
        if r.amount_cents is not None:
            money = (f" of ¥{amount(r.amount_cents)}" if en and r.type != "refund"
                     else f" ¥{amount(r.amount_cents)}" if en else f" {amount(r.amount_cents)} 元")
        clause = table.get(r.type, table["other"])[done].replace("{a}", money)
        if not en:
            clause = ("已" if done == 0 else "将") + clause
        else:
            clause = ("have " if done == 0 else "will ") + clause
        notes = r.notes.strip().rstrip("。.")
        if notes:
            clause += f" ({notes})" if en else f"（{notes}）"
        clauses.append(clause)
    if en:
        if not clauses:
            return "To make up for the trouble, we will arrange a suitable remedy for you as soon as possible."
        return "To make up for the trouble, we " + ", and we ".join(clauses) + "."
    if not clauses:
        return "为弥补给您带来的不便，我们会尽快为您安排合适的补偿方案。"
    return "为弥补给您带来的不便，我们" + "，并".join(clauses) + "。"


def _calm(text: str) -> str:
    """The buyer's words when staff quote them: exclamations softened, ends with a full stop."""
    calm = text.strip().replace("！", "。").replace("!", ".").rstrip("。，,；;. ")
    return calm


def parts(case: Case, shop_name: str | None = None, staff_name: str | None = None,
          on: dt.date | None = None, quote_description: bool = False) -> list[str]:
    """The six parts, then the signature block (a seventh, printed on the right)."""
    en = english_replies()  # the letter is written in the shop's reply language
    sign = signature(case, shop_name, staff_name, on)
    customer = Customer.get_by_id(case.customer_id)
    offered = [r for r in Remedy.select().where(Remedy.case == case.id).order_by(Remedy.id)
               if r.status != "rejected"]
    category = translate("cases", case.category) if case.category else ""
    change = (case.improvement or case.root_cause).strip().rstrip("。.")
    quoted = _calm(case.description) if quote_description and case.description.strip() else ""
    if en:
        return _parts_en(customer.name, case, category, change, quoted, offered, sign)
    shop = sign.shop or "本店"
    product = f"“{case.product}”" if case.product else "商品"
    order = f"（订单号 {case.order_no}）" if case.order_no else ""
    happened = f"您购买的{product}{order}出现了{category or '问题'}，给您添了麻烦。"
    if quoted:
        happened += f"您反映的情况是：{quoted}。"
    changing = (f"我们已查明原因并改进：{change}。" if change
                else "我们正在查明原因，并会改进相关环节，避免再次发生。")
    return [
        f"亲爱的{customer.name}：\n您好！",
        f"我们代表{shop}全体同事，就这次给您带来的不愉快向您致以诚挚的歉意。"
        "您反映的问题我们非常重视。",
        happened + changing,
        remedy_sentence(offered),
        "如果您对处理结果仍不满意，请随时联系我们的客服，我们会第一时间为您跟进，直到您满意为止。",
        f"再次向您表示歉意，感谢您对{shop}的理解与支持，期待继续为您服务！",
        "\n".join(line for line in (sign.shop, f"客服 {sign.staff}" if sign.staff else "",
                                     f"{sign.on.year}年{sign.on.month}月{sign.on.day}日") if line),
    ]


def _parts_en(name: str, case: Case, category: str, change: str, quoted: str,
              offered: list[Remedy], sign: Signature) -> list[str]:
    shop = sign.shop or "our shop"
    product = f"the {case.product}" if case.product else "your item"
    order = f" (order {case.order_no})" if case.order_no else ""
    problem = f"a problem ({category})" if category else "a problem"
    happened = f"{product[0].upper()}{product[1:]} you bought{order} had {problem}, and this caused you trouble."
    if quoted:
        happened += f" As you told us: {quoted}."
    changing = (f" We have found the cause and made a change: {change}." if change
                else " We are finding the cause and will improve the steps involved so that it does not happen again.")
    return [
        f"Dear {name},\nHello!",
        f"On behalf of everyone at {shop}, we sincerely apologise for the trouble this has caused"
        " you. We take the matter you raised very seriously.",
        happened + changing,
        remedy_sentence(offered, en=True),
        "If you are still not satisfied with the outcome, please contact our customer service at"
        " any time: we will follow up at once until you are satisfied.",
        f"Once again, we apologise. Thank you for your understanding and support of {shop}; we look"
        " forward to serving you again!",
        "\n".join(line for line in (sign.shop, sign.staff,
                                     f"{clock.english_day(sign.on)}, {sign.on.year}")
                  if line),
    ]


def letter(case: Case, shop_name: str | None = None, staff_name: str | None = None,
           on: dt.date | None = None, quote_description: bool = False) -> str:
    return "\n\n".join(parts(case, shop_name, staff_name, on, quote_description))
