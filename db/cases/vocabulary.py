"""The after-sales codes and words, each defined once (see db.vocabulary): stages, moods,
severities, remedies, deadlines, the case's field names and the stage checklists.

The core writes the Chinese words (`source`) into what it stores and into its messages; the
desktop shows `label`s, translated.
"""
from __future__ import annotations

from db.errors import CaseError
from db.vocabulary import QT_TRANSLATE_NOOP, Vocabulary, translate


STAGES = Vocabulary("cases", {
    "reception": QT_TRANSLATE_NOOP("cases", "热情接待"),
    "apology": QT_TRANSLATE_NOOP("cases", "道歉"),
    "remedy": QT_TRANSLATE_NOOP("cases", "补救"),
    "followup": QT_TRANSLATE_NOOP("cases", "跟进"),
    "closed": QT_TRANSLATE_NOOP("cases", "已结案"),
})
EMOTIONS = Vocabulary("cases", {
    "calm": QT_TRANSLATE_NOOP("cases", "平静"),
    "anxious": QT_TRANSLATE_NOOP("cases", "焦虑"),
    "angry": QT_TRANSLATE_NOOP("cases", "愤怒"),
    "sad": QT_TRANSLATE_NOOP("cases", "悲伤"),
    "loud": QT_TRANSLATE_NOOP("cases", "喧哗"),
})
NOT_JUDGED = QT_TRANSLATE_NOOP("cases", "（未判断）")  # an emotion not noted yet
SEVERITIES = Vocabulary("cases", {
    "simple": QT_TRANSLATE_NOOP("cases", "简单"),
    "complex": QT_TRANSLATE_NOOP("cases", "复杂"),
})
REMEDY_TYPES = Vocabulary("cases", {
    "refund": QT_TRANSLATE_NOOP("cases", "退款"),
    "exchange": QT_TRANSLATE_NOOP("cases", "换货"),
    "reship": QT_TRANSLATE_NOOP("cases", "补发"),
    "repair": QT_TRANSLATE_NOOP("cases", "维修"),
    "coupon": QT_TRANSLATE_NOOP("cases", "优惠券"),
    "compensation": QT_TRANSLATE_NOOP("cases", "小额补偿"),
    "gift": QT_TRANSLATE_NOOP("cases", "赠品"),
    "other": QT_TRANSLATE_NOOP("cases", "其他"),
})
REMEDY_STATUSES = Vocabulary("cases", {
    "proposed": QT_TRANSLATE_NOOP("cases", "提议"),
    "agreed": QT_TRANSLATE_NOOP("cases", "已同意"),
    "in_progress": QT_TRANSLATE_NOOP("cases", "执行中"),
    "done": QT_TRANSLATE_NOOP("cases", "已完成"),
    "rejected": QT_TRANSLATE_NOOP("cases", "被拒绝"),
})
# What the case's next deadline asks for (Case.due_kind).
DUE_KINDS = Vocabulary("cases", {
    "apology": QT_TRANSLATE_NOOP("cases", "接待并道歉"),
    "remedy": QT_TRANSLATE_NOOP("cases", "提出补救方案"),
    "solution": QT_TRANSLATE_NOOP("cases", "告知处理结果"),
    "promise": QT_TRANSLATE_NOOP("cases", "按约定跟进"),
})
# Types where an amount makes sense (a gift or an exchange has none).
AMOUNT_TYPES = {"refund", "coupon", "compensation", "other", "repair"}
# A new shop's categories. Stored as these Chinese words; shown in the interface language
# (category_label), while a category the shop typed shows as typed.
DEFAULT_CATEGORIES = [
    QT_TRANSLATE_NOOP("categories", "质量问题"),
    QT_TRANSLATE_NOOP("categories", "物流延误"),
    QT_TRANSLATE_NOOP("categories", "少件漏发"),
    QT_TRANSLATE_NOOP("categories", "错发"),
    QT_TRANSLATE_NOOP("categories", "尺码不符"),
    QT_TRANSLATE_NOOP("categories", "色差"),
    QT_TRANSLATE_NOOP("categories", "破损"),
    QT_TRANSLATE_NOOP("categories", "服务态度"),
    QT_TRANSLATE_NOOP("categories", "其他"),
]


