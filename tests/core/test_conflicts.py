"""Concurrent edits from two connections to one SQLite file: merged, or chosen, never lost."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from db.cases import records as cases
from db.cases.records import CaseData
from db.customers import records as customers
from db.customers.records import CustomerData
from db.errors import StaleEdit
from db.models import Case, Customer, Snippet
from db.snippets import library as snippets
from db.storage import conflicts
from db.trust import staff as staff_rules


@pytest.fixture
def colleague(database):
    return staff_rules.add("小王")


@pytest.fixture
def buyer(database, owner):
    return customers.create(CustomerData(name="王伟", phone="13812345678", wechat="ww1",
                                         notes="老客户", tags=["回头客"]), owner)


def edit_customer(customer_id, **changes):
    data = CustomerData.of(Customer.get_by_id(customer_id))
    return dataclasses.replace(data, **changes)


# --- the three-way rule -----------------------------------------------------------------

def test_the_three_way_rule_field_by_field():
    assert conflicts.merge_field("a", "a", "a") == (conflicts.SAME, "a")
    assert conflicts.merge_field("a", "b", "b") == (conflicts.SAME, "b")
    assert conflicts.merge_field("a", "a", "t") == (conflicts.THEIRS, "t")
    assert conflicts.merge_field("a", "m", "a") == (conflicts.MINE, "m")
    assert conflicts.merge_field("a", "m", "t") == (conflicts.CONFLICT, None)
    assert conflicts.merge_lists(["x", "y"], ["x", "y", "mine"], ["y", "theirs"]) == \
        ["y", "mine", "theirs"]


# --- customers --------------------------------------------------------------------------

def test_disjoint_edits_from_two_connections_merge(buyer, owner, colleague, other_computer):
    base = CustomerData.of(buyer)
    with other_computer(colleague):
        customers.update(buyer.id, edit_customer(buyer.id, wechat="wang_new", tags=["回头客", "VIP"]),
                         colleague, expected_version=buyer.version)
    mine = dataclasses.replace(base, notes="老客户，喜欢顺丰", tags=["回头客", "易怒"])
    with pytest.raises(StaleEdit) as caught:
        customers.update(buyer.id, mine, owner, expected_version=buyer.version, base=base)
    conflict = caught.value.conflict
    states = {f.field: f.state for f in conflict.fields}
    assert states == {"wechat": "theirs", "notes": "mine", "tags": "merged"}
    assert conflict.conflicts == []
    wechat = next(f for f in conflict.fields if f.field == "wechat")
    assert wechat.who == "小王" and wechat.when is not None  # from the audit log
    saved = customers.save_resolved(conflict, {}, owner)
    stored = CustomerData.of(Customer.get_by_id(saved.id))
    assert (stored.wechat, stored.notes) == ("wang_new", "老客户，喜欢顺丰")
    assert stored.tags == ["回头客", "易怒", "VIP"]  # both additions kept
    assert Customer.get_by_id(buyer.id).version == buyer.version + 2


def test_overlapping_edits_are_conflicts_and_choices_apply(buyer, owner, colleague, other_computer):
    base = CustomerData.of(buyer)
    with other_computer(colleague):
        customers.update(buyer.id, edit_customer(buyer.id, phone="13900000000", notes="换号了"),
                         colleague, expected_version=buyer.version)
    mine = dataclasses.replace(base, phone="13700000000", notes="要发票", qq="123456")
    with pytest.raises(StaleEdit) as caught:
        customers.update(buyer.id, mine, owner, expected_version=buyer.version, base=base)
    conflict = caught.value.conflict
    assert [f.field for f in conflict.conflicts] == ["phone", "notes"]
    phone = conflict.conflicts[0]
    assert (phone.base, phone.mine, phone.theirs) == ("13812345678", "13700000000", "13900000000")
    assert phone.who == "小王"
    customers.save_resolved(conflict, {"phone": "theirs", "notes": "mine"}, owner)
    stored = Customer.get_by_id(buyer.id)
    assert (stored.phone, stored.notes, stored.qq) == ("13900000000", "要发票", "123456")
    assert stored.updated_by_id == owner.id


def test_a_third_save_during_the_choice_is_caught_again(buyer, owner, colleague, other_computer):
    base = CustomerData.of(buyer)
    with other_computer(colleague):
        customers.update(buyer.id, edit_customer(buyer.id, notes="第二个人"), colleague,
                         expected_version=buyer.version)
    with pytest.raises(StaleEdit) as caught:
        customers.update(buyer.id, dataclasses.replace(base, notes="我"), owner,
                         expected_version=buyer.version, base=base)
    first = caught.value.conflict
    with other_computer(colleague):  # a third save while the dialog is open
        current = Customer.get_by_id(buyer.id)
        customers.update(buyer.id, edit_customer(buyer.id, notes="第三次", wechat="w3"),
                         colleague, expected_version=current.version)
    with pytest.raises(StaleEdit) as again:
        customers.save_resolved(first, {"notes": "mine"}, owner)
    second = again.value.conflict
    # the new base is what the user saw in the dialog; their choice is now "mine"
    assert {f.field: f.state for f in second.fields} == {"notes": "conflict", "wechat": "theirs"}
    notes = second.conflicts[0]
    assert (notes.base, notes.mine, notes.theirs) == ("第二个人", "我", "第三次")
    customers.save_resolved(second, {"notes": "mine"}, owner)
    stored = Customer.get_by_id(buyer.id)
    assert (stored.notes, stored.wechat) == ("我", "w3")


def test_a_save_elsewhere_that_left_these_fields_alone_is_no_conflict(buyer, owner, colleague,
                                                                      other_computer):
    base = CustomerData.of(buyer)
    with other_computer(colleague):
        customers.move_to_trash([buyer.id], colleague)
        customers.restore([buyer.id], colleague)
    customers.update(buyer.id, dataclasses.replace(base, notes="没冲突"), owner,
                     expected_version=buyer.version, base=base)
    assert Customer.get_by_id(buyer.id).notes == "没冲突"


def test_a_customer_trashed_meanwhile_is_refused(buyer, owner, colleague, other_computer):
    base = CustomerData.of(buyer)
    with other_computer(colleague):
        customers.move_to_trash([buyer.id], colleague)
    with pytest.raises(StaleEdit, match="回收站"):
        customers.update(buyer.id, dataclasses.replace(base, notes="x"), owner,
                         expected_version=buyer.version, base=base)


def test_a_next_visit_from_the_contact_log_is_not_overwritten(buyer, owner, colleague,
                                                              other_computer):
    base = CustomerData.of(buyer)
    with other_computer(colleague):
        customers.add_contact(buyer.id, colleague, "电话", "约了回访",
                              next_visit=dt.date(2030, 1, 2))
    with pytest.raises(StaleEdit) as caught:
        customers.update(buyer.id, dataclasses.replace(base, notes="改备注"), owner,
                         expected_version=buyer.version, base=base)
    customers.save_resolved(caught.value.conflict, {}, owner)
    stored = Customer.get_by_id(buyer.id)
    assert (stored.next_visit, stored.notes) == (dt.date(2030, 1, 2), "改备注")


# --- cases ------------------------------------------------------------------------------

@pytest.fixture
def case(buyer, owner):
    return cases.create(CaseData(customer_id=buyer.id, order_no="TB1", product="真丝连衣裙",
                                 category="破损", description="领口开线", emotion="angry",
                                 severity="simple", staff_id=owner.id), owner)


def test_case_edits_merge_and_conflict(case, owner, colleague, other_computer):
    base = CaseData.of(case)
    with other_computer(colleague):
        theirs = dataclasses.replace(CaseData.of(Case.get_by_id(case.id)), product="真丝裙 M 码",
                                     severity="complex")
        cases.update(case.id, theirs, colleague, expected_version=case.version)
    mine = dataclasses.replace(base, product="连衣裙", order_no="TB2", staff_id=colleague.id)
    with pytest.raises(StaleEdit) as caught:
        cases.update(case.id, mine, owner, expected_version=case.version, base=base)
    conflict = caught.value.conflict
    assert {f.field: f.state for f in conflict.fields} == {
        "order_no": "mine", "product": "conflict", "severity": "theirs", "staff_id": "mine"}
    product = conflict.conflicts[0]
    assert product.who == "小王" and product.theirs == "真丝裙 M 码"
    cases.save_resolved(conflict, {"product": "theirs"}, owner)
    stored = Case.get_by_id(case.id)
    assert (stored.product, stored.order_no, stored.severity, stored.staff_id) == \
        ("真丝裙 M 码", "TB2", "complex", colleague.id)
    assert [e.kind for e in cases.timeline(case.id)] == ["created", "edit", "edit"]


def test_case_third_save_is_caught(case, owner, colleague, other_computer):
    base = CaseData.of(case)
    with other_computer(colleague):
        cases.update(case.id, dataclasses.replace(base, product="A"), colleague,
                     expected_version=case.version)
    with pytest.raises(StaleEdit) as caught:
        cases.update(case.id, dataclasses.replace(base, product="B"), owner,
                     expected_version=case.version, base=base)
    with other_computer(colleague):
        now = Case.get_by_id(case.id)
        cases.update(case.id, dataclasses.replace(CaseData.of(now), product="C"), colleague,
                     expected_version=now.version)
    with pytest.raises(StaleEdit):
        cases.save_resolved(caught.value.conflict, {"product": "mine"}, owner)
    assert Case.get_by_id(case.id).product == "C"


def test_a_case_note_meanwhile_does_not_block_a_form_edit(case, owner, colleague, other_computer):
    base = CaseData.of(case)
    with other_computer(colleague):
        cases.add_note(case.id, colleague, "买家又发来照片")
    cases.update(case.id, dataclasses.replace(base, product="B"), owner,
                 expected_version=case.version, base=base)
    assert Case.get_by_id(case.id).product == "B"


def test_a_stage_move_on_a_stale_case_is_refused(case, owner, colleague, other_computer):
    seen = Case.get_by_id(case.id).version
    with other_computer(colleague):
        cases.advance(case.id, colleague, "已道歉")
    with pytest.raises(StaleEdit, match="小王.*道歉.*没有执行") as caught:
        cases.advance(case.id, owner, "我也道歉", expected_version=seen)
    assert caught.value.conflict is None  # a stage move is never merged
    with pytest.raises(StaleEdit, match="没有执行"):
        cases.close(case.id, owner, 5, "质量", "", reason="买家满意", expected_version=seen)
    stored = Case.get_by_id(case.id)
    assert stored.stage == "apology"
    assert [e.kind for e in cases.timeline(case.id)] == ["created", "advance"]
    cases.advance(case.id, owner, "补救", expected_version=stored.version)  # after a refresh
    assert Case.get_by_id(case.id).stage == "remedy"


# --- snippets ---------------------------------------------------------------------------

def test_a_stale_snippet_save_is_refused_not_overwritten(database, owner, colleague,
                                                         other_computer):
    snippet = snippets.create(snippets.SnippetData(title="道歉", body="非常抱歉"), owner)
    loaded = Snippet.get_by_id(snippet.id)
    with other_computer(colleague):
        snippets.update(snippet.id, snippets.SnippetData(title="道歉", body="对方的版本"),
                        colleague, expected_version=loaded.version)
    with pytest.raises(StaleEdit, match="小王"):
        snippets.update(snippet.id, snippets.SnippetData(title="道歉", body="我的版本"), owner,
                        expected_version=loaded.version)
    assert Snippet.get_by_id(snippet.id).body == "对方的版本"
    fresh = Snippet.get_by_id(snippet.id)
    snippets.update(snippet.id, snippets.SnippetData(title="道歉", body="我的版本"), owner,
                    expected_version=fresh.version)
    assert Snippet.get_by_id(snippet.id).body == "我的版本"


def test_a_stale_remedy_edit_is_refused(case, owner, colleague, other_computer):
    remedy = cases.add_remedy(case.id, owner, "refund", 1000)
    loaded = cases.remedies(case.id)[0]
    with other_computer(colleague):
        cases.update_remedy(remedy.id, colleague, "agreed", 1000,
                            expected_version=loaded.version)
    with pytest.raises(StaleEdit, match="没有保存"):
        cases.update_remedy(remedy.id, owner, "rejected", 1000,
                            expected_version=loaded.version)
    assert cases.remedies(case.id)[0].status == "agreed"
