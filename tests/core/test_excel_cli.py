"""The command line the packaged binary exposes: real processes, real files, real database."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from db.storage.lock import DataFolderLock
from tests.fixtures import messy

ROOT = Path(__file__).resolve().parents[2]


def run(*args) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUTF8="1", QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.slow
def test_import_dry_run_then_import_then_export(tmp_path):
    data = tmp_path / "data"
    roster = messy.messy_workbook(tmp_path / "roster.xlsx")
    dry = run("import", "customers", roster, "--dry-run", "--report", tmp_path / "rep.xlsx",
              "--data-dir", data)
    assert dry.returncode == 0, dry.stderr
    assert "新增 6" in dry.stdout and "有错误 1" in dry.stdout and "第 11 行" in dry.stdout
    report = openpyxl.load_workbook(tmp_path / "rep.xlsx").active
    assert report["A2"].value == 11 and "科学计数法" in report["C2"].value
    done = run("import", "customers", roster, "--data-dir", data)
    assert done.returncode == 0, done.stderr
    assert "新增 6" in done.stdout
    out = tmp_path / "out.xlsx"
    exported = run("export", "customers", out, "--data-dir", data)
    assert exported.returncode == 0 and "6 行" in exported.stdout
    assert openpyxl.load_workbook(out)["客户"].max_row == 7
    again = run("import", "customers", out, "--dry-run", "--data-dir", data)
    assert "无变化 6" in again.stdout
    assert run("export", "all", tmp_path / "all.xlsx", "--data-dir", data).returncode == 0
    csv = run("export", "customers", tmp_path / "out.csv", "--data-dir", data)
    assert csv.returncode == 0 and (tmp_path / "out.csv").read_bytes()[:3] == b"\xef\xbb\xbf"


@pytest.mark.slow
def test_refused_file_gives_one_line_and_writes_nothing(tmp_path):
    data = tmp_path / "data"
    bad = messy.xlsx(tmp_path / "bad.xlsx", [["名称不明", "x"], ["a", "b"]])
    result = run("import", "customers", bad, "--data-dir", data)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "bad.xlsx" in result.stderr and "找不到表头" in result.stderr
    assert not (data / "backups").exists() or not any((data / "backups").glob("*import*"))


@pytest.mark.slow
def test_import_refuses_while_the_app_holds_the_data_folder(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    lock = DataFolderLock(data)  # what the running app's single-instance check holds
    assert lock.acquire()
    try:
        roster = messy.xlsx(tmp_path / "r.xlsx", messy.simple_rows())
        result = run("import", "customers", roster, "--data-dir", data)
        assert result.returncode == 3 and "正在使用" in result.stderr
        assert run("import", "customers", roster, "--dry-run", "--data-dir", data).returncode == 0
    finally:
        lock.release()


@pytest.mark.slow
def test_import_cases_dry_run_report_import_and_refusal(tmp_path):
    data = tmp_path / "data"
    register = messy.messy_case_register(tmp_path / "登记.xlsx")
    dry = run("import", "cases", register, "--dry-run", "--report", tmp_path / "rep.xlsx",
              "--data-dir", data)
    assert dry.returncode == 0, dry.stderr
    assert "新增 5" in dry.stdout and "文件内重复 1" in dry.stdout and "有错误 2" in dry.stdout
    assert "新建客户 4 位" in dry.stdout
    assert "第 8 行 有错误：缺少客户：请填写客户（C 列）" in dry.stdout
    report = openpyxl.load_workbook(tmp_path / "rep.xlsx").active
    assert [report.cell(r, 1).value for r in range(2, 5)] == [7, 8, 9]
    done = run("import", "cases", register, "--data-dir", data)
    assert done.returncode == 0, done.stderr
    assert "已导入：新增 5" in done.stdout
    out = tmp_path / "工单.xlsx"
    assert run("export", "cases", out, "--data-dir", data).returncode == 0
    again = run("import", "cases", out, "--dry-run", "--data-dir", data)
    assert again.returncode == 0 and "新增 0" in again.stdout and "无变化 5" in again.stdout
    template = run("export", "cases", tmp_path / "t.xlsx", "--template", "--data-dir", data)
    assert template.returncode == 0
    bad = messy.xlsx(tmp_path / "bad.xlsx", [["标题"], ["订单号", "问题描述"], ["T1", "破了"]])
    refused = run("import", "cases", bad, "--data-dir", data)
    assert refused.returncode == 2 and refused.stderr.strip().count("\n") == 0
    assert refused.stderr.startswith("bad.xlsx，第 2 行：") and "售后工单" in refused.stderr


def test_help_lists_the_app_options_and_the_commands():
    result = run("--help")
    assert result.returncode == 0
    for word in ("--data-dir", "--self-test", "import", "export"):
        assert word in result.stdout
    assert "customers" in run("import", "--help").stdout


@pytest.mark.slow
def test_a_dry_run_writes_nothing_and_every_run_closes_the_database(tmp_path):
    from db.storage import store
    data = tmp_path / "data"
    roster = messy.messy_workbook(tmp_path / "roster.xlsx")
    for _ in range(2):  # the second run opens an existing database, checks it, closes it
        assert run("export", "customers", tmp_path / "e.xlsx", "--data-dir", data).returncode == 0
    assert (data / store.CLEAN_MARK).exists()  # closed as the app closes: no check next start
    before = (data / "kefudesk.sqlite3").read_bytes()
    assert run("import", "customers", roster, "--dry-run", "--data-dir", data).returncode == 0
    assert (data / "kefudesk.sqlite3").read_bytes() == before
    assert not (data / "kefudesk.sqlite3-wal").exists() or \
        (data / "kefudesk.sqlite3-wal").stat().st_size == 0


def test_the_command_line_prints_utf8_whatever_the_console_encoding(tmp_path):
    """A Windows console or redirect defaults to cp936/cp1252: the CLI still prints UTF-8 (and
    does not die on a Chinese file name in cp1252)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="cp1252", PYTHONUTF8="0",
               QT_QPA_PLATFORM="offscreen")
    target = tmp_path / "客户名单.xlsx"
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", "customers", str(target), "--template",
                           "--data-dir", str(tmp_path / "data")], capture_output=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "已生成模板" in done.stdout.decode("utf-8") and "客户名单.xlsx" in done.stdout.decode("utf-8")


