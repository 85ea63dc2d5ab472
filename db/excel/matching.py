"""The shared matcher: rows that create a record or update the one they match.

Matching trusts the app's own ID column first (a sheet that came from an export), then the
kind's contact keys in order (customers: phone, WeChat, platform account). A non-empty cell
updates; an empty cell never erases. Conflicts the user decides per row (the command line
keeps the app's data): a record changed in the app after the export's 最后修改 time with a
different value in the sheet; a row matched by a contact alone that names the record
differently (not a mere spelling: db.customers.name_forms); a row whose contacts belong to two
different records, or one that would replace a contact the record has (a new phone of the
same person, or another person: the user says which). A record in the trash is reported,
never silently brought back.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Callable, Iterable

from db.excel.headers import HeaderGuess
from db.excel.kinds import Existing, Kind, RowDecider
from db.customers.name_forms import name_form, same_name
from db.excel.plan import (
    CONFLICT, CONTACT_CONFLICT, DELETED, DUPLICATE, EXTRA, INVALID, NAME_CONFLICT, NEW,
    STAMP_CONFLICT, UNCHANGED, UPDATE, ImportOptions, Label, Note, RowPlan,
)
from db.excel.read import Table
from db.excel.wording import problem
from db.vocabulary import QT_TRANSLATE_NOOP
from db.models import Staff

# (values, existing record or None) -> (problems making the row invalid, notes); it may
# correct or drop values.
RowCheck = Callable[[dict, "Existing | None"], tuple[list[str], list[str]]]

# What the notes say (marked for the wizard's translation; %1... are a note's arguments).
_SAYS = {
    "extra_kept": QT_TRANSLATE_NOOP("ImportNotes", "未对应的列已追加到%1：%2"),
    "id_missing": QT_TRANSLATE_NOOP("ImportNotes", "编号 #%1 在本软件中不存在，改按联系方式匹配"),
    "contact_clash": QT_TRANSLATE_NOOP("ImportNotes", "%1对应软件中的“%2”，%3“%4”却属于另一位“%5”：未合并，请选择"),
    "contact_replaced": QT_TRANSLATE_NOOP("ImportNotes", "%1对应软件中的“%2”，%3“%4”与软件中的“%5”不同：未替换，请选择"),
    "name_conflict": QT_TRANSLATE_NOOP("ImportNotes", "%1“%2”对应软件中的“%3”，表格中的称呼却是“%4”：可能不是同一人，请选择"),
    "stamp_conflict": QT_TRANSLATE_NOOP("ImportNotes", "导出后在软件中修改过（%1），表格中的 %2 与软件不同"),
    "name_variant": QT_TRANSLATE_NOOP("ImportNotes", "称呼“%1”与软件中的“%2”视为同一人，保留软件中的写法"),
    "joined": QT_TRANSLATE_NOOP("ImportNotes", "另一台电脑刚刚新增了“%1”：本行并入其中，只补充空白的信息"),
    # problems: the row is not imported
    "same_names": QT_TRANSLATE_NOOP("ImportNotes", "本行没有联系方式，软件中有 %1 位“%2”，无法确定是哪一位；请补上手机、微信或平台账号"),
    "in_trash": QT_TRANSLATE_NOOP("ImportNotes", "对应的%1“%2”已在回收站中，未导入；如需恢复请先在回收站还原"),
    "duplicate": QT_TRANSLATE_NOOP("ImportNotes", "与第 %1 行是同一位%2，本行未导入"),
}


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

    def contacts(self, values: dict) -> list[tuple[str, str]]:
        """(key, match_key of its value) of the row's non-empty match keys, in order."""
        return [(key, value.strip().lower() if type(value) is str else match_key(value))
                for key in self.match_keys if (value := values.get(key))]

    def match(self, values: dict, contacts: list[tuple[str, str]] | None = None
              ) -> tuple[Existing | None, str]:
        """The record sharing the first key that matches; a live record before a deleted one.
        `contacts`: self.contacts(values), when the caller has it already."""
        for key, value in self.contacts(values) if contacts is None else contacts:
            found = self.keys[key].get(value)
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
    make_check: Callable[[ImportOptions], RowCheck]  # once per plan
    apply_rows: Callable[[list[RowPlan], "Staff | None", Callable[[int], None]], None]
    # The field naming a record that a match on contacts alone must not change without the
    # user's choice (customers: name), and the record's earlier names by id (loaded once,
    # only when a name differs).
    name_key: str = ""
    former_names: Callable[[], dict[int, set[str]]] = dict

    def planner(self, kind: Kind, table: Table, header: HeaderGuess,
                options: ImportOptions | None = None) -> RowDecider:
        matcher = _Matcher(kind, self, Index(kind.match_keys, self.load_existing()),
                           self.make_check(options or ImportOptions()))
        return matcher.decide

    def apply(self, rows: list[RowPlan], by: Staff | None,
              progress: Callable[[int], None]) -> None:
        self.apply_rows(rows, by, progress)

    def summary(self, rows: list[RowPlan]) -> str:
        return ""

    def recheck(self, kind: Kind, rows: list[RowPlan]) -> int:
        """The new rows whose contact now belongs to a record another computer added since the
        plan (read inside the write transaction, imports serialised). Each becomes an update of
        that record's empty fields only, keeping the app's data as the command line does in a
        conflict; never a second record. The number of such rows."""
        new = [row for row in rows if row.record is None]
        if not new or not kind.match_keys:
            return 0
        index = Index(kind.match_keys, self.load_existing())
        joined: set[int] = set()
        count = 0
        for row in new:
            record, _how = index.match(row.values)
            if record is None:
                continue
            count += 1
            changes = {} if record.deleted or record.id in joined else {
                k: v for k, v in row.values.items()
                if not record.values.get(k) and index.clash({k: v}, record) is None}
            joined.add(record.id)
            row.record, row.changes = record, changes
            row.status = UPDATE if changes else UNCHANGED
            row.notes.insert(0, Note.of("joined", _SAYS["joined"], record.label))
            row.reason = "；".join(row.notes)
        return count


