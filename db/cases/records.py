"""Case rules: create, edit, advance through the stages, remedies, promises, timeline.

Every write records a CaseEvent (the timeline) in the same transaction and recomputes the
case's next deadline (Case.due_at), which the lists filter and sort on.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json

from peewee import JOIN, fn

from db import clock, text
from db.cases import deadlines, timeline as tl, workflow as wf
from db.storage import conflicts, dialect
from db.cases.vocabulary import (
    EMOTIONS, FIELD_NAMES, REMEDY_STATUSES, REMEDY_TYPES, SEVERITIES, STAGES, amount,
)
from db.cases.settings import categories, limits, return_visit_setting, save_categories
from db.customers import records as customers
from db.customers.vocabulary import COMPLAINT_PROFILES, FIELD_NAMES as CUSTOMER_FIELDS
from db.errors import CaseError, stale
from db.models import Case, CaseEvent, CasePromise, Customer, Remedy, Staff, database
from db.vocabulary import QT_TRANSLATE_NOOP, Message, Word

FIELD_LIMITS = {"order_no": 100, "product": 200, "channel": 50, "category": 50,
                "description": 5000}
NOTE_LIMIT = 5000


@dataclasses.dataclass
class CaseData:
    customer_id: int | None = None
    order_no: str = ""
    product: str = ""
    channel: str = ""
    category: str = ""
    description: str = ""
    emotion: str = ""
    complaint_profile: str = ""
    severity: str = "simple"
    staff_id: int | None = None

    @classmethod
    def of(cls, case: Case) -> "CaseData":
        return cls(**{f.name: getattr(case, f.name) for f in dataclasses.fields(cls)})


def clean(data: CaseData) -> CaseData:
    out = dataclasses.replace(data)
    for field, limit in FIELD_LIMITS.items():
        setattr(out, field, (getattr(out, field) or "").strip())
        if len(getattr(out, field)) > limit:
            raise CaseError(field, QT_TRANSLATE_NOOP("CaseError", "“%1”太长（最多 %2 个字）"),
                            FIELD_NAMES.term(field), limit)
    if out.customer_id is None or not Customer.select().where(
            Customer.id == out.customer_id, Customer.deleted_at.is_null()).exists():
        raise CaseError("customer", QT_TRANSLATE_NOOP("CaseError", "请选择或新建一位客户"))
    if not out.description and not out.category:
        raise CaseError("description", QT_TRANSLATE_NOOP("CaseError", "请填写问题描述（买家的原话）或选择问题分类"))
    if out.emotion not in ("", *EMOTIONS.codes()):
        raise CaseError("emotion", QT_TRANSLATE_NOOP("CaseError", "未知的买家情绪 %1"), out.emotion)
    if out.complaint_profile not in ("", *COMPLAINT_PROFILES.codes()):
        raise CaseError("complaint_profile", QT_TRANSLATE_NOOP("CaseError", "未知的投诉类型 %1"),
                        out.complaint_profile)
    if out.severity not in SEVERITIES.codes():
        raise CaseError("severity", QT_TRANSLATE_NOOP("CaseError", "未知的严重程度 %1"), out.severity)
    if out.staff_id is not None and not Staff.select().where(Staff.id == out.staff_id).exists():
        raise CaseError("staff", QT_TRANSLATE_NOOP("CaseError", "负责客服不存在"))
    return out


def create(data: CaseData, by: Staff | None) -> Case:
    data = clean(data)
    with database.atomic():
        now = clock.now()
        case = Case(created_by=by, created_at=now, updated_at=now, stage_entered_at=now)
        _assign(case, data)
        case.save()
        customer = Customer.get_by_id(data.customer_id)
        # "质量问题 · 蓝牙耳机": the category is kept as a word of its own, to be translated.
        shown = [tl.category(data.category)] if data.category else []
        for typed in (data.product, data.order_no):
            if typed:
                shown += ["·", typed] if shown else [typed]
        _record(case, by, "created", [tl.part("created", customer=customer.name,
                                              summary=tl.side_by_side(shown))])
        _refresh_due(case)
    return case


def create_with_customer(customer: customers.CustomerData, data: CaseData,
                         by: Staff | None) -> Case:
    """Log a complaint from a buyer not in the archive yet: both saved, or neither.
    A phone, WeChat or platform account already on file is refused, naming that customer,
    so that a hurried inline entry does not create a duplicate."""
    known = customers.find_duplicates(customers.clean(customer))
    if known:
        existing, field = known[0]
        raise customers.CustomerError(field, QT_TRANSLATE_NOOP(
            "CustomerError", "客户“%1”已有相同的%2，请从档案中选择"),
            existing.name, CUSTOMER_FIELDS.term(field))
    with database.atomic():
        created = customers.create(customer, by)
        data = dataclasses.replace(data, customer_id=created.id)
        return create(data, by)


def update(case_id: int, data: CaseData, by: Staff | None,
           expected_version: int | None = None, base: CaseData | None = None) -> Case:
    """Save edited fields; the timeline names every field that changed, old → new.
    With expected_version, an edit started before someone else's change is refused with
    StaleEdit, carrying the fields side by side when the form passes `base`, the data it
    loaded. A change elsewhere on the case (a note, a stage move) leaves these fields
    alone: the edit is then saved as is."""
    data = clean(data)

    def merge(current: Case) -> conflicts.Conflict | None:
        return _conflict(current, base, data) if base is not None else None

    with database.atomic():
        conflicts.versioned_save(
            Case, case_id, expected_version,
            lambda current: stale(QT_TRANSLATE_NOOP(
                "StaleEdit", "工单 #%1 已被其他人修改，请重新打开后再保存"), case_id), merge)
        case = Case.get_by_id(case_id)
        before = CaseData.of(case)
        changes = [_describe_change(name, getattr(before, name), getattr(data, name))
                   for name in (f.name for f in dataclasses.fields(CaseData))
                   if getattr(before, name) != getattr(data, name)]
        if not changes:
            return case
        _assign(case, data)
        _touch(case)
        case.save()
        first, *more = changes
        _record(case, by, "edit", [tl.part("edit", changes={"part": first}), *more])
        _refresh_due(case)
    return case


def save_resolved(conflict: conflicts.Conflict, choices: dict[str, str],
                  by: Staff | None) -> Case:
    return conflicts.save_choices(update, conflict, choices, by)


def _conflict(current: Case, base: CaseData, mine: CaseData) -> conflicts.Conflict:
    base = dataclasses.replace(base)
    for field in FIELD_LIMITS:  # compared with the cleaned edit: "A1 " and "A1" are no change
        setattr(base, field, (getattr(base, field) or "").strip())
    last = (CaseEvent.select(CaseEvent, Staff).join(Staff, JOIN.LEFT_OUTER)
            .where(CaseEvent.case == current.id).order_by(CaseEvent.id.desc()).first())
    fallback = ((last.staff.name if last.staff_id else "", last.at) if last
                else ("", current.updated_at))
    return conflicts.build("case", current.id, current.version, base, mine,
                           CaseData.of(current),
                           who=conflicts.who_changed("case", current.id, fallback))


def _fresh(case_id: int, expected_version: int | None) -> Case:
    """The case for a stage move, refused when it changed since the user looked at it."""
    conflicts.versioned_save(Case, case_id, expected_version,
                             lambda current: stale_message(current.id))
    return Case.get_by_id(case_id)


def stale_message(case_id: int) -> Message:
    """Why a stage move was not done: the case's last timeline entry and its stage now."""
    last = (CaseEvent.select(CaseEvent, Staff).join(Staff, JOIN.LEFT_OUTER)
            .where(CaseEvent.case == case_id).order_by(CaseEvent.id.desc()).first())
    stage = STAGES.term(Case.get_by_id(case_id).stage)
    if last is None:
        return stale(QT_TRANSLATE_NOOP(
            "StaleEdit", "工单 #%1 在你操作期间已被其他人修改，现在处于“%2”阶段。"
            "这一步没有执行，请查看最新内容后再操作。"), case_id, stage)
    when = clock.to_local(last.at).strftime("%m-%d %H:%M")
    what = tl.Said.of(last)
    if last.staff_id:
        return stale(QT_TRANSLATE_NOOP(
            "StaleEdit", "工单 #%1 在你操作期间已被其他人修改（%3 %4：%5），现在处于“%2”阶段。"
            "这一步没有执行，请查看最新内容后再操作。"), case_id, stage, last.staff.name, when, what)
    return stale(QT_TRANSLATE_NOOP(
        "StaleEdit", "工单 #%1 在你操作期间已被其他人修改（其他人 %3：%4），现在处于“%2”阶段。"
        "这一步没有执行，请查看最新内容后再操作。"), case_id, stage, when, what)


