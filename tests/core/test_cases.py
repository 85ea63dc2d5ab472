"""Case rules on the real migrated database: stages, remedies, promises, timeline, search."""
from __future__ import annotations

import datetime as dt

import peewee
import pytest

from db import clock
from db.cases import deadlines, records as cases, search as case_search, settings as case_settings, stage_snippets
from db.cases.records import CaseData, CaseError
from db.cases.search import CaseQuery
from db.cases.workflow import WorkflowError
from db.customers import records as customers
from db.customers.records import CustomerData
from db.errors import StaleEdit
from db.models import Case, CaseEvent, Customer
from db.storage import settings

NOW = dt.datetime(2026, 3, 2, 1, 0)  # naive UTC


@pytest.fixture
def buyer(database, owner):
    return customers.create(CustomerData(name="王伟", phone="13812345678"), owner)


@pytest.fixture
def case(buyer, owner):
    clock.freeze(NOW)
    return cases.create(CaseData(customer_id=buyer.id, order_no="TB20260301001",
                                 product="真丝连衣裙", category="破损", channel="旺旺/千牛",
                                 description="收到的裙子领口开线了", emotion="angry",
                                 severity="simple", staff_id=owner.id), owner)


def kinds(case_id):
    return [e.kind for e in cases.timeline(case_id)]


def test_create_records_the_case_and_its_first_deadline(case, owner):
    stored = Case.get_by_id(case.id)
    assert (stored.stage, stored.created_by_id, stored.staff_id) == ("reception", owner.id, owner.id)
    assert (stored.due_at, stored.due_kind) == (NOW + dt.timedelta(hours=1), "apology")
    [event] = cases.timeline(case.id)
    assert event.kind == "created" and event.staff_id == owner.id and "王伟" in event.text


@pytest.mark.parametrize("change,field,message", [
    ({"customer_id": None}, "customer", "请选择或新建一位客户"),
    ({"description": "", "category": ""}, "description", "问题描述"),
    ({"emotion": "furious"}, "emotion", "情绪"),
    ({"severity": "urgent"}, "severity", "严重程度"),
    ({"order_no": "1" * 101}, "order_no", "“订单号”太长"),
])
def test_bad_input_names_the_field_and_writes_nothing(buyer, owner, change, field, message):
    data = CaseData(customer_id=buyer.id, description="坏了", **{})
    for key, value in change.items():
        setattr(data, key, value)
    with pytest.raises(CaseError, match=message) as info:
        cases.create(data, owner)
    assert info.value.field == field
    assert Case.select().count() == 0 and CaseEvent.select().count() == 0


def test_a_trashed_customer_cannot_get_a_new_case(buyer, owner):
    customers.move_to_trash([buyer.id], owner)
    with pytest.raises(CaseError, match="客户"):
        cases.create(CaseData(customer_id=buyer.id, description="x"), owner)


def test_stages_in_order_with_who_when_and_note(case, owner, database):
    helper = cases.Staff.create(name="阿强")
    clock.freeze(NOW + dt.timedelta(minutes=10))
    cases.advance(case.id, helper, note="已复述问题，买家确认")
    stored = Case.get_by_id(case.id)
    assert stored.stage == "apology" and stored.stage_entered_at == NOW + dt.timedelta(minutes=10)
    event = cases.timeline(case.id)[-1]
    assert (event.kind, event.staff_id, event.at) == ("advance", helper.id, clock.now())
    assert "热情接待 → 道歉" in event.text and "已复述问题" in event.text


def test_refused_transitions_change_nothing(case, owner):
    with pytest.raises(WorkflowError, match="需要填写原因"):
        cases.advance(case.id, owner, target="followup")
    with pytest.raises(WorkflowError):
        cases.close(case.id, owner, 5, "原因", "改善")
    with pytest.raises(WorkflowError, match="没有结案"):
        cases.reopen(case.id, owner, "想重开")
    assert Case.get_by_id(case.id).stage == "reception" and kinds(case.id) == ["created"]


def test_skip_records_the_reason(case, owner):
    cases.advance(case.id, owner, target="remedy", reason="买家只要补发")
    event = cases.timeline(case.id)[-1]
    assert event.kind == "skip" and "跳过 道歉" in event.text and "买家只要补发" in event.text


