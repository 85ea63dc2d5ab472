"""What the importer and exporter know about one kind of record: its column schema, how its
rows are exported, and the importer that plans and applies an imported sheet.

The kinds themselves live in customer_kind.py, snippet_kind.py and case_kind.py and are listed
once, explicitly, in registry.py. This module defines only the shapes, so it imports none of
them.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any, Callable, Iterable, Protocol

if TYPE_CHECKING:  # annotations only: plan.py imports this module
    from db.excel.headers import HeaderGuess
    from db.excel.plan import ImportOptions, RowPlan
    from db.excel.read import Table
    from db.models import Staff

# Column roles: "id" (the app's record number), "stamp" (the export's last-changed time), or a
# value type parsed by values.py.
TEXT, PHONE, DATE, CHOICE, TAGS, ID, STAMP, NUMBER_TEXT = (
    "text", "phone", "date", "choice", "tags", "id", "stamp", "number_text")
# The platforms' order exports: an order or tracking number kept as text, an amount (cents),
# a local time, a receiver's phone that may be masked.
CODE, MONEY, MOMENT, ORDER_PHONE = "code", "money", "moment", "order_phone"


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


# (sheet row number, parsed values, 编号 or None, 最后修改 or None) -> the row's plan
RowDecider = Callable[[int, dict, "int | None", Any], "RowPlan"]


class Importer(Protocol):
    """The import of one kind: plan every row (a dry run that writes nothing), then apply the
    rows the user confirmed, inside the caller's transaction."""

    def planner(self, kind: Kind, table: Table, header: HeaderGuess,
                options: ImportOptions | None = None) -> RowDecider:
        """Load what deciding rows needs (once per plan) and return the decider."""

    def apply(self, rows: list[RowPlan], by: Staff | None,
              progress: Callable[[int], None]) -> None:
        """Write the planned rows; raise to roll everything back."""

    def summary(self, rows: list[RowPlan]) -> str:
        """Extra words for the plan's summary ("" when the counts say it all)."""

    def recheck(self, kind: Kind, rows: list[RowPlan]) -> int:
        """Inside the write transaction, imports serialised: match the new rows again against
        records other computers added since the plan; the number of rows that found one."""


@dataclasses.dataclass(frozen=True)
class Kind:
    key: str  # "customers"
    title: str  # sheet title and the word in messages: "客户"
    fields: tuple[Field, ...]
    identifying: tuple[str, ...]  # at least one must be mapped for a sheet to be importable
    # The contacts that find an existing record, in order of trust; a row with none of them
    # (and no 编号) may be a totals or notes row.
    match_keys: tuple[str, ...]
    export_rows: Callable[..., Iterable[list]]  # (ids or None) -> values in field order
    choices: Callable[[], dict[str, list[str]]] = lambda: {}  # drop-down lists per field key
    importer: Importer | None = None  # None: export only (a case's remedies and timeline)
    companions: tuple[Kind, ...] = ()  # kinds whose sheets go into the same export workbook
    extra_into: str = ""  # the field that keeps unmapped columns as "列名：值" ("" = none)
    max_cells: int | None = None  # the read's cell limit when not read.MAX_CELLS (orders)

    @property
    def importable(self) -> bool:
        return self.importer is not None

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)

    @property
    def export_fields(self) -> list[Field]:
        return [f for f in self.fields if f.exported]

    @property
    def value_fields(self) -> list[Field]:
        return [f for f in self.fields if f.importable and f.type not in (ID, STAMP)]
