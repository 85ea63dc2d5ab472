"""How the customer pages show the codes of db.customers.vocabulary: in the interface language."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.customers import vocabulary

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


# Suggestions in editable combo boxes, in the interface language; what the user picks is
# stored as typed.
def platforms() -> list[str]:
    return [
        translate("platforms", "淘宝/天猫"),
        translate("platforms", "拼多多"),
        translate("platforms", "抖音"),
        translate("platforms", "京东"),
        translate("platforms", "快手"),
        translate("platforms", "小红书"),
        translate("platforms", "微信小店"),
        translate("platforms", "闲鱼"),
        translate("platforms", "其他"),
    ]


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