def test_close_schedules_a_return_visit_on_case_and_customer_then_reopen(case, owner, buyer):
    settings.put(case_settings.RETURN_VISIT_KEY, 5)
    for _ in range(3):
        cases.advance(case.id, owner)
    cases.close(case.id, owner, 4, "快递挤压", "改用加厚纸箱", note="买家满意")
    stored = Case.get_by_id(case.id)
    visit = clock.today() + dt.timedelta(days=5)
    assert (stored.stage, stored.satisfaction, stored.return_visit_on) == ("closed", 4, visit)
    assert (stored.due_at, stored.closed_at) == (None, NOW)
    assert Customer.get_by_id(buyer.id).next_visit == visit
    assert "改善措施：改用加厚纸箱" in cases.timeline(case.id)[-1].text
    with pytest.raises(WorkflowError, match="需要填写原因"):
        cases.reopen(case.id, owner, " ")
    cases.reopen(case.id, owner, "补发的也坏了", "remedy")
    stored = Case.get_by_id(case.id)
    assert (stored.stage, stored.closed_at, stored.return_visit_on) == ("remedy", None, None)
    assert kinds(case.id)[-2:] == ["close", "reopen"]
    assert "补发的也坏了" in cases.timeline(case.id)[-1].text


def test_an_earlier_customer_visit_is_kept(case, owner, buyer):
    soon = clock.today() + dt.timedelta(days=1)
    Customer.update(next_visit=soon).where(Customer.id == buyer.id).execute()
    cases.close(case.id, owner, 5, "", "复核", reason="当场解决")
    assert Customer.get_by_id(buyer.id).next_visit == soon


def test_remedies_move_the_deadline_and_are_on_the_timeline(case, owner):
    cases.advance(case.id, owner)
    cases.advance(case.id, owner)
    assert Case.get_by_id(case.id).due_kind == "remedy"
    clock.freeze(NOW + dt.timedelta(hours=2))
    remedy = cases.add_remedy(case.id, owner, "compensation", 1000, notes="补偿 10 元")
    stored = Case.get_by_id(case.id)
    assert (stored.due_kind, stored.due_at) == ("solution", clock.now() + dt.timedelta(days=3))
    cases.update_remedy(remedy.id, owner, "done", 1000)
    texts = [e.text for e in cases.timeline(case.id) if e.kind == "remedy"]
    assert texts == ["补救方案：小额补偿 10 元 “提议” 补偿 10 元",
                     "补救方案更新：小额补偿 10 元 “已完成” 补偿 10 元（原为“提议”）"]
    with pytest.raises(CaseError, match="补救方式"):
        cases.add_remedy(case.id, owner, "cash")
    with pytest.raises(CaseError, match="方案状态"):
        cases.update_remedy(remedy.id, owner, "maybe")


def test_promises_set_the_next_deadline_until_done(case, owner):
    promised = NOW + dt.timedelta(minutes=30)
    promise = cases.add_promise(case.id, owner, promised, "半小时内回复质检结果")
    assert (Case.get_by_id(case.id).due_at, Case.get_by_id(case.id).due_kind) == (
        promised, "promise")
    cases.complete_promise(promise.id, owner, "已告知")
    assert Case.get_by_id(case.id).due_kind == "apology"
    with pytest.raises(CaseError, match="已经完成"):
        cases.complete_promise(promise.id, owner)
    with pytest.raises(CaseError, match="请填写答应买家的事"):
        cases.add_promise(case.id, owner, promised, " ")
    with pytest.raises(CaseError, match="已经过去"):
        cases.add_promise(case.id, owner, NOW - dt.timedelta(hours=1), "昨天就该回电")
    assert kinds(case.id) == ["created", "promise", "promise_done"]


def test_edits_are_listed_field_by_field(case, owner):
    data = CaseData.of(Case.get_by_id(case.id))
    data.severity, data.order_no = "complex", "TB999"
    cases.update(case.id, data, owner)
    event = cases.timeline(case.id)[-1]
    assert event.kind == "edit"
    assert "严重程度 “简单” → “复杂”" in event.text and "订单号 “TB20260301001” → “TB999”" in event.text
    assert Case.get_by_id(case.id).due_at == NOW + dt.timedelta(hours=1)  # apology: 1 h both
    cases.update(case.id, data, owner)  # nothing changed: nothing recorded
    assert kinds(case.id) == ["created", "edit"]
    stale = Case.get_by_id(case.id).version
    cases.add_note(case.id, owner, "买家又发来照片")
    data.product = "别的商品"
    with pytest.raises(StaleEdit, match="已被其他人修改"):
        cases.update(case.id, data, owner, expected_version=stale)
    assert Case.get_by_id(case.id).product == "真丝连衣裙"


