"""Hostile and broken files, through the core and through the command line (real processes):
bounded reads, one clear line, a documented exit code, nothing written.

Memory is measured in bench/bench_hostile.py, not here."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db import cli
from db.excel import apply, read, workflow
from db.excel.errors import ExcelError
from db.models import Customer
from db.storage import backups, files, lock, paths, store
from tests.fixtures import hostile

ROOT = Path(__file__).resolve().parents[2]
STRAY_XLS = ROOT / "tests/fixtures/files/stray_IV65536.xls"
# The command line with one seam changed before main() runs: SQLite told that the disk
# holds only a few more pages (PRAGMA max_page_count: what a full disk looks like to it).
FULL_DISK = """
import sys
from db.storage import store
connect = store.connect
def full(db_file):
    database = connect(db_file)
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages + 2}")
    return database
store.connect = full
import main
sys.exit(main.main(sys.argv[1:]))
"""


def run(*args, script: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUTF8="1", QT_QPA_PLATFORM="offscreen")
    head = ["-c", script] if script else [str(ROOT / "main.py")]
    return subprocess.run([sys.executable, *head, *map(str, args)], capture_output=True,
                          text=True, env=env, timeout=120, cwd=ROOT)


def one_line(result: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0, result.stderr
    return result.stderr.strip()


def run_in_process(*args) -> int:
    return cli.run(cli.build_parser().parse_args([str(a) for a in args]))


def names(data: Path) -> list[str]:
    connection = sqlite3.connect(paths.database_file(data))
    try:
        return sorted(r[0] for r in connection.execute("SELECT name FROM customer"))
    finally:
        connection.close()


def import_backups(data: Path) -> list[Path]:
    return sorted(paths.backup_dir(data).glob("*-import.sqlite3"))


# --- through the core ------------------------------------------------------------------

def test_a_stray_value_at_the_last_cell_costs_nothing_and_the_real_rows_import(
        database, owner, data_dir, tmp_path):
    for path in (hostile.stray_cell(tmp_path / "stray.xlsx"),
                 hostile.styled_far_away(tmp_path / "styled.xlsx"),
                 hostile.prefixed(tmp_path / "prefixed.xlsx")):
        table = read.read_table(path)
        assert [r[:2] for r in table.rows] == hostile.ROSTER
        assert max(len(r) for r in table.rows) == 2
    plan = workflow.plan_file("customers", tmp_path / "stray.xlsx")
    assert [r.status for r in plan.rows] == ["new", "new"]
    apply.apply(plan, data_dir, owner)
    assert sorted(c.name for c in Customer.select()) == ["吴昊", "周杰"]


def test_a_sheet_of_forty_columns_goes_to_calamine_as_it_is(database, tmp_path):
    from db.excel import xlsx_extent
    from tests.fixtures import messy
    path = messy.xlsx(tmp_path / "orders.xlsx", [[f"列{n}" for n in range(40)]] * 3)
    # no rewrite: a plain, bounded sheet
    assert xlsx_extent.bounded_copy(path, "Sheet1", 200_000, 100, 1_000_000) is None
    assert [len(r) for r in read.read_table(path).rows] == [40] * 3


def test_cells_without_their_place_are_kept_to_the_column_limit(database, tmp_path):
    table = read.read_table(hostile.wide_rows(tmp_path / "wide.xlsx", rows=3))
    assert len(table.rows) == 6
    assert [len(r) for r in table.rows[3:]] == [read.MAX_COLUMNS] * 3


def test_a_value_below_the_row_limit_is_refused_where_it_is_met(database, tmp_path, monkeypatch):
    with pytest.raises(ExcelError, match="第 1,048,576 行还有数据，超过上限") as far:
        read.read_table(hostile.stray_cell(tmp_path / "far.xlsx", "A1048576"))
    assert "far.xlsx" in far.value.line()
    monkeypatch.setattr(read, "MAX_ROWS", 1000)
    with pytest.raises(ExcelError, match="第 1,002 行还有数据"):
        read.read_table(hostile.many_rows(tmp_path / "many.xlsx", 50_000))


def test_an_old_xls_with_a_value_far_away_is_refused_before_calamine_reads_it(database):
    # Made by LibreOffice from hostile.stray_cell(..., "IV65536"): an .xls cannot be
    # rewritten, and calamine would build 16.7 million cells (1 GB) on opening it.
    with pytest.raises(ExcelError, match="到第 65,536 行为止") as far:
        read.read_table(STRAY_XLS)
    assert "stray_IV65536.xls" in far.value.line()
    assert len(read.read_table(ROOT / "tests/fixtures/files/messy_libreoffice.xls").rows) == 12


def test_repeated_cells_of_an_ods_are_counted_where_they_land(database, tmp_path):
    plain = hostile.ods(tmp_path / "plain.ods", 1_048_573, 1024, valued=False)
    assert [r[:2] for r in read.read_table(plain).rows] == hostile.ROSTER
    with pytest.raises(ExcelError, match="第 1,002 行、第 1,000 列为止"):  # 2 KB asking for 1 M cells
        read.read_table(hostile.ods(tmp_path / "bomb.ods", 999, 1000))
    with pytest.raises(ExcelError, match="第 1,000,002 行还有数据"):
        read.read_table(hostile.ods(tmp_path / "rows.ods", 999_999, 1))


def test_more_cells_than_the_budget_are_refused(database, tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_CELLS", 500)
    with pytest.raises(ExcelError, match="500 个单元格"):
        read.read_table(hostile.wide_rows(tmp_path / "wide.xlsx", rows=10))
    with pytest.raises(ExcelError, match="500 个单元格"):
        read.read_table(hostile.many_rows(tmp_path / "many.xlsx", 400))
    with pytest.raises(ExcelError, match="500 个单元格"):
        read.read_table(hostile.csv_many_cells(tmp_path / "many.csv", rows=20, columns=30))


def test_a_csv_cell_larger_than_excel_allows_names_its_row_and_column(database, tmp_path):
    with pytest.raises(ExcelError) as big:
        workflow.plan_file("customers", hostile.csv_big_cell(tmp_path / "big.csv"))
    assert (big.value.row, big.value.column) == (3, "C")
    assert "big.csv，第 3 行，“C”列" in big.value.line() and "140,000" in big.value.line()
    assert Customer.select().count() == 0


@pytest.mark.sqlite_only
def test_a_full_disk_rolls_the_import_back_and_removes_its_backup(database, owner, data_dir,
                                                                 tmp_path):
    rows = [["姓名", "手机", "备注"]] + [[f"客户{n}", f"1390013{n:04d}", "很长的备注" * 60]
                                       for n in range(300)]
    plan = workflow.plan_file("customers", hostile.workbook(
        tmp_path / "roster.xlsx", hostile.rows_xml(rows)))
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages + 2}")
    before = set(paths.backup_dir(data_dir).glob("*.sqlite3"))
    with pytest.raises(Exception) as full:
        apply.apply(plan, data_dir, owner)
    from db import errors
    assert errors.classify(full.value) == errors.DISK_FULL
    assert Customer.select().count() == 0
    assert set(paths.backup_dir(data_dir).glob("*.sqlite3")) == before  # no import backup left


# --- through the command line ------------------------------------------------------------

@pytest.mark.slow
def test_the_command_line_imports_the_real_rows_of_a_stray_cell_file(tmp_path):
    data = tmp_path / "data"
    done = run("import", "customers", hostile.stray_cell(tmp_path / "stray.xlsx"),
               "--data-dir", data)
    assert done.returncode == 0, done.stderr
    assert "新增 2" in done.stdout
    assert names(data) == ["吴昊", "周杰"]


@pytest.mark.slow
@pytest.mark.parametrize("make, expected", [
    (lambda d: hostile.csv_big_cell(d / "big.csv"), "big.csv，第 3 行，“C”列：单元格有 140,000 个字符"),
    (lambda d: hostile.stray_cell(d / "far.xlsx", "A1048576"), "far.xlsx：工作表“客户”第 1,048,576 行"),
    (lambda d: hostile.many_rows(d / "many.xlsx", 200_100), "many.xlsx：工作表“客户”第 200,002 行"),
    (lambda d: STRAY_XLS, "stray_IV65536.xls：工作表“客户”的数据超过上限"),
])
def test_refused_files_give_one_line_exit_2_and_write_nothing(tmp_path, make, expected):
    data = tmp_path / "data"
    result = run("import", "customers", make(tmp_path), "--data-dir", data)
    assert result.returncode == cli.REFUSED
    assert one_line(result).startswith(expected)
    assert not import_backups(data)


@pytest.mark.slow
def test_a_full_disk_ends_in_one_line_exit_4_and_leaves_no_backup(tmp_path):
    data = tmp_path / "data"
    assert run("export", "customers", tmp_path / "first.xlsx", "--data-dir", data).returncode == 0
    rows = [["姓名", "手机", "备注"]] + [[f"客户{n}", f"1390013{n:04d}", "很长的备注" * 60]
                                       for n in range(300)]
    roster = hostile.workbook(tmp_path / "roster.xlsx", hostile.rows_xml(rows))
    result = run("import", "customers", roster, "--data-dir", data, script=FULL_DISK)
    assert result.returncode == cli.UNWRITABLE
    assert one_line(result).startswith("导入失败：磁盘空间已满")
    assert names(data) == [] and not import_backups(data)


@pytest.mark.slow
def test_a_database_locked_by_another_program_is_waited_for_then_explained(tmp_path):
    data = tmp_path / "data"
    assert run("export", "customers", tmp_path / "first.xlsx", "--data-dir", data).returncode == 0
    holder = sqlite3.connect(paths.database_file(data), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program writing, and not letting go
    try:
        result = run("import", "customers", hostile.stray_cell(tmp_path / "r.xlsx"),
                     "--data-dir", data)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == cli.IN_USE
    assert "被其他程序占用" in one_line(result)
    assert names(data) == [] and not import_backups(data)


def test_a_read_only_data_folder_is_said_as_such_not_as_in_use(tmp_path, monkeypatch, capsys):
    def refuse(path):  # what a read-only disk or a folder without permission answers
        raise PermissionError(13, "Permission denied", str(path))
    monkeypatch.setattr(lock, "_open", refuse)
    roster = hostile.stray_cell(tmp_path / "r.xlsx")
    assert run_in_process("import", "customers", roster, "--data-dir", tmp_path) == cli.UNWRITABLE
    line = capsys.readouterr().err.strip()
    assert "只读" in line and "正在使用" not in line and "\n" not in line


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="chmod does not stop root; the test above uses the file-open seam")
def test_a_read_only_data_folder_through_the_command_line(tmp_path):
    data = tmp_path / "data"
    assert run("export", "customers", tmp_path / "first.xlsx", "--data-dir", data).returncode == 0
    (data / lock.LOCK_NAME).unlink()
    data.chmod(0o555)
    try:
        result = run("import", "customers", hostile.stray_cell(tmp_path / "r.xlsx"),
                     "--data-dir", data)
    finally:
        data.chmod(0o755)
    assert result.returncode == cli.UNWRITABLE
    assert "只读" in one_line(result)


def test_an_export_onto_a_file_open_in_excel_keeps_the_old_file(tmp_path, monkeypatch, capsys):
    target = tmp_path / "客户 #1.xlsx"
    target.write_bytes(b"the old export")

    def held(source, destination):  # Windows: the file is open in Excel (sharing violation)
        error = PermissionError(13, "拒绝访问。", str(destination))
        error.winerror = 32
        raise error
    monkeypatch.setattr(files, "replace", held)
    assert run_in_process("export", "customers", target, "--data-dir", tmp_path / "d") == cli.REFUSED
    line = capsys.readouterr().err.strip()
    assert "正被其他程序打开" in line and "数据文件夹" not in line
    assert target.read_bytes() == b"the old export"
    assert not list(tmp_path.glob("*.partial"))


def test_an_export_that_was_written_exits_0_and_is_logged(tmp_path, capsys):
    data = tmp_path / "data"
    target = tmp_path / "导出 #1 100%.csv"
    assert run_in_process("export", "customers", target, "--data-dir", data) == 0
    assert target.read_bytes()[:3] == b"\xef\xbb\xbf"
    database = store.open_database(data, backup_on_open=False)
    try:
        from db.models import AuditLog
        entry = AuditLog.get(AuditLog.action == "export")
        assert target.name in entry.detail and entry.source == "command line"
    finally:
        store.close_database(database, data)


def test_a_failure_nobody_foresaw_is_still_one_line(tmp_path, monkeypatch, capsys):
    def broken(*_args, **_kwargs):
        raise RuntimeError("something\nunexpected")
    monkeypatch.setattr(workflow, "open_sheet", broken)
    roster = hostile.stray_cell(tmp_path / "r.xlsx")
    assert run_in_process("import", "customers", roster, "--data-dir", tmp_path / "d") == cli.FAILED
    assert capsys.readouterr().err.strip() == "导入失败：something unexpected"


def test_backups_in_a_folder_with_hash_percent_and_chinese_verify_and_restore(tmp_path):
    data = tmp_path / "客服 #1 ?100%"
    data.mkdir()
    database = store.open_database(data)
    try:
        made = backups.backup_now(data, "manual")
        assert backups.verify(made) == []
        backups.restore(data, made)
    finally:
        store.close_database(database, data)


def test_an_export_whose_log_entry_cannot_be_written_still_exits_0(tmp_path, monkeypatch,
                                                                   capsys):
    from db.trust import audit

    def read_only(*_args, **_kwargs):  # the database went read-only after the file was written
        connection = sqlite3.connect(f"file:{tmp_path / 'ro.sqlite3'}?mode=ro", uri=True)
        connection.execute("CREATE TABLE t (a)")
    sqlite3.connect(tmp_path / "ro.sqlite3").close()
    monkeypatch.setattr(audit, "record", read_only)
    target = tmp_path / "out.xlsx"
    assert run_in_process("export", "customers", target, "--data-dir", tmp_path / "d") == 0
    assert target.exists()
    line = capsys.readouterr().err.strip()
    assert line.startswith("导出的文件已写好，但操作日志没能记下这次导出") and "只读" in line
