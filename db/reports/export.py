"""Weekly / monthly report to .xlsx: a sheet per section, its numbers, a native Excel chart.

Text typed by people (categories, products, staff names) is stored as text: a product named
"=1+1" or "@SUM(...)" must not become a formula in the owner's spreadsheet.
"""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Font

from db.reports.tables import Section
from db.storage import files

SHEET_NAME_LIMIT = 31
FORBIDDEN = set('[]:*?/\\')


def write_xlsx(path: str | Path, title: str, sections: list[Section]) -> Path:
    path = Path(path)
    book = Workbook()
    book.remove(book.active)
    for section in sections:
        _sheet(book, title, section)
    files.write_atomically(path, book.save)  # an old copy open in Excel keeps its content
    return path


def _sheet(book: Workbook, title: str, section: Section) -> None:
    name = "".join(c for c in section.title if c not in FORBIDDEN)[:SHEET_NAME_LIMIT]
    sheet = book.create_sheet(name)
    _text(sheet.cell(row=1, column=1), f"{title} · {section.title}").font = Font(bold=True, size=13)
    for col, header in enumerate(section.headers, start=1):
        _text(sheet.cell(row=2, column=col), header).font = Font(bold=True)
        sheet.column_dimensions[sheet.cell(row=2, column=col).column_letter].width = 16
    sheet.column_dimensions["A"].width = 24
    for r, row in enumerate(section.rows, start=3):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                cell.value = value
            else:
                _text(cell, "" if value is None else str(value))
    if section.chart and section.rows:
        _chart(sheet, section)


def _text(cell, value: str):
    cell.value = value
    cell.data_type = "s"  # never a formula, whatever the first character
    return cell


def _chart(sheet, section: Section) -> None:
    last = 2 + len(section.rows)
    chart = LineChart() if section.chart == "line" else BarChart()
    if isinstance(chart, BarChart):
        chart.type = "col"
        chart.grouping = "clustered"
    chart.title = section.title
    chart.height, chart.width = 8, 18
    for col in section.series:
        data = Reference(sheet, min_col=col + 1, min_row=2, max_row=last)
        chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=3, max_row=last))
    anchor = sheet.cell(row=2, column=len(section.headers) + 2).coordinate
    sheet.add_chart(chart, anchor)
