"""Shop-wide settings stored in the database as JSON, with defaults in one place."""
from __future__ import annotations

import json
from typing import Any

from db.models import Setting

DEFAULTS: dict[str, Any] = {
    "language": "zh_CN",  # "zh_CN" | "en"
    "shop_name": "",
    "backup_keep": 10,  # the newest N backups are kept ...
    "backup_keep_weeks": 8,  # ... plus the newest of each of the last N weeks
    "backup_mirror_dir": "",  # optional second folder (USB stick, synced folder)
    "return_visit_days": 7,  # a new customer's first return visit is suggested this many days out
    "idle_lock_minutes": 0,  # lock the window after this long without input; 0: never
    # db.orders.repeat_buyers: the tag the orders keep ("": chosen once, at its first use) ...
    "repeat_buyer_tag": "",
    "repeat_buyer_min_orders": 2,  # ... on customers with at least this many orders
}


def get(key: str) -> Any:
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        return DEFAULTS.get(key)
    return json.loads(row.value)


def put(key: str, value: Any) -> None:
    payload = json.dumps(value, ensure_ascii=False)
    Setting.insert(key=key, value=payload).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: payload}).execute()
