"""Imports from several computers at once never create the same customer twice, and names
(types, tags, staff) created by two at once never fail: real connections, real server."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from db.customers import records
from db.customers.bulk import BulkWriter
from db.excel import apply, notes, workflow
from db.models import Customer, CustomerType, Order, OrderItem, SnippetCategory, Staff, Tag
from db.storage import named, server
from tests.fixtures import messy, order_exports

ROOT = Path(__file__).resolve().parents[2]
HEADER = ["姓名", "手机", "微信", "类型", "标签", "备注"]


def _roster(path: Path, rows: list[list]) -> Path:
    return messy.xlsx(path, [HEADER, *rows])


def test_a_customer_added_by_another_computer_after_the_plan_is_matched_not_doubled(
        backend, data_dir, database, owner, other_computer, tmp_path):
    if backend is None:
        pytest.skip("SQLite: the data folder's lock lets one computer write at a time")
    mine = _roster(tmp_path / "mine.xlsx", [
        ["王芳", "13800000001", "", "批发", "团购", "我的备注"],
        ["王芳芳", "13800000002", "", "", "", ""],  # another computer names it 李雷
        ["赵六", "13800000003", "", "", "", ""]])
    plan = workflow.plan_file("customers", mine)
    assert plan.counts()["new"] == 3
    theirs = _roster(tmp_path / "theirs.xlsx", [
        ["王芳", "13800000001", "wf_1", "", "", ""],
        ["李雷", "13800000002", "", "", "", "他们的备注"]])
    with other_computer(owner):  # committed between this computer's plan and its write
        apply.apply(workflow.plan_file("customers", theirs), data_dir, owner)
    result = apply.apply(plan, data_dir, owner)
    assert (result.created, result.updated, result.joined) == (1, 1, 2)  # 李雷: nothing to fill
    rows = {c.phone: c for c in Customer.select()}
    assert len(rows) == Customer.select().count() == 3
    wang = rows["13800000001"]  # the empty fields filled, the other computer's kept
    assert (wang.name, wang.wechat, wang.type.name, wang.notes) == ("王芳", "wf_1", "批发", "我的备注")
    assert records.tag_names(wang.id) == ["团购"]
    li = rows["13800000002"]  # a different name: the app's data is kept
    assert (li.name, li.notes) == ("李雷", "他们的备注")
    joined = [r for r in plan.rows if "joined" in r.note_kinds]
    assert [r.row for r in joined] == [2, 3] and "另一台电脑" in joined[0].reason


def _pdd(path: Path, orders: list[tuple[str, str, str, str]]) -> Path:
    return order_exports.csv(path, order_exports.PDD, [
        order_exports.pdd_line(no, title, name=name, phone=phone) for no, title, name, phone in
        orders])


CHEN, ZHOU = ("陈晓", "13911112222"), ("周敏", "13811113333")


def test_an_order_export_another_computer_just_imported_doubles_no_customer_nor_order(
        backend, data_dir, database, owner, other_computer, tmp_path):
    if backend is None:
        pytest.skip("SQLite: the data folder's lock lets one computer write at a time")
    export = _pdd(tmp_path / "pdd.csv", [("231105-1", "保温杯", *CHEN), ("231105-1", "杯套", *CHEN),
                                         ("231106-2", "保温杯", *ZHOU), ("231107-3", "茶叶", *CHEN)])
    plan = workflow.plan_file("orders", export)
    assert "订单：新增 3" in plan.summary() and "客户：新建 2 位" in plan.summary()
    with other_computer(owner):  # the same file, imported between this computer's plan and write
        apply.apply(workflow.plan_file("orders", export), data_dir, owner)
    result = apply.apply(plan, data_dir, owner)
    assert (result.created, result.updated, result.joined) == (0, 3, 3)
    assert sorted(Customer.select(Customer.name).tuples()) == [("周敏",), ("陈晓",)]
    assert Order.select().count() == 3 and OrderItem.select().count() == 4
    chen = Customer.get(Customer.name == "陈晓")
    assert {o.customer_id for o in Order.select()} == {chen.id, Customer.get(Customer.name == "周敏").id}
    assert records.tag_names(chen.id) == ["回头客"]  # two orders, from the two imports
    assert all("另一台电脑刚刚导入了订单" in r.reason for r in plan.rows if r.status == "update")
    # What the command line prints after the import (db/cli.py).
    assert "3 行刚由另一台电脑新增过" in notes.summary_line(plan, done=True)


def test_a_buyer_another_computer_just_created_is_joined_not_created_again(
        backend, data_dir, database, owner, other_computer, tmp_path):
    if backend is None:
        pytest.skip("SQLite: the data folder's lock lets one computer write at a time")
    mine = _pdd(tmp_path / "mine.csv", [("231105-1", "保温杯", *CHEN), ("231106-2", "保温杯", *ZHOU),
                                        ("231107-3", "茶叶", *CHEN)])
    plan = workflow.plan_file("orders", mine)
    theirs = _pdd(tmp_path / "theirs.csv", [("231105-1", "保温杯", *CHEN), ("231108-4", "杯垫", *ZHOU)])
    with other_computer(owner):
        apply.apply(workflow.plan_file("orders", theirs), data_dir, owner)
        zhou = Customer.get(Customer.name == "周敏")
        Customer.update(name="周敏（老客户）", notes="他们的备注").where(Customer.id == zhou.id).execute()
    result = apply.apply(plan, data_dir, owner)
    assert (result.created, result.updated, result.joined) == (2, 1, 3)
    assert Customer.select().count() == 2 and Order.select().count() == 4
    zhou = Customer.get_by_id(zhou.id)
    assert (zhou.name, zhou.notes) == ("周敏（老客户）", "他们的备注")  # joined, never renamed
    assert Order.get(Order.order_no == "231106-2").customer_id == zhou.id
    chen = Customer.get(Customer.name == "陈晓")
    assert [o.order_no for o in Order.select().where(Order.customer == chen.id)
            .order_by(Order.order_no)] == ["231105-1", "231107-3"]
    assert records.tag_names(chen.id) == ["回头客"] == records.tag_names(zhou.id)
    joined = {r.row: r.reason for r in plan.rows if "joined" in r.note_kinds}
    assert sorted(joined) == [2, 3, 4]
    assert "另一台电脑刚刚新增了客户“周敏（老客户） (#%d)”" % zhou.id in joined[3]


def test_names_another_computer_just_created_are_reused_not_a_traceback(
        data_dir, database, owner, other_computer):
    writer = BulkWriter(owner)  # knows the types and tags as they were
    with other_computer(owner):
        CustomerType.create(name="代理", position=50)
        Tag.create(name="直播间")
    with database.atomic():
        columns = writer.columns({"name": "甲", "type": "代理"})
        writer.add_tags(1, ["直播间"])
    assert columns["type_id"] == CustomerType.get(CustomerType.name == "代理").id
    assert writer.tag_ids["直播间"] == Tag.get(Tag.name == "直播间").id
    assert CustomerType.select().where(CustomerType.name == "代理").count() == 1
    with other_computer(owner):
        SnippetCategory.create(name="物流", position=9)
        Staff.create(name="小王")
    assert named.id_for_name(SnippetCategory, "物流", position=1) == \
        SnippetCategory.get(SnippetCategory.name == "物流").id
    assert named.id_for_name(Staff, "小王", role="staff") == Staff.get(Staff.name == "小王").id


def _import(roster: Path, data: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUTF8="1", QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), "import", "customers",
                             str(roster), "--data-dir", str(data)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _two_computers(backend, tmp_path) -> list[Path]:
    """Two data folders joined to the same team server."""
    if backend is None:
        pytest.skip("one server shared by two computers")
    computers = [tmp_path / "computer-a", tmp_path / "computer-b"]
    for folder in computers:
        folder.mkdir()
        server.save(folder, backend)
    return computers


@pytest.mark.slow
def test_two_computers_importing_overlapping_rosters_at_once(backend, tmp_path):
    computers = _two_computers(backend, tmp_path)
    phones: set[str] = set()
    joined = 0
    for round_ in range(4):
        shared = [f"139{round_:02d}{n:06d}" for n in range(150)]
        rosters = []
        for side, folder in enumerate(computers):
            own = [f"137{round_:02d}{side}{n:05d}" for n in range(50)]
            rows = [[f"客户{p[-4:]}", p, "", f"批发{round_}", f"团购{round_}", f"来自{side}"]
                    for p in [*shared, *own]]
            rosters.append(_roster(tmp_path / f"r{round_}-{side}.xlsx", rows))
            phones.update(own)
        phones.update(shared)
        runs = [_import(r, f) for r, f in zip(rosters, computers)]
        for run in runs:
            out, err = run.communicate(timeout=180)
            assert run.returncode == 0, err
            assert "Traceback" not in err, err
            joined += "另一台电脑" in out
    database = server.connect(backend)
    try:
        doubled = database.execute_sql(
            "SELECT phone, COUNT(*) FROM customer GROUP BY phone HAVING COUNT(*) > 1").fetchall()
        total = database.execute_sql("SELECT COUNT(*) FROM customer").fetchone()[0]
        types = database.execute_sql(
            "SELECT COUNT(*) FROM customer_type WHERE name LIKE %s", ("批发%",)).fetchone()[0]
    finally:
        database.close()
    assert doubled == [] and total == len(phones)
    assert types == 4
    print(f"rounds where the second import met the first's customers: {joined} of 4")


@pytest.mark.slow
def test_two_computers_importing_overlapping_order_exports_at_once(backend, tmp_path):
    computers = _two_computers(backend, tmp_path)
    phones, numbers = set(), set()
    for round_ in range(3):
        shared = [(f"26{round_}-{n:04d}", f"139{round_:02d}{n % 60:06d}") for n in range(120)]
        files = []
        for side, folder in enumerate(computers):
            # its own orders: of buyers the other file also has (a second order each), and of
            # buyers only this file has
            own = [(f"26{round_}-{side}{n:04d}", shared[n][1] if n < 30
                    else f"137{round_:02d}{side}{n:05d}") for n in range(40)]
            rows = [(no, "保温杯", f"客户{phone}", phone) for no, phone in [*shared, *own]]
            files.append(_pdd(tmp_path / f"o{round_}-{side}.csv", rows))
            phones.update(p for _no, p in own)
            numbers.update(no for no, _p in own)
        phones.update(p for _no, p in shared)
        numbers.update(no for no, _p in shared)
        runs = [_import_orders(f, d) for f, d in zip(files, computers)]
        for run in runs:
            _out, err = run.communicate(timeout=180)
            assert run.returncode == 0, err
            assert "Traceback" not in err, err
    database = server.connect(backend)
    try:
        doubled = database.execute_sql(
            "SELECT phone, COUNT(*) FROM customer GROUP BY phone HAVING COUNT(*) > 1").fetchall()
        customers = database.execute_sql("SELECT COUNT(*) FROM customer").fetchone()[0]
        orders = database.execute_sql('SELECT COUNT(*) FROM "order"').fetchone()[0]
        unlinked = database.execute_sql(
            'SELECT COUNT(*) FROM "order" WHERE customer_id IS NULL').fetchone()[0]
    finally:
        database.close()
    assert doubled == [] and customers == len(phones)
    assert orders == len(numbers) and unlinked == 0


def _import_orders(export: Path, data: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUTF8="1", QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), "import", "orders",
                             str(export), "--data-dir", str(data)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
