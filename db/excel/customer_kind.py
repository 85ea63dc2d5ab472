"""Customers as the Excel importer/exporter sees them: columns, matching, apply, export.

Values take one form on both sides so that a plain == tells whether a cell changed:
texts stripped, phones normalised, the type/staff/complaint type by their display name,
tags as a sorted tuple, dates as date.
"""
from __future__ import annotations

from typing import Callable, Iterable

from peewee import chunked

from db import clock
from db.customers.bulk import TEXT_FIELDS, BulkWriter, indexes_rebuilt
from db.customers.records import FIELD_LIMITS
from db.customers.vocabulary import COMPLAINT_PROFILES
from db.storage import dialect, named
from db.excel.errors import ExcelError
from db.excel.kinds import CHOICE, DATE, ID, NUMBER_TEXT, PHONE, STAMP, TAGS, Existing, Field, Kind
from db.customers.name_forms import former_names
from db.excel.matching import MatchingImporter
from db.vocabulary import QT_TRANSLATE_NOOP
from db.excel.plan import NEW_STAFF, NEW_TYPE, ImportOptions, Note
from db.excel.wording import problem
from db.models import CustomerType, Staff, database

_L = FIELD_LIMITS
# What the notes say (marked for the wizard's translation; %1... are a note's arguments).
_SAYS = {
    "new_type": QT_TRANSLATE_NOOP("ImportNotes", "将新建客户类型“%1”"),
    "type_dropped": QT_TRANSLATE_NOOP("ImportNotes", "客户类型“%1”不存在，未设置"),
    "new_staff": QT_TRANSLATE_NOOP("ImportNotes", "将新建客服“%1”"),
    "staff_dropped": QT_TRANSLATE_NOOP("ImportNotes", "负责客服“%1”不在客服名单中，未设置"),
    # problems: the row is not imported
    "no_name": QT_TRANSLATE_NOOP("ImportNotes", "缺少称呼（新客户必须有称呼）"),
    "bad_qq": QT_TRANSLATE_NOOP("ImportNotes", "QQ：“%1” 不是有效的 QQ 号（5–12 位数字）"),
    "bad_profile": QT_TRANSLATE_NOOP("ImportNotes", "投诉类型：“%1” 不是可选值（%2）"),
}


FIELDS = (
    Field("id", "编号", ("ID", "客户编号", "客户ID", "序号ID"), ID, width=8),
    Field("name", "称呼", ("姓名", "客户", "客户名", "客户名称", "客户姓名", "买家", "买家姓名",
                         "昵称", "名字", "联系人", "收货人", "name"), width=14,
          max_length=_L["name"]),
    Field("phone", "手机", ("手机号", "手机号码", "电话", "电话号码", "联系电话", "联系方式",
                          "手机/电话", "tel", "phone", "mobile"), PHONE, width=15),
    Field("wechat", "微信", ("微信号", "微信ID", "wechat", "vx", "wx"), width=16,
          max_length=_L["wechat"]),
    Field("qq", "QQ", ("QQ号", "qq号码"), NUMBER_TEXT, width=12, max_length=_L["qq"]),
    Field("platform", "平台", ("店铺平台", "购买平台", "来源平台"), width=10,
          max_length=_L["platform"]),
    Field("platform_account", "平台账号", ("旺旺", "旺旺号", "旺旺名", "淘宝ID", "淘宝账号", "买家账号",
                                        "买家ID", "会员名", "拼多多账号", "抖音号", "平台ID"),
          width=18, max_length=_L["platform_account"]),
    Field("address", "地址", ("收货地址", "详细地址", "联系地址", "收件地址"), width=36,
          max_length=_L["address"]),
    Field("type", "类型", ("客户类型", "客户分类", "分类", "客户等级", "等级"), CHOICE, width=10,
          max_length=50),
    Field("complaint_profile", "投诉类型", ("投诉性格", "投诉分类"), CHOICE, width=12),
    Field("staff", "负责客服", ("负责人", "客服", "跟进人", "跟进客服", "对接客服", "所属客服"), CHOICE,
          width=10),
    Field("tags", "标签", ("客户标签", "tag", "tags"), TAGS, width=20),
    Field("next_visit", "下次回访", ("回访日期", "下次回访日期", "回访时间", "下次联系"), DATE, width=12),
    Field("notes", "备注", ("备忘", "客户备注", "说明"), width=40, max_length=_L["notes"]),
    Field("changed_at", "最后修改", ("修改时间", "更新时间", "最后修改时间"), STAMP, width=18,
          importable=False),
)


