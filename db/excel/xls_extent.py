"""An old .xls sheet's real extent, known before calamine builds it.

As with .xlsx (xlsx_extent), calamine allocates the rectangle from the first to the last
cell: a 6 KB .xls with one value at IV65536 costs 1 GB. An .xls cannot be rewritten here,
so its cell records are scanned (the OLE2 container's Workbook stream, BIFF8 records:
a few milliseconds) and a sheet whose values reach past the limits is refused, naming the
row where they do, before calamine reads it.
"""
from __future__ import annotations

import struct
from pathlib import Path

from db.excel.errors import ExcelError
from db.vocabulary import QT_TRANSLATE_NOOP

FREE, END_OF_CHAIN = 0xFFFFFFFF, 0xFFFFFFFE
# BIFF8 records holding a value (BLANK and MULBLANK hold only formatting: calamine skips them)
VALUE_RECORDS = {0x0203, 0x00FD, 0x027E, 0x0204, 0x0205, 0x0006, 0x00D6}
MULRK, BOUNDSHEET, BOF, EOF = 0x00BD, 0x0085, 0x0809, 0x000A


def check(path: Path, max_rows: int, max_columns: int, max_cells: int) -> None:
    """Raise ExcelError when a sheet's values reach past the row or cell limit (counted over
    the first max_columns columns, as the import reads them). Every sheet: calamine reads all
    of an .xls when it opens it. A file this scan cannot follow is left to calamine, which
    reports real damage itself."""
    try:
        stream = _workbook_stream(path.read_bytes())
        sheets = _sheet_offsets(stream)
    except (ValueError, struct.error, IndexError):
        return
    for sheet, offset in sheets.items():
        try:
            _check_sheet(path, stream, sheet, offset, max_rows, max_columns, max_cells)
        except (struct.error, IndexError):
            return


def _check_sheet(path: Path, stream: bytes, sheet: str, offset: int, max_rows: int,
                 max_columns: int, max_cells: int) -> None:
    first_row, first_col, last_col = None, None, 0
    for kind, body in _records(stream, offset):
        if kind == EOF:
            return
        if kind not in VALUE_RECORDS and kind != MULRK or len(body) < 4:
            continue
        row, col = struct.unpack_from("<HH", body)
        if kind == MULRK:  # several RK values: row, first column, ..., last column
            col = struct.unpack_from("<H", body, len(body) - 2)[0]
        col = min(col, max_columns - 1)
        row += 1
        if row > max_rows + 1:
            raise ExcelError(QT_TRANSLATE_NOOP(
                "ExcelError", "工作表“%1”第 %2 行还有数据，超过上限 %3 行；请拆分成几个文件再导入"),
                sheet, f"{row:,}", f"{max_rows:,}", file=path)
        first_row = row if first_row is None else min(first_row, row)
        first_col = col if first_col is None else min(first_col, col)
        last_col = max(last_col, col)
        if (row - first_row + 1) * (last_col - first_col + 1) > max_cells:
            raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "工作表“%1”的数据超过上限 %2 个单元格（到第 %3 行为止）；"
                                               "请拆分成几个文件再导入"),
                             sheet, f"{max_cells:,}", f"{row:,}", file=path)


def _workbook_stream(data: bytes) -> bytes:
    """The "Workbook" (or BIFF5 "Book") stream of an OLE2 compound file."""
    sector_size = 1 << struct.unpack_from("<H", data, 30)[0]
    fat_sectors, first_dir = struct.unpack_from("<II", data, 44)
    mini_cutoff = struct.unpack_from("<I", data, 56)[0]
    difat_start, difat_count = struct.unpack_from("<II", data, 68)
    fat_list = [s for s in struct.unpack_from("<109I", data, 76) if s not in (FREE, END_OF_CHAIN)]
    while difat_start not in (FREE, END_OF_CHAIN) and difat_count > 0:  # files over ~7 MB
        entries = struct.unpack_from(f"<{sector_size // 4}I", data, _at(difat_start, sector_size))
        fat_list += [s for s in entries[:-1] if s not in (FREE, END_OF_CHAIN)]
        difat_start, difat_count = entries[-1], difat_count - 1
    fat = []
    for sector in fat_list[:fat_sectors]:
        fat += struct.unpack_from(f"<{sector_size // 4}I", data, _at(sector, sector_size))

    def chain(start: int) -> bytes:
        parts, seen = [], set()
        while start not in (FREE, END_OF_CHAIN) and start not in seen and start < len(fat):
            seen.add(start)
            parts.append(data[_at(start, sector_size):_at(start, sector_size) + sector_size])
            start = fat[start]
        return b"".join(parts)

    directory = chain(first_dir)
    for entry in range(0, len(directory), 128):
        name_len = struct.unpack_from("<H", directory, entry + 64)[0]
        name = directory[entry:entry + max(name_len - 2, 0)].decode("utf-16-le", "replace")
        if name in ("Workbook", "Book"):
            start, size = struct.unpack_from("<II", directory, entry + 116)
            if size >= mini_cutoff:
                return chain(start)[:size]
            # A small workbook lives in the mini stream: 64-byte sectors inside the root
            # entry's stream, chained by the mini FAT.
            mini_size = 1 << struct.unpack_from("<H", data, 32)[0]
            container = chain(struct.unpack_from("<I", directory, 116)[0])
            mini_fat_bytes = chain(struct.unpack_from("<I", data, 60)[0])
            mini_fat = struct.unpack_from(f"<{len(mini_fat_bytes) // 4}I", mini_fat_bytes)
            parts, seen = [], set()
            while start not in (FREE, END_OF_CHAIN) and start not in seen and start < len(mini_fat):
                seen.add(start)
                parts.append(container[start * mini_size:(start + 1) * mini_size])
                start = mini_fat[start]
            return b"".join(parts)[:size]
    raise ValueError("no Workbook stream")


def _at(sector: int, sector_size: int) -> int:
    return (sector + 1) * sector_size


def _records(stream: bytes, offset: int):
    while offset + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, offset)
        yield kind, stream[offset + 4:offset + 4 + length]
        offset += 4 + length


def _sheet_offsets(stream: bytes) -> dict[str, int]:
    """Sheet name -> the stream offset of its BOF record (BOUNDSHEET records, BIFF8)."""
    sheets = {}
    for kind, body in _records(stream, 0):
        if kind == EOF:
            break
        if kind == BOUNDSHEET and len(body) >= 8:
            offset, length, flags = struct.unpack_from("<IBB", body, 0)[0], body[6], body[7]
            raw = body[8:]
            sheets[raw[:length * 2].decode("utf-16-le", "replace") if flags & 1
                   else raw[:length].decode("latin-1")] = offset
    return sheets
