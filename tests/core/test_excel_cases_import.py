"""Importing after-sales cases: complaint registers and case exports become NEW cases written
through db.cases, customers matched as the customer import matches them, stages reached only
through the workflow; a case already in the app is never updated, a re-import changes nothing."""
from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from db import clock
from db.cases import records as cases
from db.cases.settings import categories
from db.customers import records as customers
from db.customers.records import CustomerData
from db.excel import apply, history, registry, workflow, write
from db.excel.errors import Cancelled, ExcelError
from db.models import AuditLog, Case, CaseEvent, Customer, Remedy
from db.storage import store
from db.trust import audit, staff as staff_rules
from tests.fixtures import messy

HEADER = ["日期", "买家", "手机", "微信", "旺旺", "订单号", "商品", "问题类型", "问题描述", "情绪",
          "负责人", "备注"]


def plan_of(path, sheet=None):
    return workflow.plan_file("cases", path, sheet)


def statuses(plan):
    return {row.row: row.status for row in plan.rows}


def reasons(plan):
    return {row.row: row.reason for row in plan.rows}


def register(tmp_path, *rows, name="登记.xlsx"):
    return messy.xlsx(tmp_path / name, [HEADER, *rows])


def row(buyer="", phone="", wechat="", account="", order="", problem="破损", text="", **more):
    values = {"日期": "2026-11-03", "买家": buyer, "手机": phone, "微信": wechat, "旺旺": account,
              "订单号": order, "商品": "", "问题类型": problem, "问题描述": text, "情绪": "",
              "负责人": "", "备注": ""}
    values.update(more)
    return [values[h] for h in HEADER]


def snapshot():
    """Everything an import could touch, to compare before and after."""
    return ([tuple(c) for c in Case.select().tuples()],
            [tuple(c) for c in Customer.select().tuples()],
            CaseEvent.select().count(), categories())


def test_messy_register_becomes_new_cases_at_reception(database, owner, data_dir, tmp_path):
    plan = plan_of(messy.messy_case_register(tmp_path / "登记.xlsx"))
    assert plan.header.row_number == 2  # below a merged title row
    assert plan.header.mapping[messy.CASE_HEADER.index("处理结果")] is None  # unknown, ignored
    assert statuses(plan) == {3: "new", 4: "new", 5: "new", 6: "new", 7: "duplicate",
                              8: "invalid", 9: "invalid", 10: "new", 11: "skipped"}
    values = {r.row: r.values for r in plan.rows}
    assert values[3]["phone"] == "13800138000"  # stored as a number
    assert values[4]["phone"] == "13800138001"  # with dashes
    assert values[3]["created_at"] == dt.date(2026, 11, 3)  # Excel serial 46329
    assert values[4]["created_at"] == dt.date(2026, 11, 3)  # 2026/11/3
    assert values[5]["created_at"] == dt.date(2026, 11, 4)  # 2026年11月4日
    assert values[4]["staff"] == "店主小美"  # the merged 负责人 cell covers 李娜's row too
    why = reasons(plan)
    assert "第 6 行" in why[7]
    assert "客户（C 列）" in why[8] and "手机（D 列）" in why[8] and "平台账号（E 列）" in why[8]
    assert "问题描述（I 列）" in why[9]
    assert "新客户“张伟”" in why[3] and "同一位" in why[6]  # one customer for both rows
    assert "暂用“wang_88”" in why[5]
    assert "小王" in why[10] and "尺码问题" in why[10]
    assert "新建客户 4 位" in plan.summary()

    result = apply.apply(plan, data_dir, owner)
    assert (result.created, result.updated) == (5, 0)
    assert Customer.select().count() == 4
    zhang = Customer.get(Customer.phone == "13800138000")
    assert [c.product for c in cases.cases_of_customer(zhang.id)] in (
        ["真丝连衣裙", "真丝衬衫"], ["真丝衬衫", "真丝连衣裙"])
    assert {c.stage for c in Case.select()} == {"reception"}
    first = Case.get(Case.order_no == "TB1001")
    assert first.emotion == "angry" and first.staff_id == owner.id and first.due_at is not None
    assert Case.get(Case.order_no == "TB1004").emotion == "angry"  # 很生气
    assert "尺码问题" in categories()
    note = [e.text for e in cases.timeline(first.id) if e.kind == "note"][0]
    assert "第 3 行" in note and "2026-11-03" in note and "要求换货" in note
    staffless = Case.get(Case.order_no == "TB1008")
    assert staffless.staff_id is None
    assert "负责客服：小王" in [e.text for e in cases.timeline(staffless.id)][-1]
    [entry] = AuditLog.select().where(AuditLog.action == "import")  # one summary entry
    assert entry.entity == "cases" and '"created": 5' in entry.detail


