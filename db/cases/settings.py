"""Shop settings of the cases area: the problem categories (an ordered, editable list) and
the time limits per step and severity, with the return-visit delay."""
from __future__ import annotations

import datetime as dt

from peewee import fn

from db.cases import deadlines
from db.cases.vocabulary import DEFAULT_CATEGORIES, SEVERITIES
from db.errors import CaseError
from db.models import Case, CasePromise, Remedy, Staff, database
from db.storage import dialect, settings
from db.trust import audit
from db.vocabulary import QT_TRANSLATE_NOOP, Vocabulary, Word

CATEGORIES_KEY = "case_categories"
CATEGORY_LIMIT = 50
RETURN_VISIT_KEY = "case_return_visit_days"
RETURN_VISIT_DEFAULT = 7


# --- problem categories ------------------------------------------------------------------

def categories() -> list[str]:
    value = settings.get(CATEGORIES_KEY)
    return list(value) if value is not None else list(DEFAULT_CATEGORIES)


def save_categories(names: list[str]) -> list[str]:
    cleaned = [n.strip() for n in names]
    if any(not n for n in cleaned):
        raise CaseError("category", QT_TRANSLATE_NOOP("CaseError", "分类名称不能为空"))
    if any(len(n) > CATEGORY_LIMIT for n in cleaned):
        raise CaseError("category", QT_TRANSLATE_NOOP("CaseError", "分类名称太长（最多 %1 个字）"),
                        CATEGORY_LIMIT)
    seen = set()
    for name in cleaned:
        if name in seen:
            raise CaseError("category", QT_TRANSLATE_NOOP("CaseError", "分类“%1”重复了"),
                            Word("categories", name))
        seen.add(name)
    settings.put(CATEGORIES_KEY, cleaned)
    return cleaned


def limits(severity: str) -> deadlines.Limits:
    return deadlines.limits_for(severity, settings.get(deadlines.SETTING_KEY))


def return_visit_setting() -> int:
    value = settings.get(RETURN_VISIT_KEY)
    return RETURN_VISIT_DEFAULT if value is None else int(value)


# --- deadline settings --------------------------------------------------------------------

LIMIT_RANGES = {"first_answer_hours": (1, 720), "apology_hours": (0.25, 72),
                "solution_days": (1, 60)}
LIMIT_NAMES = Vocabulary("cases", {  # in the limits' error messages
    "first_answer_hours": QT_TRANSLATE_NOOP("cases", "首次明确答复时限"),
    "apology_hours": QT_TRANSLATE_NOOP("cases", "接待道歉时限"),
    "solution_days": QT_TRANSLATE_NOOP("cases", "告知结果时限")})


def configured_limits() -> dict[str, dict[str, float]]:
    """The limits in force, per key and severity (defaults filled in)."""
    stored = settings.get(deadlines.SETTING_KEY) or {}
    return {key: {sev: stored.get(key, {}).get(sev, default[sev]) for sev in default}
            for key, default in deadlines.DEFAULT_LIMITS.items()}


def save_limits(values: dict[str, dict[str, float]], return_visit_days: int,
                by: Staff | None = None) -> int:
    """Validate and store the limits, then move every open case's deadline accordingly;
    returns how many cases were updated. The settings are audited as usual; the thousands
    of recomputed deadlines as one bulk entry (per-row entries took 28 s for 33k cases)."""
    for key, per_severity in values.items():
        low, high = LIMIT_RANGES[key]
        for severity, value in per_severity.items():
            if not low <= float(value) <= high:
                raise CaseError(key, QT_TRANSLATE_NOOP("CaseError", "“%1（%2）”应在 %3–%4 之间"),
                                LIMIT_NAMES.term(key), SEVERITIES.term(severity),
                                f"{low:g}", f"{high:g}")
    if not 0 <= int(return_visit_days) <= 365:
        raise CaseError("return_visit_days", QT_TRANSLATE_NOOP("CaseError", "回访天数应在 0–365 之间"))
    with database.atomic():
        settings.put(deadlines.SETTING_KEY, values)
        settings.put(RETURN_VISIT_KEY, int(return_visit_days))
        summary = {"what": "按新时限重新计算未结案工单的时限"}
        with audit.bulk("recompute_deadlines", "case", summary, by, "settings"):
            summary["cases"] = refresh_open_deadlines()
        return summary["cases"]


def refresh_open_deadlines() -> int:
    """Recompute due_at of every open case in three queries and one batch of updates;
    returns how many deadlines moved."""
    open_cases = list(Case.select(Case.id, Case.stage, Case.created_at, Case.severity,
                                  Case.due_at, Case.due_kind)
                      .where(Case.stage != "closed").tuples())
    proposed = dict(Remedy.select(Remedy.case, fn.MIN(Remedy.created_at))
                    .where(Remedy.status != "rejected").group_by(Remedy.case).tuples())
    promised: dict[int, list[dt.datetime]] = {}
    for case_id, due in CasePromise.select(CasePromise.case, CasePromise.due_at).where(
            CasePromise.done_at.is_null()).tuples():
        promised.setdefault(case_id, []).append(due)
    per_severity = {s: limits(s) for s in SEVERITIES.codes()}
    updates = []
    for case_id, stage, created_at, severity, due_at, due_kind in open_cases:
        due = deadlines.next_deadline(stage, created_at, per_severity[severity],
                                      proposed.get(case_id), promised.get(case_id, ()))
        new = (due.due if due else None, due.kind if due else "")
        if new != (due_at, due_kind):  # only what moves: a severity's change leaves the other
            updates.append((*new, case_id))
    cursor = database.cursor()
    cursor.executemany(dialect.sql('UPDATE "case" SET due_at = ?, due_kind = ? WHERE id = ?'),
                       [(Case.due_at.db_value(d), k, i) for d, k, i in updates])
    return len(updates)
