"""The error report: every row that was not imported as planned, with its sheet row number,
status and reason, followed by the row's original cells, so staff can fix and re-import."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from db.excel import values
from db.excel.plan import STATUS_LABELS, Plan

REPORT_HEADER = ["行号", "结果", "原因"]


def write_report(plan: Plan, path: Path, all_rows: bool = False) -> int:
    """Rows with problems (or every planned row); returns how many rows were written."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("导入问题")
    headers = plan.header.headers
    for letter, width in (("A", 8), ("B", 12), ("C", 60)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "D2"
    bold = Font(bold=True)
    cells = []
    for text in REPORT_HEADER + [h or f"（{plan.table.column_letter(i)} 列）"
                                 for i, h in enumerate(headers)]:
        cell = WriteOnlyCell(sheet, text)
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
    rows = plan.rows if all_rows else plan.problems()
    for row in rows:
        original = plan.table.rows[row.row - 1]
        out = [row.row, STATUS_LABELS[row.status], row.reason]
        for value in original[:len(headers)]:
            out.append(_safe(sheet, value))
        sheet.append(out)
    sheet.auto_filter.ref = f"A1:C{len(rows) + 1}"
    book.save(path)
    return len(rows)


def _safe(sheet, value):
    if isinstance(value, str) and value.startswith("="):
        cell = WriteOnlyCell(sheet, value)
        cell.data_type = "s"
        return cell
    return None if values.is_empty(value) else value
