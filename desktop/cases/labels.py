"""Display names for the codes stored on cases (translated; db/case_labels.py is the source)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from db.cases import workflow as wf
from PySide6.QtGui import QColor

translate = QCoreApplication.translate

OVERDUE = QColor("#b91c1c")  # red: past its deadline
DUE_TODAY = QColor("#c2410c")  # orange: due later today
OVERDUE_BG = QColor("#fee2e2")
DUE_TODAY_BG = QColor("#ffedd5")


def stages() -> list[tuple[str, str]]:
    return [("reception", translate("cases", "热情接待")), ("apology", translate("cases", "道歉")),
            ("remedy", translate("cases", "补救")), ("followup", translate("cases", "跟进")),
            ("closed", translate("cases", "已结案"))]


def stage(code: str) -> str:
    return dict(stages()).get(code, code)


def emotions() -> list[tuple[str, str]]:
    return [("", translate("cases", "（未判断）")), ("calm", translate("cases", "平静")),
            ("anxious", translate("cases", "焦虑")), ("angry", translate("cases", "愤怒")),
            ("sad", translate("cases", "悲伤")), ("loud", translate("cases", "喧哗"))]


def severities() -> list[tuple[str, str]]:
    return [("simple", translate("cases", "简单")), ("complex", translate("cases", "复杂"))]


def remedy_types() -> list[tuple[str, str]]:
    return [("refund", translate("cases", "退款")), ("exchange", translate("cases", "换货")),
            ("reship", translate("cases", "补发")), ("repair", translate("cases", "维修")),
            ("coupon", translate("cases", "优惠券")),
            ("compensation", translate("cases", "小额补偿")),
            ("gift", translate("cases", "赠品")), ("other", translate("cases", "其他"))]


def remedy_statuses() -> list[tuple[str, str]]:
    return [("proposed", translate("cases", "提议")), ("agreed", translate("cases", "已同意")),
            ("in_progress", translate("cases", "执行中")), ("done", translate("cases", "已完成")),
            ("rejected", translate("cases", "被拒绝"))]


def due_kind(kind: str) -> str:
    return {"apology": translate("cases", "接待并道歉"),
            "remedy": translate("cases", "提出补救方案"),
            "solution": translate("cases", "告知处理结果"),
            "promise": translate("cases", "按约定跟进")}.get(kind, kind)


def status_text(status: str) -> str:
    return {"overdue": translate("cases", "已超时"), "today": translate("cases", "今天到期")}.get(
        status, "")


def overdue_text(due, now) -> str:
    from db.cases.deadlines import overdue_amount  # noqa: PLC0415
    amount, unit = overdue_amount(due, now)
    text = {"minutes": translate("cases", "超时 %1 分钟"), "hours": translate("cases", "超时 %1 小时"),
            "days": translate("cases", "超时 %1 天")}[unit]
    return text.replace("%1", str(amount))


def name_of(pairs: list[tuple[str, str]], code: str) -> str:
    return dict(pairs).get(code, code)


# The stage checklists live in db.case_workflow; listed here so that lupdate finds them.
_CHECKLIST_TEXTS = (
    QT_TRANSLATE_NOOP("checklist", "比售前更热情地接待，第一时间回复"),
    QT_TRANSLATE_NOOP("checklist", "记下买家称呼、订单号、商品"),
    QT_TRANSLATE_NOOP("checklist", "耐心听完，不急于下结论"),
    QT_TRANSLATE_NOOP("checklist", "向买家复述问题并得到确认"),
    QT_TRANSLATE_NOOP("checklist", "不论原因，先真诚道歉"),
    QT_TRANSLATE_NOOP("checklist", "先安抚情绪（愤怒、焦虑、悲伤、喧哗）"),
    QT_TRANSLATE_NOOP("checklist", "用“您”和“我们”，不说推脱的话"),
    QT_TRANSLATE_NOOP("checklist", "尽快提出具体的补救方案"),
    QT_TRANSLATE_NOOP("checklist", "说清楚方案内容：退款、换货、补发、维修、优惠券、补偿或赠品"),
    QT_TRANSLATE_NOOP("checklist", "买家同意方案"),
    QT_TRANSLATE_NOOP("checklist", "告诉买家处理进度和明确的时间点"),
    QT_TRANSLATE_NOOP("checklist", "处理完成后确认结果"),
    QT_TRANSLATE_NOOP("checklist", "回访满意度，感谢买家，维护关系"),
    QT_TRANSLATE_NOOP("checklist", "买家确认满意"),
    QT_TRANSLATE_NOOP("checklist", "把原因反馈给店铺，改善缺点、预防再犯"),
)


def checklist(stage: str) -> list[str]:
    return [translate("checklist", item) for item in wf.CHECKLISTS[stage]]
