"""The dry run: what importing a sheet would do to each row, and why, before anything is written.

Every row's cells are parsed here, the same way for every kind; blank and footer rows are
skipped and unreadable cells make a row invalid. The kind's importer decides the rest
(matching.py for kinds that update records, case_import.py for cases).
"""
from __future__ import annotations

import collections
import dataclasses
import functools
from typing import Any, Callable

from db.excel.values import (
    ValueProblem, as_text, is_empty, parse_code, parse_date, parse_datetime, parse_id,
    parse_moment, parse_money, parse_order_phone, parse_phone, split_tags,
)
from db.excel import gc_paused
from db.excel.wording import Label, Note, problem  # noqa: F401 - Label, Note: the plan's words
from db.excel.headers import HeaderGuess
from db.excel.kinds import (
    CHOICE, CODE, DATE, ID, MOMENT, MONEY, NUMBER_TEXT, ORDER_PHONE, PHONE, STAMP, TAGS, TEXT,
    Existing, Field, Kind,
)
from db.excel.read import Table
from db.vocabulary import QT_TRANSLATE_NOOP

NEW, UPDATE, UNCHANGED, DUPLICATE, CONFLICT, INVALID, DELETED, SKIPPED = (
    "new", "update", "unchanged", "duplicate", "conflict", "invalid", "deleted", "skipped")
# Another line of an order planned on an earlier row (order exports: one row per item).
LINE = "line"
STATUSES = (NEW, UPDATE, UNCHANGED, DUPLICATE, CONFLICT, INVALID, DELETED, LINE, SKIPPED)
STATUS_LABELS = {NEW: "新增", UPDATE: "更新", UNCHANGED: "无变化", DUPLICATE: "文件内重复",
                 CONFLICT: "冲突", INVALID: "有错误", DELETED: "已删除的记录", LINE: "同一订单的商品行",
                 SKIPPED: "跳过"}
PROBLEMS = (DUPLICATE, CONFLICT, INVALID, DELETED)  # what the error report lists
# How the user resolved a conflict: "" keeps the app's data (the row is skipped; the command
# line's choice), SHEET takes the sheet's values, KEEP_NAME applies everything but the name,
# REST applies everything but the contact that belongs to another customer.
SHEET, KEEP_NAME, REST = "sheet", "keep_name", "rest"
# The kinds of conflict: a changed record since its export, another name on a known contact,
# contacts of two different customers on one row.
STAMP_CONFLICT, NAME_CONFLICT, CONTACT_CONFLICT = "stamp", "name", "contact"
NEW_STAFF, NEW_TYPE = "new_staff", "new_type"  # notes whose value the import creates
# A roster's own row numbers: not worth keeping in anyone's 备注.
SEQUENCE_HEADERS = {"序号", "行号", "序列号", "no", "no.", "#", "index"}
EXTRA = "extra"  # the values key of a row's unmapped "列名：值" texts (until the matcher)
FOOTER_WORDS = ("合计", "总计", "小计", "共计", "总数", "说明", "备注：", "备注:", "注：", "注:")


@dataclasses.dataclass(frozen=True)
class ImportOptions:
    """What the user allowed besides the rows themselves (the wizard's check boxes; the command
    line takes these defaults)."""
    create_staff: bool = True  # a 负责客服 not on the staff list is created, not dropped
    create_types: bool = True  # likewise a 客户类型
    keep_extra: bool = True  # columns mapped to no field go into 备注 as "列名：值"
    platform: str = "auto"  # orders: whose export it is (db.orders.platforms), or "auto"


