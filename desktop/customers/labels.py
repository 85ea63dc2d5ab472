"""Display names for the fixed codes stored in the database."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def complaint_profiles() -> list[tuple[str, str]]:
    return [("", translate("labels", "（未判断）")),
            ("perceptive", translate("labels", "用户感知型")),
            ("problem", translate("labels", "解决问题型")),
            ("difficult", translate("labels", "刁难纠缠型"))]


def complaint_profile(code: str) -> str:
    return dict(complaint_profiles()).get(code, code)


def field_names() -> dict[str, str]:
    return {"name": translate("labels", "称呼"), "phone": translate("labels", "手机"),
            "wechat": translate("labels", "微信"), "qq": translate("labels", "QQ"),
            "platform": translate("labels", "平台"),
            "platform_account": translate("labels", "平台账号"),
            "address": translate("labels", "地址"), "type": translate("labels", "类型"),
            "complaint_profile": translate("labels", "投诉类型"),
            "tags": translate("labels", "标签"), "staff": translate("labels", "负责客服"),
            "notes": translate("labels", "备注"), "next_visit": translate("labels", "下次回访")}


# Suggestions in editable combo boxes; what the user picks is stored as typed.
PLATFORMS = ["淘宝/天猫", "拼多多", "抖音", "京东", "快手", "小红书", "微信小店", "闲鱼", "其他"]
CHANNELS = ["电话", "微信", "旺旺/千牛", "QQ", "短信", "平台消息", "上门", "其他"]
