"""What the importer and exporter need to know about one kind of record.

A kind lists its columns (with the header words people use for them), how its rows are
matched to records, and how a planned row is applied. Customers are in customer_kind.py;
snippets and cases add a module each and register here (a case's remedies and timeline
are export only).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Callable, Iterable

# Column roles: "id" (the app's record number), "stamp" (the export's last-changed time), or a
# value type parsed by values.py.
TEXT, PHONE, DATE, CHOICE, TAGS, ID, STAMP, NUMBER_TEXT = (
    "text", "phone", "date", "choice", "tags", "id", "stamp", "number_text")


@dataclasses.dataclass(frozen=True)
class Field:
    key: str  # the ID column's key is "id", the last-changed column's "changed_at"
    label: str  # the header the export writes (Chinese)
    synonyms: tuple[str, ...] = ()  # other headers that mean the same column
    type: str = TEXT
    width: int = 14  # export column width, in characters
    max_length: int | None = None
    importable: bool = True
    exported: bool = True  # False: read from sheets only (a register's 备注 on a case)
    in_template: bool = True  # False: left out of the blank template (computed columns)

    @property
    def headers(self) -> tuple[str, ...]:
        return (self.label, *self.synonyms)


@dataclasses.dataclass
class Existing:
    """A record as the plan sees it: its values in the same form the sheet's cells parse to."""
    id: int
    values: dict[str, Any]
    changed_at: dt.datetime  # local time, whole seconds: what the export writes to 最后修改
    version: int = 0
    deleted: bool = False
    label: str = ""  # how messages name it: 张三 (#12)


@dataclasses.dataclass(frozen=True)
class Kind:
    key: str  # "customers"
    title: str  # sheet title and the word in messages: "客户"
    fields: tuple[Field, ...]
    identifying: tuple[str, ...]  # at least one must be mapped for a sheet to be importable
    match_keys: tuple[str, ...]  # fields that find an existing record, in order of trust
    load_existing: Callable[[], Iterable[Existing]]
    # Once per plan: a function (values, existing or None) -> (problems making the row invalid,
    # notes); it may correct or drop values.
    make_checker: Callable[[], Callable[[dict, "Existing | None"], tuple[list[str], list[str]]]]
    apply_rows: Callable[..., None]  # (planned rows, by, progress) inside the transaction
    export_rows: Callable[..., Iterable[list]]  # (ids or None) -> values in field order
    choices: Callable[[], dict[str, list[str]]] = lambda: {}  # drop-down lists per field key
    importable: bool = True  # False: export only (a case's remedies and timeline)
    companions: tuple[str, ...] = ()  # kinds whose sheets go into the same export workbook
    # Once per plan (table, header), for kinds whose rows never update a record (cases only
    # ever come in as new ones): a function (row number, parsed values, 编号 or None,
    # 最后修改 or None) -> RowPlan that replaces the matching above; parsing, skipped rows
    # and invalid cells stay shared.
    make_planner: Callable[[], Callable[..., Any]] | None = None
    describe_plan: Callable[[list], str] | None = None  # extra words for the plan's summary

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)

    @property
    def export_fields(self) -> list[Field]:
        return [f for f in self.fields if f.exported]

    @property
    def value_fields(self) -> list[Field]:
        return [f for f in self.fields if f.importable and f.type not in (ID, STAMP)]


_REGISTRY: dict[str, Callable[[], Kind]] = {}


def register(key: str, factory: Callable[[], Kind]) -> None:
    _REGISTRY[key] = factory


def get(key: str) -> Kind:
    _load_builtin()
    if key not in _REGISTRY:
        raise KeyError(key)
    return _REGISTRY[key]()


def available(importable_only: bool = False) -> list[str]:
    _load_builtin()
    return [key for key, make in _REGISTRY.items() if not importable_only or make().importable]


def _load_builtin() -> None:
    from db.excel import case_kind, customer_kind, snippet_kind  # noqa: F401, PLC0415 - register themselves