def test_reimporting_a_register_changes_nothing(database, owner, data_dir, tmp_path):
    path = messy.messy_case_register(tmp_path / "登记.xlsx")
    apply.apply(plan_of(path), data_dir, owner)
    before = snapshot()
    again = plan_of(path)
    assert again.counts()["new"] == 0 and again.counts()["unchanged"] == 6
    assert "已有这张工单" in reasons(again)[3]
    assert apply.apply(again, data_dir, owner).created == 0
    assert snapshot() == before


def test_customer_matched_by_phone_then_wechat_then_account(database, owner, tmp_path, data_dir):
    by_phone = customers.create(CustomerData(name="甲", phone="13900139000"), owner)
    by_wechat = customers.create(CustomerData(name="乙", wechat="yi_wx"), owner)
    by_account = customers.create(CustomerData(name="丙", platform_account="bing_tb"), owner)
    by_name = customers.create(CustomerData(name="丁"), owner)
    customers.create(CustomerData(name="同名"), owner)
    customers.create(CustomerData(name="同名"), owner)
    path = register(
        tmp_path,
        row("甲", phone="139 0013 9000", wechat="yi_wx", order="T1"),  # phone first: 甲...
        row("乙", wechat="YI_WX", order="T2"),
        row("", account="bing_tb", order="T3"),
        row("丁", order="T4"),
        row("同名", order="T5"),
        row("新来的", phone="13900139005", order="T6"))
    plan = plan_of(path)
    assert statuses(plan) == {2: "invalid", 3: "new", 4: "new", 5: "new", 6: "invalid", 7: "new"}
    assert "已属于客户“乙" in reasons(plan)[2]  # ...but 乙's WeChat: not the same buyer
    assert "微信（D 列）" in reasons(plan)[2]
    assert "有 2 位客户叫“同名”" in reasons(plan)[6]
    assert "按称呼找到客户" in reasons(plan)[5]
    apply.apply(plan, data_dir, owner)
    owners = {c.order_no: c.customer_id for c in Case.select()}
    assert owners == {"T2": by_wechat.id, "T3": by_account.id, "T4": by_name.id,
                      "T6": Customer.get(Customer.name == "新来的").id}
    assert by_phone.id not in owners.values()


def test_a_buyer_in_the_trash_is_reported_not_brought_back(database, owner, tmp_path):
    gone = customers.create(CustomerData(name="甲", phone="13900139000"), owner)
    customers.move_to_trash([gone.id], owner)
    plan = plan_of(register(tmp_path, row("甲", phone="13900139000", order="T1")))
    assert statuses(plan) == {2: "deleted"} and "回收站" in reasons(plan)[2]
    assert not plan.to_write()


def test_a_case_of_a_trashed_buyer_is_not_brought_back(database, owner, tmp_path):
    target = export_with_stages(owner, tmp_path)
    customers.move_to_trash([Customer.get(Customer.name == "林女士").id], owner)
    plan = plan_of(target)
    assert statuses(plan) == {2: "deleted", 3: "deleted", 4: "unchanged", 5: "unchanged"}
    assert "工单 #1 的客户“林女士" in reasons(plan)[2] and "回收站" in reasons(plan)[2]


def export_with_stages(owner, tmp_path) -> Path:
    """Four cases at different points of the path, exported as the app exports them."""
    lin = customers.create(CustomerData(name="林女士", phone="13700137000", wechat="lin_wx"), owner)
    wu = customers.create(CustomerData(name="吴先生", platform="淘宝",
                                       platform_account="wu_tb"), owner)
    new = cases.create(cases.CaseData(customer_id=lin.id, order_no="A1", product="连衣裙",
                                      category="破损", description="领口开线",
                                      emotion="angry", staff_id=owner.id), owner)
    remedy = cases.create(cases.CaseData(customer_id=lin.id, order_no="A2", category="色差",
                                         severity="complex"), owner)
    cases.add_remedy(remedy.id, owner, "refund", amount_cents=2000)
    cases.advance(remedy.id, owner, target="remedy", reason="买家很急")
    closed = cases.create(cases.CaseData(customer_id=wu.id, order_no="B1", category="物流延误",
                                         description="五天没到", complaint_profile="difficult"),
                          owner)
    cases.close(closed.id, owner, 4, "快递中转延误", "换快递公司", reason="电话里已解决")
    apology = cases.create(cases.CaseData(customer_id=wu.id, order_no="B2", category="错发",
                                          description="=发错颜色"), owner)
    cases.advance(apology.id, owner)
    target = tmp_path / "工单.xlsx"
    assert write.export(registry.get("cases"), target) == 4
    assert new.id == 1
    return target


