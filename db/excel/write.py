"""Export for people: .xlsx with a bold frozen header, filter, widths, real dates, phones as
text, drop-down lists for fixed choices, and the ID + 最后修改 columns that make re-import safe.
Also blank templates and CSV (UTF-8 with BOM, so Excel shows Chinese correctly).

openpyxl's write-only mode streams rows to disk: ~30 MB whatever the size of the roster.
User text is never written as a formula (formula injection): openpyxl stores a string starting
with "=" as a formula, so such cells are forced to text.
"""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Callable, Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from db.excel import kinds, registry
from db.excel.kinds import TAGS, Kind
from db.storage import files

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r", "\n")
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="E8EEF7")
LISTS_SHEET = "下拉选项"
EXTRA_VALIDATED_ROWS = 2000  # drop-downs also cover rows staff add below the data

Progress = Callable[[int], None]


def export(kind: Kind, path: Path, ids: list[int] | None = None,
           progress: Progress | None = None) -> int:
    """Write the kind's records (all live ones, or `ids` in that order), then its companion
    sheets (a case's remedies and timeline); returns the kind's row count."""
    book = Workbook(write_only=True)
    lists = _ListsSheet(book)
    count = _write_sheet(book, lists, kind, kind.export_rows(ids), progress)
    for companion in kind.companions:
        _write_sheet(book, lists, companion, companion.export_rows(None), None)
    lists.finish()
    _save(book, path)
    return count


def export_all(path: Path, progress: Progress | None = None) -> dict[str, int]:
    """One workbook, one sheet per kind."""
    book = Workbook(write_only=True)
    lists = _ListsSheet(book)
    counts = {}
    for kind in registry.KINDS:
        counts[kind.key] = _write_sheet(book, lists, kind, kind.export_rows(None), progress)
    lists.finish()
    _save(book, path)
    return counts


def template(kind: Kind, path: Path) -> None:
    """A blank sheet with the kind's headers and drop-downs, for a roster started from scratch."""
    book = Workbook(write_only=True)
    lists = _ListsSheet(book)
    _write_sheet(book, lists, kind, [], None, with_ids=False)
    lists.finish()
    _save(book, path)


def export_csv(kind: Kind, path: Path, ids: list[int] | None = None) -> int:
    count = 0

    def write_rows(partial: Path) -> None:
        nonlocal count
        with open(partial, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            fields = kind.export_fields
            keep = [i for i, f in enumerate(kind.fields) if f in fields]
            writer.writerow([f.label for f in fields])
            for row in kind.export_rows(ids):
                if len(keep) != len(row):
                    row = [row[i] for i in keep]
                writer.writerow([_csv_cell(v) for v in row])
                count += 1
    files.write_atomically(Path(path), write_rows)
    return count


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        value = "、".join(value)
    value = str(value)
    return "'" + value if value.startswith(DANGEROUS_START) else value


def _write_sheet(book: Workbook, lists: "_ListsSheet", kind: Kind, rows: Iterable[list],
                 progress: Progress | None, with_ids: bool = True) -> int:
    if with_ids:
        fields = kind.export_fields
    else:  # a template: what a person fills in, without the app's own columns
        fields = [f for f in kind.fields
                  if f.in_template and f.exported and f.type not in (kinds.ID, kinds.STAMP)]
    keep = [i for i, f in enumerate(kind.fields) if f in fields]
    sheet = book.create_sheet(kind.title)
    for number, field in enumerate(fields, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = field.width
    sheet.freeze_panes = "A2"
    header = []
    for field in fields:
        cell = WriteOnlyCell(sheet, field.label)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center")
        header.append(cell)
    sheet.append(header)
    tag_columns = [n for n, f in enumerate(fields) if f.type == TAGS]
    illegal = ILLEGAL_CHARACTERS_RE.search
    count = 0
    for row in rows:
        if len(keep) != len(row):
            row = [row[i] for i in keep]
        for n in tag_columns:
            if row[n]:
                row[n] = "、".join(row[n])
        texts = [v for v in row if type(v) is str]
        if illegal("".join(texts)):  # control characters pasted into a note: Excel refuses them
            row = [ILLEGAL_CHARACTERS_RE.sub("", v) if type(v) is str else v for v in row]
        if any(v[:1] == "=" for v in texts):
            row = [_text_cell(sheet, v) if type(v) is str and v[:1] == "=" else v for v in row]
        sheet.append(row)
        count += 1
        if progress is not None and count % 1000 == 0:
            progress(count)
    last = get_column_letter(len(fields))
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    for number, field in enumerate(fields, start=1):
        options = kind.choices().get(field.key) if field.type == kinds.CHOICE else None
        if options:
            letter = get_column_letter(number)
            validation = DataValidation(type="list", formula1=lists.add(options),
                                        allow_blank=True, showErrorMessage=False)
            validation.add(f"{letter}2:{letter}{count + EXTRA_VALIDATED_ROWS}")
            sheet.data_validations.append(validation)
    return count


def _text_cell(sheet, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value)
    cell.data_type = "s"  # never a formula
    return cell


class _ListsSheet:
    """Drop-down options live on a hidden sheet: lists can be long and contain commas."""

    def __init__(self, book: Workbook):
        self.book = book
        self.columns: list[list[str]] = []

    def add(self, options: list[str]) -> str:
        self.columns.append(options)
        letter = get_column_letter(len(self.columns))
        return f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(options)}"

    def finish(self) -> None:
        if not self.columns:
            return
        sheet = self.book.create_sheet(LISTS_SHEET)
        sheet.sheet_state = "hidden"
        for n in range(max(len(c) for c in self.columns)):
            sheet.append([_text_cell(sheet, c[n]) if n < len(c) else None for c in self.columns])


def _save(book: Workbook, path: Path) -> None:
    """Write beside the target, then rename: a failed export never leaves half a file, and a
    target open in Excel (Windows refuses the rename) keeps its old content."""
    files.write_atomically(Path(path), book.save)
