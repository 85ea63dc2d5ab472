"""How the customer pages show the codes of db.customers.vocabulary: in the interface language."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.customers import vocabulary
from db.orders.vocabulary import PLATFORMS
from db.vocabulary import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate


def complaint_profiles() -> list[tuple[str, str]]:
    return [("", translate("customers", vocabulary.NOT_JUDGED)),
            *vocabulary.COMPLAINT_PROFILES.items()]


def complaint_profile(code: str) -> str:
    return dict(complaint_profiles()).get(code, code)


def customer_type(name: str, code: str | None) -> str:
    return vocabulary.type_label(name, code)


def field_names() -> dict[str, str]:
    return dict(vocabulary.FIELD_NAMES.items())


_SUGGESTED = (QT_TRANSLATE_NOOP("platforms", "淘宝/天猫"), QT_TRANSLATE_NOOP("platforms", "拼多多"),
              QT_TRANSLATE_NOOP("platforms", "抖音"), QT_TRANSLATE_NOOP("platforms", "京东"),
              QT_TRANSLATE_NOOP("platforms", "快手"), QT_TRANSLATE_NOOP("platforms", "小红书"),
              QT_TRANSLATE_NOOP("platforms", "微信小店"), QT_TRANSLATE_NOOP("platforms", "闲鱼"),
              QT_TRANSLATE_NOOP("platforms", "其他"))


# Suggestions in editable combo boxes, in the interface language; what the user picks is
# stored as typed.
def platforms() -> list[str]:
    return [translate("platforms", word) for word in _SUGGESTED]


def platform_shown(typed: str) -> str:
    """A customer's 平台 as stored, in the interface language when it is a word the app wrote
    (an order import's 淘宝) or suggested (淘宝/天猫); a shop's own word stays as typed."""
    word = typed.strip()
    if word in _SUGGESTED:
        return translate("platforms", word)
    code = PLATFORMS.code(word)
    return PLATFORMS.label(code) if code is not None else typed


def account_shown(platform: str, account: str) -> str:
    """The 平台账号 column: "淘宝 tb_wangxm", the platform in the interface language."""
    return f"{platform_shown(platform)} {account}".strip() if account else ""


def channels() -> list[str]:
    return [
        translate("channels", "电话"),
        translate("channels", "微信"),
        translate("channels", "旺旺/千牛"),
        translate("channels", "QQ"),
        translate("channels", "短信"),
        translate("channels", "平台消息"),
        translate("channels", "上门"),
        translate("channels", "其他"),
    ]