@contextlib.contextmanager
def other_folder(path: Path):
    """Another, empty data folder (the models follow the last opened database)."""
    path.mkdir()
    db = store.open_database(path)
    try:
        yield db
    finally:
        db.close()


def test_export_imported_into_an_empty_folder(database, owner, tmp_path):
    target = export_with_stages(owner, tmp_path)
    database.close()
    with other_folder(tmp_path / "empty") as other:
        newcomer = staff_rules.add("新店主", role="owner")
        plan = plan_of(target)
        assert plan.counts()["new"] == 4, plan.rows
        assert "新建客户 2 位" in plan.summary() and "1 张按流程结案" in plan.summary()
        why = reasons(plan)
        assert "不是本数据中的这张工单" in why[2]
        assert "推进到“补救”" in why[3] and "直接结案" in why[4]
        assert "负责客服“店主小美”不在客服名单中" in why[2]
        apply.apply(plan, Path(other.database).parent, newcomer)
        lin = Customer.get(Customer.name == "林女士")
        assert (lin.phone, lin.wechat) == ("13700137000", "lin_wx")
        wu = Customer.get(Customer.name == "吴先生")
        assert (wu.platform, wu.platform_account) == ("淘宝", "wu_tb")
        stages = {c.order_no: c.stage for c in Case.select()}
        assert stages == {"A1": "reception", "A2": "remedy", "B1": "closed", "B2": "apology"}
        closed = Case.get(Case.order_no == "B1")
        assert (closed.satisfaction, closed.root_cause, closed.improvement) == (
            4, "快递中转延误", "换快递公司")
        assert closed.return_visit_on is None and closed.complaint_profile == "difficult"
        assert Case.get(Case.order_no == "A2").severity == "complex"
        assert Case.get(Case.order_no == "B2").description == "=发错颜色"
        assert Remedy.select().count() == 0  # remedies are not imported
        events = [e.text for e in cases.timeline(closed.id)]
        assert any("跳过" in t and "从表格导入" in t for t in events)  # the workflow's own record
        assert any("原工单编号：#3" in t for t in events)

        before = snapshot()
        again = plan_of(target)  # the same export into this folder again: nothing new
        assert again.counts()["new"] == 0 and again.counts()["unchanged"] == 4
        apply.apply(again, Path(other.database).parent, newcomer)
        assert snapshot() == before


def test_export_reimported_into_the_same_folder_changes_nothing(database, owner, data_dir,
                                                                 tmp_path):
    target = export_with_stages(owner, tmp_path)
    book = openpyxl.load_workbook(target)
    book["售后工单"]["L2"] = "在表格里改了描述"  # an edit in the sheet never updates a case
    book.save(target)
    before = snapshot()
    plan = plan_of(target)
    assert statuses(plan) == {2: "unchanged", 3: "unchanged", 4: "unchanged", 5: "unchanged"}
    assert "已在软件中（工单 #1）" in reasons(plan)[2]
    assert apply.apply(plan, data_dir, owner).created == 0
    assert snapshot() == before
    assert history.last_import(data_dir) is None  # nothing written: nothing to undo


def test_case_number_of_another_folder_does_not_hide_a_new_case(database, owner, tmp_path):
    mine = customers.create(CustomerData(name="本店客户", phone="13600136000"), owner)
    cases.create(cases.CaseData(customer_id=mine.id, category="破损"), owner)  # case #1 here
    rows = [["编号", "客户", "手机", "问题分类", "创建时间"],
            [1, "别家客户", "13600136001", "色差", "2026-10-01 10:00:00"],
            [1, "别家客户", "13600136001", "色差", "2026-10-01 10:00:00"]]
    plan = plan_of(messy.xlsx(tmp_path / "别家.xlsx", rows))
    assert statuses(plan) == {2: "new", 3: "duplicate"}
    assert "编号 #1 不是本数据中的这张工单" in reasons(plan)[2]


