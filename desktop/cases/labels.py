"""How the cases page shows the codes stored on cases: the labels of db.cases.vocabulary in
the interface language, and the deadline colours."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from db.cases import vocabulary

translate = QCoreApplication.translate

OVERDUE = QColor("#b91c1c")  # red: past its deadline
DUE_TODAY = QColor("#c2410c")  # orange: due later today
OVERDUE_BG = QColor("#fee2e2")
DUE_TODAY_BG = QColor("#ffedd5")


def stages() -> list[tuple[str, str]]:
    return vocabulary.STAGES.items()


def stage(code: str) -> str:
    return vocabulary.STAGES.label(code)


def category(text: str) -> str:
    """A default category in the interface language; one the shop typed as typed."""
    return vocabulary.category_label(text)


def money(cents: int | None) -> str:
    """An amount with its unit in the interface language ("20 元", "20 yuan")."""
    return "" if cents is None else translate("cases", "%1 元").replace(
        "%1", vocabulary.amount(cents))


def emotions() -> list[tuple[str, str]]:
    return [("", translate("cases", vocabulary.NOT_JUDGED)), *vocabulary.EMOTIONS.items()]


def severities() -> list[tuple[str, str]]:
    return vocabulary.SEVERITIES.items()


def remedy_types() -> list[tuple[str, str]]:
    return vocabulary.REMEDY_TYPES.items()


def remedy_statuses() -> list[tuple[str, str]]:
    return vocabulary.REMEDY_STATUSES.items()


def due_kind(kind: str) -> str:
    return vocabulary.DUE_KINDS.label(kind)


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


def checklist(stage: str) -> list[str]:
    return [translate("checklist", item) for item in vocabulary.CHECKLISTS[stage]]