def _assign(case: Case, data: CaseData) -> None:
    for field in ("order_no", "product", "channel", "category", "description", "emotion",
                  "complaint_profile", "severity"):
        setattr(case, field, getattr(data, field))
    case.customer = data.customer_id
    case.staff = data.staff_id
    case.search_text = _search_key(data.order_no, data.product, data.category)


def _search_key(order_no: str, product: str, category: str) -> str:
    return text.search_key(order_no, product, category, spell=(product,) if product else ())


def _describe_change(field: str, old, new) -> tl.Part:
    def shown(value):
        if field == "customer_id":
            return Customer.get_by_id(value).name if value else tl.phrase("nobody")
        if field == "staff_id":
            return Staff.get_by_id(value).name if value else tl.phrase("nobody")
        if not value:
            return tl.phrase("empty")
        if field in ("emotion", "severity"):
            value = tl.word(field, value)
        return tl.nested("quoted", text=value)
    return tl.part("change", field=tl.word("field", field.removesuffix("_id")), old=shown(old),
                   new=shown(new))


# --- stages -------------------------------------------------------------------------------

def advance(case_id: int, by: Staff | None, note: str = "", target: str | None = None,
            reason: str = "", expected_version: int | None = None) -> Case:
    """With expected_version (the case as the user saw it), a stale case raises StaleEdit."""
    with database.atomic():
        case = _fresh(case_id, expected_version)
        move = wf.plan_advance(case.stage, target, note, reason)
        _apply(case, move, by)
    return case


