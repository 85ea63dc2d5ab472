"""The team server the app starts on the shop's computer, and joining it by code: a real
PostgreSQL made by initdb, real sockets, real imports from two data folders."""
from __future__ import annotations

import ipaddress
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from db.customers import records as customers
from db.customers.records import CustomerData
from db.storage import join_code, managed_server, postgres_binaries, server, server_copy, store
from db.trust import staff as staff_rules
from tests.fixtures import messy
from tools import postgres_server

pytestmark = pytest.mark.sqlite_only  # it starts its own server: not again per backend
ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "settings-password-Zq81"


def _networks(lines: list[str]) -> list[str]:
    return [line.split()[3] for line in lines if line.startswith("host")]


def test_pg_hba_lets_in_the_shops_networks_only():
    lines = managed_server.hba_lines()
    networks = _networks(lines)
    assert "0.0.0.0/0" not in networks and "::/0" not in networks
    private = [ipaddress.ip_network(n) for n in
               ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "::1/128",
                "fe80::/10")]
    for network in map(ipaddress.ip_network, networks):
        assert any(network.version == p.version and network.subnet_of(p) for p in private)
    assert all(line.endswith("scram-sha-256") for line in lines)
    admin = [line for line in lines if managed_server.ADMIN_USER in line]
    assert _networks(admin) == ["127.0.0.1/32", "::1/128"]  # the superuser: this computer only


def test_a_join_code_is_typed_back_any_way():
    code = join_code.new_code()
    assert len(code) == 10 and set(code) <= set(join_code.ALPHABET)
    assert join_code.normal(join_code.shown(code).lower()) == code
    assert join_code.normal(" 7k3qx-9m2pd ") == "7K3QX9M2PD"
    assert join_code.normal("OIL23-45678") == "01123" + "45678"  # O/0 and I/L/1 never mixed up
    assert join_code.parse("7K3QX-9M2PD@192.168.1.20") == ("7K3QX9M2PD", "192.168.1.20")
    with pytest.raises(join_code.JoinError, match="10 个字母和数字"):
        join_code.normal("7K3QX-9M2P")


@pytest.fixture
def service():
    settings = {"port": 5433, "database": "kefudesk", "user": "kefudesk_team",
                "password": PASSWORD}
    retired: list[str] = []
    running = join_code.JoinService("7K3QX9M2PD", lambda: settings, port=0,
                                    on_new_code=retired.append)
    running.start()
    running.retired = retired
    yield running
    running.stop()


def test_the_right_code_gets_the_settings_and_a_wrong_one_is_refused_then_retired(service):
    got = join_code.join("7k3qx 9m2pd", port=service.port, hosts=["127.0.0.1"])
    assert (got.host, got.port, got.user, got.password) == \
        ("127.0.0.1", 5433, "kefudesk_team", PASSWORD)
    for left in range(join_code.MAX_ATTEMPTS - 1, 0, -1):
        with pytest.raises(join_code.JoinError, match=f"加入码不对（还可以再试 {left} 次）"):
            join_code.join("7K3QX-9M2PE", port=service.port, hosts=["127.0.0.1"])
    with pytest.raises(join_code.JoinError, match="试错太多次，已经停用"):
        join_code.join("7K3QX-9M2PE", port=service.port, hosts=["127.0.0.1"])
    assert service.retired == [service.code] and service.code != "7K3QX9M2PD"
    with pytest.raises(join_code.JoinError, match="加入码不对"):  # the old code is gone too
        join_code.join("7K3QX-9M2PD", port=service.port, hosts=["127.0.0.1"])
    assert join_code.join(service.code, port=service.port, hosts=["127.0.0.1"]).password == PASSWORD
    assert service.joined == 2


def test_the_password_never_travels_readable(service):
    """Everything on the wire, both ways, recorded by a relay between the two computers."""
    wire = bytearray()
    relay = socket.create_server(("127.0.0.1", 0))

    def forward(source, target):
        while chunk := source.recv(4096):
            wire.extend(chunk)
            target.sendall(chunk)
        target.shutdown(socket.SHUT_WR)

    def serve():
        client, _ = relay.accept()
        upstream = socket.create_connection(("127.0.0.1", service.port))
        there = threading.Thread(target=forward, args=(client, upstream))
        there.start()
        forward(upstream, client)
        there.join()
        client.close()
        upstream.close()

    thread = threading.Thread(target=serve)
    thread.start()
    got = join_code.ask("127.0.0.1", "7K3QX9M2PD", port=relay.getsockname()[1])
    thread.join(timeout=10)
    relay.close()
    assert got.password == PASSWORD and len(wire) > 200
    text = bytes(wire).decode("ascii")
    for form in (PASSWORD, PASSWORD.encode().hex(), "kefudesk_team", "7K3QX9M2PD"):
        assert form not in text