def _query() -> list[tuple]:
    """Every customer as a plain tuple. Raw SQL: peewee's per-value conversion costs more than
    the query itself at 50,000 rows; dates are parsed here with the C fromisoformat."""
    columns = ", ".join(f"c.{f}" for f in TEXT_FIELDS)
    cursor = database.execute_sql(
        f"SELECT c.id, {columns}, t.name, c.complaint_profile, s.name, c.next_visit, "
        "c.updated_at, c.version, c.deleted_at FROM customer c "
        "LEFT JOIN customer_type t ON t.id = c.type_id LEFT JOIN staff s ON s.id = c.staff_id "
        "ORDER BY c.id")
    date, moment = dialect.to_date, dialect.to_datetime
    return [(*row[:12], date(row[12]), moment(row[13]), *row[14:]) for row in cursor]


def _tags() -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = {}
    query = database.execute_sql(
        "SELECT ct.customer_id, t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id")
    for customer_id, name in query:
        found.setdefault(customer_id, []).append(name)
    return {cid: tuple(sorted(names)) for cid, names in found.items()}


def _records(ids: list[int] | None = None) -> Iterable[tuple[dict, tuple]]:
    """(values, raw row) per customer, values in the canonical form; in `ids` order if given."""
    tags = _tags()
    rows = _query()
    if ids is not None:
        by_id = {row[0]: row for row in rows}
        rows = [by_id[i] for i in dict.fromkeys(ids) if i in by_id]
    for row in rows:
        (cid, name, phone, wechat, qq, platform, account, address, notes, type_name, complaint,
         staff_name, next_visit, updated_at, version, deleted_at) = row
        values = {"name": name, "phone": phone, "wechat": wechat, "qq": qq, "platform": platform,
                  "platform_account": account, "address": address, "notes": notes,
                  "type": type_name,
                  "complaint_profile": COMPLAINT_PROFILES.source(complaint) if complaint else None,
                  "staff": staff_name, "tags": tags.get(cid), "next_visit": next_visit}
        yield {k: v for k, v in values.items() if v}, row


def load_existing() -> Iterable[Existing]:
    for values, row in _records():
        cid, updated_at, version, deleted_at = row[0], row[13], row[14], row[15]
        yield Existing(cid, values, clock.to_local(updated_at).replace(microsecond=0), version,
                       deleted_at is not None, f"{values.get('name', '')} (#{cid})")


def export_rows(ids: list[int] | None = None, include_deleted: bool = False) -> Iterable[list]:
    for values, row in _records(ids):
        if row[15] is not None and not include_deleted:
            continue
        changed = clock.to_local(row[13]).replace(microsecond=0)
        yield [row[0], *(values.get(f.key) for f in FIELDS[1:-1]), changed]


def choices() -> dict[str, list[str]]:
    return {"type": [t.name for t in CustomerType.select().order_by(CustomerType.position)],
            "complaint_profile": COMPLAINT_PROFILES.sources(),
            "staff": [s.name for s in Staff.select().where(Staff.active == True)]}  # noqa: E712


def make_checker(options: ImportOptions = ImportOptions()
                 ) -> Callable[[dict, Existing | None], tuple[list[str], list[str]]]:
    known_types = {t.name.lower(): t.name for t in CustomerType.select(CustomerType.name)}
    staff_names = {s.name for s in Staff.select(Staff.name)}
    return lambda values, record: check_row(values, record, known_types, staff_names, options)


