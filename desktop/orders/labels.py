"""How the desktop words an order's values (the codes' labels come from db.orders)."""
from __future__ import annotations

import datetime as dt

from db import clock
from db.orders.vocabulary import PLATFORMS


def yuan(cents: int | None) -> str:
    return "" if cents is None else f"¥{cents / 100:,.2f}"


def when(moment: dt.datetime | None, with_time: bool = True) -> str:
    if moment is None:
        return ""
    return clock.to_local(moment).strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")


def platform(code: str) -> str:
    return PLATFORMS.label(code) if code in PLATFORMS.codes() else code