def close(case_id: int, by: Staff | None, satisfaction: int | None, root_cause: str,
          improvement: str, note: str = "", reason: str = "",
          return_visit_days: int | None = None, expected_version: int | None = None) -> Case:
    """Close with the buyer's satisfaction and the cause; a 回访 is scheduled N days later
    on the case and as the customer's next visit."""
    with database.atomic():
        case = _fresh(case_id, expected_version)
        move = wf.plan_close(case.stage, satisfaction, root_cause, improvement, note, reason)
        days = return_visit_days if return_visit_days is not None else return_visit_setting()
        case.satisfaction = satisfaction
        case.root_cause = root_cause.strip()
        case.improvement = improvement.strip()
        case.closed_at = clock.now()
        case.return_visit_on = clock.today() + dt.timedelta(days=days) if days > 0 else None
        case.return_visit_done_at = None
        _apply(case, move, by)
        if case.return_visit_on is not None:
            customer = case.customer
            if customer.next_visit is None or customer.next_visit > case.return_visit_on:
                Customer.update(next_visit=case.return_visit_on, updated_at=clock.now(),
                                updated_by=by, version=Customer.version + 1,  # see add_contact
                                ).where(Customer.id == customer.id).execute()
    return case


def reopen(case_id: int, by: Staff | None, reason: str, target: str = "followup",
           expected_version: int | None = None) -> Case:
    with database.atomic():
        case = _fresh(case_id, expected_version)
        move = wf.plan_reopen(case.stage, reason, target)
        case.closed_at = None
        case.return_visit_on = None
        _apply(case, move, by)
    return case


def _apply(case: Case, move: wf.Transition, by: Staff | None) -> None:
    case.stage = move.to_stage
    case.stage_entered_at = clock.now()
    _touch(case)
    case.save()
    parts = [tl.part("move", from_stage=tl.word("stage", move.from_stage),
                     to_stage=tl.word("stage", move.to_stage))]
    if move.kind == "reopen":
        parts = [tl.part("reopen", stage=tl.word("stage", move.to_stage)),
                 tl.part("reason", text=move.reason)]
    if move.skipped:
        parts.append(tl.part("skipped", stages=tl.each([tl.word("stage", s) for s in move.skipped]),
                             reason=move.reason))
    if move.kind == "close":
        parts.append(tl.part("satisfaction", score=case.satisfaction))
        if case.root_cause:
            parts.append(tl.part("reason", text=case.root_cause))
        if case.improvement:
            parts.append(tl.part("improvement", text=case.improvement))
        if case.return_visit_on:
            parts.append(tl.part("return_visit_on", date=case.return_visit_on.isoformat()))
    if move.note:
        parts.append(tl.part("note", text=move.note))
    _record(case, by, move.kind, parts)
    _refresh_due(case)


# --- notes, remedies, promises, return visits ---------------------------------------------

def add_note(case_id: int, by: Staff | None, note: str) -> CaseEvent:
    note = (note or "").strip()
    if not note:
        raise CaseError("note", QT_TRANSLATE_NOOP("CaseError", "请填写备注内容"))
    if len(note) > NOTE_LIMIT:
        raise CaseError("note", QT_TRANSLATE_NOOP("CaseError", "备注太长（最多 %1 个字）"), NOTE_LIMIT)
    with database.atomic():
        case = Case.get_by_id(case_id)
        _touch(case)
        case.save()
        return _record(case, by, "note", [tl.part("text", text=note)])


