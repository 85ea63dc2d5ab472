"""Imports a shop can trust: every change shown before -> after, no customer turned into
another through a shared contact, nothing typed lost (new staff and types, unmapped columns),
and the undo message in the shop's words."""
from __future__ import annotations

import os

import openpyxl
from hypothesis import HealthCheck, given, settings, strategies as st

from db.customers import records as customers
from db.customers.name_forms import name_form, same_name
from db.customers.records import CustomerData
from db.excel import apply, history, notes, report, workflow
from db.excel.plan import ImportOptions, KEEP_NAME, SHEET
from db.models import AuditLog, ContactLog, Customer, CustomerTag, CustomerType, Staff, Tag
from tests.fixtures import messy
from tests.helpers import snapshot

ROSTER = [["客户名单（2026 年 11 月）"],
          ["姓名", "手机", "负责人", "客户类型", "客户来源", "累计消费", "备注"],
          ["张伟", "13800138000", "小王", "", "淘宝", "1280", ""],
          ["李娜", "13800138001", "小王", "批发", "抖音", "300", "爱砍价"],
          ["王芳", "13800138002", "小李", "", "", "", ""],
          ["赵敏", "13800138003", "阿珍", "", "拼多多", "", ""]]


def roster(tmp_path, rows=ROSTER, name="roster.xlsx"):
    return messy.xlsx(tmp_path / name, rows)


def plan_of(path, options=ImportOptions()):
    kind, table, guess = workflow.open_sheet("customers", path)
    return workflow.plan_import(kind, table, guess, options=options)


def test_another_name_on_a_known_phone_is_a_conflict_shown_before_and_after(
        database, owner, tmp_path, data_dir):
    zhang = customers.create(CustomerData(name="张三", phone="13800138000"), owner)
    plan = plan_of(roster(tmp_path))
    by_row = {r.row: r for r in plan.rows}
    row = by_row[3]
    assert row.status == "conflict" and row.conflict == "name" and row.record.id == zhang.id
    assert "张三" in row.reason and "张伟" in row.reason
    assert row.current["name"] == "张三" and row.changes["name"] == "张伟"
    assert "phone" not in row.changes  # unchanged fields are not listed
    assert not row.will_write  # the command line's default: the app's data stays
    assert [by_row[n].status for n in (4, 5, 6)] == ["new", "new", "new"]
    # Nothing typed is lost: unknown staff and type offered for creation, extra columns kept.
    assert "将新建客服“小王”" in by_row[4].reason and "将新建客户类型“批发”" in by_row[4].reason
    assert by_row[4].values["notes"] == "爱砍价\n客户来源：抖音\n累计消费：300"
    assert by_row[5].values.get("notes") is None  # nothing in the extra columns
    line = notes.summary_line(plan, done=False)
    assert "将新建 3 位客服（小王、小李、阿珍）" in line and "1 行称呼冲突，将不更新" in line
    assert "将新建 1 个客户类型（批发）" in line and "2 行的未对应列将追加到备注" in line

    result = apply.apply(plan, data_dir, owner, source="command line")
    assert (result.created, result.updated) == (3, 0)
    assert Customer.get_by_id(zhang.id).name == "张三" and Customer.get_by_id(zhang.id).staff is None
    assert {s.name: s.role for s in Staff.select()} == {
        "店主小美": "owner", "小王": "staff", "小李": "staff", "阿珍": "staff"}
    li = Customer.get(Customer.name == "李娜")
    assert li.staff.name == "小王" and li.type.name == "批发"
    assert li.notes == "爱砍价\n客户来源：抖音\n累计消费：300"
    assert "3 位新客服已创建（小王、小李、阿珍）" in notes.summary_line(plan, done=True)

    before = snapshot(database)  # the same roster again changes nothing, notes not doubled
    again = plan_of(roster(tmp_path))
    assert not again.to_write() and apply.apply(again, data_dir, owner).backup is None
    assert snapshot(database) == before
    assert [r.status for r in again.rows] == ["conflict", "unchanged", "unchanged", "unchanged"]


