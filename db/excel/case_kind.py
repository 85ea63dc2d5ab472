"""After-sales cases for export: the cases, their remedies and their timelines, one sheet
each in the same workbook, for the shop's records and for reading in Excel or WPS.

Export only: a case's stage, deadlines and timeline are rules of the workflow
(db/case_workflow.py), which a spreadsheet row cannot be trusted to respect, so the importer
does not offer these kinds.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from db import case_labels as names, case_workflow, clock
from db.excel.kinds import DATE, ID, STAMP, Field, Kind, register
from db.models import database


def _local(value) -> dt.datetime | None:
    if value is None:
        return None
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return clock.to_local(moment).replace(microsecond=0)


def _no_import(*_args, **_kwargs):
    raise NotImplementedError("售后工单只能导出，不能导入")


def _kind(key: str, title: str, fields: tuple[Field, ...], rows, companions=()) -> Kind:
    return Kind(key=key, title=title, fields=fields, identifying=("id",), match_keys=("id",),
                load_existing=lambda: iter(()), make_checker=_no_import, apply_rows=_no_import,
                export_rows=rows, importable=False, companions=companions)


CASE_FIELDS = (
    Field("id", "编号", type=ID, width=8),
    Field("customer", "客户", width=12), Field("customer_id", "客户编号", width=10),
    Field("order_no", "订单号", width=20), Field("product", "商品", width=18),
    Field("channel", "渠道", width=10), Field("category", "问题分类", width=12),
    Field("description", "问题描述", width=40), Field("emotion", "买家情绪", width=10),
    Field("severity", "严重程度", width=10), Field("stage", "阶段", width=10),
    Field("staff", "负责客服", width=10), Field("due_at", "当前时限", type=DATE, width=18),
    Field("satisfaction", "满意度", width=8), Field("root_cause", "原因", width=24),
    Field("improvement", "改善措施", width=24), Field("created_at", "创建时间", type=DATE, width=18),
    Field("closed_at", "结案时间", type=DATE, width=18),
    Field("changed_at", "最后修改", type=STAMP, width=18),
)


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
               names.EMOTIONS.get(emotion, emotion), names.SEVERITIES.get(severity, severity),
               case_workflow.STAGE_LABELS.get(stage, stage), staff or "",
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
        yield [case_id, names.REMEDY_TYPES.get(type_, type_),
               None if cents is None else cents / 100, names.REMEDY_STATUSES.get(status, status),
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
               case_workflow.STAGE_LABELS.get(stage, stage), text]


register("cases", lambda: _kind("cases", "售后工单", CASE_FIELDS, case_rows,
                                companions=("case_remedies", "case_events")))
register("case_remedies", lambda: _kind("case_remedies", "补救方案", REMEDY_FIELDS, remedy_rows))
register("case_events", lambda: _kind("case_events", "工单时间线", EVENT_FIELDS, event_rows))