def test_settings_that_do_not_connect_at_one_address_are_tried_at_the_next(postgres_cluster):
    """The join service answers on every address of the server computer, its database may
    listen on fewer (here PostgreSQL on 127.0.0.1 only, found at 127.0.0.2 first)."""
    config = postgres_cluster.new_database(template=postgres_cluster.template)
    settings = {"port": config.port, "database": config.database, "user": config.user,
                "password": "any"}  # the test cluster trusts loopback
    running = join_code.JoinService("7K3QX9M2PD", lambda: settings, port=0)
    running.start()
    try:
        tried: list[str] = []

        def check(found: server.ServerConfig) -> None:
            tried.append(found.host)
            server.test_connection(found)
        got = join_code.join("7K3QX9M2PD", port=running.port, hosts=["127.0.0.2", "127.0.0.1"],
                             check=check)
        assert tried == ["127.0.0.2", "127.0.0.1"] and got.host == "127.0.0.1"
        with pytest.raises(server.ServerError, match="127.0.0.2"):  # only there: why, plainly
            join_code.join("7K3QX9M2PD", port=running.port, hosts=["127.0.0.2"], check=check)
    finally:
        running.stop()


def test_no_team_server_on_the_network_is_said_plainly():
    with pytest.raises(join_code.JoinError, match="没有找到开着团队服务器的电脑"):
        join_code.join("7K3QX-9M2PD", hosts=[])


def _import(roster: Path, data: Path) -> subprocess.CompletedProcess:
    # The child finds the server's password where this test's computer keeps it (key file).
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUTF8="1", QT_QPA_PLATFORM="offscreen",
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "import", "customers",
                           str(roster), "--data-dir", str(data)],
                          capture_output=True, text=True, env=env, timeout=180)


@pytest.mark.slow
def test_a_shop_server_started_here_joined_by_code_and_imported_into_from_both(tmp_path):
    if managed_server.find_binaries() is None:
        if os.environ.get(postgres_server.REQUIRE_ENV) == "require":
            pytest.fail("PostgreSQL binaries are required for this run")
        pytest.skip("no PostgreSQL binaries on this computer")
    keyring.set_keyring(fail.Keyring())  # both "computers" keep secrets in the key file
    shop_pc, till = tmp_path / "shop-pc", tmp_path / "till"
    shop_pc.mkdir()
    till.mkdir()
    local = store.open_database(shop_pc)  # the shop's data so far, on the shop's computer
    owner = staff_rules.add("店主小美", role="owner")
    customers.create(CustomerData(name="老客户", phone="13900000000"), owner)
    service = None
    try:
        config = managed_server.create(shop_pc, port=managed_server.DEFAULT_PORT, listen=[])
        assert managed_server.running(shop_pc)
        # The team user is no superuser: migrating and the audit triggers must still work.
        server_copy.copy_local_to_server(local, shop_pc, config, owner)
        local.close()
        assert server.load(shop_pc) == config
        hba = (managed_server.folder(shop_pc) / "data" / "pg_hba.conf").read_text()
        assert "0.0.0.0/0" not in hba and _networks(hba.splitlines()) == \
            _networks(managed_server.hba_lines())
        assert config.password not in hba and len(config.password) >= 32

        service = managed_server.serve_joins(shop_pc, port=0)
        code = managed_server.join_code(shop_pc)
        with pytest.raises(join_code.JoinError, match="加入码不对"):
            join_code.join("ZZZZZ-ZZZZZ", port=service.port, hosts=["127.0.0.1"])
        joined = join_code.join(join_code.shown(code), port=service.port, hosts=["127.0.0.1"])
        assert server.test_connection(joined).holds_data
        server.save(till, joined)
        with pytest.raises(server.ServerError):
            server.connect(server.ServerConfig(**{**joined.__dict__, "password": "guess"}))

        header = ["姓名", "手机", "备注"]
        rosters = {shop_pc: [["王芳", "13800000001", "店里"], ["李雷", "13800000002", "店里"]],
                   till: [["王芳", "13800000001", "收银台"], ["韩梅梅", "13800000003", "收银台"]]}
        for folder, rows in rosters.items():
            done = _import(messy.xlsx(tmp_path / f"{folder.name}.xlsx", [header, *rows]), folder)
            assert done.returncode == 0, done.stderr
            assert "Traceback" not in done.stderr
        assert managed_server.running(shop_pc)  # an import never stops the shop's server

        shared = server.connect(joined)
        try:
            rows = shared.execute_sql(
                "SELECT phone, name FROM customer WHERE deleted_at IS NULL ORDER BY phone").fetchall()
        finally:
            shared.close()
        assert rows == [("13800000001", "王芳"), ("13800000002", "李雷"),
                        ("13800000003", "韩梅梅"), ("13900000000", "老客户")]
    finally:
        if service is not None:
            service.stop()
        managed_server.stop(shop_pc)
    assert not managed_server.running(shop_pc)


def test_the_binaries_are_found_where_a_folder_is_named_first(tmp_path, monkeypatch):
    installed = postgres_binaries.find_binaries()
    if installed is None:
        pytest.skip("no PostgreSQL binaries on this computer")
    monkeypatch.setenv(postgres_binaries.BIN_ENV, str(tmp_path))  # no initdb there: passed over
    assert postgres_binaries.find_binaries() == installed
    monkeypatch.setenv(postgres_binaries.BIN_ENV, str(installed.folder))
    assert postgres_binaries.find_binaries().folder == installed.folder
    assert Path(installed.tool("pg_ctl")).exists()
