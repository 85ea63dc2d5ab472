"""The shared matcher: rows that create a record or update the one they match.

Matching trusts the app's own ID column first (a sheet that came from an export), then the
kind's contact keys in order (customers: phone, WeChat, platform account). A non-empty cell
updates; an empty cell never erases. A record changed in the app after the export's
最后修改 time, with a different value in the sheet, is a conflict the user decides per row.
A record in the trash is reported, never silently brought back.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Callable, Iterable

from db.excel.headers import HeaderGuess
from db.excel.kinds import Existing, Kind, RowDecider
from db.excel.plan import CONFLICT, DELETED, DUPLICATE, INVALID, NEW, UNCHANGED, UPDATE, RowPlan
from db.excel.read import Table
from db.models import Staff

# (values, existing record or None) -> (problems making the row invalid, notes); it may
# correct or drop values.
RowCheck = Callable[[dict, "Existing | None"], tuple[list[str], list[str]]]


class Index:
    """Existing records by 编号 and by each match key (the case import finds customers with
    it too)."""

    def __init__(self, match_keys: tuple[str, ...], records: Iterable[Existing]):
        self.match_keys = match_keys
        self.by_id: dict[int, Existing] = {}
        self.keys: dict[str, dict[str, list[Existing]]] = {k: {} for k in match_keys}
        for record in records:
            self.by_id[record.id] = record
            for key in match_keys:
                value = record.values.get(key)
                if value:
                    self.keys[key].setdefault(match_key(value), []).append(record)

    def match(self, values: dict) -> tuple[Existing | None, str]:
        """The record sharing the first key that matches; a live record before a deleted one."""
        for key in self.match_keys:
            value = values.get(key)
            found = self.keys[key].get(match_key(value)) if value else None
            if found:
                return sorted(found, key=lambda r: (r.deleted, -r.id))[0], key
        return None, ""

    def clash(self, values: dict, record: Existing) -> tuple[str, Existing] | None:
        """A contact the row would give `record` that another live record already has."""
        for key in self.match_keys:
            value = values.get(key)
            if not value or match_key(value) == match_key(record.values.get(key) or ""):
                continue
            for other in self.keys[key].get(match_key(value), []):
                if other.id != record.id and not other.deleted:
                    return key, other
        return None


def match_key(value) -> str:
    return str(value).strip().lower()


@dataclasses.dataclass(frozen=True)
class MatchingImporter:
    """The importer of kinds whose rows create or update records (customers, snippets)."""
    load_existing: Callable[[], Iterable[Existing]]
    make_check: Callable[[], RowCheck]  # once per plan
    apply_rows: Callable[[list[RowPlan], "Staff | None", Callable[[int], None]], None]

    def planner(self, kind: Kind, table: Table, header: HeaderGuess) -> RowDecider:
        index, check, seen = Index(kind.match_keys, self.load_existing()), self.make_check(), {}

        def decide(number: int, values: dict, record_id: int | None, stamp) -> RowPlan:
            return _match_row(kind, index, check, seen, number, values, record_id, stamp)
        return decide

    def apply(self, rows: list[RowPlan], by: Staff | None,
              progress: Callable[[int], None]) -> None:
        self.apply_rows(rows, by, progress)

    def summary(self, rows: list[RowPlan]) -> str:
        return ""


def _match_row(kind: Kind, index: Index, check: RowCheck, seen: dict, number: int,
               values: dict, record_id: int | None, stamp) -> RowPlan:
    record, notes = None, []
    if record_id is not None:
        record = index.by_id.get(record_id)
        if record is None:
            notes.append(f"编号 #{record_id} 在本软件中不存在，改按联系方式匹配")
    if record is None:
        record, _how = index.match(values)
    if record is not None and record.deleted:
        return RowPlan(number, DELETED, f"对应的{kind.title}“{record.label}”已在回收站中，"
                       "未导入；如需恢复请先在回收站还原", values, record)
    clash = index.clash(values, record) if record is not None else None
    if clash is not None:
        key, other = clash
        return RowPlan(number, INVALID, f"{kind.field(key).label}“{values[key]}”已属于另一位{kind.title}"
                       f"“{other.label}”，与本行匹配到的“{record.label}”不是同一位；请核对后再导入",
                       values, record)
    problems, more_notes = check(values, record)
    notes += more_notes
    if problems:
        return RowPlan(number, INVALID, "；".join(problems), values, record)
    identity = [("record", record.id)] if record else []
    identity += [(k, match_key(values[k])) for k in index.match_keys if values.get(k)]
    earlier = next((seen[i] for i in identity if i in seen), None)
    if earlier is not None:
        return RowPlan(number, DUPLICATE, f"与第 {earlier} 行是同一位{kind.title}，本行未导入",
                       values, record)
    for item in identity:
        seen[item] = number
    if record is None:
        return RowPlan(number, NEW, "；".join(notes), values)
    changes = {k: v for k, v in values.items() if v != record.values.get(k)}
    if not changes:
        return RowPlan(number, UNCHANGED, "；".join(notes), values, record)
    if isinstance(stamp, dt.datetime) and record.changed_at > stamp:
        labels = "、".join(kind.field(k).label for k in changes)
        reason = (f"导出后在软件中修改过（{record.changed_at:%Y-%m-%d %H:%M}），"
                  f"表格中的 {labels} 与软件不同")
        return RowPlan(number, CONFLICT, reason, values, record, changes)
    return RowPlan(number, UPDATE, "；".join(notes), values, record, changes)
