"""Every kind the importer and exporter handle, listed once, in the order of the sheets of
an export of everything."""
from __future__ import annotations

from db.excel import case_kind, customer_kind, snippet_kind
from db.excel.kinds import Kind

KINDS: tuple[Kind, ...] = (customer_kind.KIND, case_kind.KIND, case_kind.REMEDIES,
                           case_kind.EVENTS, snippet_kind.KIND)
_BY_KEY = {kind.key: kind for kind in KINDS}


def get(key: str) -> Kind:
    return _BY_KEY[key]


def available(importable_only: bool = False) -> list[str]:
    return [kind.key for kind in KINDS if kind.importable or not importable_only]
