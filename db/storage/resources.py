"""Locate bundled files (icons, translations, default data) from source or a frozen build."""
from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    # PyInstaller unpacks data files under sys._MEIPASS; from source they sit beside main.py.
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parents[2]
    return root / "resources"


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)
