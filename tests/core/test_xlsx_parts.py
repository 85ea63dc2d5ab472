"""A large .xlsx sheet read in parts on worker threads (db.excel.xlsx_parts) gives exactly the
rows of one whole read: every kind of cell, gaps and shifted columns across the cuts, merged
cells, shared strings; hostile sheets are still refused or rewritten as before. Parts are made
a few hundred bytes here, so that small files are cut many times."""
from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from db.excel import read, workflow, xlsx_parts
from db.excel.errors import ExcelError
from tests.fixtures import hostile

ORDERS = 4_500_000  # the wide kinds' cell limit: only their sheets are read in parts


class Parts(list):
    """The sheet name of each part read, and the members of the last part's workbook."""
    members: list[str] = []


@pytest.fixture
def cut_small(monkeypatch):
    """Parts of ~300 bytes from any sheet; the number of parts read is counted."""
    monkeypatch.setattr(xlsx_parts, "PART_BYTES", 300)
    monkeypatch.setattr(xlsx_parts, "MIN_PARTS", 2)
    monkeypatch.setattr(xlsx_parts, "SHARED_SHARE", 0)
    count = Parts()
    real = xlsx_parts._read_part

    def counted(book, sheet, shape):
        count.append(sheet)
        count.members = zipfile.ZipFile(book).namelist()
        return real(book, sheet, shape)
    monkeypatch.setattr(xlsx_parts, "_read_part", counted)
    return count


def whole(path: Path, max_cells: int | None = None) -> read.Table:
    """The sheet as one calamine read gives it (parts turned off)."""
    saved = xlsx_parts.part_size
    xlsx_parts.part_size = lambda archive, member: None
    try:
        return read.read_table(path, max_cells=max_cells)
    finally:
        xlsx_parts.part_size = saved