def test_the_users_choice_for_a_name_conflict(database, owner, tmp_path, data_dir):
    zhang = customers.create(CustomerData(name="张三", phone="13800138000"), owner)
    plan = plan_of(roster(tmp_path, ROSTER[:3]))
    [row] = plan.rows
    row.resolution = KEEP_NAME  # keep the app's name, apply the rest
    assert "name" not in row.to_apply and row.to_apply["staff"] == "小王"
    apply.apply(plan, data_dir, owner)
    kept = Customer.get_by_id(zhang.id)
    assert kept.name == "张三" and kept.staff.name == "小王"
    assert kept.notes == "客户来源：淘宝\n累计消费：1280"
    plan = plan_of(roster(tmp_path, ROSTER[:3]))
    [row] = plan.rows
    assert row.status == "conflict" and set(row.changes) == {"name"}  # the rest is in already
    row.resolution = SHEET  # update this customer's name
    apply.apply(plan, data_dir, owner)
    assert Customer.get_by_id(zhang.id).name == "张伟"


def test_spellings_of_the_same_name_are_no_conflict(database, owner, tmp_path, data_dir):
    assert same_name("张 三", "张三") and same_name("張三", "张三") and same_name("ＡＢＣ", "abc")
    assert not same_name("张三", "张伟") and name_form("Li　Na") == "lina"
    spaced = customers.create(CustomerData(name="张 三", phone="13900000001"), owner)
    traditional = customers.create(CustomerData(name="陳麗華", phone="13900000002"), owner)
    renamed = customers.create(CustomerData(name="王小丫", phone="13900000003"), owner)
    customers.update(renamed.id, CustomerData(name="王丫丫", phone="13900000003"), owner)
    rows = [["姓名", "手机", "地址"], ["张三", "13900000001", "北京"],
            ["陈丽华", "13900000002", ""], ["王小丫", "13900000003", ""]]
    plan = plan_of(roster(tmp_path, rows))
    assert [r.status for r in plan.rows] == ["update", "unchanged", "unchanged"]
    assert all("保留软件中的写法" in r.reason for r in plan.rows)
    apply.apply(plan, data_dir, owner)
    assert [Customer.get_by_id(c.id).name for c in (spaced, traditional, renamed)] == [
        "张 三", "陳麗華", "王丫丫"]
    assert "1 行称呼写法不同，保留了软件中的写法" in notes.summary_line(plan, done=True)


def test_a_row_matched_by_its_number_may_rename(database, owner, tmp_path, data_dir):
    zhang = customers.create(CustomerData(name="张三", phone="13800138000"), owner)
    rows = [["编号", "称呼", "手机"], [zhang.id, "张叁", "13800138000"]]
    [row] = plan_of(roster(tmp_path, rows)).rows
    assert row.status == "update" and row.changes == {"name": "张叁"}


def test_a_rosters_own_row_numbers_are_not_kept(database, owner, tmp_path, data_dir):
    rows = [["序号", "姓名", "手机", "来源"], [1, "李娜", "13800138001", "抖音"]]
    [row] = plan_of(roster(tmp_path, rows)).rows
    assert row.values["notes"] == "来源：抖音"


def test_options_left_off_drop_staff_types_and_extra_columns(database, owner, tmp_path, data_dir):
    plan = plan_of(roster(tmp_path), ImportOptions(create_staff=False, create_types=False,
                                                   keep_extra=False))
    li = next(r for r in plan.rows if r.values.get("name") == "李娜")
    assert "staff" not in li.values and "type" not in li.values
    assert li.values["notes"] == "爱砍价" and "未设置" in li.reason
    apply.apply(plan, data_dir, owner)
    assert Staff.select().count() == 1 and not CustomerType.select().where(
        CustomerType.name == "批发").exists()
    assert "4 行的负责客服不在名单中，未设置" in notes.summary_line(plan, done=True)


def test_skipped_rows_are_not_written_and_the_counts_follow(database, owner, tmp_path, data_dir):
    plan = plan_of(roster(tmp_path))
    plan.rows[0].include = False
    assert len(plan.to_write()) == 3 and "1 行将按选择跳过" in notes.summary_line(plan, False)
    apply.apply(plan, data_dir, owner)
    assert not Customer.select().where(Customer.name == "张伟").exists()