def add_remedy(case_id: int, by: Staff | None, type: str, amount_cents: int | None = None,
               status: str = "proposed", notes: str = "") -> Remedy:
    _check_remedy(type, status, amount_cents)
    with database.atomic():
        case = Case.get_by_id(case_id)
        remedy = Remedy.create(case=case, type=type, amount_cents=amount_cents, status=status,
                               notes=(notes or "").strip(), created_by=by)
        _touch(case)
        case.save()
        _record(case, by, "remedy", [tl.part("remedy", remedy=_remedy_words(remedy))])
        _refresh_due(case)
    return remedy


def update_remedy(remedy_id: int, by: Staff | None, status: str,
                  amount_cents: int | None = None, notes: str | None = None,
                  expected_version: int | None = None) -> Remedy:
    """With expected_version (the remedy as the dialog loaded it), a change someone saved
    meanwhile is not overwritten: StaleEdit."""
    with database.atomic():
        conflicts.versioned_save(
            Remedy, remedy_id, expected_version,
            lambda current: stale(QT_TRANSLATE_NOOP(
                "StaleEdit", "这个补救方案在你修改期间已被其他人更新（现在：%1），这次没有保存。"
                "请取消后重新打开再改。"), _remedy_said(current)))
        remedy = Remedy.get_by_id(remedy_id)
        _check_remedy(remedy.type, status, amount_cents)
        old = remedy.status
        remedy.status, remedy.amount_cents = status, amount_cents
        if notes is not None:
            remedy.notes = notes.strip()
        remedy.updated_at = clock.now()
        remedy.version += 1
        remedy.save()
        case = remedy.case
        _touch(case)
        case.save()
        _record(case, by, "remedy", [tl.part("remedy_update", remedy=_remedy_words(remedy),
                                             old=tl.word("remedy_status", old))])
        _refresh_due(case)
    return remedy


def _check_remedy(type: str, status: str, amount_cents: int | None) -> None:
    if type not in REMEDY_TYPES.labels:
        raise CaseError("type", QT_TRANSLATE_NOOP("CaseError", "未知的补救方式 %1"), type)
    if status not in REMEDY_STATUSES.labels:
        raise CaseError("status", QT_TRANSLATE_NOOP("CaseError", "未知的方案状态 %1"), status)
    if amount_cents is not None and amount_cents < 0:
        raise CaseError("amount", QT_TRANSLATE_NOOP("CaseError", "金额不能为负数"))


def _remedy_said(remedy: Remedy) -> tl.Said:
    """The remedy in the shop's words, for messages."""
    return tl.Said([tl.part("text", text=_remedy_words(remedy))])


def _remedy_words(remedy: Remedy) -> dict:
    words: list = [tl.word("remedy_type", remedy.type)]
    if remedy.amount_cents is not None:
        words.append(tl.nested("yuan", amount=amount(remedy.amount_cents)))
    words.append(tl.nested("quoted", text=tl.word("remedy_status", remedy.status)))
    if remedy.notes:
        words.append(remedy.notes)
    return tl.side_by_side(words)


def add_promise(case_id: int, by: Staff | None, due_at: dt.datetime, promise: str) -> CasePromise:
    """A time promised to the buyer (naive UTC): the case is due for follow-up then."""
    promise = (promise or "").strip()
    if not promise:
        raise CaseError("promise", QT_TRANSLATE_NOOP("CaseError", "请填写答应买家的事（例如：明天上午补发）"))
    if due_at < clock.now() - dt.timedelta(minutes=1):
        raise CaseError("due_at", QT_TRANSLATE_NOOP("CaseError", "约定的跟进时间已经过去，请选择以后的时间"))
    with database.atomic():
        case = Case.get_by_id(case_id)
        if case.stage == "closed":
            raise CaseError("promise", QT_TRANSLATE_NOOP(
                "CaseError", "工单已结案，请先重新打开再约定跟进时间"))
        item = CasePromise.create(case=case, due_at=due_at, text=promise, created_by=by)
        _touch(case)
        case.save()
        when = clock.to_local(due_at).strftime("%Y-%m-%d %H:%M")
        _record(case, by, "promise", [tl.part("promise", when=when, text=promise)])
        _refresh_due(case)
    return item


