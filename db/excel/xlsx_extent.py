"""An .xlsx sheet's real extent, known before calamine builds it.

calamine allocates the whole rectangle from the first to the last cell of a sheet: one stray
value at XFD1000 costs 500 MB, at XFD1048576 the process aborts. So the sheet's XML is
scanned first, streaming (about 0.2 s for 50,000 rows). A plain sheet -- every cell within
the first 100 columns, last row x widest column within the limits -- goes to calamine as
it is. Any other sheet is rewritten into an in-memory copy that keeps only cells with a
value in the first `max_columns` columns; a value below the row limit, or more cells than
the budget, is refused as soon as it is met, without reading the rest.
"""
from __future__ import annotations

import functools
import io
import posixpath
import re
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from db.excel.errors import ExcelError
from db.vocabulary import QT_TRANSLATE_NOOP

CHUNK = 1 << 20
MAX_ROW_BYTES = 32 << 20  # one <row> element larger than this is not a roster
MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

# The fast scan: what every common writer (Excel, WPS, LibreOffice, openpyxl) produces.
ROW_NUMBER = re.compile(rb'<row r="([0-9]+)"')
# A row without r first: the careful path.
ODD_ROW = re.compile(rb'<row(?! r=")[\s/>]')


@functools.lru_cache(maxsize=None)
def _odd_or_right_of(widest: int) -> re.Pattern:
    """One search per chunk: a cell without r first (group 1 None), or one right of column
    `widest` (0: A; three letters always, since a row's limit is CV, the 100th)."""
    if widest < 25:  # two letters, or a later single letter
        right = b"[A-Z]{2}|[%c-Z]" % (66 + widest)
    else:  # AA..CV so far: three letters, a later second letter, a later first letter
        first, second = divmod(widest + 1, 26)
        right = b"[A-Z]{3}|%c[%c-Z]" % (64 + first, 65 + second)
        if first < 26:
            right += b"|[%c-Z][A-Z]" % (65 + first)
    return re.compile(rb'<c(?:(?! r=")[\s/>]| r="(' + right + rb'))')


# The careful path: any attribute order, namespace prefixes, missing r attributes.
ROW = re.compile(rb'<((?:\w+:)?)row\b([^>]*?)(?:/>|>(.*?)</\1row>)', re.S)
CELL = re.compile(rb'<((?:\w+:)?)c\b([^>]*?)(?:/>|>(.*?)</\1c>)', re.S)
ROW_R = re.compile(rb'\sr="([0-9]+)"')
CELL_R = re.compile(rb'\sr="([A-Za-z]{1,3})([0-9]+)"')
HAS_VALUE = re.compile(rb'<(?:\w+:)?(?:v|is)\b')
DIMENSION = re.compile(rb'<(?:\w+:)?dimension\b[^>]*/>')


