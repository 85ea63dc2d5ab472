"""A large .xlsx sheet read on every core.

calamine parses a sheet on one core and lets go of Python's lock while it does: a year of
orders (100,000 rows x 30 columns, a 160 MB sheet) takes it 2.3 s. So the extent scan
(xlsx_extent) cuts the sheet's XML at row boundaries as it checks it, each part becomes an
in-memory workbook (the file's other members as they are, nothing compressed), and worker
threads hand the parts to calamine while the scan goes on. The rows are put back together
exactly as calamine gives the whole sheet: rows from the sheet's row 1, cells from its first
used column, every row as wide as the widest. A sheet the scan does not pass as plain is left
to the careful path (xlsx_extent's rewrite); a limit passed is refused as before.
"""
from __future__ import annotations

import concurrent.futures
import dataclasses
import io
import os
import threading
import zipfile
from pathlib import Path
from typing import Callable

import python_calamine as calamine

from db.excel import xlsx_extent
from db.excel.errors import ExcelError
from db.vocabulary import QT_TRANSLATE_NOOP

PART_BYTES = 2 << 20  # of sheet XML, about 1,250 rows of an order export
MIN_PARTS = 3  # fewer parts: one read is as fast
SHARED_SHARE = 8  # a part at least 8 x the shared strings' XML, which every part reads again
WORKERS = 2  # calamine's threads besides the scan; 2 cores are the common small-shop machine
ROW_START = b"<row "  # the plain scan has passed every row as <row r="...
NOT_PLAIN = "not plain"  # read()'s answer for a sheet the scan sent to the careful path


@dataclasses.dataclass
class Sheet:
    """What db.excel.read takes from a calamine sheet, for the parts put back together."""
    name: str
    start: tuple[int, int] | None
    height: int
    width: int
    rows: list[list]
    merged_cell_ranges: list


@dataclasses.dataclass
class _Part:
    start: tuple[int, int] | None
    end: tuple[int, int] | None
    rows: list[list]
    merged: list


def part_size(archive: zipfile.ZipFile, member: str) -> int | None:
    """The XML each part holds, or None when the sheet is better read whole: a small sheet,
    one core, or shared strings so large that reading them again per part costs more than the
    parts save (an Excel-saved export of 100,000 orders: 14 MB of them for a 120 MB sheet)."""
    if (os.cpu_count() or 1) < 2:
        return None
    shared = sum(i.file_size for i in archive.infolist()
                 if i.filename.lower().endswith("sharedstrings.xml"))
    size = max(PART_BYTES, SHARED_SHARE * shared)
    return size if archive.getinfo(member).file_size >= MIN_PARTS * size else None


def read(path: Path, sheet: str, max_rows: int, max_columns: int, max_cells: int,
         shape: Callable[[list[list]], list[list]]) -> Sheet | str | None:
    """The sheet read in parts; None when it is better read whole; NOT_PLAIN when the scan
    found it is not plain (then it is rewritten, without scanning it again).
    shape: applied to each part's rows on its worker (db.excel.read's per-row work)."""
    with zipfile.ZipFile(path) as archive:
        member = xlsx_extent.sheet_member(archive, sheet)
        size = part_size(archive, member) if member is not None else None
        if size is None:
            return None
        with concurrent.futures.ThreadPoolExecutor(WORKERS, "xlsx-part") as pool:
            cutter = _Cutter(archive, member, sheet, pool, size, shape)
            try:
                plain = xlsx_extent.passes_plain(path, archive, member, sheet, max_rows,
                                                 max_columns, max_cells, cutter.feed)
            except BaseException:
                cutter.abandon()
                raise
            if not plain:
                cutter.abandon()
                return NOT_PLAIN
            parts = []
            for future in cutter.futures:
                try:
                    part = future.result()
                except (calamine.CalamineError, calamine.ZipError, calamine.XmlError,
                        ValueError) as exc:
                    cutter.abandon()
                    raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "文件已损坏或不完整，无法读取（%1）"),
                                     exc, file=path) from exc
                parts.append(part)
    return _joined(sheet, parts)


