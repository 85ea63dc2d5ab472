"""The import in the steps the wizard and the command line share: open -> map -> plan."""
from __future__ import annotations

from pathlib import Path

from db.excel import headers, kinds, read, registry
from db.excel.headers import HeaderGuess
from db.excel.plan import ImportOptions, Plan, make_plan


def open_sheet(kind_key: str, path: Path, sheet: str | None = None
               ) -> tuple[kinds.Kind, read.Table, HeaderGuess]:
    """Read the sheet and guess its header row and mapping (a saved mapping wins)."""
    kind = registry.get(kind_key)
    table = read.read_table(Path(path), sheet, kind.max_cells)  # collector paused there
    return kind, table, headers.find_header(kind, table)


def plan_import(kind: kinds.Kind, table: read.Table, guess: HeaderGuess,
                remember: bool = True, options: ImportOptions = ImportOptions()) -> Plan:
    """Check the mapping (raises ExcelError), remember it for this header, plan every row."""
    headers.check_mapping(kind, table, guess)
    if remember:
        headers.save_mapping(kind, guess.headers, guess.mapping)
    return make_plan(kind, table, guess, options)  # collector paused there


def plan_file(kind_key: str, path: Path, sheet: str | None = None) -> Plan:
    kind, table, guess = open_sheet(kind_key, path, sheet)
    return plan_import(kind, table, guess)
