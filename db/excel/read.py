"""Read a sheet of .xlsx/.xls/.xlsb/.ods (python-calamine) or .csv into plain rows, safely.

calamine is several times faster than openpyxl and reads the old .xls too. Hostile or broken
files are refused before they can exhaust memory: the zip's declared sizes are summed first
(zip bomb), an .xlsx sheet's real extent is scanned before calamine builds it (a stray cell
far away costs nothing, see xlsx_extent), rows, columns and cells are capped and a limit stops
the read as soon as it is passed; a CSV is read as a stream with the same caps and a cell
larger than Excel allows is refused naming its row and column. Password-protected or
truncated files get a message that says so.
"""
from __future__ import annotations

import codecs
import csv
import dataclasses
import contextlib
import zipfile
from pathlib import Path

import python_calamine as calamine

from db.excel import gc_paused, ods_extent, xls_extent, xlsx_extent, xlsx_parts
from db.excel.errors import ExcelError, listed
from db.vocabulary import QT_TRANSLATE_NOOP
from db.excel.xlsx_extent import column_letter

MAX_ROWS = 200_000  # rows read from one sheet; a roster of a small shop is far below
MAX_COLUMNS = 100  # columns read; a stray value at column XFD must not widen every row
# Cells of the rectangle a sheet spans. A whole import (read, plan, backup, write) costs
# about 230 bytes per cell at its peak (bench/bench_hostile.py: 100,000 rows x 12 columns
# took 322 MB), so this keeps any file under 300 MB; a 50,000-row roster is 600,000.
MAX_CELLS = 1_000_000
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
MAX_UNZIPPED = 256 * 1024 * 1024  # declared size of all members of an .xlsx (zip bomb guard)
MAX_CSV_BYTES = 100 * 1024 * 1024
WORKBOOK_TYPES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
CSV_TYPES = {".csv", ".txt", ".tsv"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")


@dataclasses.dataclass
class Table:
    """One sheet: rows[i] is the sheet's row i + 1; cells hold str, float, int, date or None."""
    file: Path
    sheet: str
    rows: list[list]
    col_offset: int = 0  # the first cell of each row is this many columns right of column A

    def column_letter(self, index: int) -> str:
        return column_letter(index + self.col_offset)




def sheet_names(path: Path, max_cells: int | None = None) -> list[str]:
    """Visible worksheets of a workbook; a CSV file has one sheet named after the file."""
    max_cells = MAX_CELLS if max_cells is None else max_cells  # at call time (tests lower it)
    path = Path(path)
    if _suffix(path) in CSV_TYPES:
        _check_exists(path)
        return [path.stem]
    book = _open_book(path, max_cells)
    try:
        return _visible_sheets(book)
    finally:
        book.close()


def _visible_sheets(book) -> list[str]:
    names = [m.name for m in book.sheets_metadata
             if m.visible == calamine.SheetVisibleEnum.Visible
             and m.typ == calamine.SheetTypeEnum.WorkSheet]
    return names or list(book.sheet_names)


def read_table(path: Path, sheet: str | None = None, max_cells: int | None = None) -> Table:
    """max_cells: the limit of this kind of file (order exports are wide: 100,000 rows of
    40 columns)."""
    max_cells = MAX_CELLS if max_cells is None else max_cells
    with gc_paused.paused():  # 50,000 rows of cells: no collector walks over them
        return _read_table(Path(path), sheet, max_cells)


def _read_table(path: Path, sheet: str | None, max_cells: int) -> Table:
    if _suffix(path) in CSV_TYPES:
        return _read_csv(path, max_cells)
    book = _open_book(path, max_cells)
    try:
        # The book open already: opening it again parses an Excel file's shared strings again
        # (0.1 s at 50,000 rows).
        names = _visible_sheets(book) if sheet is None else [sheet]
        if sheet is not None and sheet not in book.sheet_names:
            raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "没有名为“%1”的工作表（有：%2）"), sheet,
                             listed(book.sheet_names), file=path)
        try:
            parts = _in_parts(path, names[0], max_cells)
            if isinstance(parts, xlsx_parts.Sheet):
                return _read_sheet(path, parts, max_cells)
            with _bounded(path, book, names[0], max_cells,
                          scanned=parts == xlsx_parts.NOT_PLAIN) as bounded:
                return _read_sheet(path, bounded.get_sheet_by_name(names[0]), max_cells)
        except calamine.CalamineError as exc:
            raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "工作表“%1”读不出来，文件可能已损坏（%2）"),
                             names[0], exc, file=path) from exc
    finally:
        book.close()


