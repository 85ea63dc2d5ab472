"""Writing and removing files the way Windows allows: nothing half-written, nothing lost.

A file open in Excel, WPS or a PDF viewer, or held for a moment by antivirus or a sync
client, refuses to be replaced or deleted (PermissionError, winerror 32). So a file is
written beside its target and only then put in its place (`replace`, the one seam tests
patch to play Windows): a refusal leaves the old file as it was and nothing behind. Old
files that cannot be deleted now are left for next time.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Callable

from db.vocabulary import QT_TRANSLATE_NOOP, Message

# Characters Windows refuses in a file name (macOS refuses ":" in Finder, "/" everywhere).
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)),
             *(f"LPT{n}" for n in range(1, 10))}
MAX_NAME = 80  # characters: a deep OneDrive folder plus the name must stay under 260


def safe_file_name(text: str, fallback: str = "未命名") -> str:
    """A file name (without extension) made from user text, e.g. a customer's name: the
    characters Windows refuses become "_", no trailing dots or spaces, no device names."""
    name = _UNSAFE.sub("_", text).strip().rstrip(". ")[:MAX_NAME].rstrip(". ")
    if not name or name.split(".")[0].upper() in _RESERVED:
        name = f"{fallback}-{name}" if name else fallback
    return name


def replace(source: Path, target: Path) -> None:
    """Put a finished file in the target's place (atomic on one volume)."""
    os.replace(source, target)


class NothingWritten(OSError):
    """The writer finished but the file is missing or empty: a folder that takes files and
    drops them (some synced or protected folders). worded(): the interface language."""

    def __init__(self, name: str):
        self.message = Message("FileErrors", QT_TRANSLATE_NOOP(
            "FileErrors", "没有写出任何内容（%1），可能没有写入权限"), (name,))
        super().__init__(str(self.message))

    def worded(self) -> str:
        return self.message.worded()


def write_atomically(target: Path, write: Callable[[Path], None]) -> None:
    """write(partial) fills a file beside the target, which then takes the target's place.
    Any failure (the target held open, a full disk) leaves the target untouched and removes
    the partial file; the OSError is raised for the caller to word (errors.file_message)."""
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    try:
        write(partial)
        if not partial.is_file() or partial.stat().st_size == 0:
            raise NothingWritten(partial.name)
        replace(partial, target)
    finally:
        remove_quietly(partial)


def remove_quietly(path: Path) -> bool:
    """Delete a file if it exists; False when it is held (antivirus, a viewer) or protected:
    it stays until the next try, and the caller goes on."""
    try:
        _remove(Path(path))
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True


def _remove(path: Path) -> None:
    """The one place a file is deleted (the seam tests make refuse, as Windows does)."""
    os.remove(path)