def varied(path: Path) -> Path:
    """Every kind of cell calamine gives, with gaps and narrow stretches across the cuts."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "订单"
    sheet["C3"] = "订单号"  # two empty rows and two empty columns before the first value
    sheet["D3"] = "金额"
    for n in range(4, 120):
        if n % 17 == 0:
            continue  # an empty row, sometimes where a part is cut
        sheet.cell(n, 3, f"2611{n:06d}<&>\"'")  # escaped in the XML
        sheet.cell(n, 4, n * 1.25 if n % 3 else n)
        if n % 5 == 0:
            sheet.cell(n, 5, dt.datetime(2026, 11, n % 28 + 1, 12, 30, n % 60))
        if n % 7 == 0:
            sheet.cell(n, 6, dt.date(2026, 1, n % 28 + 1))
        if n % 11 == 0:
            sheet.cell(n, 7, n % 2 == 0)
        if 40 <= n < 60:  # a stretch where column C is empty: that part starts at column D
            sheet.cell(n, 3).value = None
    for n in range(200, 230):  # a long gap, then rows of one far column only
        sheet.cell(n, 9, f"备注 {n}")
    sheet.merge_cells("C120:D122")
    sheet["C120"] = "合计"
    book.save(path)
    return path


def test_every_kind_of_cell_comes_back_as_one_read_gives_it(database, tmp_path, cut_small):
    path = varied(tmp_path / "varied.xlsx")
    for max_cells in (1_000_001, 4_500_000):  # rows as read, and an export's kept-once texts
        expected = whole(path, max_cells)
        cut_small.clear()
        got = read.read_table(path, max_cells=max_cells)
        assert len(cut_small) > 10  # many parts really were read
        assert got.col_offset == expected.col_offset == 2
        assert got.rows == expected.rows
        assert [type(c) for r in got.rows for c in r] == [type(c) for r in expected.rows for c in r]
    assert got.rows[2][:2] == ["订单号", "金额"]
    assert got.rows[119][:2] == got.rows[121][:2] == ["合计", "合计"]  # the merged range spread


def test_a_part_carries_what_calamine_reads_not_the_workbooks_pictures(database, tmp_path,
                                                                       cut_small):
    book = openpyxl.load_workbook(varied(tmp_path / "plain.xlsx"))
    book.create_sheet("另一页").append(["别的内容"])
    book.save(tmp_path / "two.xlsx")
    with zipfile.ZipFile(tmp_path / "two.xlsx") as source, \
            zipfile.ZipFile(tmp_path / "pictures.xlsx", "w") as out:
        for info in source.infolist():
            out.writestr(info, source.read(info))
        out.writestr("xl/media/image1.png", bytes(range(256)) * 4096)  # 1 MB of picture
    assert read.read_table(tmp_path / "pictures.xlsx", max_cells=ORDERS).rows == \
        whole(tmp_path / "plain.xlsx", ORDERS).rows
    assert len(cut_small) > 10
    assert "xl/worksheets/sheet1.xml" in cut_small.members
    assert not [m for m in cut_small.members if m.startswith(("xl/media", "docProps"))
                or m == "xl/worksheets/sheet2.xml"], cut_small.members


def test_a_roster_is_read_whole_its_peak_kept_low(database, tmp_path, cut_small):
    path = varied(tmp_path / "roster.xlsx")
    assert read.read_table(path).rows == whole(path).rows
    assert cut_small == []


def with_shared_strings(source: Path, path: Path) -> Path:
    """The same workbook as Excel or WPS save it: each text once in xl/sharedStrings.xml."""
    texts: dict[str, int] = {}

    def shared(match: re.Match) -> bytes:
        index = texts.setdefault(match.group(2).decode(), len(texts))
        return b'<c r="%s" t="s"><v>%d</v></c>' % (match.group(1), index)
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<c r="([A-Z]+[0-9]+)" t="inlineStr"><is><t>(.*?)</t></is></c>',
                              shared, data)
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", (
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
                    b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/sharedStrings" '
                    b'Target="sharedStrings.xml"/></Relationships>'))
            out.writestr(info.filename, data)
        out.writestr("xl/sharedStrings.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
            f'spreadsheetml/2006/main" count="{len(texts)}" uniqueCount="{len(texts)}">'
            + "".join(f"<si><t>{t}</t></si>" for t in texts) + "</sst>").encode())
    return path


def test_an_excel_saved_sheet_reads_its_shared_strings_in_every_part(database, tmp_path,
                                                                      cut_small):
    path = with_shared_strings(varied(tmp_path / "inline.xlsx"), tmp_path / "shared.xlsx")
    assert b't="s"' in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    expected = whole(path, ORDERS)
    assert read.read_table(path, max_cells=ORDERS).rows == expected.rows == \
        whole(tmp_path / "inline.xlsx", ORDERS).rows
    assert len(cut_small) > 10


def test_large_shared_strings_leave_the_sheet_to_one_read(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx_parts, "PART_BYTES", 300)
    monkeypatch.setattr(xlsx_parts, "MIN_PARTS", 2)
    path = with_shared_strings(varied(tmp_path / "inline.xlsx"), tmp_path / "shared.xlsx")
    with zipfile.ZipFile(path) as archive:
        member = "xl/worksheets/sheet1.xml"
        sheet, shared = (archive.getinfo(m).file_size for m in (member, "xl/sharedStrings.xml"))
        assert sheet > 2 * shared
        # each part holds at least SHARED_SHARE x the shared strings it reads again
        monkeypatch.setattr(xlsx_parts, "SHARED_SHARE", 1)
        assert xlsx_parts.part_size(archive, member) == shared
        monkeypatch.setattr(xlsx_parts, "SHARED_SHARE", sheet // shared)
        assert xlsx_parts.part_size(archive, member) is None  # not two parts of that size


def test_an_order_export_read_in_parts_plans_as_read_whole(database, tmp_path, cut_small):
    from bench.bench_orders import make_file
    path = tmp_path / "pdd.xlsx"
    make_file(path, 400, "pdd")
    parts = workflow.plan_file("orders", path)
    assert len(cut_small) > 20
    saved = xlsx_parts.part_size
    xlsx_parts.part_size = lambda archive, member: None
    try:
        one = workflow.plan_file("orders", path)
    finally:
        xlsx_parts.part_size = saved
    assert [(r.row, r.status, r.reason) for r in parts.rows] == \
        [(r.row, r.status, r.reason) for r in one.rows]
    assert len(parts.rows) == 400


def test_hostile_sheets_are_refused_or_rewritten_as_before(database, tmp_path, cut_small,
                                                           monkeypatch):
    # values far away: the scan stops the parts and the careful path keeps the real rows,
    # rewriting the sheet without scanning it a second time
    from db.excel import xlsx_extent
    scans = []
    real = xlsx_extent._plain
    monkeypatch.setattr(xlsx_extent, "_plain", lambda *a, **k: scans.append(1) or real(*a, **k))
    for path in (hostile.stray_cell(tmp_path / "stray.xlsx"),
                 hostile.styled_far_away(tmp_path / "styled.xlsx"),
                 hostile.prefixed(tmp_path / "prefixed.xlsx")):
        scans.clear()
        assert [r[:2] for r in read.read_table(path, max_cells=ORDERS).rows] == hostile.ROSTER
        assert scans == [1], path.name
    assert [len(r) for r in read.read_table(hostile.wide_rows(tmp_path / "wide.xlsx", rows=3),
                                            max_cells=ORDERS).rows[3:]] == [read.MAX_COLUMNS] * 3
    monkeypatch.setattr(read, "MAX_ROWS", 1000)
    cut_small.clear()
    with pytest.raises(ExcelError, match="第 1,002 行还有数据") as refused:
        read.read_table(hostile.many_rows(tmp_path / "many.xlsx", 5_000), max_cells=ORDERS)
    assert "many.xlsx" in refused.value.line()
    assert cut_small == []  # the piece passing the limit is refused before it is read
