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


def field_names() -> dict[str, str]:
    return dict(vocabulary.FIELD_NAMES.items())


# Suggestions in editable combo boxes; what the user picks is stored as typed.
PLATFORMS = ["淘宝/天猫", "拼多多", "抖音", "京东", "快手", "小红书", "微信小店", "闲鱼", "其他"]
CHANNELS = ["电话", "微信", "旺旺/千牛", "QQ", "短信", "平台消息", "上门", "其他"]
