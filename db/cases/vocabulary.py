"""Codes stored for cases and their Chinese names (used in timeline sentences and letters).

The desktop shows translated names (desktop/cases/labels.py); these are the shop's words for
text that is written down at the time, such as timeline entries.
"""
from __future__ import annotations

from db.errors import FieldError


class CaseError(FieldError):
    """Invalid case input."""


EMOTIONS = {"calm": "平静", "anxious": "焦虑", "angry": "愤怒", "sad": "悲伤", "loud": "喧哗"}
SEVERITIES = {"simple": "简单", "complex": "复杂"}
REMEDY_TYPES = {"refund": "退款", "exchange": "换货", "reship": "补发", "repair": "维修",
                "coupon": "优惠券", "compensation": "小额补偿", "gift": "赠品", "other": "其他"}
REMEDY_STATUSES = {"proposed": "提议", "agreed": "已同意", "in_progress": "执行中",
                   "done": "已完成", "rejected": "被拒绝"}
# Types where an amount makes sense (a gift or an exchange has none).
AMOUNT_TYPES = {"refund", "coupon", "compensation", "other", "repair"}
DEFAULT_CATEGORIES = ["质量问题", "物流延误", "少件漏发", "错发", "尺码不符", "色差", "破损",
                      "服务态度", "其他"]
FIELD_NAMES = {"customer": "客户", "order_no": "订单号", "product": "商品", "channel": "渠道",
               "category": "问题分类", "description": "问题描述", "emotion": "买家情绪",
               "complaint_profile": "投诉类型", "severity": "严重程度", "staff": "负责客服"}


def money(cents: int | None) -> str:
    if cents is None:
        return ""
    return f"{cents / 100:.2f}".rstrip("0").rstrip(".") + " 元"


def parse_money(text: str) -> int | None:
    """'12.5' / '12.50元' / '¥12' -> cents; '' -> None; raises ValueError in Chinese."""
    raw = (text or "").strip().replace("¥", "").replace("￥", "").replace("元", "").strip()
    if not raw:
        return None
    try:
        value = round(float(raw) * 100)
    except ValueError:
        raise ValueError(f"“{text}” 不是金额（例如 12.50）") from None
    if value < 0 or value > 100_000_000:
        raise ValueError(f"金额 “{text}” 超出范围")
    return value
