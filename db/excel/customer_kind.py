"""Customers as the Excel importer/exporter sees them: columns, matching, apply, export.

Values take one form on both sides so that a plain == tells whether a cell changed:
texts stripped, phones normalised, the type/staff/complaint type by their display name,
tags as a sorted tuple, dates as date.
"""
from __future__ import annotations

from typing import Callable, Iterable

from peewee import JOIN, chunked

from db import clock, pinyin, text
from db.customers import FIELD_LIMITS
from db.excel.kinds import (
    CHOICE, DATE, ID, NUMBER_TEXT, PHONE, STAMP, TAGS, Existing, Field, Kind, register,
)
from db.models import Customer, CustomerTag, CustomerType, Staff, Tag, database

COMPLAINT_LABELS = {"perceptive": "用户感知型", "problem": "解决问题型", "difficult": "刁难纠缠型"}
_L = FIELD_LIMITS

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
TEXT_FIELDS = ("name", "phone", "wechat", "qq", "platform", "platform_account", "address", "notes")


def _query():
    return (Customer.select(Customer.id, *(getattr(Customer, f) for f in TEXT_FIELDS),
                             CustomerType.name, Customer.complaint_profile, Staff.name,
                             Customer.next_visit, Customer.updated_at, Customer.version,
                             Customer.deleted_at)
             .join(CustomerType, JOIN.LEFT_OUTER, on=(Customer.type == CustomerType.id))
             .switch(Customer).join(Staff, JOIN.LEFT_OUTER, on=(Customer.staff == Staff.id))
             .order_by(Customer.id).tuples())


def _tags() -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = {}
    query = CustomerTag.select(CustomerTag.customer, Tag.name).join(Tag).tuples()
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
                  "type": type_name, "complaint_profile": COMPLAINT_LABELS.get(complaint),
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
            "complaint_profile": list(COMPLAINT_LABELS.values()),
            "staff": [s.name for s in Staff.select().where(Staff.active == True)]}  # noqa: E712


def make_checker() -> Callable[[dict, Existing | None], tuple[list[str], list[str]]]:
    known_types = {t.name.lower(): t.name for t in CustomerType.select(CustomerType.name)}
    staff_names = {s.name for s in Staff.select(Staff.name)}
    return lambda values, record: check_row(values, record, known_types, staff_names)


def check_row(values: dict, record: Existing | None, known_types: dict[str, str],
              staff_names: set[str]) -> tuple[list[str], list[str]]:
    """Problems that make the row invalid, and notes; names are put in their stored spelling."""
    problems: list[str] = []
    notes: list[str] = []
    if record is None and not values.get("name"):
        problems.append("缺少称呼（新客户必须有称呼）")
    qq = values.get("qq")
    if qq and not (qq.isdigit() and 5 <= len(qq) <= 12):
        problems.append(f"QQ：“{qq}” 不是有效的 QQ 号（5–12 位数字）")
    if "type" in values:
        name = known_types.get(values["type"].lower())
        if name is None:
            notes.append(f"将新建客户类型“{values['type']}”")
        else:
            values["type"] = name
    if "complaint_profile" in values:
        given = values["complaint_profile"]
        label = COMPLAINT_LABELS.get(given) or next(
            (v for v in COMPLAINT_LABELS.values() if v == given or v.startswith(given)), None)
        if label is None:
            problems.append(f"投诉类型：“{given}” 不是可选值（{'、'.join(COMPLAINT_LABELS.values())}）")
        else:
            values["complaint_profile"] = label
    if "staff" in values and values["staff"] not in staff_names:
        notes.append(f"负责客服“{values.pop('staff')}”不在客服名单中，未设置")
    return problems, notes


# --- apply -----------------------------------------------------------------------------

def apply_rows(rows, by: Staff | None, progress: Callable[[int], None]) -> None:
    """Write the planned rows; runs inside the caller's transaction."""
    types = {t.name.lower(): t.id for t in CustomerType.select()}
    staff_ids = {s.name: s.id for s in Staff.select()}
    tag_ids = {t.name: t.id for t in Tag.select()}
    now = clock.now()
    by_id = by.id if by is not None else None
    done = 0
    for batch in chunked(rows, 500):
        for row in batch:
            merged = dict(row.record.values) if row.record else {}
            merged.update(row.values if row.record is None else row.changes)
            columns = _columns(merged, types, staff_ids)
            columns.update(updated_at=now, updated_by=by_id)
            if row.record is None:
                columns.update(created_at=now, created_by=by_id)
                customer_id = Customer.insert(**columns).execute()
            else:
                customer_id = row.record.id
                changed = (Customer.update(version=Customer.version + 1, **columns)
                           .where(Customer.id == customer_id,
                                  Customer.version == row.record.version).execute())
                if not changed:
                    from db.excel.errors import ExcelError  # noqa: PLC0415
                    raise ExcelError(f"第 {row.row} 行的客户“{row.record.label}”在预览之后被修改或删除了，"
                                     "请重新预览后再导入", row=row.row)
            if row.record is None or "tags" in row.changes:
                _set_tags(customer_id, merged.get("tags", ()), tag_ids, row.record is not None)
            done += 1
        progress(done)


def _columns(values: dict, types: dict[str, int], staff_ids: dict[str, int]) -> dict:
    columns = {f: values.get(f, "") for f in TEXT_FIELDS}
    type_name = values.get("type")
    if type_name and type_name.lower() not in types:
        position = len(types) + 10
        types[type_name.lower()] = CustomerType.insert(name=type_name, position=position).execute()
    columns["type"] = types.get(type_name.lower()) if type_name else None
    codes = {label: code for code, label in COMPLAINT_LABELS.items()}
    columns["complaint_profile"] = codes.get(values.get("complaint_profile"), "")
    columns["staff"] = staff_ids.get(values.get("staff"))
    columns["next_visit"] = values.get("next_visit")
    columns["name_key"] = pinyin.sort_key(columns["name"])
    columns["search_text"] = text.search_key(
        columns["name"], columns["phone"], columns["wechat"], columns["qq"],
        columns["platform_account"], *values.get("tags", ()), spell=(columns["name"],))
    return columns


def _set_tags(customer_id: int, names, tag_ids: dict[str, int], replace: bool) -> None:
    if replace:
        CustomerTag.delete().where(CustomerTag.customer == customer_id).execute()
    for name in names:
        if name not in tag_ids:
            tag_ids[name] = Tag.insert(name=name).execute()
        CustomerTag.insert(customer=customer_id, tag=tag_ids[name]).execute()


def kind() -> Kind:
    return Kind(key="customers", title="客户", fields=FIELDS,
                identifying=("id", "name", "phone", "wechat", "platform_account"),
                match_keys=("phone", "wechat", "platform_account"),
                load_existing=load_existing, make_checker=make_checker, apply_rows=apply_rows,
                export_rows=export_rows, choices=choices)


register("customers", kind)
_ = database  # the models are bound through this proxy at start-up
