"""The snippets' codes and words, each defined once (see db.vocabulary)."""
from __future__ import annotations

from db.vocabulary import QT_TRANSLATE_NOOP, Vocabulary

# How bad a listed phrase is: never to be said, or to be used with care.
PHRASE_SEVERITIES = Vocabulary("snippets", {
    "forbidden": QT_TRANSLATE_NOOP("snippets", "禁语"),
    "caution": QT_TRANSLATE_NOOP("snippets", "慎用"),
})

# What kind of bad wording a rule catches (the eight kinds, in a shop owner's words).
PHRASE_CATEGORIES = Vocabulary("snippets", {
    "deflect": QT_TRANSLATE_NOOP("snippets", "推诿"),
    "blame": QT_TRANSLATE_NOOP("snippets", "指责"),
    "refuse": QT_TRANSLATE_NOOP("snippets", "拒绝"),
    "impatient": QT_TRANSLATE_NOOP("snippets", "不耐烦"),
    "absolute": QT_TRANSLATE_NOOP("snippets", "绝对承诺"),
    "delay": QT_TRANSLATE_NOOP("snippets", "拖延"),
    "contradict": QT_TRANSLATE_NOOP("snippets", "反驳"),
    "contrast": QT_TRANSLATE_NOOP("snippets", "转折"),
})

# Each placeholder's name as a person reads it in the interface language (the fill dialog's
# labels, the marked gaps of a reply); the snippet bodies keep {订单号} or its alias {order}.
PLACEHOLDER_NAMES = Vocabulary("placeholders", {
    "称呼": QT_TRANSLATE_NOOP("placeholders", "称呼"),
    "客户名": QT_TRANSLATE_NOOP("placeholders", "客户名"),
    "买家账号": QT_TRANSLATE_NOOP("placeholders", "买家账号"),
    "平台": QT_TRANSLATE_NOOP("placeholders", "平台"),
    "手机尾号": QT_TRANSLATE_NOOP("placeholders", "手机尾号"),
    "店铺名": QT_TRANSLATE_NOOP("placeholders", "店铺名"),
    "客服名": QT_TRANSLATE_NOOP("placeholders", "客服名"),
    "日期": QT_TRANSLATE_NOOP("placeholders", "日期"),
    "时间": QT_TRANSLATE_NOOP("placeholders", "时间"),
    "星期": QT_TRANSLATE_NOOP("placeholders", "星期"),
    "订单号": QT_TRANSLATE_NOOP("placeholders", "订单号"),
    "商品": QT_TRANSLATE_NOOP("placeholders", "商品"),
    "时限": QT_TRANSLATE_NOOP("placeholders", "时限"),
    "快递公司": QT_TRANSLATE_NOOP("placeholders", "快递公司"),
    "快递单号": QT_TRANSLATE_NOOP("placeholders", "快递单号"),
    "收货地址": QT_TRANSLATE_NOOP("placeholders", "收货地址"),
    "下单时间": QT_TRANSLATE_NOOP("placeholders", "下单时间"),
})
