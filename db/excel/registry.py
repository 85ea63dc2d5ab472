"""Every kind the importer and exporter handle, listed once, in the order of the sheets of
an export of everything; then the kinds that are only imported (the platforms' orders)."""
from __future__ import annotations

from db.excel import case_kind, customer_kind, order_kind, snippet_kind
from db.excel.kinds import Kind

KINDS: tuple[Kind, ...] = (customer_kind.KIND, case_kind.KIND, case_kind.REMEDIES,
                           case_kind.EVENTS, snippet_kind.KIND)
IMPORT_ONLY: tuple[Kind, ...] = (order_kind.KIND,)
_BY_KEY = {kind.key: kind for kind in (*KINDS, *IMPORT_ONLY)}


def get(key: str) -> Kind:
    return _BY_KEY[key]


def available(importable_only: bool = False) -> list[str]:
    if importable_only:
        return [kind.key for kind in (*KINDS, *IMPORT_ONLY) if kind.importable]
    return [kind.key for kind in KINDS]
