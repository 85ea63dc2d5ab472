"""Versioned schema migrations: a hand-written chain of numbered steps.

Each step is a module `mNNNN_name.py` with `VERSION` and `up(database)`. Steps declare frozen
copies of the tables they create instead of importing db.models, so an old step keeps
meaning what it meant when it was written. Each step runs in its own transaction and
records its version in the same transaction: a failing step leaves the previous version.

Numbers only grow: a new step takes the next free number (4 was never used). Steps are
compared as a set, so a step numbered below one already applied still runs.
"""
from __future__ import annotations

import importlib
from types import ModuleType

from peewee import Database

from db.vocabulary import translate

# Listed, not globbed: a frozen (PyInstaller) build has no .py files to glob.
STEP_MODULES = [
    "m0001_foundation",
    "m0002_snippets",
    "m0003_cases",
    "m0005_audit",
    "m0006_reports",
    "m0007_customer_list_index",
    "m0008_versions",
    "m0009_timeline_params",
    "m0010_log_chain",
    "m0011_phrase_rules",
    "m0012_orders",
    "m0013_customer_indexes",
    "m0014_order_reports",
]


class MigrationError(RuntimeError):
    pass


def steps() -> list[ModuleType]:
    mods = [importlib.import_module(f"{__name__}.{name}") for name in STEP_MODULES]
    return sorted(mods, key=lambda m: m.VERSION)


def latest_version() -> int:
    return max(m.VERSION for m in steps())


def applied_versions(database: Database) -> set[int]:
    if "schema_version" not in database.get_tables():
        return set()
    return {row[0] for row in database.execute_sql("SELECT version FROM schema_version")}


def current_version(database: Database) -> int:
    return max(applied_versions(database), default=0)


def pending(database: Database) -> list[ModuleType]:
    """Steps not yet recorded, in order. Compared as a set, not against the highest version,
    so that a step numbered below one already applied (areas developed side by side) still runs."""
    applied = applied_versions(database)
    unknown = {v for v in applied if v not in {m.VERSION for m in steps()}}
    if unknown:
        raise MigrationError(translate(
            "storage", "这个数据库由更新版本的客服台写入（数据库版本 %1，本程序只认识到 %2）。"
            "请更新程序。").replace("%1", str(max(unknown))).replace("%2", str(latest_version())))
    return [m for m in steps() if m.VERSION not in applied]


def migrate(database: Database, only: set[int] | None = None) -> list[int]:
    """Bring the database to the latest schema (or to the `only` steps: a copy made to the
    schema of another database); returns the versions applied."""
    applied = []
    for step in pending(database):
        if only is not None and step.VERSION not in only:
            continue
        with database.atomic():
            step.up(database)
            database.execute_sql(
                "INSERT INTO schema_version (version, applied_at) VALUES (?, CURRENT_TIMESTAMP)"
                .replace("?", database.param), (step.VERSION,))
        applied.append(step.VERSION)
    return applied
