"""Snippets through the same Excel pipeline: export, edit in a spreadsheet, import back."""
from __future__ import annotations


import openpyxl

from db.excel import apply, registry, workflow, write
from db.models import Snippet
from db.snippets import library as snippets
from tests.fixtures import messy



def test_snippets_round_trip(database, owner, tmp_path, data_dir):
    greet = snippets.add_category("问候")
    hello = snippets.create(snippets.SnippetData("欢迎语", "亲，在的，请问有什么可以帮您？", greet.id, "hy"),
                            owner)
    mine = snippets.create(snippets.SnippetData("我的备忘", "=不是公式", None, "", personal=True), owner)
    path = tmp_path / "all.xlsx"
    counts = write.export_all(path)
    assert counts["snippets"] == 2
    sheet = openpyxl.load_workbook(path)["快捷短语"]
    header = [c.value for c in sheet[1]]
    rows = {r[0].value: [c.value for c in r] for r in sheet.iter_rows(min_row=2)}
    assert rows[hello.id][header.index("分类")] == "问候"
    assert rows[mine.id][header.index("范围")] == owner.name
    mine_row = next(r[0].row for r in sheet.iter_rows(min_row=2) if r[0].value == mine.id)
    assert sheet.cell(row=mine_row, column=header.index("内容") + 1).data_type == "s"
    plan = workflow.plan_file("snippets", path, "快捷短语")
    assert {r.status for r in plan.rows} == {"unchanged"}
    book = openpyxl.load_workbook(path)
    sheet = book["快捷短语"]
    hello_row = next(r[0].row for r in sheet.iter_rows(min_row=2) if r[0].value == hello.id)
    sheet.cell(row=hello_row, column=header.index("内容") + 1).value = "亲，您好！"
    sheet.append([None, "发货", "FH", "物流", "今天发货"])
    book.save(path)
    plan = workflow.plan_file("snippets", path, "快捷短语")
    assert sorted(r.status for r in plan.rows) == ["new", "unchanged", "update"]
    apply.apply(plan, data_dir, owner)
    assert Snippet.get_by_id(hello.id).body == "亲，您好！"
    shipped = Snippet.get(Snippet.title == "发货")
    assert shipped.shortcut == "fh" and shipped.category.name == "物流" and shipped.owner_id is None
    assert Snippet.get_by_id(mine.id).owner_id == owner.id  # untouched, still personal
    assert [r.id for r in snippets.search("fh", owner.id)][:1] == [shipped.id]


def test_snippet_rows_need_title_and_body(database, owner, tmp_path):
    rows = [["标题", "内容", "短语码"], ["", "只有内容", ""], ["只有标题", "", ""],
            ["坏码", "内容", "好 码"]]
    plan = workflow.plan_file("snippets", messy.xlsx(tmp_path / "s.xlsx", rows))
    assert [r.status for r in plan.rows] == ["invalid", "invalid", "invalid"]
    assert "短语码" in plan.rows[2].reason


def test_snippet_template(database, tmp_path):
    write.template(registry.get("snippets"), tmp_path / "t.xlsx")
    header = [c.value for c in openpyxl.load_workbook(tmp_path / "t.xlsx")["快捷短语"][1]]
    assert header == ["标题", "短语码", "分类", "内容", "范围"]
