"""Quick-reply snippets as the Excel importer/exporter sees them.

Rows are matched by the export's 编号, else by title. New snippets are shop-wide; the 范围
column (whose personal snippet it is) is exported for reading only. Images stay in the app:
a snippet that has one keeps it when its text is updated from a sheet.
Writes go through db.snippets so its search index stays right.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable, Iterable

from peewee import fn

from db import clock
from db.excel.kinds import CHOICE, ID, STAMP, TEXT, Existing, Field, Kind
from db.excel.matching import MatchingImporter
from db.excel.wording import Note, problem
from db.vocabulary import QT_TRANSLATE_NOOP
from db.errors import StaleEdit
from db.excel.errors import ExcelError
from db.models import Snippet, SnippetCategory, Staff, database
from db.snippets import library as snippets
from db.storage import dialect, named

_L = snippets.LIMITS
FIELDS = (
    Field("id", "编号", ("ID", "短语编号"), ID, width=8),
    Field("title", "标题", ("短语标题", "名称", "短语名称", "话术标题"), width=20, max_length=_L["title"]),
    Field("shortcut", "短语码", ("快捷码", "缩写", "简码", "编码"), width=10, max_length=_L["shortcut"]),
    Field("category", "分类", ("类别", "分组", "短语分类"), CHOICE, width=12,
          max_length=_L["category"]),
    Field("body", "内容", ("短语内容", "话术", "回复内容", "正文", "话术内容"), width=60,
          max_length=_L["body"]),
    Field("owner", "范围", ("所属", "个人"), TEXT, width=10, importable=False),
    Field("changed_at", "最后修改", ("修改时间", "更新时间"), STAMP, width=18, importable=False),
)


def _rows() -> list[tuple]:
    cursor = database.execute_sql(
        "SELECT s.id, s.title, s.shortcut, c.name, s.body, st.name, s.updated_at, "
        "s.image IS NOT NULL, s.version FROM snippet s "
        "LEFT JOIN snippet_category c ON c.id = s.category_id "
        "LEFT JOIN staff st ON st.id = s.owner_id ORDER BY c.position, s.id")
    return list(cursor)


def _values(row: tuple) -> dict:
    values = {"title": row[1], "shortcut": row[2], "category": row[3], "body": row[4]}
    return {k: v for k, v in values.items() if v}


def _stamp(text) -> dt.datetime:
    return clock.to_local(dialect.to_datetime(text)).replace(microsecond=0)


def load_existing() -> Iterable[Existing]:
    for row in _rows():
        yield Existing(row[0], _values(row), _stamp(row[6]), row[8], False,
                       f"{row[1]} (#{row[0]})")


def export_rows(ids: list[int] | None = None) -> Iterable[list]:
    wanted = set(ids) if ids is not None else None
    for row in _rows():
        if wanted is None or row[0] in wanted:
            values = _values(row)
            yield [row[0], *(values.get(f.key) for f in FIELDS[1:5]), row[5] or "全店",
                   _stamp(row[6])]


def choices() -> dict[str, list[str]]:
    return {"category": [c.name for c in snippets.categories()]}


def make_checker(_options=None) -> Callable[[dict, Existing | None], tuple[list[str], list[str]]]:
    known = {c.name for c in SnippetCategory.select(SnippetCategory.name)}

    def check(values: dict, record: Existing | None) -> tuple[list[str], list[str]]:
        problems, notes = [], []
        if record is None and not values.get("title"):
            problems.append(problem(QT_TRANSLATE_NOOP("ImportNotes", "缺少标题")))
        if record is None and not values.get("body"):
            problems.append(problem(QT_TRANSLATE_NOOP("ImportNotes", "缺少内容（新短语必须有内容）")))
        if "shortcut" in values:
            values["shortcut"] = values["shortcut"].lower()
            if not snippets.SHORTCUT.match(values["shortcut"]):
                problems.append(problem(QT_TRANSLATE_NOOP(
                        "ImportNotes", "短语码“%1”只能用英文字母和数字（如 dq）"), values["shortcut"]))
        if values.get("category") and values["category"] not in known:
            notes.append(Note.of("note", QT_TRANSLATE_NOOP("ImportNotes", "将新建分类“%1”"),
                                 values["category"]))
        return problems, notes
    return check


def apply_rows(rows, by: Staff | None, progress: Callable[[int], None]) -> None:
    categories = {c.name: c.id for c in SnippetCategory.select()}
    for done, row in enumerate(rows, start=1):
        merged = {**(row.record.values if row.record else {}),
                  **(row.values if row.record is None else row.to_apply)}
        name = merged.get("category")
        if name and name not in categories:
            last = SnippetCategory.select(fn.MAX(SnippetCategory.position)).scalar() or 0
            categories[name] = named.id_for_name(SnippetCategory, name, position=last + 1)
        if row.record is None:
            snippets.create(snippets.SnippetData(
                title=merged["title"], body=merged.get("body", ""), shortcut=merged.get("shortcut", ""),
                category_id=categories.get(name)), by)
        else:
            data = snippets.SnippetData.of(Snippet.get_by_id(row.record.id))
            data.title, data.body = merged.get("title", ""), merged.get("body", "")
            data.shortcut, data.category_id = merged.get("shortcut", ""), categories.get(name)
            try:
                snippets.update(row.record.id, data, by, expected_version=row.record.version)
            except StaleEdit:
                raise ExcelError(QT_TRANSLATE_NOOP(
                    "ExcelError", "第 %1 行的短语“%2”在预览之后被修改了，请重新预览后再导入"),
                    row.row, row.record.label, row=row.row) from None
        if done % 200 == 0:
            progress(done)
    progress(len(rows))
    snippets.invalidate()


IMPORTER = MatchingImporter(load_existing=load_existing, make_check=make_checker,
                            apply_rows=apply_rows)
KIND = Kind(key="snippets", title="快捷短语", fields=FIELDS, identifying=("id", "title"),
            match_keys=("title",), export_rows=export_rows, choices=choices, importer=IMPORTER)
