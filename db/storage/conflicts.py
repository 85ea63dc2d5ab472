"""Concurrent edits: detect a stale save, merge three ways, let the second saver choose.

Two people (two computers on one shared database) open the same record and both save. The
second save finds the record's `version` moved on. Instead of refusing, or overwriting what
the first person saved, the area module builds a Conflict from three full copies of the
record's editable data:

- base:   what this editor loaded when the form opened,
- theirs: what the database holds now (the other person's save),
- mine:   what this editor is about to save.

Per field, the classic three-way rule applies: a field changed on one side only takes that
side's value (merged automatically); a field changed on both sides to different values is a
real conflict the user decides. Saving the resolution is version-checked again (against the
version `theirs` was read at), so a third save that slipped in meanwhile is caught the same
way, with `theirs` as the new base: the user has seen it by then.

`versioned_save` is the one guard every versioned record (customers, cases, remedies,
snippets) saves through; `claim` is the version check itself and `who_changed` reads the audit
log. No Qt, and no SQL beyond peewee's query builder so that it runs on any backend.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any, Callable

from peewee import Model

from db.errors import StaleEdit
from db.models import AuditLog
from db.vocabulary import Message

# A field's state after the merge.
SAME = "same"          # nobody changed it, or both made the same change: not shown
MINE = "mine"          # only this editor changed it: merged, mine kept
THEIRS = "theirs"      # only the other person changed it: merged, theirs taken
MERGED = "merged"      # both changed it, a field-specific merger combined both (tags)
CONFLICT = "conflict"  # both changed it differently: the user chooses

AUTO = (MINE, THEIRS, MERGED)


@dataclasses.dataclass
class FieldChange:
    field: str
    base: Any
    mine: Any
    theirs: Any
    state: str
    merged: Any = None  # the value a MERGED field takes
    who: str = ""  # who saved theirs (staff name, "" when unknown)
    when: dt.datetime | None = None  # naive UTC

    def value(self, choice: str | None = None) -> Any:
        """The value saved for `choice` ("mine"/"theirs"), or the automatic one."""
        if choice == MINE:
            return self.mine
        if choice == THEIRS:
            return self.theirs
        return {MINE: self.mine, THEIRS: self.theirs, MERGED: self.merged}.get(
            self.state, self.mine)  # an undecided conflict keeps what the user typed

    @property
    def default_choice(self) -> str | None:
        """The side pre-selected in a dialog: the side that changed it (None when MERGED)."""
        return {MINE: MINE, THEIRS: THEIRS, CONFLICT: MINE}.get(self.state)


@dataclasses.dataclass
class Conflict:
    entity: str  # table name: "customer", "case"
    record_id: int
    version: int  # the version `theirs` was read at: the resolution must save against it
    base: Any  # dataclass instances (CustomerData, CaseData)
    mine: Any
    theirs: Any
    fields: list[FieldChange]  # only the fields someone changed

    @property
    def conflicts(self) -> list[FieldChange]:
        return [f for f in self.fields if f.state == CONFLICT]

    @property
    def merged(self) -> list[FieldChange]:
        return [f for f in self.fields if f.state in AUTO]

    @property
    def theirs_changed(self) -> bool:
        """False when the other save touched none of these fields (e.g. only a note)."""
        return any(f.state in (THEIRS, MERGED, CONFLICT) for f in self.fields)

    def resolve(self, choices: dict[str, str] | None = None) -> Any:
        """`mine` with every field set to its merged value or the user's choice."""
        choices = choices or {}
        unknown = set(choices) - {f.field for f in self.fields}
        if unknown:
            raise KeyError(f"not changed fields: {sorted(unknown)}")
        values = {f.field: f.value(choices.get(f.field)) for f in self.fields}
        return dataclasses.replace(self.mine, **values)


def merge_field(base: Any, mine: Any, theirs: Any,
                merger: Callable[[Any, Any, Any], Any] | None = None) -> tuple[str, Any]:
    """(state, merged value) for one field by the three-way rule."""
    if mine == theirs:
        return SAME, mine
    if mine == base:
        return THEIRS, theirs
    if theirs == base:
        return MINE, mine
    if merger is not None:
        return MERGED, merger(base, mine, theirs)
    return CONFLICT, None


