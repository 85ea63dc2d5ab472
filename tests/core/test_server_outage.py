"""Outages and setup mistakes said plainly, on a real PostgreSQL server of this module's own
(tools/postgres_server.py) that refuses some users by pg_hba.conf, asks others for a password,
and is stopped mid-session: real driver errors, never made-up ones."""
from __future__ import annotations

import errno
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from db import cli, errors
from db.customers import records as customers, search
from db.customers.records import CustomerData
from db.models import Customer
from db.storage import server, server_probe, store
from tests.fixtures import messy
from tools import postgres_server

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # a server of its own: initdb takes a few seconds


@pytest.fixture(scope="module")
def strict_cluster():
    """A server of its own (the session's is shared by every test and must not stop): trust
    for the tests' user, SCRAM and MD5 passwords for two shop users, no line at all for
    anyone else, as a server freshly installed on a shop's LAN would be."""
    try:
        cluster = postgres_server.Cluster()
        cluster.start()
    except postgres_server.Unavailable as exc:
        if os.environ.get(postgres_server.REQUIRE_ENV) == "require":
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    try:
        cluster.admin("SET password_encryption = 'scram-sha-256'; "
                      "CREATE ROLE shop LOGIN PASSWORD 'right-1'")
        cluster.admin("SET password_encryption = 'md5'; "
                      "CREATE ROLE shop_md5 LOGIN SUPERUSER PASSWORD 'right-2'")
        cluster.admin("CREATE DATABASE shopdata OWNER shop")
        (cluster.data / "pg_hba.conf").write_text(
            "local all all trust\n"
            "host all kefudesk 127.0.0.1/32 trust\n"
            "host all shop 127.0.0.1/32 scram-sha-256\n"
            "host all shop_md5 127.0.0.1/32 md5\n")
        cluster.admin("SELECT pg_reload_conf()")
        yield cluster
    finally:
        cluster.stop()


def shop(cluster, **changes) -> server.ServerConfig:
    fields = dict(host="127.0.0.1", port=cluster.port, database="shopdata", user="shop",
                  password="right-1")
    fields.update(changes)
    return server.ServerConfig(**fields)


def refusal(config: server.ServerConfig) -> server.ServerError:
    with pytest.raises(server.ServerError) as failed:
        server.test_connection(config)
    return failed.value


def test_setup_mistakes_are_told_by_code_with_the_fix(strict_cluster):
    assert "连接成功" in str(server.test_connection(shop(strict_cluster)).message)
    assert "连接成功" in str(server.test_connection(
        shop(strict_cluster, user="shop_md5", password="right-2", database="postgres")).message)
    cases = [
        (shop(strict_cluster, password="wrong"), errors.BAD_PASSWORD, "用户名或密码不对"),
        (shop(strict_cluster, user="shop_md5", password="wrong"), errors.BAD_PASSWORD, "shop_md5"),
        (shop(strict_cluster, user="stranger"), errors.NOT_ALLOWED,
         "服务器还没有允许这台电脑连接：请在服务器电脑上"),
        (shop(strict_cluster, database="kefudesk_nowhere"), errors.NO_DATABASE,
         "没有名为 kefudesk_nowhere 的数据库"),
        (shop(strict_cluster, port=_closed_port()), errors.REFUSED, "没有在接受连接"),
        (shop(strict_cluster, host="no-such-shop-server.invalid"), errors.UNKNOWN_HOST,
         "找不到名为 no-such-shop-server.invalid 的电脑"),
    ]
    for config, kind, words in cases:
        failed = refusal(config)
        message = str(failed)
        assert failed.kind == kind and errors.classify(failed) == kind, (config, message)
        assert words in message, message
        # Never the driver's English (nor its wording in any other language).
        for english in ("FATAL", "connection", "failed", "pg_hba.conf entry", "authentication"):
            assert english not in message, message


