"""`python main.py import orders FILE [--platform ...]`: the summary line, the documented exit
codes, and the database read back (in process: the same cli.run the binary calls)."""
from __future__ import annotations

import sqlite3

import pytest

from db import cli
from db.storage import paths
from db.storage.lock import DataFolderLock
from tests.fixtures import order_exports as ex


def run(capsys, *args) -> tuple[int, str, str]:
    code = cli.run(cli.build_parser().parse_args([str(a) for a in args]))
    out = capsys.readouterr()
    return code, out.out, out.err


def orders(data) -> list[tuple]:
    connection = sqlite3.connect(paths.database_file(data))
    try:
        return connection.execute(
            "SELECT o.platform, o.order_no, o.status, c.name FROM \"order\" o "
            "LEFT JOIN customer c ON c.id = o.customer_id ORDER BY o.order_no").fetchall()
    finally:
        connection.close()


@pytest.fixture
def pdd_file(tmp_path):
    return ex.csv(tmp_path / "pdd.csv", ex.PDD, [
        ex.pdd_line("231105-111111111111111", "保温杯", name="陈晓", phone="13911112222"),
        ex.pdd_line("231105-111111111111111", "杯套", name="陈晓", phone="13911112222"),
        ex.pdd_line("231105-222222222222222", "保温杯", name="周敏", phone="13811113333"),
    ])


def test_dry_run_then_import_then_again(capsys, tmp_path, pdd_file):
    data = tmp_path / "data"
    code, out, err = run(capsys, "import", "orders", pdd_file, "--dry-run", "--data-dir", data)
    assert code == 0, err
    assert "拼多多订单导出（按表头识别）" in out and "订单：新增 2" in out and "客户：新建 2 位" in out
    code, out, err = run(capsys, "import", "orders", pdd_file, "--data-dir", data)
    assert code == 0, err
    assert "已导入：新增 2，更新 0" in out
    assert orders(data) == [("pdd", "231105-111111111111111", "已发货，待收货", "陈晓"),
                            ("pdd", "231105-222222222222222", "已发货，待收货", "周敏")]
    code, out, _err = run(capsys, "import", "orders", pdd_file, "--data-dir", data)
    assert code == 0 and "订单：新增 0，更新 0，无变化 2" in out
    assert len(orders(data)) == 2


def test_platform_option_and_refusals(capsys, tmp_path):
    data = tmp_path / "data"
    plain = ex.xlsx(tmp_path / "plain.xlsx", ["订单号", "商品", "收货人"],
                    [{"订单号": "A-1", "商品": "杯子", "收货人": "孙丽"}])
    code, _out, err = run(capsys, "import", "orders", plain, "--data-dir", data)
    assert code == cli.REFUSED and "plain.xlsx" in err and "--platform" in err
    assert err.strip().count("\n") == 0
    code, out, err = run(capsys, "import", "orders", plain, "--platform", "other", "--data-dir",
                         data)
    assert code == 0, err
    assert "其他订单导出（指定）" in out and orders(data) == [("other", "A-1", "", "孙丽")]
    code, _out, err = run(capsys, "import", "orders", tmp_path / "missing.csv", "--data-dir", data)
    assert code == cli.REFUSED and "找不到文件" in err


def test_a_folder_in_use_is_refused(capsys, tmp_path, pdd_file):
    data = tmp_path / "data"
    data.mkdir()
    lock = DataFolderLock(data)
    assert lock.acquire()
    try:
        code, _out, err = run(capsys, "import", "orders", pdd_file, "--data-dir", data)
    finally:
        lock.release()
    assert code == cli.IN_USE and "正在使用" in err


def test_a_reimport_says_which_orders_move_to_another_customer(capsys, tmp_path, pdd_file):
    from db.customers import records as customers
    from db.customers.records import CustomerData
    from db.storage import store
    data = tmp_path / "data"
    data.mkdir()
    db = store.open_database(data)  # 陈晓 known by name and address, with another phone
    customers.create(CustomerData(name="陈晓", phone="13900000000",
                                  address="广东省深圳市南山区科技园路 1 号"), None)
    db.close()
    code, _out, err = run(capsys, "import", "orders", pdd_file, "--data-dir", data)
    assert code == 0, err
    assert orders(data)[0][3] == "陈晓"
    db = store.open_database(data)  # the phone of the export is someone the shop knows better
    customers.create(CustomerData(name="陈晓（新号）", phone="13911112222"), None)
    db.close()
    code, out, err = run(capsys, "import", "orders", pdd_file, "--dry-run", "--data-dir", data)
    assert code == 0, err
    assert "订单：新增 0，更新 1，无变化 1" in out and "1 个已有订单改到按本文件找到的另一位客户" in out
    assert orders(data)[0][3] == "陈晓"  # a dry run writes nothing
    code, out, err = run(capsys, "import", "orders", pdd_file, "--data-dir", data)
    assert code == 0 and "已导入：新增 0，更新 1" in out
    assert [row[3] for row in orders(data)] == ["陈晓（新号）", "周敏"]
