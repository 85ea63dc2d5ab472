"""An .ods file's real extent, known before calamine builds it.

OpenDocument compresses runs of equal cells and rows with number-columns-repeated and
number-rows-repeated: a 2 KB file can ask for a million rows of a thousand cells, and
calamine (which reads every sheet of an .ods when opening it) builds them all. So
content.xml is scanned first, streaming, keeping track of where each cell with a value
lands; a sheet whose values reach past the row limit, or whose rectangle passes the cell
limit, is refused where that happens. Empty repeated cells and rows (LibreOffice writes
them up to the sheet's end) cost nothing and are not counted.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from db.excel.errors import ExcelError
from db.vocabulary import QT_TRANSLATE_NOOP

CHUNK = 1 << 20
TAG = re.compile(rb'<table:(table-row|table-cell|covered-table-cell|table)(?=[\s>/])([^>]*)>')
ROWS_REPEATED = re.compile(rb'number-rows-repeated="([0-9]+)"')
COLUMNS_REPEATED = re.compile(rb'number-columns-repeated="([0-9]+)"')
NAME = re.compile(rb'table:name="([^"]*)"')


def check(path: Path, max_rows: int, max_cells: int) -> None:
    with zipfile.ZipFile(path) as archive:
        if "content.xml" not in archive.namelist():
            return
        with archive.open("content.xml") as stream:
            _scan(stream, path, max_rows, max_cells)


def _scan(stream, path: Path, max_rows: int, max_cells: int) -> None:
    sheet, row_pos, row_start, row_repeat, col_pos = "", 0, 0, 1, 0
    height = width = 0
    tail = b""
    while chunk := stream.read(CHUNK):
        data = tail + chunk
        cut = data.rfind(b"<")
        data, tail = (data[:cut], data[cut:]) if cut > 0 else (data, b"")
        for match in TAG.finditer(data):
            kind, attrs = match.groups()
            if kind == b"table":
                found = NAME.search(attrs)
                sheet = found.group(1).decode("utf-8", "replace") if found else ""
                row_pos = height = width = 0
            elif kind == b"table-row":
                found = ROWS_REPEATED.search(attrs)
                row_repeat = int(found.group(1)) if found else 1
                row_start, row_pos, col_pos = row_pos, row_pos + row_repeat, 0
            else:
                found = COLUMNS_REPEATED.search(attrs)
                col_repeat = int(found.group(1)) if found else 1
                col_start, col_pos = col_pos, col_pos + col_repeat
                if b"office:value-type" not in attrs:
                    continue
                height, width = max(height, row_start + row_repeat), max(width, col_start + col_repeat)
                if height > max_rows + 1:
                    raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "工作表“%1”第 %2 行还有数据，超过上限 %3 行；"
                                                       "请拆分成几个文件再导入"),
                                     sheet, f"{height:,}", f"{max_rows:,}", file=path)
                if height * width > max_cells:
                    raise ExcelError(QT_TRANSLATE_NOOP(
                        "ExcelError", "工作表“%1”的数据超过上限 %2 个单元格（到第 %3 行、第 %4 列为止）；"
                        "请拆分成几个文件再导入"),
                        sheet, f"{max_cells:,}", f"{height:,}", f"{width:,}", file=path)