def test_case_number_of_this_folder_twice_is_a_duplicate(database, owner, tmp_path):
    target = export_with_stages(owner, tmp_path)
    book = openpyxl.load_workbook(target)
    book["售后工单"].append([c.value for c in book["售后工单"][2]])
    book.save(target)
    plan = plan_of(target)
    assert plan.rows[-1].status == "duplicate" and "第 2 行" in plan.rows[-1].reason


def test_stage_without_what_closing_needs_starts_at_reception(database, owner, tmp_path, data_dir):
    rows = [["客户", "手机", "问题描述", "处理状态", "满意度"],
            ["甲", "13900139000", "破了", "已解决", ""],
            ["乙", "13900139001", "晚了", "已结案", "5"],
            ["丙", "13900139002", "少了", "不知道", ""]]
    plan = plan_of(messy.xlsx(tmp_path / "r.xlsx", rows))
    why = reasons(plan)
    assert "满意度" in why[2] and "从“热情接待”开始" in why[2]
    assert "原因或改善措施" in why[3]
    assert "阶段“不知道”无法识别" in why[4]
    apply.apply(plan, data_dir, owner)
    assert {c.stage for c in Case.select()} == {"reception"}
    kept = [e.text for e in CaseEvent.select().where(CaseEvent.kind == "note")]
    assert any("原阶段：已解决" in t for t in kept) and any("满意度：5" in t for t in kept)


def test_cancel_and_failure_leave_the_database_unchanged(database, owner, data_dir, tmp_path):
    taken = customers.create(CustomerData(name="旧客户", phone="13900139000"), owner)
    path = register(tmp_path, *[row(f"客户{n}", phone=f"1380013{n:04d}", order=f"T{n}")
                                for n in range(1, 120)], row("旧客户", phone="13900139000"))
    plan = plan_of(path)
    before = snapshot()
    with pytest.raises(Cancelled):
        apply.apply(plan, data_dir, owner, cancelled=lambda: True)
    assert snapshot() == before
    customers.move_to_trash([taken.id], owner)  # after the preview: the last row now fails
    before = snapshot()
    with pytest.raises(ExcelError) as failure:
        apply.apply(plan, data_dir, owner)
    assert failure.value.row == 121 and "回收站" in failure.value.line()
    assert "重新预览" in failure.value.line()
    assert snapshot() == before  # the 119 cases and customers before it were rolled back
    assert not AuditLog.select().where(AuditLog.action == "import").exists()


def test_undo_last_case_import(database, owner, data_dir, tmp_path):
    path = messy.messy_case_register(tmp_path / "登记.xlsx")
    apply.apply(plan_of(path), data_dir, owner)
    last = history.last_import(data_dir)
    assert "导入的售后工单（新增 5，更新 0）" in history.describe(last)
    history.undo_last_import(data_dir)
    assert Case.select().count() == 0 and Customer.select().count() == 0


def test_cases_template(database, tmp_path):
    write.template(registry.get("cases"), tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    header = [c.value for c in book["售后工单"][1]]
    assert header[:3] == ["客户", "手机", "微信"]
    assert {"问题描述", "问题分类", "阶段", "创建时间", "负责客服"} <= set(header)
    assert not {"编号", "客户编号", "当前时限", "结案时间", "最后修改"} & set(header)
    assert "备注" not in header  # read from registers, never written: the timeline holds it
    assert book["售后工单"].data_validations.dataValidation  # drop-downs for 阶段, 情绪 ...
    plan = plan_of(tmp_path / "t.xlsx")  # the blank template itself imports as nothing
    assert plan.rows == []


def test_a_sheet_without_a_buyer_column_is_refused(database, tmp_path):
    path = messy.xlsx(tmp_path / "r.xlsx", [["订单号", "问题描述"], ["T1", "破了"]])
    with pytest.raises(ExcelError) as refused:
        plan_of(path)
    assert refused.value.row == 1 and "没有可识别售后工单的列" in refused.value.line()


def test_clock_and_audit_source(database, owner, data_dir, tmp_path):
    clock.freeze(dt.datetime(2026, 11, 20, 2, 0))
    audit.act_as(owner, "import")
    apply.apply(plan_of(register(tmp_path, row("甲", phone="13900139000", text="破了"))),
                data_dir, owner)
    case = Case.get()
    assert case.created_at == dt.datetime(2026, 11, 20, 2, 0)  # the import's time, not the sheet's
    assert "2026-11-03" in cases.timeline(case.id)[-1].text
