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

# The built-in customer types as a new archive names them (code -> name); the shop may rename
# them, and a renamed type shows its new name as typed.
TYPE_NAMES = Vocabulary("customer types", {
    "new": QT_TRANSLATE_NOOP("customer types", "新客户"),
    "regular": QT_TRANSLATE_NOOP("customer types", "老客户"),
    "vip": QT_TRANSLATE_NOOP("customer types", "VIP"),
    "blacklist": QT_TRANSLATE_NOOP("customer types", "黑名单"),
})


def type_label(name: str, code: str | None) -> str:
    """A customer type's name in the interface language while it has its built-in name."""
    return TYPE_NAMES.label(code) if code and TYPE_NAMES.source(code) == name else name
