"""The customer archive's codes and words, each defined once (see db.vocabulary)."""
from __future__ import annotations

from db.vocabulary import QT_TRANSLATE_NOOP, Vocabulary

# The trade's three kinds of complaining buyer (DOMAIN.md); "" is not judged yet.
COMPLAINT_PROFILES = Vocabulary("customers", {
    "perceptive": QT_TRANSLATE_NOOP("customers", "用户感知型"),
    "problem": QT_TRANSLATE_NOOP("customers", "解决问题型"),
    "difficult": QT_TRANSLATE_NOOP("customers", "刁难纠缠型"),
})
NOT_JUDGED = QT_TRANSLATE_NOOP("customers", "（未判断）")

# The customer's fields as forms, conflicts and messages name them.
FIELD_NAMES = Vocabulary("customers", {
    "name": QT_TRANSLATE_NOOP("customers", "称呼"),
    "phone": QT_TRANSLATE_NOOP("customers", "手机"),
    "wechat": QT_TRANSLATE_NOOP("customers", "微信"),
    "qq": QT_TRANSLATE_NOOP("customers", "QQ"),
    "platform": QT_TRANSLATE_NOOP("customers", "平台"),
    "platform_account": QT_TRANSLATE_NOOP("customers", "平台账号"),
    "address": QT_TRANSLATE_NOOP("customers", "地址"),
    "type": QT_TRANSLATE_NOOP("customers", "类型"),
    "complaint_profile": QT_TRANSLATE_NOOP("customers", "投诉类型"),
    "tags": QT_TRANSLATE_NOOP("customers", "标签"),
    "staff": QT_TRANSLATE_NOOP("customers", "负责客服"),
    "notes": QT_TRANSLATE_NOOP("customers", "备注"),
    "next_visit": QT_TRANSLATE_NOOP("customers", "下次回访"),
})