@dataclasses.dataclass(slots=True)  # 50,000 rows: no __dict__ each
class RowPlan:
    row: int  # the sheet's row number, as Excel shows it
    status: str
    reason: str = ""
    values: dict[str, Any] = dataclasses.field(default_factory=dict)  # non-empty parsed cells
    record: Existing | None = None
    changes: dict[str, Any] = dataclasses.field(default_factory=dict)  # sheet values that differ
    notes: list[str] = dataclasses.field(default_factory=list)  # Note or plain text
    include: bool = True  # False: the user skipped this new or updating row
    conflict: str = ""  # the kind of conflict (STAMP_CONFLICT ...)
    resolution: str = ""  # the user's choice for a conflict ("" keeps the app's data)
    contested: tuple[str, ...] = ()  # contacts of this row that belong to another customer
    other: Existing | None = None  # that other customer

    @property
    def current(self) -> dict[str, Any]:
        """The app's values of the changed fields (for the side-by-side view)."""
        if self.record is None:
            return {}
        return {k: self.record.values.get(k) for k in self.changes}

    @property
    def take_sheet(self) -> bool:
        return self.resolution == SHEET

    @take_sheet.setter
    def take_sheet(self, value: bool) -> None:
        self.resolution = SHEET if value else ""

    @property
    def to_apply(self) -> dict[str, Any]:
        """The changes this row writes, after the user's choice for a conflict."""
        if self.resolution == KEEP_NAME:
            return {k: v for k, v in self.changes.items() if k != "name"}
        if self.resolution == REST:
            return {k: v for k, v in self.changes.items() if k not in self.contested}
        return self.changes

    @property
    def will_write(self) -> bool:
        if self.status in (NEW, UPDATE):
            return self.include
        return self.status == CONFLICT and bool(self.resolution) and bool(self.to_apply)

    @property
    def note_kinds(self) -> list[str]:
        return [getattr(n, "kind", "note") for n in self.notes]


@dataclasses.dataclass
class Plan:
    kind: Kind
    table: Table
    header: HeaderGuess
    rows: list[RowPlan]
    options: ImportOptions = ImportOptions()

    def counts(self) -> dict[str, int]:
        found = collections.Counter(r.status for r in self.rows)
        return {status: found.get(status, 0) for status in STATUSES}

    def problems(self) -> list[RowPlan]:
        return [r for r in self.rows if r.status in PROBLEMS]

    def conflicts(self) -> list[RowPlan]:
        return [r for r in self.rows if r.status == CONFLICT]

    def to_write(self) -> list[RowPlan]:
        return [r for r in self.rows if r.will_write]

    def summary(self) -> str:
        counts = self.counts()
        text = "，".join(f"{STATUS_LABELS[s]} {counts[s]}" for s in STATUSES
                        if s != SKIPPED and (s != LINE or counts[s]))
        extra = self.kind.importer.summary(self.rows)
        return f"{text}；{extra}" if extra else text


def parse_cell(field: Field, raw) -> Any:
    """A cell -> the field's value; None when empty. Raises ValueProblem."""
    if raw is None or raw == "":  # most empty cells: skip the general check (50,000-row files)
        return None
    if type(raw) is str:
        raw = raw.strip()
        if not raw:
            return None
    return _parser(field)(raw)


def _parser(field: Field) -> Callable[[Any], Any]:
    """The field's parse of a cell already stripped and not empty, one argument (looked up
    once per column: _plan_row inlines parse_cell for 100,000 rows x every column)."""
    try:
        parse = _PARSERS[field.type]
    except KeyError:
        raise AssertionError(field.type) from None
    return functools.partial(parse, field) if parse is _text else parse


def _text(field: Field, raw) -> Any:
    value = raw if type(raw) is str else as_text(raw)
    if "\r" in value:
        value = value.replace("\r\n", "\n").strip()
    if field.max_length and len(value) > field.max_length:
        raise ValueProblem(QT_TRANSLATE_NOOP("ImportNotes", "内容过长（%1 字，最多 %2 字）"),
                           len(value), field.max_length)
    return value or None


_CELL_PROBLEM = QT_TRANSLATE_NOOP("ImportNotes", "%1（%2 列）：%3")
_SKIPPED_ROW = problem(QT_TRANSLATE_NOOP("ImportNotes", "合计/说明行或没有可导入的内容，已跳过"))
_TEXTS = (TEXT, CHOICE, NUMBER_TEXT)
MAX_TEXT = 1 << 30  # a text field without a length limit

_PARSERS = {  # _text takes the field too (its length limit)
    PHONE: lambda raw: parse_phone(raw) or None,
    DATE: parse_date,
    TAGS: lambda raw: tuple(sorted(split_tags(raw))) or None,
    ID: parse_id,
    STAMP: parse_datetime,
    TEXT: _text, CHOICE: _text, NUMBER_TEXT: _text,
    CODE: parse_code,
    MONEY: parse_money,
    MOMENT: parse_moment,
    ORDER_PHONE: parse_order_phone,
}