def test_the_timeline_is_append_only(case):
    with pytest.raises(peewee.IntegrityError, match="只能追加"):
        CaseEvent.update(text="改写历史").where(CaseEvent.case == case.id).execute()


def test_merging_customers_moves_their_cases(case, owner, buyer):
    other = customers.create(CustomerData(name="王伟（旺旺）"), owner)
    second = cases.create(CaseData(customer_id=other.id, description="少发一件"), owner)
    customers.merge(buyer.id, other.id, owner)
    assert {c.id for c in cases.cases_of_customer(buyer.id)} == {case.id, second.id}
    assert cases.cases_of_customer(other.id) == []


def test_search_by_pinyin_order_and_product_and_filters(case, owner, buyer):
    other = customers.create(CustomerData(name="李娜"), owner)
    late = cases.create(CaseData(customer_id=other.id, order_no="PDD777", product="保温杯",
                                 category="物流延误"), owner)
    cases.advance(late.id, owner)
    cases.advance(late.id, owner)
    assert case_search.search_ids(CaseQuery(text="ww")) == [case.id]
    assert case_search.search_ids(CaseQuery(text="wangwei 连衣裙")) == [case.id]
    assert case_search.search_ids(CaseQuery(text="pdd777")) == [late.id]
    assert case_search.search_ids(CaseQuery(text="保温")) == [late.id]
    assert case_search.search_ids(CaseQuery(stage="remedy")) == [late.id]
    assert case_search.search_ids(CaseQuery(category="破损")) == [case.id]
    assert case_search.search_ids(CaseQuery(staff_id=owner.id)) == [case.id]
    later = NOW + dt.timedelta(hours=2)  # the apology hour has passed, the remedy is not due yet
    assert case_search.search_ids(CaseQuery(overdue=True), now=later) == [case.id]
    utc = dt.timezone.utc
    assert case_search.search_ids(CaseQuery(due_today=True), now=later, tz=utc) == [late.id]
    both = CaseQuery(overdue=True, due_today=True)
    assert set(case_search.search_ids(both, now=later, tz=utc)) == {case.id, late.id}
    assert case_search.search_ids(CaseQuery(sort="customer", descending=False)) == [late.id, case.id]
    day = deadlines.to_local(NOW).date()
    assert len(case_search.search_ids(CaseQuery(created_from=day, created_to=day))) == 2
    assert case_search.search_ids(CaseQuery(created_from=day + dt.timedelta(days=1))) == []
    row = case_search.fetch_rows([case.id])[case.id]
    assert (row.customer_name, row.staff_name, row.status(later)) == ("王伟", owner.name, "overdue")


def test_today_view_overdue_first_then_today_then_planned(case, owner, buyer):
    utc = dt.timezone.utc
    calm = cases.create(CaseData(customer_id=buyer.id, description="想换尺码"), owner)
    cases.advance(calm.id, owner, target="followup", reason="老客户直接换")
    cases.add_remedy(calm.id, owner, "exchange")
    cases.add_promise(calm.id, owner, NOW + dt.timedelta(hours=20), "明早发出换货")
    closed = cases.create(CaseData(customer_id=buyer.id, description="发票"), owner)
    cases.close(closed.id, owner, 5, "", "附发票", reason="当场解决", return_visit_days=0)
    Case.update(return_visit_on=clock.today()).where(Case.id == closed.id).execute()
    now = NOW + dt.timedelta(hours=2)
    items = case_search.today_items(now=now, tz=utc)
    assert [(i.section, i.case_id) for i in items] == [
        ("overdue", case.id), ("today", calm.id), ("visit", closed.id)]
    assert items[1].what == "跟进：明早发出换货"
    cases.complete_return_visit(closed.id, owner, "买家很满意")
    assert closed.id not in [i.case_id for i in case_search.today_items(now=now, tz=utc)]


def test_placeholder_values_for_snippets(case):
    values = stage_snippets.case_placeholder_values(Case.get_by_id(case.id), now=NOW,
                                                 tz=dt.timezone(dt.timedelta(hours=8)))
    assert values == {"称呼": "王伟", "客户名": "王伟", "订单号": "TB20260301001",
                      "商品": "真丝连衣裙", "时限": "今天 10:00"}


def test_categories_are_an_editable_ordered_list(case, owner):
    assert case_settings.categories()[:3] == ["质量问题", "物流延误", "少件漏发"]
    with pytest.raises(CaseError, match="重复"):
        case_settings.save_categories(["破损", "破损"])
    assert cases.rename_category("破损", "运输破损", owner) == 1
    assert "运输破损" in case_settings.categories() and Case.get_by_id(case.id).category == "运输破损"
    assert case_search.search_ids(CaseQuery(text="运输破损")) == [case.id]


