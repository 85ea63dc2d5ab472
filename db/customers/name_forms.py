"""When two spellings of a customer's name are the same name.

An import matches customers by phone, WeChat or platform account; a row that brings another
name for the customer it matched may be someone else on a shared phone (or a typo), so the
import asks. Not for mere spelling: spacing, full-width/half-width letters, Traditional or
Simplified characters, letter case, or a name the customer had before (the audit log keeps
every name a customer was saved under; a merged customer's names count too).
"""
from __future__ import annotations

import json
import unicodedata
from functools import lru_cache

from db.models import AuditLog, Customer


@lru_cache(maxsize=4096)
def name_form(name: str) -> str:
    """The spelling-free form of a name: 張 三 -> 张三, ＡＢＣ -> abc."""
    from hanziconv import HanziConv  # noqa: PLC0415 - loaded only when names differ
    text = unicodedata.normalize("NFKC", name or "")
    text = "".join(c for c in text if not c.isspace() and c not in "·•・.")
    return HanziConv.toSimplified(text).casefold()


def same_name(a: str, b: str) -> bool:
    return a == b or name_form(a) == name_form(b)


def former_names() -> dict[int, set[str]]:
    """Name forms each customer was saved under before (from the audit log), and the names of
    the customers merged into it. One query per import, made only when a name differs."""
    found: dict[int, set[str]] = {}
    query = (AuditLog.select(AuditLog.entity_id, AuditLog.detail)
             .where(AuditLog.entity == "customer", AuditLog.action.in_(("create", "update")),
                    AuditLog.detail.contains('"name"')).tuples())
    for customer_id, detail in query:
        try:
            name = json.loads(detail).get("name")
        except (ValueError, AttributeError):
            continue
        if isinstance(name, str) and name:
            found.setdefault(customer_id, set()).add(name_form(name))
    merged = Customer.select(Customer.merged_into, Customer.name).where(
        Customer.merged_into.is_null(False)).tuples()
    for customer_id, name in merged:
        found.setdefault(customer_id, set()).add(name_form(name))
    return found
