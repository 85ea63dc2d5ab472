"""Hostile and broken files: time and peak memory of each, imported through the core (read,
map, plan, back up, write) in a process of its own, beside what calamine alone would take.

    .venv/bin/python bench/bench_hostile.py

Targets (issue 12): a 5 KB .xlsx with a stray cell at XFD1048576 imports its real rows in
under 200 MB; no file under 20 MB takes over 300 MB; a 250 MB sheet is refused early, not
after reading its 9.6 million rows. Each figure is one process's ru_maxrss (calamine's
native allocations included). The files are written here with zipfile/csv (bench never
imports tests/).
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_excel import make_roster  # noqa: E402

NS = "http://schemas.openxmlformats.org"
PARTS = {
    "[Content_Types].xml":
        f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{NS}/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
        'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels":
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{NS}/package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{NS}/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml":
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}/spreadsheetml/2006/main" '
        f'xmlns:r="{NS}/officeDocument/2006/relationships"><sheets><sheet name="客户" '
        'sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels":
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{NS}/package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{NS}/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}


def xlsx(path: Path, rows) -> Path:
    """rows: an iterable of <row> XML strings, streamed into the one sheet."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            member.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}/'
                         'spreadsheetml/2006/main"><sheetData>'.encode())
            batch = []
            for row in rows:
                batch.append(row)
                if len(batch) == 5000:
                    member.write("".join(batch).encode())
                    batch = []
            member.write(("".join(batch) + "</sheetData></worksheet>").encode())
    return path


def text_row(number: int, values: list[str]) -> str:
    cells = "".join(f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{v}</t></is></c>'
                    for i, v in enumerate(values))
    return f'<row r="{number}">{cells}</row>'


def roster_rows(count: int):
    yield text_row(1, ["姓名", "手机"])
    for n in range(2, count + 2):
        yield text_row(n, [f"客户{n}", f"139{n:08d}"])


def make_files(tmp: Path) -> dict[str, Path]:
    files = {}
    files["stray XFD1048576 (5 KB)"] = xlsx(tmp / "stray.xlsx", [
        *roster_rows(20), '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is>'
        '</c></row>'])
    files["stray XFD1000"] = xlsx(tmp / "stray1000.xlsx", [
        *roster_rows(20), '<row r="1000"><c r="XFD1000" t="inlineStr"><is><t>x</t></is></c></row>'])
    files["wide: 200 rows to XFD, no r"] = xlsx(tmp / "wide.xlsx", [
        *roster_rows(2), *(f'<row r="{n}">' + "<c><v>1</v></c>" * 16384 + "</row>"
                           for n in range(4, 204))])
    sheet_mb = 250
    big = tmp / "big.xlsx"
    per_row = len('<row r="5000000"><c r="A5000000"><v>1</v></c></row>')
    count = sheet_mb * 2**20 // per_row
    xlsx(big, (f'<row r="{n}"><c r="A{n}"><v>1</v></c></row>' for n in range(1, count + 1)))
    files[f"{sheet_mb} MB sheet, {count / 1e6:.1f} M rows"] = big
    for rows in (80_000, 190_000):  # under and over the cell limit (12 columns)
        roster = tmp / f"roster-{rows}.xlsx"
        make_roster(roster, rows)
        files[f"{rows:,}-row roster"] = roster
    dense = tmp / "dense.csv"
    with open(dense, "w", encoding="utf-8", newline="") as handle:
        line = ",".join(["x"] * 100) + "\r\n"
        while handle.tell() < 19 * 2**20:
            handle.write(line)
    files["19 MB CSV of 1-char cells"] = dense
    long_cell = tmp / "long-cell.csv"
    long_cell.write_text("姓名,手机,备注\r\n周杰,13900139000," + "长" * 140_000 + "\r\n",
                         encoding="utf-8-sig")
    files["CSV cell of 140,000 chars"] = long_cell
    return files


def run_step(kind: str, path: str) -> None:
    started = time.perf_counter()
    result = {}
    if kind == "calamine":  # what reading the sheet cost before the scan
        import python_calamine as calamine
        book = calamine.CalamineWorkbook.from_path(path)
        sheet = book.get_sheet_by_name(book.sheet_names[0])
        result["cells"] = sheet.height * sheet.width
    else:  # the whole import: read, map, plan, back up, write
        from db.excel import apply, workflow
        from db.excel.errors import ExcelError
        from db.storage import store
        data = Path(tempfile.mkdtemp())
        store.open_database(data, backup_on_open=False)
        try:
            plan = workflow.plan_file("customers", Path(path))
            result["rows"] = len(plan.rows)
            result["created"] = apply.apply(plan, data, None).created
        except ExcelError as exc:
            result["refused"] = exc.line()
    result["seconds"] = time.perf_counter() - started
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result, ensure_ascii=False))


def step(kind: str, path: Path, memory_mb: int | None = None) -> dict:
    command = [sys.executable, __file__, "--step", kind, str(path)]
    if memory_mb:  # calamine alone may need gigabytes: cap it, and say so
        command = ["bash", "-c", f"ulimit -v {memory_mb * 1024}; exec \"$@\"", "-", *command]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        return {"failed": f"exit {done.returncode} (over {memory_mb} MB of address space)"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        # Written by another process: a child's ru_maxrss starts at its parent's size.
        listing = subprocess.run([sys.executable, __file__, "--make", tmp], check=True,
                                 capture_output=True, text=True).stdout
        files = {name: Path(path) for name, path in json.loads(listing).items()}
        print(f"{'file':34} {'size':>9}  {'Kefu Desk':>22}  calamine alone (capped at 4 GB)")
        for name, path in files.items():
            ours = step("ours", path)
            size = path.stat().st_size
            what = (f"{ours['created']:,} imported" if "created" in ours else "refused")
            alone = ""
            if path.suffix == ".xlsx":
                bare = step("calamine", path, memory_mb=4096)
                alone = bare.get("failed") or \
                    f"{bare['seconds']:5.2f} s {bare['peak_mb']:5.0f} MB ({bare['cells']:,} cells)"
            print(f"{name:34} {size / 2**20:7.2f} MB  {ours['seconds']:5.2f} s {ours['peak_mb']:5.0f} MB"
                  f" {what:>12}  {alone}")
            if "refused" in ours:
                print(f"{'':36}-> {ours['refused'][:110]}")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--make":
        print(json.dumps({k: str(v) for k, v in make_files(Path(sys.argv[2])).items()}))
    elif len(sys.argv) > 2 and sys.argv[1] == "--step":
        run_step(sys.argv[2], sys.argv[3])
    else:
        main()