def check_row(values: dict, record: Existing | None, known_types: dict[str, str],
              staff_names: set[str], options: ImportOptions = ImportOptions()
              ) -> tuple[list[str], list[str]]:
    """Problems that make the row invalid, and notes; names are put in their stored spelling.
    A staff member or type the app does not know yet is created (or left out, as chosen)."""
    problems: list[str] = []
    notes: list[str] = []
    if record is None and not values.get("name"):
        problems.append(problem(_SAYS["no_name"]))
    qq = values.get("qq")
    if qq and not (qq.isdigit() and 5 <= len(qq) <= 12):
        problems.append(problem(_SAYS["bad_qq"], qq))
    if "type" in values:
        name = known_types.get(values["type"].lower())
        if name is None and options.create_types:
            notes.append(Note.of(NEW_TYPE, _SAYS["new_type"], values["type"]))
        elif name is None:
            notes.append(Note.of("type_dropped", _SAYS["type_dropped"], values.pop("type")))
        else:
            values["type"] = name
    if "complaint_profile" in values:
        given = values["complaint_profile"]
        labels = COMPLAINT_PROFILES.sources()
        label = COMPLAINT_PROFILES.labels.get(given) or next(
            (v for v in labels if v == given or v.startswith(given)), None)
        if label is None:
            problems.append(problem(_SAYS["bad_profile"], given, tuple(labels)))
        else:
            values["complaint_profile"] = label
    if "staff" in values and values["staff"] not in staff_names:
        if options.create_staff:
            notes.append(Note.of(NEW_STAFF, _SAYS["new_staff"], values["staff"]))
        else:
            notes.append(Note.of("staff_dropped", _SAYS["staff_dropped"],
                                 values.pop("staff")))
    return problems, notes


# --- apply -----------------------------------------------------------------------------

def apply_rows(rows, by: Staff | None, progress: Callable[[int], None]) -> None:
    """Write the planned rows through the customers' bulk writer, inside the caller's
    transaction; a customer changed since the preview stops the import (rolled back)."""
    _create_staff(rows)
    writer = BulkWriter(by)
    done = 0
    with indexes_rebuilt(sum(1 for row in rows if row.record is None)):
        for batch in chunked(rows, 500):
            for row in batch:
                if row.record is None:
                    values = row.values  # copied only when a profile needs its code
                    writer.insert(_stored(values) if "complaint_profile" in values else values)
                elif not writer.update(row.record.id, row.record.version,
                                       _stored({**row.record.values, **(changes := row.to_apply)}),
                                       "tags" in changes):
                    raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "第 %1 行的客户“%2”在预览之后被修改或删除了，"
                                                       "请重新预览后再导入"),
                                     row.row, row.record.label, row=row.row)
                done += 1
            writer.flush()
            progress(done)


def _create_staff(rows) -> None:
    """The staff members the rows name that the app does not know yet (the plan noted them).
    Plain staff, never the owner: an import gives no one the owner's rights."""
    known = {s.name for s in Staff.select(Staff.name)}
    wanted = (row.values.get("staff") if row.record is None else row.to_apply.get("staff")
              for row in rows)
    for name in dict.fromkeys(n for n in wanted if n and n not in known):
        named.id_for_name(Staff, name, role="staff")


_PROFILE_CODES = COMPLAINT_PROFILES.by_source()


def _stored(values: dict) -> dict:
    """The sheet's form of a customer -> the bulk writer's (a complaint profile by code; the
    check put it in its Chinese spelling)."""
    return {**values, "complaint_profile": _PROFILE_CODES.get(values.get("complaint_profile"), "")}


IMPORTER = MatchingImporter(load_existing=load_existing, make_check=make_checker,
                            apply_rows=apply_rows, name_key="name", former_names=former_names)
KIND = Kind(key="customers", title="客户", fields=FIELDS,
            identifying=("id", "name", "phone", "wechat", "platform_account"),
            match_keys=("phone", "wechat", "platform_account"), export_rows=export_rows,
            choices=choices, importer=IMPORTER, extra_into="notes")
