"""A 致歉信 drafted from a case: the six parts the trade teaches, ready to edit.

greeting → apology for the whole shop, taken seriously → what happened and what changes →
the compensation → how to object → a second apology and a request for continued support.
"""
from __future__ import annotations

from db.cases.vocabulary import REMEDY_TYPES, money
from db.models import Case, Customer, Remedy
from db.storage import settings

PART_TITLES = ("称呼问候", "代表店铺致歉", "事情经过与改进", "补偿方案", "不满意时的反馈方式",
               "再次致歉并请求支持")


def parts(case: Case, shop_name: str | None = None) -> list[str]:
    shop = (shop_name if shop_name is not None else settings.get("shop_name")) or "本店"
    customer = Customer.get_by_id(case.customer_id)
    product = f"“{case.product}”" if case.product else "商品"
    order = f"（订单号 {case.order_no}）" if case.order_no else ""
    problem = case.category or "问题"
    happened = f"您购买的{product}{order}出现了{problem}"
    if case.description:
        happened += f"：{case.description.strip()}"
    happened = happened.rstrip("。，,；; ")
    if not happened.endswith(("！", "？", "!", "?")):
        happened += "。"
    change = (case.improvement or case.root_cause).strip().rstrip("。")
    changing = (f"我们已查明原因并改进：{change}。" if change
                else "我们正在查明原因，并会改进相关环节，避免再次发生。")
    offered = [r for r in Remedy.select().where(Remedy.case == case.id).order_by(Remedy.id)
               if r.status != "rejected"]
    if offered:
        items = "；".join(" ".join(p for p in (REMEDY_TYPES.source(r.type), money(r.amount_cents),
                                               r.notes) if p) for r in offered)
        compensation = f"为弥补给您带来的不便，我们为您安排：{items}。"
    else:
        compensation = "为弥补给您带来的不便，我们会尽快为您安排合适的补偿方案。"
    return [
        f"亲爱的{customer.name}：\n您好！",
        f"我们代表{shop}全体同事，就这次给您带来的不愉快向您致以诚挚的歉意。"
        "您反映的问题我们非常重视。",
        f"{happened}{changing}",
        compensation,
        "如果您对处理结果仍不满意，请随时联系我们的客服，我们会第一时间为您跟进，直到您满意为止。",
        f"再次向您表示歉意，感谢您对{shop}的理解与支持，期待继续为您服务！\n\n{shop}",
    ]


def letter(case: Case, shop_name: str | None = None) -> str:
    return "\n\n".join(parts(case, shop_name))