@pytest.mark.slow
def test_import_keeps_a_customer_a_shared_phone_names_otherwise_and_says_what_it_did(tmp_path):
    from db.customers import records as customers
    from db.customers.records import CustomerData
    from db.models import Customer, Staff
    from db.storage import store
    data = tmp_path / "data"
    data.mkdir()
    db = store.open_database(data)
    zhang = customers.create(CustomerData(name="张三", phone="13800138000"), None).id
    store.close_database(db, data)
    roster = messy.xlsx(tmp_path / "roster.xlsx", [
        ["姓名", "手机", "负责人", "客户来源", "累计消费"],
        ["张伟", "13800138000", "小王", "淘宝", "1280"],
        ["李娜", "13800138001", "小王", "抖音", ""],
        ["王芳", "13800138002", "阿珍", "", ""]])
    done = run("import", "customers", roster, "--report", tmp_path / "rep.xlsx", "--data-dir", data)
    assert done.returncode == 0, done.stderr
    assert "新增 2" in done.stdout and "冲突 1" in done.stdout
    assert "说明：2 位新客服已创建（小王、阿珍）；1 行称呼冲突未更新；1 行的未对应列已追加到备注" in done.stdout
    assert "第 2 行 冲突：手机“13800138000”对应软件中的“张三 (#1)”" in done.stdout
    report = openpyxl.load_workbook(tmp_path / "rep.xlsx").active
    rows = {r[0]: r for r in report.iter_rows(min_row=2, values_only=True)}
    assert "称呼：张三 → 张伟" in rows[2][4] and rows[3][1] == "新增"  # every row's notes
    # The conflict row was not written: nothing it would have created or appended is claimed.
    line = next(line for line in done.stdout.splitlines() if "第 2 行" in line)
    for said in (line, rows[2][2]):
        assert said.endswith("表格中的称呼却是“张伟”：可能不是同一人，请选择"), said
        assert "新建客服" not in said and "追加到" not in said, said
    assert "将新建客服“小王”" in rows[3][2] and "已追加到备注" in rows[3][2]  # written rows: all
    db = store.open_database(data)
    try:
        assert Customer.get_by_id(zhang).name == "张三" and Customer.get_by_id(zhang).staff is None
        assert sorted(s.name for s in Staff.select()) == ["小王", "阿珍"]
        assert Customer.get(Customer.name == "李娜").notes == "客户来源：抖音"
    finally:
        store.close_database(db, data)
    again = run("import", "customers", roster, "--data-dir", data)
    assert "新增 0，更新 0" in again.stdout and "新客服" not in again.stdout