class _Matcher:
    def __init__(self, kind: Kind, importer: MatchingImporter, index: Index, check: RowCheck):
        self.kind, self.importer, self.index, self.check = kind, importer, index, check
        self.labels = {f.key: f.label for f in kind.fields}  # Kind.field() scans: 50,000 rows
        self.seen: dict = {}
        self._former: dict[int, set[str]] | None = None
        self._by_name: dict[str, list[Existing]] | None = None
        self._extra_notes: dict[tuple[str, ...], Note] = {}

    def by_name(self, name: str) -> list[Existing]:
        """Live records of this name (any spelling): built once, when a row has no contact."""
        if self._by_name is None:
            self._by_name = {}
            for record in self.index.by_id.values():
                if not record.deleted and record.values.get(self.importer.name_key):
                    form = name_form(record.values[self.importer.name_key])
                    self._by_name.setdefault(form, []).append(record)
        return self._by_name.get(name_form(name), [])

    def extra_note(self, columns: tuple[str, ...]) -> Note:
        """One note per set of columns, shared by its rows (50,000 rows, one text)."""
        note = self._extra_notes.get(columns)
        if note is None:
            note = self._extra_notes[columns] = Note.of(
                "extra_kept", _SAYS["extra_kept"], Label(self.labels[self.kind.extra_into]),
                columns)
        return note

    def former(self, record_id: int) -> set[str]:
        if self._former is None:
            self._former = self.importer.former_names()
        return self._former.get(record_id, set())

    def decide(self, number: int, values: dict, record_id: int | None, stamp) -> RowPlan:
        kind, index = self.kind, self.index
        record, how, notes = None, "", []
        extra = values.pop(EXTRA, None)
        if record_id is not None:
            record, how = index.by_id.get(record_id), "id"
            if record is None:
                notes.append(Note.of("id_missing", _SAYS["id_missing"],
                                     record_id))
        contacts = index.contacts(values)  # computed once: 50,000 rows
        if record is None:
            record, how = index.match(values, contacts)
        name = values.get(self.importer.name_key) if self.importer.name_key else None
        if record is None and name and not contacts:
            # No contact at all: the one customer of that name, so that importing the same
            # sheet twice does not create everyone of it twice.
            found = self.by_name(name)
            if len(found) > 1:
                return _problem(number, INVALID, values, None, _SAYS["same_names"], len(found), name)
            record, how = (found[0], "name") if found else (None, "")
        if record is not None and record.deleted:
            return _problem(number, DELETED, values, record, _SAYS["in_trash"], Label(kind.title),
                            record.label)
        clash = index.clash(values, record) if record is not None else None
        identity = [("record", record.id)] if record else []
        identity += contacts
        if name and not identity:
            identity = [("name", name_form(name))]
        seen, earlier = self.seen, None
        for item in identity:
            if item in seen:
                earlier = seen[item]
                break
        if earlier is not None:
            return _problem(number, DUPLICATE, values, record, _SAYS["duplicate"], earlier,
                            Label(kind.title))
        for item in identity:  # an invalid row too: a later row of the same person waits for it
            seen[item] = number
        problems, more_notes = self.check(values, record)
        notes += more_notes
        if problems:
            return RowPlan(number, INVALID, "；".join(problems), values, record, notes=problems)
        if extra and kind.extra_into:  # onto the row's own notes, else the record's
            base = values.get(kind.extra_into) or (
                record.values.get(kind.extra_into) if record else "") or ""
            merged = _append_lines(base, extra)
            if merged != base:
                values[kind.extra_into] = merged
                notes.append(self.extra_note(tuple([line.split("：", 1)[0] for line in extra])))
        if record is None:
            return _row(number, NEW, notes, values)
        name_conflict = how != "id" and self._other_name(values, record, notes)
        changes = {k: v for k, v in values.items() if v != record.values.get(k)}
        replaced = [k for k in index.match_keys if how in index.match_keys and values.get(k)
                    and record.values.get(k) and match_key(values[k]) != match_key(record.values[k])]
        if clash is not None or replaced:
            matched = Label(self.labels[how] if how in index.match_keys else "编号")
            if clash is not None:
                key, other = clash
                note = Note.of("contact_conflict", _SAYS["contact_clash"],
                               matched, record.label, Label(self.labels[key]), values[key],
                               other.label)
            else:  # a contact the customer has would be replaced: maybe another person
                key, other = replaced[0], None
                note = Note.of("contact_conflict", _SAYS["contact_replaced"],
                               matched, record.label, Label(self.labels[key]), values[key],
                               record.values[key])
            notes.insert(0, note)
            row = _row(number, CONFLICT, notes, values, record, changes)
            # "Apply the rest" leaves the contested contacts, and a different name, as they are.
            contested = tuple(dict.fromkeys([key, *replaced]))
            row.contested = (*contested, self.importer.name_key) if name_conflict else contested
            row.conflict, row.other = CONTACT_CONFLICT, other
            return row
        if name_conflict:
            notes.insert(0, Note.of(
                "name_conflict", _SAYS["name_conflict"],
                Label(self.labels[how]), values[how], record.label, values[self.importer.name_key]))
            row = _row(number, CONFLICT, notes, values, record, changes)
            row.conflict = NAME_CONFLICT
            return row
        if not changes:
            return _row(number, UNCHANGED, notes, values, record)
        if isinstance(stamp, dt.datetime) and record.changed_at > stamp:
            notes.insert(0, Note.of(
                "stamp_conflict", _SAYS["stamp_conflict"],
                f"{record.changed_at:%Y-%m-%d %H:%M}", tuple(Label(self.labels[k]) for k in changes)))
            row = _row(number, CONFLICT, notes, values, record, changes)
            row.conflict = STAMP_CONFLICT
            return row
        return _row(number, UPDATE, notes, values, record, changes)

    def _other_name(self, values: dict, record: Existing, notes: list) -> bool:
        """True when the row names the matched record differently (a conflict). A mere other
        spelling, or a name it had before, keeps the app's name and is noted."""
        key = self.importer.name_key
        given, stored = values.get(key), record.values.get(key)
        if not key or not given or not stored or given == stored:
            return False
        if same_name(given, stored) or name_form(given) in self.former(record.id):
            values.pop(key)
            notes.append(Note.of("name_variant", _SAYS["name_variant"],
                                 given, stored))
            return False
        return True


def _problem(number: int, status: str, values: dict, record: Existing | None, template: str,
             *args) -> RowPlan:
    note = problem(template, *args)
    return RowPlan(number, status, note, values, record, notes=[note])


def _row(number: int, status: str, notes: list, values: dict, record: Existing | None = None,
         changes: dict | None = None) -> RowPlan:
    reason = notes[0] if len(notes) == 1 else "；".join(notes)  # one note: the same text object
    return RowPlan(number, status, reason, values, record, changes or {}, notes=notes)


def _append_lines(text: str, lines: list[str]) -> str:
    """text with each line that it does not hold yet added at the end (never twice)."""
    if not text:  # most new rows, most with one such column
        return lines[0] if len(lines) == 1 else "\n".join(dict.fromkeys(lines))
    have = set(text.splitlines())
    new = [line for line in dict.fromkeys(lines) if line not in have]
    return "\n".join([text, *new]) if new else text