def test_the_report_carries_before_and_after(database, owner, tmp_path, data_dir):
    customers.create(CustomerData(name="张三", phone="13800138000", address="上海"), owner)
    customers.create(CustomerData(name="李娜", phone="13800138001", address="上海"), owner)
    plan = plan_of(roster(tmp_path))
    path = tmp_path / "report.xlsx"
    report.write_report(plan, path)
    sheet = openpyxl.load_workbook(path).active
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["行号", "结果", "原因", "对应的记录", "修改（原 → 新）"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows[3][1] == "冲突" and rows[3][3].startswith("张三 (#1) 13800138000")
    assert "称呼：张三 → 张伟" in rows[3][4] and "负责客服：（空） → 小王" in rows[3][4]
    assert "地址" not in rows[3][4]  # unchanged
    assert rows[4][1] == "更新" and "备注：（空） → 爱砍价\n客户来源：抖音" in rows[4][4]


def test_undo_speaks_of_what_a_shop_knows(database, owner, tmp_path, data_dir):
    apply.apply(plan_of(roster(tmp_path)), data_dir, owner)
    last = history.last_import(data_dir)
    Staff.create(name="新来的")
    text = history.describe(last)
    assert "1 位客服" in text and "staff" not in text and "记录" not in text.split("：", 1)[-1]
    for model in history._models():
        stamped = {"created_at", "updated_at"} & set(model._meta.fields)
        if stamped and model._meta.table_name not in ("audit_log", "setting"):
            assert model._meta.table_name in history.TABLE_WORDS, model._meta.table_name


# --- properties ------------------------------------------------------------------------

NAMES = ["张三", "张 三", "張三", "张伟", "李娜", "王芳"]
ROWS = st.lists(st.fixed_dictionaries({
    "name": st.sampled_from(NAMES + [""]),
    "phone": st.sampled_from(["13800138000", "13800138001", ""]),
    "wechat": st.sampled_from(["wx_a", "wx_b", ""]),
    "account": st.sampled_from(["tb_a", ""]),
    "type": st.sampled_from(["VIP", "批发", ""]),
    "staff": st.sampled_from(["小王", "店主小美", ""]),
    "source": st.sampled_from(["淘宝", "抖音", ""]),
    "notes": st.sampled_from(["老客户", ""]),
}), min_size=1, max_size=6)
PEOPLE = st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(["13800138000", "13800138001", ""]),
                            st.sampled_from(["wx_a", "wx_b", ""])), max_size=3)


MAX_EXAMPLES = int(os.environ.get("KEFUDESK_EXAMPLES", "30"))  # more for a deeper search


def _reset(owner) -> None:
    for model in (ContactLog, CustomerTag, Tag, Customer, AuditLog):
        model.delete().execute()
    Staff.delete().where(Staff.id != owner.id).execute()
    CustomerType.delete().where(CustomerType.name == "批发").execute()


def _seed(people, owner) -> dict[int, str]:
    names, taken = {}, set()
    for name, phone, wechat in people:
        contacts = {k: v for k, v in (("phone", phone), ("wechat", wechat)) if v and v not in taken}
        if contacts:
            taken |= set(contacts.values())
            names[customers.create(CustomerData(name=name, **contacts), owner).id] = name
    return names


def _sheet(tmp_path, rows):
    table = [["姓名", "手机", "微信", "旺旺", "客户类型", "负责人", "客户来源", "备注"]] + [
        [r["name"], r["phone"], r["wechat"], r["account"], r["type"], r["staff"], r["source"],
         r["notes"]] for r in rows]
    return messy.csv_file(tmp_path / "roster.csv", "utf-8", table)


@settings(max_examples=MAX_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=PEOPLE, rows=ROWS)
def test_importing_twice_changes_nothing_the_second_time(database, owner, tmp_path, data_dir,
                                                         people, rows):
    _reset(owner)
    _seed(people, owner)
    path = _sheet(tmp_path, rows)
    apply.apply(plan_of(path), data_dir, owner)
    before = snapshot(database)
    again = plan_of(path)
    assert not again.to_write(), [(r.row, r.status, r.changes) for r in again.to_write()]
    apply.apply(again, data_dir, owner)
    assert snapshot(database) == before


@settings(max_examples=MAX_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=PEOPLE, rows=ROWS)
def test_no_name_changes_through_a_contact_match_alone(database, owner, tmp_path, data_dir,
                                                      people, rows):
    _reset(owner)
    names = _seed(people, owner)
    apply.apply(plan_of(_sheet(tmp_path, rows)), data_dir, owner)
    assert {c.id: c.name for c in Customer.select().where(Customer.id.in_(list(names)))} == names


def test_kept_columns_already_in_the_notes_are_not_noted_again(database, owner, tmp_path, data_dir):
    customers.create(CustomerData(name="李娜", phone="13800138001", notes="爱砍价\n客户来源：抖音"),
                     owner)
    rows = [["姓名", "手机", "客户来源"], ["李娜", "13800138001", "抖音"]]
    [row] = plan_of(roster(tmp_path, rows)).rows
    assert row.status == "unchanged" and row.reason == ""
