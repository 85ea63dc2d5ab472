"""The timeline is stored as event kinds with parameters and worded in the interface
language; the Chinese sentence is stored beside them; older entries keep their text."""
from __future__ import annotations

import datetime as dt

import pytest

from db import clock, vocabulary
from db.cases import records as cases, timeline
from db.cases.records import CaseData
from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import CaseEvent

NOW = dt.datetime(2026, 3, 2, 2, 0)


@pytest.fixture
def case(database, owner):
    clock.freeze(NOW)
    buyer = customers.create(CustomerData(name="王伟", phone="13812345678"), owner)
    return cases.create(CaseData(customer_id=buyer.id, product="连衣裙", category="破损",
                                 emotion="angry"), owner)


def walk_the_case(case, owner):
    data = CaseData.of(case)
    data.severity, data.emotion = "complex", "calm"
    cases.update(case.id, data, owner)
    cases.advance(case.id, owner, target="remedy", reason="买家只要退款")
    cases.add_remedy(case.id, owner, "refund", 1250, notes="原路退回")
    cases.add_note(case.id, owner, "买家发来照片 {0}")
    cases.close(case.id, owner, 5, "快递压坏", "加厚包装", reason="已退款")


def test_each_entry_keeps_its_chinese_sentence_and_its_parts(case, owner):
    walk_the_case(case, owner)
    events = cases.timeline(case.id)
    assert [e.kind for e in events] == ["created", "edit", "skip", "remedy", "note", "close"]
    assert all(e.params for e in events)
    assert [timeline.sentence(e) for e in events] == [e.text for e in events]  # Chinese: as stored
    assert events[1].text == "修改：买家情绪 “愤怒” → “平静”；严重程度 “简单” → “复杂”"
    assert events[3].text == "补救方案：退款 12.5 元 “提议” 原路退回"
    assert events[4].text == "买家发来照片 {0}"  # typed text is never a template


def test_entries_are_worded_in_the_interface_language(case, owner, interface_in_english):
    walk_the_case(case, owner)
    shown = [timeline.sentence(e) for e in cases.timeline(case.id)]
    assert shown[1] == 'Edited: Buyer\'s mood "Angry" → "Calm"; Severity "Simple" → "Complex"'
    assert shown[2].startswith("Warm reception → Remedy; Skipped Apology, reason: 买家只要退款")
    assert shown[3] == 'Remedy: Refund ¥12.5 "Proposed" 原路退回'
    assert shown[4] == "买家发来照片 {0}"
    assert "Satisfaction 5/5" in shown[5] and "Improvement: 加厚包装" in shown[5]
    assert not any("修改" in s or "跳过" in s or "满意度" in s for s in shown)
    stored = [e.text for e in cases.timeline(case.id)]
    assert stored[1].startswith("修改：")  # what is stored stays Chinese


def test_an_entry_written_before_parameters_were_kept_shows_its_text(case, interface_in_english):
    old = CaseEvent.create(case=case, kind="note", stage="reception", text="旧版本写下的记录",
                           at=NOW)
    assert old.params is None
    assert timeline.sentence(CaseEvent.get_by_id(old.id)) == "旧版本写下的记录"


def test_a_translation_that_lost_a_placeholder_falls_back_to_chinese(case, owner):
    vocabulary.set_translator(lambda context, text: "Broken {nothing}" if context == "timeline"
                              and "{remedy}" in text else text)
    try:
        cases.add_remedy(case.id, owner, "gift")
        assert timeline.sentence(cases.timeline(case.id)[-1]) == "补救方案：赠品 “提议”"
    finally:
        vocabulary.set_translator(None)