def sheet_member(archive: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip member holding the named worksheet (workbook.xml -> its relationships)."""
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return None
    rel_id = next((s.get(f"{REL_NS}id") for s in book.iter(f"{MAIN_NS}sheet")
                   if s.get("name") == sheet), None)
    for rel in rels:
        if rel.get("Id") == rel_id:
            target = rel.get("Target", "")
            member = target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join("xl", target))
            return member if member in archive.namelist() else None
    return None


def bounded_copy(path: Path, sheet: str, max_rows: int, max_columns: int,
                 max_cells: int, scanned: bool = False) -> io.BytesIO | None:
    """None when calamine may read the file as it is; else an in-memory .xlsx whose sheet keeps
    only what would be imported. Raises ExcelError when the sheet has more rows or cells than
    allowed (rows and cells counted where values are, not where the file says).
    scanned: the plain scan already said no (xlsx_parts): straight to the rewrite."""
    with zipfile.ZipFile(path) as archive:
        member = sheet_member(archive, sheet)
        if member is None:
            return None
        if not scanned and _plain(archive, member, _Extent(path, sheet, max_rows, max_columns,
                                                           max_cells)):
            return None
        return _rewrite(path, archive, member, sheet, max_rows, max_columns, max_cells)


def passes_plain(path: Path, archive: zipfile.ZipFile, member: str, sheet: str, max_rows: int,
                 max_columns: int, max_cells: int, sink) -> bool:
    """The plain scan of bounded_copy with its XML handed on (xlsx_parts): True when calamine
    may read what the sink was given; raises ExcelError where a limit is passed."""
    return _plain(archive, member, _Extent(path, sheet, max_rows, max_columns, max_cells), sink)


def _plain(archive: zipfile.ZipFile, member: str, extent: _Extent, sink=None) -> bool:
    """True when every cell has its r attribute first and no column is past CV (the 100th),
    while the rectangle so far (last row number x widest column) stays within the row and
    cell limits:
    calamine may then build it. The first row past a limit that holds a value is refused at
    once (a 250 MB sheet stops within its first megabytes); a row past it without values
    (formatting only) leaves the sheet to the careful path.
    sink, when given, is handed the sheet's XML piece by piece once each piece has passed
    (xlsx_parts reads it on other cores while the scan goes on), then b"" at the end."""
    first, widest = True, 0  # widest: the highest column index seen (A = 0)
    with archive.open(member) as stream:
        tail = b""
        while True:
            chunk = stream.read(CHUNK)
            if not chunk:
                if sink is not None:
                    sink(tail)
                    sink(b"")
                return True
            data = tail + chunk
            cut = data.rfind(b"<")
            if cut > 0:
                data, tail = data[:cut], data[cut:]
            else:
                tail = b""
            if first and b"<sheetData" not in data and b"<worksheet" not in data:
                return False  # a namespace prefix: the careful path reads any spelling
            first = False
            if ODD_ROW.search(data):
                return False
            while True:  # an odd cell, or a column right of the widest so far
                found = _odd_or_right_of(widest).search(data)
                if found is None:
                    break
                if found.group(1) is None:
                    return False
                widest = _column_index(found.group(1))
                if widest >= 100:  # past CV
                    return False
            numbers = ROW_NUMBER.findall(data)
            top = max(map(int, numbers)) if numbers else 0
            if top <= extent.max_rows + 1 and top * (widest + 1) <= extent.max_cells:
                if sink is not None:
                    sink(data)
                continue
            for found in ROW_NUMBER.finditer(data):  # where was the limit passed?
                number = int(found.group(1))
                if number > extent.max_rows + 1 or number * (widest + 1) > extent.max_cells:
                    row = ROW.match(data, found.start())
                    if row is not None and _kept_cells(row.group(3) or b"", number, extent):
                        raise extent.too_much(number)
                    return False


def _rewrite(path: Path, archive: zipfile.ZipFile, member: str, sheet: str, max_rows: int,
             max_columns: int, max_cells: int) -> io.BytesIO:
    out = io.BytesIO()
    extent = _Extent(path, sheet, max_rows, max_columns, max_cells)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in archive.infolist():
            if info.filename == member:
                with archive.open(info) as source, copy.open(info.filename, "w") as target:
                    _rewrite_sheet(source, target, extent)
            else:
                with archive.open(info) as source, copy.open(info, "w") as target:
                    shutil.copyfileobj(source, target, CHUNK)
    out.seek(0)
    return out


class _Extent:
    """Counts what is kept and refuses as soon as a limit is passed."""

    def __init__(self, path: Path, sheet: str, max_rows: int, max_columns: int, max_cells: int):
        self.path, self.sheet = path, sheet
        self.max_rows, self.max_columns, self.max_cells = max_rows, max_columns, max_cells
        self.first_row = self.first_col = None
        self.last_col = 0

    def keep(self, row: int, col: int) -> bool:
        if col >= self.max_columns:
            return False
        if row > self.max_rows + 1:
            raise self.too_much(row)
        self.first_row = row if self.first_row is None else self.first_row
        self.first_col = col if self.first_col is None else min(self.first_col, col)
        self.last_col = max(self.last_col, col)
        cells = (row - self.first_row + 1) * (self.last_col - self.first_col + 1)
        if cells > self.max_cells:
            raise self.too_much(row)
        return True

    def too_much(self, row: int) -> ExcelError:
        if row > self.max_rows + 1:
            return ExcelError(QT_TRANSLATE_NOOP(
                "ExcelError", "工作表“%1”第 %2 行还有数据，超过上限 %3 行；请拆分成几个文件再导入"),
                self.sheet, f"{row:,}", f"{self.max_rows:,}", file=self.path)
        return ExcelError(QT_TRANSLATE_NOOP("ExcelError", "工作表“%1”的数据超过上限 %2 个单元格（到第 %3 行为止）；"
                                            "请拆分成几个文件再导入"),
                          self.sheet, f"{self.max_cells:,}", f"{row:,}", file=self.path)


def _rewrite_sheet(source, target, extent: _Extent) -> None:
    buffer, head_done, row_number = b"", False, 0
    while True:
        chunk = source.read(CHUNK)
        buffer += chunk
        end = len(buffer) if not chunk else buffer.rfind(b"row>") + 4
        if chunk and end < 4:
            if len(buffer) > MAX_ROW_BYTES:
                raise ExcelError(QT_TRANSLATE_NOOP(
                    "ExcelError", "工作表的结构异常（一行超过 32 MB），无法读取"), file=extent.path)
            continue
        piece, buffer = buffer[:end], buffer[end:]
        pos = 0
        for match in ROW.finditer(piece):
            if not head_done:
                target.write(DIMENSION.sub(b"", piece[:match.start()]))
                head_done = True
            found = ROW_R.search(match.group(2))
            row_number = int(found.group(1)) if found else row_number + 1
            kept = _kept_cells(match.group(3) or b"", row_number, extent)
            if kept:
                prefix = match.group(1)
                target.write(b"<%srow r=\"%d\">%s</%srow>" % (prefix, row_number, kept, prefix))
            pos = match.end()
        if not chunk:
            rest = piece[pos:]
            target.write(DIMENSION.sub(b"", rest) if not head_done else rest)
            return
        if not head_done and pos == 0:
            buffer = piece + buffer  # the rows have not started yet
        elif pos < len(piece):
            buffer = piece[pos:] + buffer
        if len(buffer) > MAX_ROW_BYTES:
            raise ExcelError(QT_TRANSLATE_NOOP(
                "ExcelError", "工作表的结构异常（一行超过 32 MB），无法读取"), file=extent.path)


def _kept_cells(body: bytes, row: int, extent: _Extent) -> bytes:
    kept, col = [], -1
    for cell in CELL.finditer(body):
        attrs = cell.group(2)
        found = CELL_R.search(attrs)
        col = _column_index(found.group(1)) if found else col + 1
        if col >= extent.max_columns:
            break  # cells of a row come left to right: the rest are past the limit too
        if not cell.group(3) or not HAS_VALUE.search(cell.group(3)):
            continue  # formatting only: nothing to import
        extent.keep(row, col)
        text = cell.group(0)
        if found is None:  # its place was implied by the cells now dropped: say it
            name = f"{column_letter(col)}{row}".encode()
            text = text.replace(b"c", b'c r="' + name + b'"', 1) if not cell.group(1) else \
                text.replace(cell.group(1) + b"c", cell.group(1) + b'c r="' + name + b'"', 1)
        kept.append(text)
    return b"".join(kept)


def _column_index(letters: bytes) -> int:
    index = 0
    for letter in letters.upper():
        index = index * 26 + letter - 64
    return index - 1


def column_letter(index: int) -> str:
    """0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