def complete_promise(promise_id: int, by: Staff | None, note: str = "") -> CasePromise:
    with database.atomic():
        item = CasePromise.get_by_id(promise_id)
        if item.done_at is not None:
            raise CaseError("promise", QT_TRANSLATE_NOOP("CaseError", "这条跟进已经完成"))
        item.done_at, item.done_by = clock.now(), by
        item.save()
        case = item.case
        _touch(case)
        case.save()
        note = (note or "").strip()
        _record(case, by, "promise_done", [tl.part("promise_done_note", text=item.text, note=note)
                                           if note else tl.part("promise_done", text=item.text)])
        _refresh_due(case)
    return item


def complete_return_visit(case_id: int, by: Staff | None, note: str = "") -> Case:
    with database.atomic():
        case = Case.get_by_id(case_id)
        if case.return_visit_on is None or case.return_visit_done_at is not None:
            raise CaseError("return_visit", QT_TRANSLATE_NOOP("CaseError", "这张工单没有待做的回访"))
        case.return_visit_done_at = clock.now()
        _touch(case)
        case.save()
        note = (note or "").strip()
        _record(case, by, "return_visit", [tl.part("return_visit_note", note=note) if note
                                           else tl.part("return_visit")])
    return case


# --- reading ------------------------------------------------------------------------------

def timeline(case_id: int) -> list[CaseEvent]:
    return list(CaseEvent.select(CaseEvent, Staff).join(Staff, JOIN.LEFT_OUTER)
                .where(CaseEvent.case == case_id).order_by(CaseEvent.at, CaseEvent.id))


def remedies(case_id: int) -> list[Remedy]:
    return list(Remedy.select().where(Remedy.case == case_id).order_by(Remedy.id))


def promises(case_id: int) -> list[CasePromise]:
    return list(CasePromise.select().where(CasePromise.case == case_id)
                .order_by(CasePromise.done_at.is_null(False), CasePromise.due_at))


def cases_of_customer(customer_id: int) -> list[Case]:
    return list(Case.select().where(Case.customer == customer_id)
                .order_by(Case.created_at.desc()))


def deadlines_of(case: Case) -> list[deadlines.Deadline]:
    proposed = (Remedy.select(fn.MIN(Remedy.created_at))
                .where(Remedy.case == case.id, Remedy.status != "rejected").scalar())
    open_promises = [p.due_at for p in CasePromise.select(CasePromise.due_at).where(
        CasePromise.case == case.id, CasePromise.done_at.is_null())]
    return deadlines.step_deadlines(case.stage, case.created_at, limits(case.severity),
                                    proposed, open_promises)


# --- helpers ------------------------------------------------------------------------------

def _touch(case: Case) -> None:
    case.updated_at = clock.now()
    case.version += 1


def _record(case: Case, by: Staff | None, kind: str, parts: list[tl.Part]) -> CaseEvent:
    """A timeline entry: its parts (worded in the interface language when shown) and the
    Chinese sentence (search, exports)."""
    return CaseEvent.create(case=case, staff=by, kind=kind, stage=case.stage,
                            text=tl.chinese(parts), params=json.dumps(parts, ensure_ascii=False),
                            at=clock.now())


def _refresh_due(case: Case) -> None:
    found = deadlines_of(case)
    due = found[0] if found else None
    case.due_at, case.due_kind = (due.due, due.kind) if due else (None, "")
    Case.update(due_at=case.due_at, due_kind=case.due_kind).where(Case.id == case.id).execute()


# --- problem categories ------------------------------------------------------------------

def rename_category(old: str, new: str, by: Staff | None = None) -> int:
    """Renaming a category renames it on every case too, so reports keep counting together;
    returns how many cases changed (audited as one bulk entry)."""
    from db.trust import audit  # noqa: PLC0415
    names = categories()
    if old not in names:
        raise CaseError("category", QT_TRANSLATE_NOOP("CaseError", "没有分类“%1”"),
                        Word("categories", old))
    names[names.index(old)] = new
    with database.atomic():
        names = save_categories(names)
        new = new.strip()
        rows = list(Case.select(Case.id, Case.order_no, Case.product)
                    .where(Case.category == old).tuples())
        keys: dict[tuple[str, str], str] = {}  # products repeat: spell each once
        updates = []
        for case_id, order_no, product in rows:
            if (order_no, product) not in keys:
                keys[(order_no, product)] = _search_key(order_no, product, new)
            updates.append((new, keys[(order_no, product)], case_id))
        with audit.bulk("rename_category", "case", {"from": old, "to": new, "cases": len(rows)},
                        by, "settings"):
            database.cursor().executemany(
                dialect.sql('UPDATE "case" SET category = ?, search_text = ? WHERE id = ?'), updates)
    return len(rows)