def merge_lists(base: list, mine: list, theirs: list) -> list:
    """Both sides edited a list (tags): keep what either added, drop what either removed."""
    removed = (set(base) - set(mine)) | (set(base) - set(theirs))
    out = [item for item in [*base, *mine, *theirs] if item not in removed]
    return list(dict.fromkeys(out))


def build(entity: str, record_id: int, version: int, base: Any, mine: Any, theirs: Any,
          mergers: dict[str, Callable] | None = None,
          who: Callable[[str], tuple[str, dt.datetime | None]] | None = None) -> Conflict:
    """Compare three copies of a dataclass field by field; `who(field)` names the other saver."""
    mergers = mergers or {}
    fields = []
    for f in dataclasses.fields(base):
        b, m, t = getattr(base, f.name), getattr(mine, f.name), getattr(theirs, f.name)
        state, merged = merge_field(b, m, t, mergers.get(f.name))
        if state == SAME:
            continue
        change = FieldChange(f.name, b, m, t, state, merged)
        if t != b and who is not None:
            change.who, change.when = who(f.name)
        fields.append(change)
    return Conflict(entity, record_id, version, base, mine, theirs, fields)


def claim(model: type[Model], record_id: int, expected_version: int) -> bool:
    """True when the row is still at expected_version, and lock it for this transaction.

    A no-op UPDATE guarded by the version: on PostgreSQL it takes the row lock, so a
    concurrent save waits and then sees the new version (no lost update under READ
    COMMITTED); on SQLite the write lock is already held by the IMMEDIATE transaction. The
    version column is quiet in the audit log, so the no-op writes no entry.
    """
    return model.update(version=model.version).where(
        model.id == record_id, model.version == expected_version).execute() == 1


def versioned_save(model: type[Model], record_id: int, expected_version: int | None,
                   refused: Callable[[Model], Message],
                   merge: Callable[[Model], Conflict | None] | None = None) -> None:
    """The check before every versioned save, inside the caller's transaction: the row is
    claimed at expected_version (None: no check), or StaleEdit is raised.

    `refused(current)` words the refusal (db.errors.stale: Chinese as text, worded in the
    interface language). `merge(current)`, where the form can offer a choice,
    builds the three-way Conflict (None: no merge possible, e.g. the record is in the trash):
    if the other save changed any of these fields, StaleEdit carries the conflict for the user
    to resolve; if it changed none (a contact logged, a note), the save goes ahead as is."""
    if expected_version is None or claim(model, record_id, expected_version):
        return
    current = model.get_by_id(record_id)
    conflict = merge(current) if merge is not None else None
    if conflict is not None:
        if conflict.theirs_changed:
            raise StaleEdit(refused(current), conflict)
        if claim(model, record_id, current.version):
            return
    raise StaleEdit(refused(current))


def save_choices(update: Callable[..., Any], conflict: Conflict, choices: dict[str, str],
                 by) -> Any:
    """Save a resolved conflict through the area's `update(id, data, by, expected_version,
    base)`: the merge with the user's per-field choices ("mine"/"theirs"), version-checked
    against what the dialog showed, with what it showed as the base, so a third save
    meanwhile raises StaleEdit with a fresh conflict."""
    return update(conflict.record_id, conflict.resolve(choices), by,
                  expected_version=conflict.version, base=conflict.theirs)


def who_changed(entity: str, record_id: int,
                fallback: tuple[str, dt.datetime | None]) -> Callable[[str], tuple]:
    """For each column, the newest audit entry that changed it: (staff name, when).

    The audit log records the changed columns of every update (db/trust/audit.py); a field it has
    nothing for (tags live in another table) gets the record-level `fallback`."""
    found: dict[str, tuple[str, dt.datetime | None]] = {}
    entries = (AuditLog.select(AuditLog.staff_name, AuditLog.at, AuditLog.detail)
               .where(AuditLog.entity == entity, AuditLog.entity_id == record_id,
                      AuditLog.action.in_(("update", "create")))
               .order_by(AuditLog.id.desc()).limit(200))
    for entry in entries:
        try:
            detail = json.loads(entry.detail or "{}")
        except ValueError:
            continue
        if isinstance(detail, dict):
            for column in detail:
                found.setdefault(column, (entry.staff_name, entry.at))

    def lookup(field: str) -> tuple[str, dt.datetime | None]:
        return found.get(field, fallback)
    return lookup
