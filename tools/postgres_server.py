"""A throwaway PostgreSQL server for the test session and bench/bench_server.py, started from
the machine's binaries (Debian's postgresql package: .ci/run installs it) on loopback with a
free port.

Every test that runs on PostgreSQL gets a fresh database cloned from a migrated template,
which costs a few milliseconds instead of a migration per test.
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from db.storage import server

REQUIRE_ENV = "KEFUDESK_TEST_POSTGRES"  # "require": a missing server fails instead of skipping


class Unavailable(RuntimeError):
    pass


def _bin_dir() -> Path:
    found = shutil.which("initdb") or shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))  # Debian keeps them here
    if not candidates:
        raise Unavailable("PostgreSQL server binaries (initdb, pg_ctl) not found")
    return Path(candidates[-1]).parent


def _locale() -> str:
    # A UTF-8 locale so that lower()/ILIKE know non-ASCII letters; macOS has no C.UTF-8.
    return "en_US.UTF-8" if sys.platform == "darwin" else "C.UTF-8"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    def __init__(self) -> None:
        self.bin = _bin_dir()
        self.port = _free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="kefudesk-pg-"))
        self.data = self.dir / "data"
        self._prefix: list[str] = []
        if getattr(os, "geteuid", lambda: -1)() == 0:  # PostgreSQL refuses to run as root
            import pwd  # POSIX only: Windows has no root and no pwd module
            try:
                account = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise Unavailable("running as root and no 'postgres' user to run the server") from exc
            os.chown(self.dir, account.pw_uid, account.pw_gid)
            self._prefix = ["runuser", "-u", "postgres", "--"]
        self._names = itertools.count(1)

    def _run(self, *args: str) -> None:
        subprocess.run([*self._prefix, *args], check=True, capture_output=True, text=True)

    def start(self) -> None:
        try:
            self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "kefudesk",
                      "--auth=trust", "-E", "UTF8", f"--locale={_locale()}")
            self.resume()  # durability is not under test here; speed is (fsync off)
        except subprocess.CalledProcessError as exc:
            raise Unavailable(f"could not start PostgreSQL: {exc.stderr or exc.stdout}") from exc

    def halt(self) -> None:
        """Stop the server as its owner shutting it down would, keeping its data (fast mode:
        open connections are cut mid-work, for the outage tests); resume() starts it again on
        the same port."""
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def resume(self) -> None:
        options = (f"-h 127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off "
                   f"-c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options,
                  "-l", str(self.dir / "server.log"), "-w", "start")

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)

    def config(self, name: str) -> server.ServerConfig:
        return server.ServerConfig(host="127.0.0.1", port=self.port, database=name,
                                   user="kefudesk")

    def admin(self, sql: str) -> None:
        database = server.connect(self.config("postgres"))
        try:
            database.execute_sql(sql)
        finally:
            database.close()

    def new_database(self, template: str | None = None) -> server.ServerConfig:
        name = f"kefudesk_test_{next(self._names)}"
        self.admin(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return self.config(name)

    def drop_database(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