def make_plan(kind: Kind, table: Table, header: HeaderGuess,
              options: ImportOptions = ImportOptions()) -> Plan:
    """The dry run of an import: every row parsed here, then decided by the kind's importer."""
    with gc_paused.paused():
        return _make_plan(kind, table, header, options)


def _make_plan(kind: Kind, table: Table, header: HeaderGuess, options: ImportOptions) -> Plan:
    decide = kind.importer.planner(kind, table, header, options)
    fields = {f.key: f for f in kind.fields}
    # (column, field, its parser, the longest plain text that is the value as it stands: a
    # text cell without a carriage return takes no parser call, 50,000 rows x most columns)
    columns = [(col, key, fields[key], _parser(fields[key]),
                (fields[key].max_length or MAX_TEXT) if fields[key].type in _TEXTS else -1)
               for col, key in enumerate(header.mapping)
               if key in fields and (fields[key].importable or fields[key].type == STAMP)]
    extra = extra_columns(kind, header) if options.keep_extra else []
    rows: list[RowPlan] = []
    for offset, raw in enumerate(table.rows[header.row_index + 1:]):
        number = header.row_number + 1 + offset
        if _blank(raw):
            continue
        rows.append(_plan_row(kind, table, decide, columns, extra, number, raw))
    return Plan(kind, table, header, rows, options)


def extra_columns(kind: Kind, header: HeaderGuess) -> list[tuple[int, str]]:
    """(column, header) of the named columns mapped to no field, for kinds that keep them in a
    notes field (customers: 客户来源, 累计消费 ... go into 备注)."""
    if not kind.extra_into:
        return []
    return [(col, name.strip()) for col, (name, key) in enumerate(zip(header.headers, header.mapping))
            if key is None and name and name.strip()
            and name.strip().lower() not in SEQUENCE_HEADERS]


def _blank(raw: list) -> bool:
    for cell in raw:  # usually returns at the first cell
        if cell is None or cell == "" or (type(cell) is str and not cell.strip()):
            continue
        return False
    return True


def _any_of(values: dict, keys: tuple[str, ...]) -> bool:
    for key in keys:
        if values.get(key):
            return True
    return False


def _plan_row(kind: Kind, table: Table, decide, columns, extra, number: int, raw) -> RowPlan:
    """Parse the row's cells; a blank, footer or unreadable row is decided here, the rest by
    the kind's importer (decide)."""
    values: dict[str, Any] = {}
    problems: list[str] = []
    width = len(raw)
    for col, key, field, parse, plain in columns:  # parse_cell, inlined: 50,000 rows x every column
        cell = raw[col] if col < width else None
        if type(cell) is str:  # most cells: a text, stripped (an empty one is no value)
            cell = cell.strip()
            if not cell:
                continue
            if len(cell) <= plain and "\r" not in cell:  # _text's answer
                values[key] = cell
                continue
        elif cell is None:
            continue
        try:
            value = parse(cell)
        except ValueProblem as exc:
            problems.append(problem(_CELL_PROBLEM, Label(field.label), table.column_letter(col),
                                    exc.note))
            continue
        if value is not None:
            values[key] = value
    record_id, stamp = values.pop("id", None), values.pop("changed_at", None)
    if record_id is None and not _any_of(values, kind.match_keys):
        first = next((as_text(c) for c in raw if not is_empty(c)), "")
        if first.startswith(FOOTER_WORDS) or not values and not problems:
            return RowPlan(number, SKIPPED, _SKIPPED_ROW, values, notes=[_SKIPPED_ROW])
    if problems:
        return RowPlan(number, INVALID, "；".join(problems), values, notes=problems)
    kept = []
    for col, name in extra:
        cell = raw[col] if col < width else None
        if type(cell) is str:
            cell = cell.strip()
            if cell:
                kept.append(f"{name}：{cell}")
        elif cell is not None:
            kept.append(f"{name}：{as_text(cell)}")
    if kept:  # the matcher adds them to the record's notes field once
        values[EXTRA] = kept
    return decide(number, values, record_id, stamp)