class _Cutter:
    """Takes the scanned XML piece by piece and starts a part each `size` bytes, cut where a
    row starts, its XML copied once (into its workbook). Two parts at most wait besides those
    being read, so the XML and cells held stay a few parts whatever the sheet's size. Parts
    are small because each one's cells are made at once and most of an export's texts are
    repeats dropped straight after: the holes they leave stay in the heap (100,000 order
    rows' table: 66 MB read whole, 141 MB after 8 MB parts, 90 MB after 2 MB parts; the
    read's peak 294, 250 and 125 MB)."""

    def __init__(self, archive: zipfile.ZipFile, member: str, sheet: str,
                 pool: concurrent.futures.ThreadPoolExecutor, size: int, shape):
        self.member, self.sheet, self.pool, self.size = member, sheet, pool, size
        self.shape = shape
        self.others = [(info, archive.read(info)) for info in archive.infolist()
                       if info.filename != member and not _unread(info.filename)]
        self.head: bytes | None = None  # the sheet's XML before its first row
        self.pending = bytearray()
        self.futures: list[concurrent.futures.Future] = []
        self.room = threading.BoundedSemaphore(WORKERS + 2)

    def feed(self, data: bytes) -> None:
        if not data:  # the end: the last part carries the sheet's real ending (merged cells)
            if self.head is None:  # no row at all: the whole XML is the head
                self.head = bytes(self.pending)
                del self.pending[:]
            self._start(len(self.pending), last=True)
            return
        self.pending += data
        if self.head is None:
            first = self.pending.find(ROW_START)
            if first < 0:
                return
            self.head = bytes(self.pending[:first])
            del self.pending[:first]
        while len(self.pending) > self.size:
            cut = self.pending.find(ROW_START, self.size)  # the first row past the size
            if cut < 0:
                return
            self._start(cut, last=False)
            del self.pending[:cut]

    def _start(self, cut: int, last: bool) -> None:
        """A part of the pending XML up to `cut`, written once into its workbook."""
        self.room.acquire()  # before the copy: a waiting part holds its memory
        book = io.BytesIO()
        with zipfile.ZipFile(book, "w", zipfile.ZIP_STORED) as out:
            for info, content in self.others:
                out.writestr(info.filename, content)
            with out.open(self.member, "w", force_zip64=True) as sheet, \
                    memoryview(self.pending) as pending:
                sheet.write(self.head)
                sheet.write(pending[:cut])
                if not last:
                    sheet.write(b"</sheetData></worksheet>")
        future = self.pool.submit(_read_part, book, self.sheet, self.shape)
        future.add_done_callback(lambda _f: self.room.release())
        self.futures.append(future)

    def abandon(self) -> None:
        for future in self.futures:
            future.cancel()


# What calamine never reads for a sheet's cells: copied into every part, a workbook's
# pictures or macros would cost their size again for each 2 MB of rows.
UNREAD = ("xl/worksheets/", "xl/media/", "xl/drawings/", "xl/embeddings/", "xl/charts/",
          "xl/pivotcache/", "xl/pivottables/", "xl/printersettings/", "xl/vbaproject",
          "xl/theme/", "docprops/", "customxml/")


def _unread(name: str) -> bool:
    return name.lower().startswith(UNREAD)


def _read_part(book: io.BytesIO, sheet: str, shape) -> _Part:
    """A part's rows, shaped at once on its worker: shaped after the scan instead, every
    part's fresh cells were held together (100,000 order rows: 610 MB at the import's peak)."""
    book.seek(0)
    workbook = calamine.CalamineWorkbook.from_filelike(book)
    try:
        data = workbook.get_sheet_by_name(sheet)
        rows = shape(data.to_python(skip_empty_area=True)) if data.start else []
        return _Part(data.start, data.end, rows, data.merged_cell_ranges or [])
    finally:
        workbook.close()


def _joined(name: str, parts: list[_Part]) -> Sheet:
    """The parts' rows as calamine gives one sheet: empty rows before the first value and
    between parts, each row shifted to the sheet's first used column and padded to its width."""
    found = [p for p in parts if p.start is not None]
    merged = parts[-1].merged if parts else []  # from the sheet's ending, in the last part
    if not found:
        return Sheet(name, None, 0, 0, [], merged)
    top = found[0].start[0]
    left = min(p.start[1] for p in found)
    right = max(p.end[1] for p in found)
    width = right - left + 1
    rows: list[list] = [[""] * width for _ in range(top)]
    for part in found:
        rows.extend([""] * width for _ in range(part.start[0] - len(rows)))
        before, after = part.start[1] - left, right - part.end[1]
        if before or after:
            rows.extend([*([""] * before), *row, *([""] * after)] for row in part.rows)
        else:
            rows.extend(part.rows)
    end = found[-1].end[0]
    return Sheet(name, (top, left), end - top + 1, width, rows, merged)
