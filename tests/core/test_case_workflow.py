"""The stage machine alone: every allowed and refused transition."""
from __future__ import annotations

import itertools

import pytest

from db.cases import workflow as wf
from db.cases.vocabulary import CHECKLISTS
from db.cases.workflow import WorkflowError


@pytest.mark.parametrize("current,expected", [
    ("reception", "apology"), ("apology", "remedy"), ("remedy", "followup")])
def test_advance_goes_to_the_next_stage_in_order(current, expected):
    move = wf.plan_advance(current, note="  已复述问题  ")
    assert (move.kind, move.from_stage, move.to_stage, move.skipped) == (
        "advance", current, expected, ())
    assert move.note == "已复述问题"


def test_every_backward_or_same_stage_move_is_refused():
    for current, target in itertools.product(wf.OPEN_STAGES, wf.OPEN_STAGES):
        if wf.STAGES.index(target) <= wf.STAGES.index(current):
            with pytest.raises(WorkflowError, match="只能按顺序向前推进"):
                wf.plan_advance(current, target, reason="任意")


def test_skipping_needs_a_reason_naming_the_skipped_stages():
    with pytest.raises(WorkflowError, match="跳过“道歉”、“补救”需要填写原因"):
        wf.plan_advance("reception", "followup")
    with pytest.raises(WorkflowError, match="需要填写原因"):
        wf.plan_advance("reception", "remedy", reason="   ")
    move = wf.plan_advance("reception", "remedy", reason="买家只要求补发，不需要道歉")
    assert move.kind == "skip" and move.skipped == ("apology",)
    assert move.reason == "买家只要求补发，不需要道歉"


def test_advance_never_closes_and_a_closed_case_cannot_advance():
    with pytest.raises(WorkflowError, match="结案请使用"):
        wf.plan_advance("followup")
    with pytest.raises(WorkflowError, match="已结案"):
        wf.plan_advance("closed", "followup")


def test_unknown_stages_are_refused():
    with pytest.raises(WorkflowError, match="未知的工单阶段“done”"):
        wf.plan_advance("done")
    with pytest.raises(WorkflowError, match="未知"):
        wf.plan_advance("reception", "later")


def test_closing_from_followup_needs_satisfaction_and_cause():
    move = wf.plan_close("followup", 5, "快递压坏", "换加厚纸箱")
    assert (move.kind, move.to_stage, move.skipped) == ("close", "closed", ())
    for bad in (None, 0, 6, "5", 4.5):
        with pytest.raises(WorkflowError, match="满意度（1–5 分）"):
            wf.plan_close("followup", bad, "原因", "")
    with pytest.raises(WorkflowError, match="问题原因或改善措施"):
        wf.plan_close("followup", 3, "  ", "")
    assert wf.plan_close("followup", 1, "", "仓库复核").skipped == ()


def test_closing_early_skips_stages_and_needs_a_reason():
    with pytest.raises(WorkflowError, match="直接结案会跳过“补救”、“跟进”"):
        wf.plan_close("apology", 4, "误会", "")
    move = wf.plan_close("apology", 4, "误会", "", reason="买家看错了尺码表，已解释清楚")
    assert move.skipped == ("remedy", "followup")


def test_closing_twice_is_refused():
    with pytest.raises(WorkflowError, match="已经结案"):
        wf.plan_close("closed", 5, "x", "y")


def test_reopen_needs_a_closed_case_and_a_reason():
    with pytest.raises(WorkflowError, match="没有结案"):
        wf.plan_reopen("remedy", "买家又来了")
    with pytest.raises(WorkflowError, match="需要填写原因"):
        wf.plan_reopen("closed", "")
    with pytest.raises(WorkflowError, match="选择一个处理阶段"):
        wf.plan_reopen("closed", "买家又来了", "closed")
    move = wf.plan_reopen("closed", "补发的货也坏了", "remedy")
    assert (move.kind, move.to_stage, move.reason) == ("reopen", "remedy", "补发的货也坏了")


def test_overlong_reasons_are_refused_with_the_field_named():
    with pytest.raises(WorkflowError, match="“跳过原因”太长"):
        wf.plan_advance("reception", "remedy", reason="长" * 501)


def test_every_stage_has_a_label_and_a_checklist():
    assert [wf.label(s) for s in wf.STAGES] == ["热情接待", "道歉", "补救", "跟进", "已结案"]
    assert all(CHECKLISTS[s] for s in wf.STAGES)
    assert wf.next_stage("followup") == "closed" and wf.next_stage("closed") is None


def test_a_refusal_reads_in_the_interface_language_and_stays_chinese_as_text():
    from db import vocabulary as core_words
    from tests.helpers import english
    translated = english()
    with pytest.raises(wf.WorkflowError) as caught:
        wf.plan_advance("reception", "followup")
    assert str(caught.value) == "跳过“道歉”、“补救”需要填写原因"  # the command line, the report
    core_words.set_translator(lambda context, text: translated.get((context, text), text))
    try:
        assert caught.value.worded() == "Skipping “Apology”, “Remedy” needs a reason"
        with pytest.raises(wf.WorkflowError) as back:
            wf.plan_advance("remedy", "apology")
        assert back.value.worded() == ("The case is already at “Remedy” and cannot go back to "
                                       "“Apology”; stages only move forward, in order")
        with pytest.raises(wf.WorkflowError) as long:
            wf.plan_reopen("closed", "长" * 501)
        assert long.value.worded() == "“Reason for reopening” is too long (at most 500 characters)"
    finally:
        core_words.set_translator(None)
    assert caught.value.worded() == str(caught.value)  # no translator: the Chinese text
