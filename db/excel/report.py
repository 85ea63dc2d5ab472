"""The problem report: every row that was not imported as planned or that carries a note or
a change, with its sheet row number, status and reason, the record it matches and each changed
field before -> after (as the preview shows them), followed by the row's original cells, so
staff can fix and re-import."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from db.excel import notes, values
from db.excel.kinds import Existing
from db.excel.plan import PROBLEMS, STATUS_LABELS, Plan, RowPlan

REPORT_HEADER = ["行号", "结果", "原因", "对应的记录", "修改（原 → 新）"]


def write_report(plan: Plan, path: Path, all_rows: bool = False) -> int:
    """Rows with problems, notes or changes (or every planned row); returns how many rows
    were written."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("导入问题")
    headers = plan.header.headers
    for letter, width in (("A", 8), ("B", 12), ("C", 50), ("D", 24), ("E", 40)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "F2"
    bold = Font(bold=True)
    cells = []
    for text in REPORT_HEADER + [h or f"（{plan.table.column_letter(i)} 列）"
                                 for i, h in enumerate(headers)]:
        cell = WriteOnlyCell(sheet, text)
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
    rows = plan.rows if all_rows else [
        r for r in plan.rows if r.status in PROBLEMS or r.reason or r.changes or not r.include]
    rows = sorted(rows, key=lambda r: r.status not in PROBLEMS)  # problems first, as previewed
    labels = {f.key: f.label for f in plan.kind.fields}
    for row in rows:
        original = plan.table.rows[row.row - 1]
        status = STATUS_LABELS[row.status] + ("" if row.include else "（跳过）")
        out = [row.row, status, notes.reason(row), _safe(sheet, record_line(row.record)),
               _safe(sheet, "\n".join(change_lines(row, labels)))]
        for value in original[:len(headers)]:
            out.append(_safe(sheet, value))
        sheet.append(out)
    sheet.auto_filter.ref = f"A1:E{len(rows) + 1}"
    book.save(path)
    return len(rows)


def _safe(sheet, value):
    if isinstance(value, str) and value.startswith("="):
        cell = WriteOnlyCell(sheet, value)
        cell.data_type = "s"
        return cell
    return None if values.is_empty(value) else value


def record_line(record: Existing | None) -> str:
    """A record as people know it: 张三 (#12) 13800138000."""
    if record is None:
        return ""
    phone = record.values.get("phone")
    return f"{record.label} {phone}" if phone else record.label


def change_lines(row: RowPlan, labels: dict[str, str], empty: str = "（空）",
                 colon: str = "：") -> list[str]:
    """Each changed field in the kind's column order: 称呼：张三 → 张伟 (unchanged fields are
    not listed). labels and empty: the words to use (the wizard passes translated ones)."""
    before, order = row.current, list(labels)
    keys = sorted(row.changes, key=lambda k: order.index(k) if k in order else len(order))
    return [f"{labels.get(k, k)}{colon}{show(before.get(k), empty)} → {show(row.changes[k], empty)}"
            for k in keys]


def show(value, empty: str = "（空）") -> str:
    if isinstance(value, tuple):
        return "、".join(value) or empty
    return values.as_text(value) if value not in (None, "") else empty