def test_id_lists_keep_the_query_order(buyer, owner):
    import random

    from db.cases.search import SORT_COLUMNS, _ids_in_order
    from db.models import database
    rng = random.Random(3)
    for n in range(60):
        clock.freeze(NOW + dt.timedelta(minutes=rng.randint(-5000, 5000)))
        cases.create(CaseData(customer_id=buyer.id, order_no=f"T{rng.randint(0, 99)}",
                              description="x", category=rng.choice(case_settings.categories())), owner)
    for sort in SORT_COLUMNS:
        for descending in (False, True):
            query = CaseQuery(sort=sort, descending=descending)
            ids = case_search.search_ids(query)
            assert len(ids) == 60
            if sort == "created_at":
                stamps = [Case.get_by_id(i).created_at for i in ids]
                assert stamps == sorted(stamps, reverse=descending)
    plain = Case.select(Case.id).order_by(Case.order_no, Case.id.desc())
    assert _ids_in_order(plain) == [r[0] for r in database.execute_sql(*plain.sql())]


def test_changing_the_limits_moves_open_deadlines(case, owner, buyer):
    closed = cases.create(CaseData(customer_id=buyer.id, description="x"), owner)
    cases.close(closed.id, owner, 5, "", "y", reason="当场解决")
    values = case_settings.configured_limits()
    assert values["first_answer_hours"] == {"simple": 12, "complex": 24}
    values["apology_hours"]["simple"] = 2
    with pytest.raises(CaseError, match="“接待道歉时限（简单）”应在 0.25–72 之间"):
        case_settings.save_limits({**values, "apology_hours": {"simple": 100, "complex": 1}}, 7)
    assert Case.get_by_id(case.id).due_at == NOW + dt.timedelta(hours=1)
    assert case_settings.save_limits(values, 10) == 1  # the closed case is left alone
    assert Case.get_by_id(case.id).due_at == NOW + dt.timedelta(hours=2)
    assert case_settings.limits("simple").apology == dt.timedelta(hours=2)
    assert case_settings.return_visit_setting() == 10
    # the batch recomputation agrees with the one-case rule
    promise = cases.add_promise(case.id, owner, NOW + dt.timedelta(minutes=30), "回电")
    before = (Case.get_by_id(case.id).due_at, Case.get_by_id(case.id).due_kind)
    case_settings.refresh_open_deadlines()
    assert (Case.get_by_id(case.id).due_at, Case.get_by_id(case.id).due_kind) == before
    assert promise.due_at == before[0]


def test_inline_customer_is_saved_with_the_case_or_not_at_all(database, owner, buyer):
    data = CaseData(description="少发一件")
    with pytest.raises(customers.CustomerError, match="客户“王伟”已有相同的手机"):
        cases.create_with_customer(CustomerData(name="王先生", phone="138 1234 5678"), data, owner)
    with pytest.raises(CaseError, match="问题描述"):
        cases.create_with_customer(CustomerData(name="赵六"), CaseData(), owner)
    assert Customer.select().count() == 1 and Case.select().count() == 0
    case = cases.create_with_customer(CustomerData(name="赵六", phone="13900001111"), data, owner)
    assert Customer.get_by_id(case.customer_id).name == "赵六"


def test_stage_sort_follows_the_working_order(case, owner, buyer):
    later = cases.create(CaseData(customer_id=buyer.id, description="x"), owner)
    cases.advance(later.id, owner, target="followup", reason="已处理")
    closed = cases.create(CaseData(customer_id=buyer.id, description="y"), owner)
    cases.close(closed.id, owner, 5, "", "z", reason="当场解决")
    ids = case_search.search_ids(CaseQuery(sort="stage", descending=False))
    assert ids == [case.id, later.id, closed.id]
    assert case_search.search_ids(CaseQuery(text="ww", sort="stage")) == [closed.id, later.id, case.id]


def test_purging_a_customer_removes_their_cases_and_timeline(case, owner, buyer):
    cases.add_remedy(case.id, owner, "refund", 500)
    customers.move_to_trash([buyer.id], owner)
    assert Case.select().count() == 1  # the trash keeps everything
    customers.purge([buyer.id])
    assert Case.select().count() == 0 and CaseEvent.select().count() == 0
    assert cases.Remedy.select().count() == 0
