"""A refused file (db.excel.errors.ExcelError) in the interface language: str() and line()
stay the Chinese line the command line prints, worded() names the file, row and column and
says why in English when the interface is English; every raise site is marked for
translation under "ExcelError"."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import openpyxl
import pytest

from db import vocabulary
from db.customers import records as customers
from db.customers.records import CustomerData
from db.excel import apply, headers, history, read, registry, workflow
from db.excel.errors import Cancelled, ExcelError
from db.models import Customer
from tests.core.test_excel_cases_import import plan_of, register, row
from tests.helpers import call_name as _name, check_site, english, marked as _marked
from tests.fixtures import hostile, messy

ROOT = Path(__file__).resolve().parents[2]
CHINESE = re.compile(r"[\u3400-\u9fff]")


def _sites():
    """Every ExcelError and Cancelled made in db/: (where, positional arguments)."""
    for path in sorted((ROOT / "db").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _name(node.func) in ("ExcelError", "Cancelled"):
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node.args


def test_every_raise_site_is_marked_translated_and_given_its_values():
    translated = english()
    count = 0
    for where, args in _sites():
        found = _marked(args[0]) if args else None
        assert found is not None, f"{where}: not marked for translation"
        check_site(where, found, "ExcelError", len(args) - 1, translated)
        count += 1
    assert count >= 40, count  # 41 when written
    words = [found for node in ast.walk(ast.parse((ROOT / "db/excel/errors.py").read_text(
        encoding="utf-8"))) if (found := _marked(node))]  # row, column and the separators
    assert len(words) == 5 and all(word in translated for word in words)


def test_every_cell_problem_is_a_template_the_preview_can_translate():
    """A row's problem (ValueProblem, problem(), a Note) is made from a marked template and its
    values, never from a sentence already filled in (an f-string shows Chinese in English)."""
    count = 0
    for path in sorted((ROOT / "db").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args
                    and _name(node.func) in ("ValueProblem", "problem", "of")):
                continue
            if _name(node.func) == "of" and not (
                    len(node.args) > 1 and isinstance(node.func, ast.Attribute)
                    and getattr(node.func.value, "id", "") == "Note"):
                continue  # another of(): Note.of(kind, template, ...) only
            template = node.args[1] if _name(node.func) == "of" else node.args[0]
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            assert not isinstance(template, (ast.JoinedStr, ast.BinOp)), f"{where}: filled in"
            assert not (isinstance(template, ast.Constant) and isinstance(template.value, str)
                        and CHINESE.search(template.value)), f"{where}: not marked"
            count += 1
    assert count >= 30, count


def test_a_refused_file_is_chinese_as_text_and_english_when_worded(
        database, tmp_path, interface_in_english):
    with pytest.raises(ExcelError) as big:  # a cell no spreadsheet can hold: row and column
        workflow.plan_file("customers", hostile.csv_big_cell(tmp_path / "大表.csv"))
    assert big.value.line() == str(big.value) == (
        "大表.csv，第 3 行，“C”列：单元格有 140,000 个字符，超过上限 32,767（Excel 一个单元格最多能放的字数）")
    assert big.value.worded() == ("大表.csv, row 3, column C: The cell has 140,000 characters, "
                                  "more than the limit of 32,767 (the most an Excel cell can hold)")

    book = openpyxl.Workbook()
    book.active.title = "名单"
    book.create_sheet("Sheet2")
    book.save(tmp_path / "r.xlsx")
    with pytest.raises(ExcelError) as sheet:  # the file's own sheet names, listed in English
        read.read_table(tmp_path / "r.xlsx", "客户表")
    assert sheet.value.line() == "r.xlsx：没有名为“客户表”的工作表（有：名单、Sheet2）"
    assert sheet.value.worded() == \
        "r.xlsx: There is no sheet named “客户表” (the file has: 名单, Sheet2)"

    with pytest.raises(ExcelError) as header:  # the words a header must hold stay as written
        workflow.plan_file("customers", messy.xlsx(tmp_path / "n.xlsx", [["甲", "乙"], ["1", "2"]]))
    assert header.value.line() == "n.xlsx：在前 30 行找不到表头（应有“称呼”“手机”等列名）"
    assert header.value.worded() == ("n.xlsx: No header row in the first 30 rows (it needs "
                                     "column names such as “称呼”“手机”)")
    with pytest.raises(ExcelError) as orders:  # each kind names its own columns
        workflow.plan_file("orders", messy.xlsx(tmp_path / "o.xlsx", [["甲", "乙"], ["1", "2"]]))
    assert orders.value.line() == "o.xlsx：在前 30 行找不到表头（应有“订单号”等列名）"

    twice = messy.xlsx(tmp_path / "t.xlsx", [["姓名", "手机", "手机"], ["丁", "1", "2"]])
    table = read.read_table(twice)
    kind = registry.get("customers")
    guess = headers.find_header(kind, table)
    guess.mapping = ["name", "phone", "phone"]
    with pytest.raises(ExcelError) as both:  # a column's label: one of the app's words
        headers.check_mapping(kind, table, guess)
    assert both.value.line() == "t.xlsx，第 1 行：“手机”同时对应了 B 列和 C 列，请只保留一列"
    assert both.value.worded() == \
        "t.xlsx, row 1: “Phone” is matched to both column B and column C; keep only one"
    assert not CHINESE.search(both.value.worded())

    with pytest.raises(ExcelError) as nothing:  # no file, no row: the reason alone
        history.undo_last_import(tmp_path)
    assert (str(nothing.value), nothing.value.worded()) == (
        "没有可以撤销的导入", "There is no import to undo")
    assert Customer.select().count() == 0

    vocabulary.set_translator(None)  # no translator: worded() is the Chinese line
    assert big.value.worded() == big.value.line()


def test_a_refusal_of_the_rules_inside_an_import_is_worded_too(
        database, owner, data_dir, tmp_path, interface_in_english):
    taken = customers.create(CustomerData(name="旧客户", phone="13900139000"), owner)
    plan = plan_of(register(tmp_path, row("新客户", phone="13800138000", order="T1"),
                            row("旧客户", phone="13900139000")))
    customers.move_to_trash([taken.id], owner)  # after the preview: the last row now fails
    with pytest.raises(ExcelError) as failure:
        apply.apply(plan, data_dir, owner)
    line, worded = failure.value.line(), failure.value.worded()
    assert line.startswith("第 3 行：") and "回收站" in line and line.endswith(
        "；导入已全部撤回，请重新预览后再导入"), line
    assert worded.startswith("row 3: ") and worded.endswith(
        "; the whole import was rolled back, preview again before importing"), worded
    assert not CHINESE.search(worded.replace("旧客户", "")), worded  # the customer's name only
    with pytest.raises(Cancelled) as stopped:
        apply.apply(plan, data_dir, owner, cancelled=lambda: True)
    assert (str(stopped.value), stopped.value.worded()) == (
        "导入已取消，数据没有任何改动", "Import cancelled; nothing was changed")