def _in_parts(path: Path, sheet: str, max_cells: int) -> xlsx_parts.Sheet | str | None:
    """A large plain .xlsx export read on every core (xlsx_parts), else None. Only the wide
    kinds (orders, max_cells raised): a roster's read gains 0.1-0.2 s, but its import peaks
    higher (80,000 rows: 257 -> 277 MB, near the 300 MB limit) and a sheet refused at the
    cell limit is read in parts up to there (190,000 rows: 44 -> 149 MB)."""
    if _suffix(path) not in {".xlsx", ".xlsm"} or max_cells <= MAX_CELLS:
        return None
    try:
        return xlsx_parts.read(path, sheet, MAX_ROWS, MAX_COLUMNS, max_cells, _shaper(max_cells))
    except (zipfile.BadZipFile, OSError, EOFError) as exc:  # a member cut short
        raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "文件已损坏或不完整，无法读取（%1）"), exc,
                         file=path) from exc


@contextlib.contextmanager
def _bounded(path: Path, book, sheet: str, max_cells: int, scanned: bool = False):
    """The workbook to read the sheet from: the file itself, or an in-memory copy holding only
    the cells that will be imported when the sheet reaches far beyond its data."""
    copy = None
    if _suffix(path) in {".xlsx", ".xlsm"}:
        try:
            copy = xlsx_extent.bounded_copy(path, sheet, MAX_ROWS, MAX_COLUMNS, max_cells,
                                            scanned)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:  # a member cut short
            raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "文件已损坏或不完整，无法读取（%1）"), exc,
                             file=path) from exc
    if copy is None:
        yield book
        return
    try:
        bounded = calamine.CalamineWorkbook.from_filelike(copy)
    except (calamine.CalamineError, calamine.ZipError, calamine.XmlError, ValueError) as exc:
        raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "文件已损坏或不完整，无法读取（%1）"), exc,
                         file=path) from exc
    try:
        yield bounded
    finally:
        bounded.close()


def _read_sheet(path: Path, data, max_cells: int) -> Table:
    if data.height > MAX_ROWS + 1:
        raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "工作表“%1”有 %2 行，超过上限 %3 行；请拆分成几个文件再导入"),
                         data.name, f"{data.height:,}", f"{MAX_ROWS:,}", file=path)
    if data.height * min(data.width, MAX_COLUMNS) > max_cells:
        raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "工作表“%1”的数据超过上限 %2 个单元格（%3 行 × %4 列）；"
                                           "请拆分成几个文件再导入"),
                         data.name, f"{max_cells:,}", f"{data.height:,}", data.width, file=path)
    start_row, start_col = data.start or (0, 0)
    # calamine yields rows from row 1 of the sheet, cells from the first used column.
    rows = data.rows if isinstance(data, xlsx_parts.Sheet) else _shaper(max_cells)(
        data.iter_rows())
    table = Table(path, data.name, rows, start_col)
    _spread_merged(table, data.merged_cell_ranges or [])
    return table


def _shaper(max_cells: int):
    """The rows as a Table keeps them, made from calamine's (a sheet's, or a part's)."""
    if max_cells > MAX_CELLS:
        # A wide export (orders: 100,000 rows of 30-40 columns): a text repeated down the sheet
        # kept once, as in a CSV (_read_csv), is 150 MB less at its peak.
        same, width = {}.setdefault, MAX_COLUMNS

        def kept_once(rows) -> list[list]:
            return [[same(cell, cell) if type(cell) is str else cell for cell in row[:width]]
                    for row in rows]
        return kept_once

    def as_read(rows) -> list[list]:  # a roster: calamine's fresh lists, no pass over cells
        return [row if len(row) <= MAX_COLUMNS else row[:MAX_COLUMNS] for row in rows]
    return as_read


def _spread_merged(table: Table, ranges) -> None:
    """A merged range shows one value over many cells: give every cell that value."""
    for (r0, c0), (r1, c1) in ranges:
        c0, c1 = c0 - table.col_offset, c1 - table.col_offset
        if r0 >= len(table.rows) or c0 < 0 or c0 >= MAX_COLUMNS:
            continue
        anchor = table.rows[r0][c0] if c0 < len(table.rows[r0]) else None
        for r in range(r0, min(r1 + 1, len(table.rows))):
            row = table.rows[r]
            for c in range(c0, min(c1 + 1, len(row))):
                row[c] = anchor


