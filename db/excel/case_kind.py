"""After-sales cases in Excel: the cases, their remedies and their timelines, one sheet each
in the same workbook, for the shop's records; and the case sheet (or a complaint register kept
in Excel) imported back as new cases (case_import.py).

Remedies and timelines are export only: they are the record of what the workflow did
(db/cases/workflow.py), which a spreadsheet row cannot be trusted to respect.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Iterable

from db import clock
from db.cases import vocabulary
from db.cases.settings import categories
from db.customers.vocabulary import COMPLAINT_PROFILES
from db.excel import customer_kind
from db.excel.case_import import CONTACTS, CaseImporter
from db.excel.kinds import CHOICE, DATE, ID, NUMBER_TEXT, STAMP, TEXT, Field, Kind
from db.models import Case, Customer, Staff, database


def _local(value) -> dt.datetime | None:
    if value is None:
        return None
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return clock.to_local(moment).replace(microsecond=0)


_CUSTOMER = {f.key: f for f in customer_kind.FIELDS}
# The customer columns use the customer import's words, so a register's 买家/旺旺/手机 columns
# map as they do on a roster; the name is headed 客户 here, as the case export always wrote it.
CASE_FIELDS = (
    Field("id", "编号", ("工单编号", "工单号", "售后单号"), ID, width=8),
    dataclasses.replace(_CUSTOMER["name"], label="客户", synonyms=(
        "称呼", *(w for w in _CUSTOMER["name"].synonyms if w != "客户"), "买家昵称", "顾客",
        "投诉人")),
    Field("customer_id", "客户编号", ("客户ID",), ID, width=10, in_template=False),
    _CUSTOMER["phone"], _CUSTOMER["wechat"], _CUSTOMER["platform"], _CUSTOMER["platform_account"],
    Field("order_no", "订单号", ("订单编号", "订单", "单号", "订单号码"), width=20, max_length=100),
    Field("product", "商品", ("商品名称", "宝贝", "宝贝名称", "产品", "产品名称", "货品", "商品信息"),
          width=18, max_length=200),
    Field("channel", "渠道", ("来源", "联系渠道", "咨询渠道", "投诉渠道"), width=10, max_length=50),
    Field("category", "问题分类", ("问题类型", "问题类别", "售后类型", "投诉原因", "原因分类", "类型",
                               "分类"), CHOICE, width=12, max_length=50),
    Field("description", "问题描述", ("问题", "问题详情", "问题说明", "投诉内容", "投诉问题", "售后问题",
                                  "买家原话", "详情", "情况", "反馈内容", "描述"), width=40,
          max_length=5000),
    Field("emotion", "买家情绪", ("情绪", "客户情绪", "心情"), CHOICE, width=10),
    Field("complaint_profile", "投诉类型", ("投诉性格", "投诉分类"), CHOICE, width=12),
    Field("severity", "严重程度", ("严重性", "难易", "复杂程度", "紧急程度"), CHOICE, width=10),
    Field("stage", "阶段", ("状态", "处理状态", "进度", "处理进度", "工单状态"), CHOICE, width=10),
    dataclasses.replace(_CUSTOMER["staff"], synonyms=(
        *_CUSTOMER["staff"].synonyms, "处理人", "记录人", "登记人", "售后客服")),
    Field("due_at", "当前时限", type=DATE, width=18, importable=False, in_template=False),
    Field("satisfaction", "满意度", ("满意度评分", "评分", "满意程度"), NUMBER_TEXT, width=8),
    Field("root_cause", "原因", ("问题原因", "原因分析"), width=24, max_length=500),
    Field("improvement", "改善措施", ("改进措施", "改善", "预防措施"), width=24, max_length=500),
    Field("created_at", "创建时间", ("日期", "登记日期", "投诉日期", "反馈日期", "登记时间", "投诉时间",
                                 "售后日期", "申请日期"), DATE, width=18),
    Field("closed_at", "结案时间", ("结案日期", "完成时间"), DATE, width=18, importable=False,
          in_template=False),
    Field("changed_at", "最后修改", ("修改时间", "更新时间", "最后修改时间"), STAMP, width=18,
          importable=False),
    Field("notes", "备注", ("备忘", "说明", "处理备注", "处理记录", "处理情况"), TEXT, width=30,
          max_length=2000, exported=False),
)
EMPTY_CONTACTS = (None, None, None, None)


def export_rows(ids: list[int] | None = None) -> Iterable[list]:
    """case_rows in CASE_FIELDS order: with the customer's contacts (so that an export can be
    imported into another data folder and find or create the same buyer) and 投诉类型."""
    contacts = {c[0]: c[1:] for c in Customer.select(
        Customer.id, Customer.phone, Customer.wechat, Customer.platform,
        Customer.platform_account).tuples()}
    profiles = dict(Case.select(Case.id, Case.complaint_profile).tuples())
    for row in case_rows(ids):
        found = [v or None for v in contacts.get(row[2], EMPTY_CONTACTS)]
        profile = COMPLAINT_PROFILES.labels.get(profiles.get(row[0]))
        yield [*row[:3], *found, *row[3:9], profile, *row[9:], None]


def choices() -> dict[str, list[str]]:
    return {"category": categories(), "emotion": vocabulary.EMOTIONS.sources(),
            "complaint_profile": COMPLAINT_PROFILES.sources(),
            "severity": vocabulary.SEVERITIES.sources(),
            "stage": vocabulary.STAGES.sources(),
            "staff": [s.name for s in Staff.select().where(Staff.active == True)]}  # noqa: E712


def case_rows(ids: list[int] | None = None) -> Iterable[list]:
    wanted = set(ids) if ids is not None else None
    cursor = database.execute_sql(
        "SELECT c.id, cu.name, c.customer_id, c.order_no, c.product, c.channel, c.category, "
        "c.description, c.emotion, c.severity, c.stage, s.name, c.due_at, c.satisfaction, "
        "c.root_cause, c.improvement, c.created_at, c.closed_at, c.updated_at FROM \"case\" c "
        "JOIN customer cu ON cu.id = c.customer_id LEFT JOIN staff s ON s.id = c.staff_id "
        "ORDER BY c.id")
    for row in cursor:
        if wanted is not None and row[0] not in wanted:
            continue
        (cid, customer, customer_id, order_no, product, channel, category, description,
         emotion, severity, stage, staff, due_at, satisfaction, cause, improvement, created,
         closed, updated) = row
        yield [cid, customer, customer_id, order_no, product, channel, category, description,
               vocabulary.EMOTIONS.source(emotion), vocabulary.SEVERITIES.source(severity),
               vocabulary.STAGES.source(stage), staff or "",
               None if stage == "closed" else _local(due_at), satisfaction, cause, improvement,
               _local(created), _local(closed), _local(updated)]


REMEDY_FIELDS = (
    Field("case_id", "工单编号", width=10), Field("type", "补救方式", width=10),
    Field("amount", "金额（元）", width=10), Field("status", "状态", width=10),
    Field("notes", "说明", width=40), Field("created_at", "创建时间", type=DATE, width=18),
)


def remedy_rows(_ids: list[int] | None = None) -> Iterable[list]:
    cursor = database.execute_sql(
        "SELECT case_id, type, amount_cents, status, notes, created_at FROM remedy "
        "ORDER BY case_id, id")
    for case_id, type_, cents, status, notes, created in cursor:
        yield [case_id, vocabulary.REMEDY_TYPES.source(type_),
               None if cents is None else cents / 100, vocabulary.REMEDY_STATUSES.source(status),
               notes, _local(created)]


EVENT_FIELDS = (
    Field("case_id", "工单编号", width=10), Field("at", "时间", type=DATE, width=18),
    Field("staff", "客服", width=10), Field("kind", "事件", width=10),
    Field("stage", "之后阶段", width=10), Field("text", "内容", width=60),
)


def event_rows(_ids: list[int] | None = None) -> Iterable[list]:
    cursor = database.execute_sql(
        "SELECT e.case_id, e.at, s.name, e.kind, e.stage, e.text FROM case_event e "
        "LEFT JOIN staff s ON s.id = e.staff_id ORDER BY e.case_id, e.at, e.id")
    for case_id, at, staff, kind, stage, text in cursor:
        yield [case_id, _local(at), staff or "", kind,
               vocabulary.STAGES.source(stage), text]


# Remedies and timelines are export only: sheets beside the cases in the same workbook.
REMEDIES = Kind(key="case_remedies", title="补救方案", fields=REMEDY_FIELDS, identifying=("id",),
                match_keys=(), export_rows=remedy_rows)
EVENTS = Kind(key="case_events", title="工单时间线", fields=EVENT_FIELDS, identifying=("id",),
              match_keys=(), export_rows=event_rows)
KIND = Kind(key="cases", title="售后工单", fields=CASE_FIELDS,
            identifying=("id", "name", "phone", "wechat", "platform_account"),
            match_keys=CONTACTS, export_rows=export_rows, choices=choices, importer=CaseImporter(),
            companions=(REMEDIES, EVENTS))
