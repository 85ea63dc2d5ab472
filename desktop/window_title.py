"""Window titles that name the program once. Qt appends the application's display name to a
window's title itself on Windows and X11 ("阿强 — 客服台"), but not on macOS, where the title
must name the program. A title that is only the program's name is left alone everywhere."""
from __future__ import annotations

import sys


def window_title(app_name: str, *parts: str, platform: str = sys.platform) -> str:
    parts = tuple(p for p in parts if p)
    if not parts or platform == "darwin":
        parts = (app_name, *parts)
    return " — ".join(parts)
