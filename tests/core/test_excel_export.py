"""Exports are formatted for people and safe to open: read back with openpyxl."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from db.customers import records as customers
from db.customers.records import CustomerData
from db.excel import registry, write
from db.excel.write import LISTS_SHEET


@pytest.fixture
def kind(database):
    return registry.get("customers")


def test_export_is_formatted_and_safe(database, owner, tmp_path, kind):
    vip = next(t for t in customers.customer_types() if t.name == "VIP")
    one = customers.create(CustomerData(
        name="=HYPERLINK(\"http://evil\")", phone="13800138000", wechat="@wx", qq="12345",
        address="+北京", notes="-第一行\n第二行", type_id=vip.id, staff_id=owner.id,
        next_visit=dt.date(2026, 11, 3), tags=["老客户", "爱砍价"]), owner)
    path = tmp_path / "out.xlsx"
    assert write.export(kind, path) == 1
    book = openpyxl.load_workbook(path)
    sheet = book["客户"]
    header = [c.value for c in sheet[1]]
    assert header[0] == "编号" and header[-1] == "最后修改"
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(header))}2"
    row = {h: c for h, c in zip(header, sheet[2])}
    assert row["编号"].value == one.id
    assert row["称呼"].data_type == "s" and row["称呼"].value.startswith("=HYPERLINK")
    assert row["手机"].data_type == "s" and row["手机"].value == "13800138000"
    assert row["下次回访"].is_date and row["下次回访"].value.date() == dt.date(2026, 11, 3)
    assert row["最后修改"].is_date
    assert row["标签"].value == "爱砍价、老客户"
    assert row["类型"].value == "VIP" and row["负责客服"].value == owner.name
    assert sheet.column_dimensions["H"].width > sheet.column_dimensions["A"].width
    ranges = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert len(ranges) == 3  # type, complaint type, staff
    assert book[LISTS_SHEET].sheet_state == "hidden"
    assert "VIP" in [c.value for c in book[LISTS_SHEET]["A"]]


def test_filtered_export_keeps_the_given_order(database, owner, tmp_path, kind):
    ids = [customers.create(CustomerData(name=f"客户{n}"), owner).id for n in range(5)]
    customers.move_to_trash([ids[0]], owner)
    path = tmp_path / "some.xlsx"
    assert write.export(kind, path, [ids[3], ids[1]]) == 2
    sheet = openpyxl.load_workbook(path)["客户"]
    assert [r[0].value for r in sheet.iter_rows(min_row=2)] == [ids[3], ids[1]]
    write.export(kind, path)
    sheet = openpyxl.load_workbook(path)["客户"]
    assert [r[0].value for r in sheet.iter_rows(min_row=2)] == ids[1:]  # trash left out


def test_csv_has_bom_and_defuses_formulas(database, owner, tmp_path, kind):
    customers.create(CustomerData(name="=1+1", phone="13800138000", notes="@SUM(A1)"), owner)
    path = tmp_path / "out.csv"
    assert write.export_csv(kind, path) == 1
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    line = raw.decode("utf-8-sig").splitlines()[1]
    assert ",'=1+1," in line and ",'@SUM(A1)," in line and ",13800138000," in line


def test_template_and_everything_workbook(database, owner, tmp_path, kind):
    write.template(kind, tmp_path / "template.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "template.xlsx")["客户"]
    header = [c.value for c in sheet[1]]
    assert "编号" not in header and "最后修改" not in header and "称呼" in header
    assert sheet.max_row == 1
    customers.create(CustomerData(name="甲"), owner)
    counts = write.export_all(tmp_path / "all.xlsx")
    assert counts["customers"] == 1
    assert "客户" in openpyxl.load_workbook(tmp_path / "all.xlsx").sheetnames


def test_control_characters_do_not_break_the_export(database, owner, tmp_path, kind):
    customers.create(CustomerData(name="甲", notes="复制来的\x07备注"), owner)
    write.export(kind, tmp_path / "out.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx")["客户"]
    assert "复制来的备注" in [c.value for c in sheet[2]]


def test_csv_export_imports_back_unchanged(database, owner, tmp_path, kind):
    from db.excel import workflow
    customers.create(CustomerData(name="=1+1", phone="13800138000", notes="-减号开头",
                                  tags=["@重要"], next_visit=dt.date(2026, 11, 3)), owner)
    path = tmp_path / "out.csv"
    write.export_csv(kind, path)
    plan = workflow.plan_file("customers", path)
    assert [r.status for r in plan.rows] == ["unchanged"], plan.rows[0].reason