def _open_book(path: Path, max_cells: int):
    _check_exists(path)
    with open(path, "rb") as handle:
        head = handle.read(8)
    suffix = _suffix(path)
    if head.startswith(ZIP_MAGIC):
        _check_zip(path)
        if suffix == ".ods":  # repeated cells and rows: refused before calamine builds them
            ods_extent.check(path, MAX_ROWS, max_cells)
    elif head == OLE_MAGIC:
        if suffix in {".xlsx", ".xlsm", ".xlsb"} and ENCRYPTED_MARK in path.read_bytes()[:4 << 20]:
            raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "文件设置了打开密码，请在 Excel/WPS 中取消密码后另存，再导入"),
                             file=path)
        # calamine reads every sheet of an .xls when opening it, each as a full rectangle:
        # refused first where values pass a limit (an .xls cannot be rewritten like an .xlsx)
        xls_extent.check(path, MAX_ROWS, MAX_COLUMNS, max_cells)
    elif suffix not in WORKBOOK_TYPES:
        raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "不是表格文件（支持 .xlsx、.xls、.csv）"), file=path)
    else:
        raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "文件不是有效的 Excel 表格（可能是改了扩展名的其他文件）"),
                         file=path)
    try:
        return calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError as exc:
        raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "文件设置了打开密码，请在 Excel/WPS 中取消密码后另存，再导入"),
                         file=path) from exc
    except (calamine.CalamineError, calamine.ZipError, calamine.XmlError, OSError, ValueError) as exc:
        raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "文件已损坏或不完整，无法读取（%1）"), exc,
                         file=path) from exc


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if not any(m.filename.startswith(("xl/", "content.xml")) for m in members):
                raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "这是一个压缩包，不是 Excel 表格"), file=path)
            declared = sum(m.file_size for m in members)
    except zipfile.BadZipFile as exc:
        raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "文件不完整或已损坏（可能没有下载/复制完），请重新获取文件"),
                         file=path) from exc
    if declared > MAX_UNZIPPED:
        raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "文件解压后有 %1 MB，超过上限 %2 MB（数据过多，或是恶意构造的文件），"
                                           "已拒绝；请拆分成几个文件再导入"),
                         f"{declared / 2**20:,.0f}", f"{MAX_UNZIPPED / 2**20:.0f}", file=path)


def _check_exists(path: Path) -> None:
    if not path.is_file():
        raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "找不到文件"), file=path)
    if path.stat().st_size == 0:
        raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "文件是空的（0 字节）"), file=path)


def _suffix(path: Path) -> str:
    return path.suffix.lower()


# --- CSV -------------------------------------------------------------------------------

def _unquote(cell: str) -> str:
    """Our CSV export puts ' before = + - @ so Excel shows text, not a formula: take it off."""
    if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "\t", "\r", "\n"):
        return cell[1:]
    return cell


def _read_csv(path: Path, max_cells: int) -> Table:
    _check_exists(path)
    if path.stat().st_size > MAX_CSV_BYTES:
        raise ExcelError(QT_TRANSLATE_NOOP(
            "ExcelError", "CSV 文件超过 %1 MB 上限"), MAX_CSV_BYTES >> 20, file=path)
    encoding, sample = _csv_encoding(path)
    if encoding is None:
        raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "扩展名是 .csv，内容却不是文本表格；请用正确的扩展名"),
                         file=path)
    delimiter = max(",\t;", key=sample.count) if sample else ","
    rows: list[list] = []
    cells = 0
    # A text repeated down the sheet (status, company, city, 0.00 ...) kept once: 100,000
    # order rows take 100 MB less (bench/bench_orders.py); the look-up ends with the read.
    same = {}.setdefault
    # Streamed: the file is never held whole as text. The csv module's own field limit
    # (131,072) would end in a traceback; ours is checked below, naming row and column.
    with _field_limit(MAX_CSV_BYTES), open(path, encoding=encoding, errors="replace",
                                           newline="") as handle:
        for row in csv.reader(handle, delimiter=delimiter):
            if len(rows) > MAX_ROWS:
                raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "CSV 文件超过上限 %1 行；请拆分成几个文件再导入"),
                                 f"{MAX_ROWS:,}", file=path)
            row = row[:MAX_COLUMNS]
            cells += len(row)
            if cells > max_cells:
                raise ExcelError(QT_TRANSLATE_NOOP(
                    "ExcelError", "CSV 文件的数据超过上限 %1 个单元格；请拆分成几个文件再导入"),
                    f"{max_cells:,}", file=path, row=len(rows) + 1)
            for index, cell in enumerate(row):
                if len(cell) > MAX_CELL_CHARS:
                    raise ExcelError(QT_TRANSLATE_NOOP(
                        "ExcelError", "单元格有 %1 个字符，超过上限 %2（Excel 一个单元格最多能放的字数）"),
                        f"{len(cell):,}", f"{MAX_CELL_CHARS:,}", file=path,
                        row=len(rows) + 1, column=column_letter(index))
            rows.append([same(text := _unquote(cell), text) if cell.strip() else None
                         for cell in row])
    return Table(path, path.stem, rows)


def _csv_encoding(path: Path) -> tuple[str | None, str]:
    """The file's encoding (None: not text) and its first characters: a BOM (UTF-8, or UTF-16:
    Excel's "Unicode text"), else UTF-8 if the whole file is valid UTF-8, else GB18030 (GBK's
    superset, what Chinese Excel and WPS write by default)."""
    with open(path, "rb") as handle:
        head = handle.read(8192)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", head[3:].decode("utf-8", errors="replace")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", head.decode("utf-16", errors="replace")
    if head.startswith((ZIP_MAGIC, OLE_MAGIC)) or b"\x00" in head[:4096]:
        return None, ""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with open(path, "rb") as handle:
            while block := handle.read(1 << 20):
                decoder.decode(block)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "gb18030", head.decode("gb18030", errors="replace")
    return "utf-8", head.decode("utf-8", errors="replace")


@contextlib.contextmanager
def _field_limit(limit: int):
    previous = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(previous)
