"""The order codes and words, each defined once (see db.vocabulary)."""
from __future__ import annotations

from db.vocabulary import QT_TRANSLATE_NOOP, Vocabulary

# Stored in Order.platform. The label is also what Customer.platform holds for a buyer
# created from an order (the word a shop already types there).
PLATFORMS = Vocabulary("orders", {
    "taobao": QT_TRANSLATE_NOOP("orders", "淘宝"),
    "pdd": QT_TRANSLATE_NOOP("orders", "拼多多"),
    "douyin": QT_TRANSLATE_NOOP("orders", "抖音"),
    "weixin": QT_TRANSLATE_NOOP("orders", "微信小店"),
    "other": QT_TRANSLATE_NOOP("orders", "其他"),
})
