"""Whose export a sheet is, read from its headers, and how that platform lays out its rows.

The column names come from the seller backends' own exports and from public code that parses
them (docs/orders.md lists the sources). What differs between platforms, beyond the words
(which the order columns' synonyms cover, db/excel/order_kind.py):
- 淘宝/天猫 千牛 订单报表: one row per order, the items summed up in 宝贝标题 / 宝贝总数量;
  its 宝贝报表 (订单编号, 标题, 价格, 购买数量, 商品属性 ...) has one row per item, no buyer.
- 拼多多 订单导出: one row per order line (商品, 商品规格, 商品数量(件), 用户实付金额(元)).
- 抖店 订单导出: one row per sub-order (子订单编号) of a main order (主订单编号).
- 微信小店: one row per item (layout inferred, see docs/orders.md: not confirmed by a source).
"""
from __future__ import annotations

import dataclasses
import re

from db.orders.vocabulary import PLATFORMS

AUTO = "auto"
# The words a customer's 平台 is typed as, per platform (a match on account is per platform).
PLATFORM_WORDS = {
    "taobao": ("淘宝", "天猫", "taobao", "tmall", "千牛"),
    "pdd": ("拼多多", "pdd", "多多"),
    "douyin": ("抖音", "抖店", "douyin", "抖音小店"),
    "weixin": ("微信小店", "微信", "视频号", "视频号小店", "weixin", "wechat"),
    "other": ("其他",),
}


@dataclasses.dataclass(frozen=True)
class Layout:
    platform: str  # a PLATFORMS code
    # Headers only this platform's export writes (normalised as headers.normalise does);
    # the platform with most of them present is the file's.
    marks: tuple[str, ...]
    # True: one row per order line (items complete in the file); False: one row per order,
    # its items a summary (淘宝's 宝贝标题) kept only where the order has no item lines yet.
    line_rows: bool

    @property
    def name(self) -> str:
        return PLATFORMS.source(self.platform)


LAYOUTS = (
    Layout("taobao", ("买家会员名", "买家支付宝账号", "宝贝标题", "宝贝总数量", "买家实际支付金额",
                      "联系手机", "物流单号", "订单创建时间", "订单付款时间", "宝贝种类"), False),
    Layout("pdd", ("商家实收金额", "用户实付金额", "商品数量", "拼单成功时间", "订单成交时间",
                   "店铺优惠折扣", "平台优惠折扣", "样式id", "确认收货时间", "承诺发货时间"), True),
    Layout("douyin", ("主订单编号", "子订单编号", "选购商品", "订单提交时间", "支付完成时间",
                      "订单应付金额", "收件人手机号", "达人id", "订单完成时间"), True),
    Layout("weixin", ("视频号", "微信小店", "订单实付金额", "收件人姓名", "收件人电话", "商品总价",
                      "下单时间", "商品编码"), True),
)
_BY_CODE = {layout.platform: layout for layout in LAYOUTS}
# 淘宝's 宝贝报表: order number and item columns, no buyer; one row per item.
TAOBAO_ITEMS = Layout("taobao", ("标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息"),
                      True)


def layout(code: str) -> Layout:
    return _BY_CODE.get(code) or Layout(code, (), True)


def detect(headers: list[str]) -> tuple[Layout | None, int]:
    """The layout whose marks the headers hold most (None when no platform's mark is there),
    and how many marks it matched."""
    words = {_word(h) for h in headers if h}
    best, score = None, 0
    for candidate in LAYOUTS:
        found = sum(1 for mark in candidate.marks if mark in words)
        if found > score:
            best, score = candidate, found
    items = sum(1 for mark in TAOBAO_ITEMS.marks if mark in words)
    if (best is None or best.platform == "taobao") and items >= 3 and "买家会员名" not in words:
        return TAOBAO_ITEMS, items
    return best, score


_NOISE = re.compile(r"[\s*＊:：#＃]|[（(【\[].*?[)）】\]]")


def _word(header: str) -> str:
    return _NOISE.sub("", str(header)).lower()


def is_item_report(found: Layout) -> bool:
    return found is TAOBAO_ITEMS


# --- addresses -------------------------------------------------------------------------

_POSTCODE = re.compile(r"[（(]\s*\d{6}\s*[)）]\s*$")


def split_address(full: str) -> tuple[str, str, str, str]:
    """淘宝's 收货地址 "浙江省 杭州市 西湖区 文三路 90 号(310012)" -> province, city, district,
    street. The platform separates the first three with spaces; without spaces all of it is
    the street (never guessed apart)."""
    text = _POSTCODE.sub("", full.strip()).strip()
    parts = text.split()
    if len(parts) >= 4 and parts[0].endswith(("省", "市", "区", "自治区")):
        return parts[0], parts[1], parts[2], " ".join(parts[3:])
    return "", "", "", text


def joined_address(province: str, city: str, district: str, street: str) -> str:
    """The address as a customer's 地址 holds it: 浙江省杭州市西湖区文三路 90 号."""
    head = "".join(p for p in (province, city, district) if p)
    if street.startswith(head):  # some exports repeat the region in the street
        return street
    return head + street


_TYPED_SPLIT = re.compile(r"[/、,，;；|\s]+")


def platform_matches(code: str, typed: str) -> bool:
    """Whether a customer's 平台 as typed ("天猫", "淘宝 ", "淘宝/天猫") is this platform."""
    words = PLATFORM_WORDS.get(code, (PLATFORMS.source(code),))
    return any(part in words for part in _TYPED_SPLIT.split(typed.strip().lower()) if part)
