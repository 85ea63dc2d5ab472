"""The optional shared PostgreSQL database: where it is, and connecting to it.

SQLite in the data folder stays the default. A shop whose staff work on several computers at
once points each computer at one PostgreSQL server; the choice is stored per computer in
`server.json` in the data folder, so the local database, backups and settings of the computer
stay where they were. The password goes into the operating system's credential store
(db.storage.keystore); only where there is none does server.json hold it, readable by the user
alone. A server.json from before, with the password in it, is moved into the store when read.
"""
from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

from peewee import InterfaceError, OperationalError, PostgresqlDatabase

from db import errors
from db.errors import StoreError, store_message
from db.vocabulary import QT_TRANSLATE_NOOP, Message, translate
from db.storage import keystore, server_probe, transfer

CONFIG_FILENAME = "server.json"
IN_STORE = "credential-store"  # server.json's "password_in" when the password is not in it
CONNECT_TIMEOUT = 5  # seconds: an unreachable server must not freeze the app for minutes


class ServerError(StoreError):
    """The server cannot be used; the message says why and what to do, for the user; `kind`
    (db.errors) what went wrong."""


@dataclasses.dataclass(frozen=True)
class ServerConfig:
    host: str
    database: str
    user: str
    password: str = ""
    port: int = 5432

    def describe(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


def config_file(data_dir: Path) -> Path:
    return data_dir / CONFIG_FILENAME


def load(data_dir: Path) -> ServerConfig | None:
    """The server this computer uses, or None for the local SQLite database."""
    found = _read(data_dir)
    return found[0] if found is not None and found[1] else None


def remembered(data_dir: Path) -> ServerConfig | None:
    """The server this computer was set to use, in use or not (after 改用本机数据库 the
    settings stay, so that reconnecting is one click)."""
    found = _read(data_dir)
    return found[0] if found is not None else None


def set_active(data_dir: Path, active: bool) -> None:
    """Use the remembered server again, or work on the local database and keep the server's
    settings (and its password in the credential store) for later."""
    config = remembered(data_dir)
    if config is not None:
        save(data_dir, config, active=active)


def _read(data_dir: Path) -> tuple[ServerConfig, bool] | None:
    path = config_file(data_dir)
    if not path.exists():
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        config = ServerConfig(host=str(raw["host"]), database=str(raw["database"]),
                              user=str(raw["user"]), password=str(raw.get("password", "")),
                              port=int(raw.get("port", 5432)))
        active = bool(raw.get("active", True))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ServerError(store_message(QT_TRANSLATE_NOOP(
            "StoreError", "服务器设置文件无法读取：%1（%2）。"
            "删除这个文件即可改回使用本机数据库。"), path, exc)) from exc
    if raw.get("password_in") == IN_STORE:
        return dataclasses.replace(config, password=keystore.get(_store_name(config)) or ""), active
    if config.password and keystore.has_os_store():
        save(data_dir, config, active=active)  # written before there was a store: out of the plain file
    return config, active


def _store_name(config: ServerConfig) -> str:
    return f"server-password:{config.describe()}"


def save(data_dir: Path, config: ServerConfig | None, active: bool = True) -> None:
    """Use this server from the next start on (active=False: remember it, use the local
    database); None forgets the server, its password too."""
    path = config_file(data_dir)
    if config is None:
        try:
            old = remembered(data_dir)
        except ServerError:
            old = None
        if old is not None:
            keystore.delete(_store_name(old))
        path.unlink(missing_ok=True)
        return
    partial = path.with_suffix(".partial")
    # Created private before the password is written into it.
    fields = dataclasses.asdict(config)
    if not active:
        fields["active"] = False
    if config.password and keystore.has_os_store():
        keystore.put(_store_name(config), config.password)
        fields.update(password="", password_in=IN_STORE)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(fields, out, ensure_ascii=False, indent=2)
    partial.replace(path)


class ServerDatabase(PostgresqlDatabase):
    """A server connection that survives a network blip: the action that hit the broken
    connection fails (and says so: nothing is retried behind the user's back, so nothing is
    saved twice), the next one connects again. A new connection gets the session settings
    the audit triggers read (who is working, from where) before anything else."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.session: dict[str, str] = {}
        # Set while the app knows the server is out of reach (desktop/errors.py): a new
        # connection is not even tried, so a server that does not answer costs no 5-second
        # wait per click; the app's background check clears it once the server is back.
        self.offline = False

    def _connect(self):
        if self.offline:
            raise ServerOffline("the team server is out of reach")
        return super()._connect()

    def cursor(self, named_cursor=None):
        self._drop_if_dead()
        return super().cursor(named_cursor)

    def connection(self):
        self._drop_if_dead()  # the change-stamp query asks for the connection itself
        return super().connection()

    def _drop_if_dead(self) -> None:
        conn = self._state.conn
        if conn is not None and conn.closed and not self.in_transaction():
            self._state.reset()  # dead: let peewee open a new one

    def _initialize_connection(self, conn) -> None:
        with conn.cursor() as cursor:
            for key, value in self.session.items():
                cursor.execute("SELECT set_config(%s, %s, false)", (key, value))


class ServerOffline(OperationalError):
    """No connection tried: the server is known to be out of reach (ServerDatabase.offline)."""
    kind = errors.CONNECTION


def connect(config: ServerConfig) -> PostgresqlDatabase:
    database = ServerDatabase(
        config.database, host=config.host, port=config.port, user=config.user,
        password=config.password or None, connect_timeout=CONNECT_TIMEOUT,
        application_name="KefuDesk",
        options="-c timezone=UTC")  # every connection, the background ones too
    try:
        database.connect(reuse_if_open=True)
    except OperationalError as exc:
        raise failure(exc, config) from exc
    return database


def failure(exc: Exception, config: ServerConfig) -> ServerError:
    """Why connecting failed, in plain words with the fix. libpq says it only in text (in
    its own language), so the kind is found again by db.storage.server_probe, by codes."""
    kind = errors.classify(exc)
    if kind in (None, errors.CONNECTION):  # no SQLSTATE: retrace the steps to learn which
        kind = server_probe.diagnose(config.host, config.port, config.database, config.user,
                                     config.password, timeout=CONNECT_TIMEOUT) or kind
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return ServerError(errors.setup_message(kind, config.host, config.port, config.database,
                                            config.user, detail=text), kind=kind)


def reachable(config: ServerConfig) -> bool:
    """Can this computer connect to the server now? (the app's quiet retry during an outage;
    a connection of its own, so that it can run beside the window's.)"""
    try:
        database = PostgresqlDatabase(
            config.database, host=config.host, port=config.port, user=config.user,
            password=config.password or None, connect_timeout=CONNECT_TIMEOUT,
            application_name="KefuDesk")
        database.connect()
        database.execute_sql("SELECT 1")
        database.close()
    except (OperationalError, InterfaceError):
        return False
    return True


@dataclasses.dataclass(frozen=True)
class ServerCheck:
    message: Message  # for the user: version, and what the database holds
    holds_data: bool  # a shop's customers, cases, snippets or staff are already there


def test_connection(config: ServerConfig) -> ServerCheck:
    """Connect, check the rights the app needs, and say what the server holds."""
    database = connect(config)
    try:
        version = database.execute_sql("SHOW server_version").fetchone()[0]
        can_create = database.execute_sql(
            "SELECT has_database_privilege(current_user, current_database(), 'CREATE') "
            "AND has_schema_privilege(current_user, current_schema(), 'CREATE')").fetchone()[0]
        tables = set(database.get_tables())
        customers = 0
        if "customer" in tables:
            customers = database.execute_sql(
                "SELECT COUNT(*) FROM customer WHERE deleted_at IS NULL").fetchone()[0]
        holds_data = "schema_version" in tables and transfer.holds_data(database)
    except OperationalError as exc:
        raise failure(exc, config) from exc
    finally:
        database.close()
    if "schema_version" not in tables and not can_create:
        raise ServerError(store_message(QT_TRANSLATE_NOOP(
            "StoreError", "连接成功，但用户 %1 没有在数据库 %2 中建表的权限，"
            "请让管理员授予权限。"), config.user, config.database))
    if "schema_version" in tables:
        return ServerCheck(store_message(QT_TRANSLATE_NOOP(
            "StoreError", "连接成功：PostgreSQL %1，数据库已有 %2 位客户。"),
            version, customers), holds_data)
    return ServerCheck(store_message(QT_TRANSLATE_NOOP(
        "StoreError", "连接成功：PostgreSQL %1，数据库还是空的。"), version), holds_data)


def join(data_dir: Path, config: ServerConfig) -> ServerCheck:
    """A new computer joins the shop's server (加入店铺的团队服务器): check it holds a shop,
    then use it from now on. Nothing local is invented: the staff who work here are the
    server's. The seam for other ways to get the settings (a join code): anything that yields a
    ServerConfig calls this. ServerError says why not."""
    found = test_connection(config)
    if not found.holds_data:
        raise ServerError(translate(
            "errors", "服务器 %1 上还没有店铺的数据：请先在店里第一台电脑上打开「设置 → 团队服务器」，"
            "把那台电脑的数据复制到服务器，再来加入。").replace("%1", config.describe()),
            kind=errors.NO_DATABASE)
    save(data_dir, config)
    return found
