"""The after-sales path as a small state machine: 热情接待 → 道歉 → 补救 → 跟进 → 已结案.

Pure rules: given the current stage and what the user asks for, either a Transition to record
or a WorkflowError with a message for the user. db.cases applies and records transitions.
"""
from __future__ import annotations

import dataclasses

from db.cases import vocabulary
from db.errors import WordedError
from db.vocabulary import QT_TRANSLATE_NOOP, Listed, Word

STAGES = ("reception", "apology", "remedy", "followup", "closed")
OPEN_STAGES = STAGES[:-1]
REASON_LIMIT = 500


class WorkflowError(WordedError):
    """A transition the rules refuse (stages as the vocabulary's terms)."""
    context = "CaseWorkflow"


_BETWEEN = QT_TRANSLATE_NOOP("CaseWorkflow", "”、“")  # stages in a list, each in quotes


def _stages(codes: tuple[str, ...]) -> Listed:
    """Several stages inside a message (the template quotes the whole list)."""
    return Listed(tuple(vocabulary.STAGES.term(code) for code in codes), "CaseWorkflow", _BETWEEN)


_REASON, _NOTE = QT_TRANSLATE_NOOP("CaseWorkflow", "跳过原因"), QT_TRANSLATE_NOOP("CaseWorkflow", "备注")


@dataclasses.dataclass(frozen=True)
class Transition:
    kind: str  # advance | skip | close | reopen
    from_stage: str
    to_stage: str
    skipped: tuple[str, ...] = ()
    reason: str = ""
    note: str = ""


def label(stage: str) -> str:
    """The stage's Chinese word, as messages and the timeline write it."""
    return vocabulary.STAGES.source(stage)


def next_stage(stage: str) -> str | None:
    _check_known(stage)
    position = STAGES.index(stage)
    return STAGES[position + 1] if position + 1 < len(STAGES) else None


def plan_advance(current: str, target: str | None = None, note: str = "",
                 reason: str = "") -> Transition:
    """Move an open case forward to target (default: the next stage), never to 已结案."""
    _check_known(current)
    if current == "closed":
        raise WorkflowError(QT_TRANSLATE_NOOP("CaseWorkflow", "工单已结案，如需继续处理请先“重新打开”并填写原因"))
    target = target or next_stage(current)
    _check_known(target)
    if target == "closed":
        raise WorkflowError(QT_TRANSLATE_NOOP("CaseWorkflow", "结案请使用“结案”：需要填写买家满意度和改善措施"))
    if STAGES.index(target) <= STAGES.index(current):
        raise WorkflowError(QT_TRANSLATE_NOOP(
            "CaseWorkflow", "工单已在“%1”，不能退回到“%2”；阶段只能按顺序向前推进"),
            vocabulary.STAGES.term(current), vocabulary.STAGES.term(target))
    skipped = STAGES[STAGES.index(current) + 1:STAGES.index(target)]
    reason = _clean(reason, _REASON)
    if skipped and not reason:
        raise WorkflowError(QT_TRANSLATE_NOOP("CaseWorkflow", "跳过“%1”需要填写原因"),
                            _stages(skipped))
    return Transition("skip" if skipped else "advance", current, target, skipped,
                      reason, _clean(note, _NOTE))


def plan_close(current: str, satisfaction: int | None, root_cause: str, improvement: str,
               note: str = "", reason: str = "") -> Transition:
    """Close a case: from 跟进, or earlier with a reason for the stages skipped."""
    _check_known(current)
    if current == "closed":
        raise WorkflowError(QT_TRANSLATE_NOOP("CaseWorkflow", "工单已经结案"))
    check_closing(satisfaction, root_cause, improvement)
    skipped = STAGES[STAGES.index(current) + 1:-1]
    reason = _clean(reason, _REASON)
    if skipped and not reason:
        raise WorkflowError(QT_TRANSLATE_NOOP("CaseWorkflow", "直接结案会跳过“%1”，需要填写原因"),
                            _stages(skipped))
    return Transition("close", current, "closed", skipped, reason, _clean(note, _NOTE))


def plan_reopen(current: str, reason: str, target: str = "followup") -> Transition:
    """Reopen a closed case (the buyer came back): a reason is required."""
    _check_known(current)
    if current != "closed":
        raise WorkflowError(QT_TRANSLATE_NOOP(
            "CaseWorkflow", "工单还在“%1”阶段，没有结案，无需重新打开"), vocabulary.STAGES.term(current))
    _check_known(target)
    if target == "closed":
        raise WorkflowError(QT_TRANSLATE_NOOP("CaseWorkflow", "重新打开时请选择一个处理阶段"))
    reason = _clean(reason, QT_TRANSLATE_NOOP("CaseWorkflow", "重新打开的原因"))
    if not reason:
        raise WorkflowError(QT_TRANSLATE_NOOP("CaseWorkflow", "重新打开工单需要填写原因"))
    return Transition("reopen", current, target, (), reason)


def check_closing(satisfaction: int | None, root_cause: str, improvement: str) -> None:
    if satisfaction is None or not isinstance(satisfaction, int) or not 1 <= satisfaction <= 5:
        raise WorkflowError(QT_TRANSLATE_NOOP("CaseWorkflow", "请填写买家满意度（1–5 分）"))
    if not (root_cause or "").strip() and not (improvement or "").strip():
        raise WorkflowError(QT_TRANSLATE_NOOP("CaseWorkflow", "请填写问题原因或改善措施，让店铺预防再犯"))
    _clean(root_cause, QT_TRANSLATE_NOOP("CaseWorkflow", "问题原因"))
    _clean(improvement, QT_TRANSLATE_NOOP("CaseWorkflow", "改善措施"))


def _clean(value: str, field: str) -> str:
    value = (value or "").strip()
    if len(value) > REASON_LIMIT:
        raise WorkflowError(QT_TRANSLATE_NOOP("CaseWorkflow", "“%1”太长（最多 %2 个字）"),
                            Word("CaseWorkflow", field), REASON_LIMIT)
    return value


def _check_known(stage: str | None) -> None:
    if stage not in STAGES:
        raise WorkflowError(QT_TRANSLATE_NOOP("CaseWorkflow", "未知的工单阶段“%1”"), stage)