def test_the_probe_tells_a_silent_server_and_an_unreachable_network():
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # accepts, never answers: a firewall that drops, a hung server
    try:
        port = silent.getsockname()[1]
        assert server_probe.diagnose("127.0.0.1", port, "x", "y", "", timeout=0.3) == \
            errors.TIMEOUT
    finally:
        silent.close()
    # Said by code (errno, Windows' winerror), whatever the system's language.
    assert errors.classify(OSError(errno.ENETUNREACH, "网络不可达")) == errors.NO_ROUTE
    unreachable = OSError(errno.EHOSTUNREACH, "无法访问目标主机")
    unreachable.winerror = 10065
    assert errors.classify(unreachable) == errors.NO_ROUTE
    message = errors.setup_message(errors.NO_ROUTE, "192.168.1.20", 5432, "kefudesk", "shop")
    assert message.startswith("从这台电脑连不到服务器的地址 192.168.1.20：")
    assert "防火墙" in errors.setup_message(errors.TIMEOUT, "192.168.1.20", 5432, "k", "s")


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_outage_is_worded_by_what_was_being_done_and_passes(strict_cluster, tmp_path):
    config = strict_cluster.new_database()
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    server.save(data_dir, config)
    database = store.open_database(data_dir)
    try:
        customers.create(CustomerData(name="张三", phone="13800138000"), None)
        assert search.count_live() == 1
        strict_cluster.halt()
        try:
            assert not server.reachable(config)
            # The change-stamp query (hand-written, on the driver's own cursor) and a save.
            with pytest.raises(Exception) as searching:
                search.search_ids(search.CustomerQuery(text="张"))
            with pytest.raises(Exception) as saving:
                customers.create(CustomerData(name="李四"), None)
        finally:
            strict_cluster.resume()
        for failed in (searching.value, saving.value):
            assert errors.is_database_error(failed) and errors.classify(failed) == errors.CONNECTION
        found = errors.say(searching.value, errors.SEARCH)
        assert "搜索没有完成" in found and "没有保存" not in found and "Error" not in found
        assert "没有保存" not in errors.say(searching.value, errors.REFRESH)
        assert "刚才的修改没有保存" in errors.say(saving.value, errors.SAVE)
        assert "导入没有完成" in errors.say(saving.value, errors.IMPORT)
        assert server.reachable(config)
        # Back: the same open database works again, the change stamp included.
        found = search.search_ids(search.CustomerQuery(text="张"))
        assert [Customer.get_by_id(i).name for i in found] == ["张三"]
        customers.create(CustomerData(name="王五"), None)
        assert sorted(c.name for c in Customer.select()) == ["张三", "王五"]
    finally:
        database.close()


def test_an_import_while_the_server_is_stopped_is_one_line_and_exit_6(strict_cluster, tmp_path):
    config = strict_cluster.new_database()
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    server.save(data_dir, config)
    store.open_database(data_dir).close()
    roster = messy.xlsx(tmp_path / "roster.xlsx", [["姓名", "手机"], ["张三", "13800138000"]])
    strict_cluster.halt()
    try:
        env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUTF8="1")
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", "customers",
                               str(roster), "--data-dir", str(data_dir)],
                              capture_output=True, text=True, env=env, timeout=120)
    finally:
        strict_cluster.resume()
    assert done.returncode == cli.SERVER == 6
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert lines[0].startswith("导入失败：服务器 127.0.0.1 的端口") and "没有在接受连接" in lines[0]


def test_a_connection_lost_in_the_middle_of_an_import_is_exit_6(strict_cluster, tmp_path):
    """The server stops while the import runs: the import's transaction is lost whole."""
    from db.excel import apply, workflow
    config = strict_cluster.new_database()
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    server.save(data_dir, config)
    database = store.open_database(data_dir)
    roster = messy.xlsx(tmp_path / "roster.xlsx", [["姓名", "手机"], ["张三", "13800138000"]])
    plan = workflow.plan_file("customers", roster)
    strict_cluster.halt()  # between the plan and the write: the write meets a dead connection
    try:
        with pytest.raises(Exception) as failed:
            apply.apply(plan, data_dir, None, source="command line")
    finally:
        strict_cluster.resume()
    try:
        assert Customer.select().count() == 0  # nothing half-written
    finally:
        database.close()
    args = cli.build_parser().parse_args(["import", "customers", str(roster)])
    code, line = cli.failure(failed.value, args)
    assert code == cli.SERVER and line.startswith("导入失败：与团队服务器的连接断开了")
    assert "导入没有完成，数据没有改动" in line and "没有保存" not in line
