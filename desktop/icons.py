"""Icons drawn from the bundled SVGs, cached."""
from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from db.storage.resources import resource


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(resource("icons", f"{name}.svg")))