def category_label(text: str) -> str:
    return translate("categories", text) if text in DEFAULT_CATEGORIES else text

# The case's fields as the form, the timeline and messages name them.
FIELD_NAMES = Vocabulary("cases", {
    "customer": QT_TRANSLATE_NOOP("cases", "客户"),
    "order_no": QT_TRANSLATE_NOOP("cases", "订单号"),
    "product": QT_TRANSLATE_NOOP("cases", "商品"),
    "channel": QT_TRANSLATE_NOOP("cases", "渠道"),
    "category": QT_TRANSLATE_NOOP("cases", "问题分类"),
    "description": QT_TRANSLATE_NOOP("cases", "问题描述"),
    "emotion": QT_TRANSLATE_NOOP("cases", "买家情绪"),
    "complaint_profile": QT_TRANSLATE_NOOP("cases", "投诉类型"),
    "severity": QT_TRANSLATE_NOOP("cases", "严重程度"),
    "staff": QT_TRANSLATE_NOOP("cases", "负责客服"),
})
# What the trade expects before a stage is done (the training the domain brief quotes).
CHECKLISTS = {
    "reception": [QT_TRANSLATE_NOOP("checklist", "比售前更热情地接待，第一时间回复"),
                  QT_TRANSLATE_NOOP("checklist", "记下买家称呼、订单号、商品"),
                  QT_TRANSLATE_NOOP("checklist", "耐心听完，不急于下结论"),
                  QT_TRANSLATE_NOOP("checklist", "向买家复述问题并得到确认")],
    "apology": [QT_TRANSLATE_NOOP("checklist", "不论原因，先真诚道歉"),
                QT_TRANSLATE_NOOP("checklist", "先安抚情绪（愤怒、焦虑、悲伤、喧哗）"),
                QT_TRANSLATE_NOOP("checklist", "用“您”和“我们”，不说推脱的话")],
    "remedy": [QT_TRANSLATE_NOOP("checklist", "尽快提出具体的补救方案"),
               QT_TRANSLATE_NOOP("checklist", "说清楚方案内容：退款、换货、补发、维修、优惠券、补偿或赠品"),
               QT_TRANSLATE_NOOP("checklist", "买家同意方案")],
    "followup": [QT_TRANSLATE_NOOP("checklist", "告诉买家处理进度和明确的时间点"),
                 QT_TRANSLATE_NOOP("checklist", "处理完成后确认结果"),
                 QT_TRANSLATE_NOOP("checklist", "回访满意度，感谢买家，维护关系")],
    "closed": [QT_TRANSLATE_NOOP("checklist", "买家确认满意"),
               QT_TRANSLATE_NOOP("checklist", "把原因反馈给店铺，改善缺点、预防再犯")],
}


def amount(cents: int) -> str:
    """12.5 for 1250 cents: no trailing zeros."""
    return f"{cents / 100:.2f}".rstrip("0").rstrip(".")


def money(cents: int | None) -> str:
    return "" if cents is None else amount(cents) + " 元"


def parse_money(text: str) -> int | None:
    """'12.5' / '12.50元' / '¥12' -> cents; '' -> None; raises CaseError (a ValueError)."""
    raw = (text or "").strip().replace("¥", "").replace("￥", "").replace("元", "").strip()
    if not raw:
        return None
    try:
        value = round(float(raw) * 100)
    except ValueError:
        raise CaseError("amount", QT_TRANSLATE_NOOP(
            "CaseError", "金额：“%1” 不是金额（例如 12.50）"), text) from None
    if value < 0 or value > 100_000_000:
        raise CaseError("amount", QT_TRANSLATE_NOOP("CaseError", "金额 “%1” 超出范围"), text)
    return value
