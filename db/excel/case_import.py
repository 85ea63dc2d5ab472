"""After-sales cases from a sheet: a case export, or the complaint register a shop kept in
Excel (日期, 买家, 手机, 旺旺, 订单号, 商品, 问题类型, 问题描述, 情绪, 负责人, 备注 ...).

Every row comes in as a NEW case, written by db.cases as the case form writes one; a row never
updates a case, whose fields, stage and timeline belong to the workflow.
- The customer is found as the customer import finds one (matching.Index: phone, then WeChat, then
  platform account; a buyer in the trash is reported, never brought back). A row with a name
  only finds the one live customer of that exact name. Otherwise a new customer is created
  (from the name, or a contact when there is no name), once per buyer of the file.
- A row whose 编号 is a case of this data folder (same buyer, same day) is "already in the
  app"; so is a row with the same buyer, order, product, category and description as a case on
  file, so that re-importing a register, or an export in another folder, adds only new rows.
- A stage the row carries (阶段 of an export, 已结案 typed in a register) is reached through
  the workflow from 热情接待: cases.advance / cases.close with the skip reason the rules ask
  for; closing needs a satisfaction and a cause, as it does for a person. Without them the
  case stays at 热情接待 and the preview says so. Remedies and promises are not imported (the
  export's 补救方案 sheet stays the record); the case's creation time is the import's, the
  sheet's date, original 编号, stage and any word that fits no field go into a timeline note.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Callable

from db import clock
from db.cases import records as cases, vocabulary, workflow as wf
from db.cases.settings import categories, save_categories
from db.customers import records as customers
from db.errors import FieldError
from db.customers.vocabulary import COMPLAINT_PROFILES, FIELD_NAMES as CUSTOMER_FIELDS
from db.excel import customer_kind
from db.excel.errors import ExcelError
from db.excel.headers import HeaderGuess
from db.excel.kinds import Kind, RowDecider
from db.excel.matching import Index
from db.excel.plan import DELETED, DUPLICATE, INVALID, NEW, UNCHANGED, RowPlan
from db.excel.read import Table
from db.excel.wording import Label, Note, problem
from db.vocabulary import QT_TRANSLATE_NOOP
from db.models import Case, Customer, Staff

CONTACTS = customer_kind.KIND.match_keys  # a buyer is found by the customers' contacts
IMPORT_REASON = "从表格导入，原表格中已在此阶段"
NOTE_LIMIT = cases.NOTE_LIMIT
# Words registers use beside the app's own labels.
EMOTION_WORDS = {**vocabulary.EMOTIONS.by_source(),
                 "生气": "angry", "很生气": "angry", "气愤": "angry", "恼火": "angry",
                 "着急": "anxious", "急": "anxious", "担心": "anxious", "难过": "sad",
                 "伤心": "sad", "失望": "sad", "吵闹": "loud", "激动": "loud", "一般": "calm",
                 "正常": "calm", "还好": "calm"}
SEVERITY_WORDS = {**vocabulary.SEVERITIES.by_source(), "一般": "simple",
                  "普通": "simple", "严重": "complex", "紧急": "complex", "重要": "complex"}
COMPLAINT_WORDS = COMPLAINT_PROFILES.by_source()
STAGE_WORDS = {**vocabulary.STAGES.by_source(),
               "接待": "reception", "待处理": "reception", "新建": "reception", "未处理": "reception",
               "处理中": "remedy", "待跟进": "followup", "待回访": "followup",
               "结案": "closed", "已完成": "closed", "完成": "closed", "已解决": "closed",
               "已处理": "closed", "完结": "closed", "关闭": "closed", "已关闭": "closed"}


@dataclasses.dataclass
class Intake:
    """What the apply step writes for one row, decided by the dry run."""
    case: cases.CaseData  # customer_id None while the customer is a new one
    new_customer: str | None  # key into the plan's new customers (created once)
    customer_data: customers.CustomerData | None
    staff_name: str
    target: str | None  # a stage to reach through the workflow, or None (热情接待)
    satisfaction: int | None
    root_cause: str
    improvement: str
    new_category: str
    note: str  # the timeline note: where the row came from, what did not fit a field


@dataclasses.dataclass
class CaseRowPlan(RowPlan):
    intake: Intake | None = None


def _note(template: str, *args) -> Note:
    """A note of a case row; kind "case": not one the summary line counts (describe_plan
    speaks of cases)."""
    return Note.of("case", template, *args)


def _problem_row(number: int, status: str, values: dict, record, template: str, *args
                 ) -> CaseRowPlan:
    note = problem(template, *args)
    return CaseRowPlan(number, status, note, values, record, notes=[note])


class CaseImporter:
    """The importer of after-sales cases (see the module's docstring)."""

    def planner(self, kind: Kind, table: Table, header: HeaderGuess,
                options=None) -> RowDecider:  # a case keeps unmapped values in its own note
        return _Planner(kind, table, header).decide

    def apply(self, rows: list[RowPlan], by: Staff | None,
              progress: Callable[[int], None]) -> None:
        apply_rows(rows, by, progress)

    def summary(self, rows: list[RowPlan]) -> str:
        return describe_plan(rows)

    def recheck(self, kind: Kind, rows: list[RowPlan]) -> int:
        return 0  # a case is new by its sheet row; its customer is found when it is written


class _Planner:
    def __init__(self, kind: Kind, table: Table, header: HeaderGuess):
        self.file = table.file.name
        fields = {f.key: f for f in kind.fields}
        self.column = {key: f"{fields[key].label}（{table.column_letter(col)} 列）"
                       for col, key in enumerate(header.mapping) if key in fields}
        # Buyers are found as the customer import finds customers: the same matcher.
        self.customers = Index(CONTACTS, customer_kind.load_existing())
        self.by_name: dict[str, list] = {}
        for record in self.customers.by_id.values():
            if not record.deleted and record.values.get("name"):
                self.by_name.setdefault(record.values["name"], []).append(record)
        self.cases: dict[int, tuple[int, dt.date]] = {}
        self.fingerprints: dict[tuple, int] = {}
        query = Case.select(Case.id, Case.customer, Case.order_no, Case.product, Case.category,
                            Case.description, Case.created_at).tuples()
        for case_id, customer_id, order_no, product, category, description, created in query:
            self.cases[case_id] = (customer_id, clock.to_local(created).date())
            key = _fingerprint(("c", customer_id), order_no, product, category, description)
            self.fingerprints.setdefault(key, case_id)
        self.categories = set(categories())
        self.staff = {s.name for s in Staff.select(Staff.name)}
        self.seen: dict[tuple, int] = {}
        self.new_customers = _NewCustomers()

    def where(self, *keys: str) -> str:
        named = [self.column[k] for k in keys if k in self.column]
        return "、".join(named) if named else "、".join(keys)

    def decide(self, number: int, values: dict, record_id: int | None, _stamp=None) -> RowPlan:
        notes: list[str] = []
        if record_id is not None:
            if self._same_case(record_id, values):
                return self._known(number, values, record_id)
            notes.append(_note(QT_TRANSLATE_NOOP(
                    "ImportNotes", "编号 #%1 不是本数据中的这张工单（来自其他数据文件夹，或已永久删除），按新工单导入"), record_id))
        customer, problem = self._customer(values, notes)
        if problem is not None:
            status, note, record = problem
            return CaseRowPlan(number, status, note, values, record, notes=[note])
        if not values.get("description") and not values.get("category"):
            return _problem_row(number, INVALID, values, None, QT_TRANSLATE_NOOP(
                    "ImportNotes", "缺少%1：新工单需要问题描述或问题分类"),
                                self.where('description', 'category'))
        customer_key = ("c", customer.id) if customer is not None else (
            "n", self.new_customers.find(values))
        key = _fingerprint(customer_key, values.get("order_no"), values.get("product"),
                           values.get("category"), values.get("description"))
        if key in self.fingerprints:
            same = self.fingerprints[key]
            return _problem_row(number, UNCHANGED, values, customer, QT_TRANSLATE_NOOP(
                    "ImportNotes", "软件中已有这张工单 #%1（同一客户、订单号、商品和问题），不会重复导入"), same)
        if key in self.seen:
            return _problem_row(number, DUPLICATE, values, customer, QT_TRANSLATE_NOOP(
                    "ImportNotes", "与第 %1 行是同一张工单（同一客户、订单号、商品和问题），本行未导入"), self.seen[key])
        intake = self._intake(number, values, record_id, notes)
        if customer is None:
            intake.new_customer, intake.customer_data = self.new_customers.add(values, notes)
            key = _fingerprint(("n", intake.new_customer), values.get("order_no"),
                               values.get("product"), values.get("category"),
                               values.get("description"))
        else:
            intake.case.customer_id = customer.id
        self.seen[key] = number
        return CaseRowPlan(number, NEW, "；".join(notes), values, intake=intake, notes=notes)

    # --- the row's case and customer ----------------------------------------------------
    def _same_case(self, record_id: int, values: dict) -> bool:
        """Whether case `record_id` of this data folder is the row's: same buyer (by name or
        any contact) and same day, as far as the row says. An export from another data folder
        carries numbers that may belong to other cases here."""
        if record_id not in self.cases:
            return False
        customer_id, created = self.cases[record_id]
        record = self.customers.by_id.get(customer_id)
        if record is None:
            return False
        same_buyer = not any(values.get(k) for k in ("name", *CONTACTS)) or any(
            values.get(k) and _norm(values[k]) == _norm(record.values.get(k))
            for k in ("name", *CONTACTS))
        return same_buyer and values.get("created_at") in (None, created)

    def _known(self, number: int, values: dict, record_id: int) -> RowPlan:
        record = self.customers.by_id[self.cases[record_id][0]]
        if record.deleted:
            return _problem_row(number, DELETED, values, record, QT_TRANSLATE_NOOP(
                    "ImportNotes", "工单 #%1 的客户“%2”在回收站中，未导入；如需恢复请先在回收站还原"), record_id, record.label)
        key = ("case", record_id)
        if key in self.seen:
            return _problem_row(number, DUPLICATE, values, record, QT_TRANSLATE_NOOP(
                    "ImportNotes", "与第 %1 行是同一张工单（编号 #%2），本行未导入"), self.seen[key], record_id)
        self.seen[key] = number
        return _problem_row(number, UNCHANGED, values, record, QT_TRANSLATE_NOOP(
                "ImportNotes", "已在软件中（工单 #%1），导入不会修改已有的工单"), record_id)

    def _customer(self, values: dict, notes: list[str]):
        """(the existing customer or None for a new one, or a problem (status, reason, record))."""
        index = self.customers
        found = None
        customer_id = values.get("customer_id")
        if customer_id in index.by_id:
            record = index.by_id[customer_id]
            if not values.get("name") or _norm(values["name"]) == _norm(record.values.get("name")):
                found = record
        if found is None:
            found, _how = index.match(values)
        if found is not None and found.deleted:
            return None, (DELETED, problem(QT_TRANSLATE_NOOP(
                    "ImportNotes", "对应的客户“%1”已在回收站中，未导入；如需恢复请先在回收站还原"), found.label), found)
        if found is not None:
            clash = index.clash(values, found)
            if clash is not None:
                key, other = clash
                return None, (INVALID, problem(QT_TRANSLATE_NOOP(
                        "ImportNotes", "%1“%2”已属于客户“%3”，与本行匹配到的“%4”不是同一位；请核对后再导入"),
                    self.where(key), values[key], other.label, found.label), found)
        if found is None and not any(values.get(k) for k in CONTACTS) and values.get("name"):
            if self.new_customers.find(values) is None:
                same = self.by_name.get(values["name"], [])
                if len(same) > 1:
                    return None, (INVALID, problem(QT_TRANSLATE_NOOP(
                            "ImportNotes", "有 %1 位客户叫“%2”，请在表格中填写手机、微信或平台账号以区分"),
                        len(same), values["name"]), None)
                if same:
                    found = same[0]
                    notes.append(_note(QT_TRANSLATE_NOOP(
                            "ImportNotes", "按称呼找到客户“%1”（表格中没有联系方式）"), found.label))
        if found is None and not values.get("name") and not any(values.get(k) for k in CONTACTS):
            return None, (INVALID, problem(QT_TRANSLATE_NOOP("ImportNotes", "缺少客户：请填写%1之一"),
                                           self.where('name', *CONTACTS)), None)
        if found is not None and values.get("name") and values["name"] != found.values.get("name"):
            notes.append(_note(QT_TRANSLATE_NOOP("ImportNotes", "表格中的称呼“%1”与档案中的“%2”不同，客户档案未修改"),
                               values["name"], found.label))
        return found, None

    def _intake(self, number: int, values: dict, record_id: int | None,
                notes: list[str]) -> Intake:
        kept: list[str] = []  # words that fit no field: kept in the timeline note

        def choose(key: str, words: dict[str, str], what: str) -> str:
            given = values.get(key)
            if not given:
                return ""
            code = words.get(given) or words.get(given.rstrip("的"))
            if code is None:
                notes.append(_note(QT_TRANSLATE_NOOP(
                        "ImportNotes", "%1“%2”不是可选值，未设置（原文记入时间线）"), Label(what), given))
                kept.append(f"{what}：{given}")
            return code or ""

        data = cases.CaseData(
            order_no=values.get("order_no", ""), product=values.get("product", ""),
            channel=values.get("channel", ""), category=values.get("category", ""),
            description=values.get("description", ""),
            emotion=choose("emotion", EMOTION_WORDS, "买家情绪"))
        profile = values.get("complaint_profile")
        if profile and profile not in COMPLAINT_WORDS and not data.category:
            data.category = profile  # a register's 投诉类型 is often the problem kind
            notes.append(_note(QT_TRANSLATE_NOOP("ImportNotes", "投诉类型“%1”不是投诉性格，已作为问题分类"), profile))
        else:
            data.complaint_profile = choose("complaint_profile", COMPLAINT_WORDS, "投诉类型")
        data.severity = choose("severity", SEVERITY_WORDS, "严重程度") or "simple"
        new_category = ""
        if data.category and data.category not in self.categories:
            new_category = data.category
            self.categories.add(new_category)
            notes.append(_note(QT_TRANSLATE_NOOP("ImportNotes", "将新增问题分类“%1”"), new_category))
        staff_name = values.get("staff", "")
        if staff_name and staff_name not in self.staff:
            notes.append(_note(QT_TRANSLATE_NOOP("ImportNotes", "负责客服“%1”不在客服名单中，未设置"), staff_name))
            kept.append(f"负责客服：{staff_name}")
            staff_name = ""
        target, satisfaction, cause, improvement = self._stage(values, notes, kept)
        lines = [f"从“{self.file}”第 {number} 行导入"]
        if values.get("created_at"):
            lines.append(f"表格中的日期：{values['created_at'].isoformat()}")
        if record_id is not None:
            lines.append(f"原工单编号：#{record_id}")
        lines += kept
        if values.get("notes"):
            lines.append(f"备注：{values['notes']}")
        note = "；".join(lines)
        if len(note) > NOTE_LIMIT:
            note = note[:NOTE_LIMIT - 1] + "…"
        return Intake(data, None, None, staff_name, target, satisfaction, cause, improvement,
                      new_category, note)

    def _stage(self, values: dict, notes: list[str], kept: list[str]):
        """The stage to reach through the workflow, checked by the workflow's own rules."""
        given = values.get("stage")
        cause, improvement = values.get("root_cause", ""), values.get("improvement", "")
        target, satisfaction = self._target(given, cause, improvement, values, notes, kept)
        if target != "closed":  # closing stores them on the case; otherwise keep them
            if satisfaction is not None:
                kept.append(f"满意度：{satisfaction}")
            kept += [f"{label}：{text}" for label, text in (("原因", cause),
                                                            ("改善措施", improvement)) if text]
            return target, None, "", ""
        return target, satisfaction, cause, improvement

    def _target(self, given, cause: str, improvement: str, values: dict, notes: list[str],
                kept: list[str]) -> tuple[str | None, int | None]:
        satisfaction = None
        if values.get("satisfaction"):
            text = values["satisfaction"].rstrip("分").strip()
            satisfaction = int(text) if text.isdigit() else None
            if satisfaction is None or not 1 <= satisfaction <= 5:
                notes.append(_note(QT_TRANSLATE_NOOP(
                        "ImportNotes", "满意度“%1”不是 1–5 分，未使用"), values["satisfaction"]))
                kept.append(f"满意度：{values['satisfaction']}")
                satisfaction = None
        if not given:
            return None, satisfaction
        target = STAGE_WORDS.get(given)
        if target is None:
            notes.append(_note(QT_TRANSLATE_NOOP("ImportNotes", "阶段“%1”无法识别，从“热情接待”开始"), given))
            kept.append(f"阶段：{given}")
            return None, satisfaction
        if target == "reception":
            return None, satisfaction
        try:
            if target == "closed":
                wf.plan_close("reception", satisfaction, cause, improvement, reason=IMPORT_REASON)
                notes.append(_note(QT_TRANSLATE_NOOP(
                        "ImportNotes", "表格中已结案：将按流程直接结案（跳过的阶段记下原因“从表格导入”），不安排回访")))
            else:
                wf.plan_advance("reception", target, reason=IMPORT_REASON)
                notes.append(_note(QT_TRANSLATE_NOOP(
                        "ImportNotes", "将按流程推进到“%1”（跳过的阶段记下原因“从表格导入”）"), wf.label(target)))
        except wf.WorkflowError as exc:
            notes.append(_note(QT_TRANSLATE_NOOP(
                    "ImportNotes", "表格中为“%1”，但%2：导入后从“热情接待”开始"), given, exc))
            kept.append(f"原阶段：{given}")
            return None, satisfaction
        return target, satisfaction


class _NewCustomers:
    """Buyers of the file not in the archive: one new customer each, found again by any of
    their contacts, or by name for rows without contacts."""

    def __init__(self):
        self.by_contact: dict[tuple[str, str], str] = {}
        self.by_name: dict[str, list[str]] = {}
        self.data: dict[str, customers.CustomerData] = {}

    def find(self, values: dict) -> str | None:
        for key in CONTACTS:
            if values.get(key) and (key, _norm(values[key])) in self.by_contact:
                return self.by_contact[(key, _norm(values[key]))]
        if not any(values.get(k) for k in CONTACTS):
            same = self.by_name.get(values.get("name") or "", [])
            if len(same) == 1:
                return same[0]
        return None

    def add(self, values: dict, notes: list[str]) -> tuple[str, customers.CustomerData]:
        key = self.find(values)
        if key is None:
            key = str(len(self.data) + 1)
            name = values.get("name") or next(values[k] for k in reversed(CONTACTS)
                                              if values.get(k))
            self.data[key] = customers.CustomerData(name=name, platform=values.get("platform", ""))
            self.by_name.setdefault(name, []).append(key)
            if values.get("name"):
                notes.append(_note(QT_TRANSLATE_NOOP("ImportNotes", "新客户“%1”"), name))
            else:
                notes.append(_note(QT_TRANSLATE_NOOP("ImportNotes", "新客户（表格中没有称呼，暂用“%1”）"), name))
        else:
            notes.append(_note(QT_TRANSLATE_NOOP(
                    "ImportNotes", "新客户“%1”（与本文件前面的行是同一位）"), self.data[key].name))
        data = self.data[key]
        for field in CONTACTS:  # a later row may add a contact the first row lacked
            if values.get(field) and not getattr(data, field):
                setattr(data, field, values[field])
                self.by_contact[(field, _norm(values[field]))] = key
        return key, data


def _norm(value) -> str:
    return " ".join(str(value or "").split()).lower()


def _fingerprint(customer_key, order_no, product, category, description) -> tuple:
    return (customer_key, _norm(order_no), _norm(product), _norm(category), _norm(description))


def describe_plan(rows: list[RowPlan]) -> str:
    new = [r.intake for r in rows if r.status == NEW and getattr(r, "intake", None)]
    buyers = len({i.new_customer for i in new if i.new_customer})
    moved = sum(1 for i in new if i.target and i.target != "closed")
    closed = sum(1 for i in new if i.target == "closed")
    parts = [f"新建客户 {buyers} 位"] if buyers else []
    if moved:
        parts.append(f"{moved} 张按流程推进到原阶段")
    if closed:
        parts.append(f"{closed} 张按流程结案")
    return "，".join(parts)


# --- apply ---------------------------------------------------------------------------------

def apply_rows(rows: list[RowPlan], by: Staff | None, progress: Callable[[int], None]) -> None:
    """Create each planned case through db.cases, inside the caller's transaction; any refusal
    (a customer trashed or a phone taken since the preview) raises and rolls back all."""
    wanted = [r.intake.new_category for r in rows if r.intake.new_category]
    if wanted:
        known = categories()
        save_categories(known + [c for c in dict.fromkeys(wanted) if c not in known])
    staff_ids = {s.name: s.id for s in Staff.select(Staff.id, Staff.name)}
    created: dict[str, int] = {}
    for done, row in enumerate(rows, start=1):
        try:
            _apply_row(row.intake, by, staff_ids, created)
        except (FieldError, wf.WorkflowError) as exc:
            raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "%1；导入已全部撤回，请重新预览后再导入"), exc,
                             row=row.row) from exc
        if done % 50 == 0:
            progress(done)
    progress(len(rows))


