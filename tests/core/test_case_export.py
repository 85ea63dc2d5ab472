"""Cases export to Excel with their remedies and timeline; remedies and timeline are never
offered for import (cases are: tests/core/test_excel_cases_import.py)."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from db.cases import records as cases
from db.customers import records as customers
from db.customers.records import CustomerData
from db.excel import registry, write

ROOT = Path(__file__).resolve().parents[2]


def make_case(owner):
    buyer = customers.create(CustomerData(name="王女士"), owner)
    case = cases.create(cases.CaseData(customer_id=buyer.id, order_no="TB2026001",
                                       product="真丝连衣裙", category="破损",
                                       description="=收到时领口开线了", emotion="angry"), owner)
    cases.add_remedy(case.id, owner, "compensation", amount_cents=2050, notes="补发领口配件")
    cases.advance(case.id, owner, note="已道歉")
    return case


def test_cases_export_writes_cases_remedies_and_timeline(owner, tmp_path):
    case = make_case(owner)
    target = tmp_path / "工单.xlsx"
    assert write.export(registry.get("cases"), target) == 1
    book = load_workbook(target)
    assert book.sheetnames[:3] == ["售后工单", "补救方案", "工单时间线"]
    header, row = list(book["售后工单"].iter_rows(values_only=True))[:2]
    values = dict(zip(header, row))
    assert values["编号"] == case.id and values["客户"] == "王女士"
    assert values["订单号"] == "TB2026001" and values["买家情绪"] == "愤怒"
    assert values["问题描述"] == "=收到时领口开线了"  # text, never a formula
    assert book["售后工单"]["H2"].data_type == "s"
    assert values["阶段"] == "道歉" and isinstance(values["创建时间"], dt.datetime)
    remedy = list(book["补救方案"].iter_rows(values_only=True))[1]
    assert remedy[:4] == (case.id, "小额补偿", 20.5, "提议")
    timeline = list(book["工单时间线"].iter_rows(values_only=True))[1:]
    assert len(timeline) >= 3 and all(r[0] == case.id for r in timeline)
    assert any("已道歉" in (r[5] or "") for r in timeline)


def test_everything_workbook_includes_cases_and_import_never_offers_remedies(owner, tmp_path):
    make_case(owner)
    target = tmp_path / "全部.xlsx"
    counts = write.export_all(target)
    assert counts["cases"] == 1 and counts["case_remedies"] == 1
    assert {"客户", "快捷短语", "售后工单", "补救方案", "工单时间线"} <= set(load_workbook(target).sheetnames)
    importable = registry.available(importable_only=True)
    assert "cases" in importable and "case_remedies" not in importable
    assert "case_events" not in importable
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", "case_remedies",
                             str(target), "--data-dir", str(tmp_path / "d")],
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode != 0 and "invalid choice" in result.stderr