def _apply_row(intake: Intake, by: Staff | None, staff_ids: dict[str, int],
               created: dict[str, int]) -> None:
    data = dataclasses.replace(intake.case, staff_id=staff_ids.get(intake.staff_name))
    if intake.new_customer is not None:
        if intake.new_customer not in created:
            buyer = customers.clean(intake.customer_data)
            known = customers.find_duplicates(buyer)
            if known:
                existing, field = known[0]
                raise customers.CustomerError(field, QT_TRANSLATE_NOOP(
                        "CustomerError", "预览之后客户“%1”已用了相同的%2"),
                        existing.name, CUSTOMER_FIELDS.term(field))
            created[intake.new_customer] = customers.create(buyer, by).id
        data.customer_id = created[intake.new_customer]
    elif not Customer.select().where(Customer.id == data.customer_id,
                                     Customer.deleted_at.is_null()).exists():
        raise customers.CustomerError("customer", QT_TRANSLATE_NOOP(
                "CustomerError", "预览之后这位客户被移入了回收站或合并了"))
    case = cases.create(data, by)
    cases.add_note(case.id, by, intake.note)
    if intake.target == "closed":
        cases.close(case.id, by, intake.satisfaction, intake.root_cause, intake.improvement,
                    reason=IMPORT_REASON, return_visit_days=0)
    elif intake.target:
        cases.advance(case.id, by, target=intake.target, reason=IMPORT_REASON)
