"""Pinyin keys for many names at once, equal to db.pinyin's but several times faster.

Importing 50,000 customers spends most of its time in pypinyin. Most names contain no
multi-character word of pypinyin's phrase dictionary; for those, pypinyin's answer is the
per-character readings, which are cached here. Other names go through db.pinyin unchanged.
(tests/core/test_excel_name_keys.py checks the two agree.)
"""
from __future__ import annotations

import itertools
import re
from functools import lru_cache

from db import pinyin

# db.pinyin's Han range over the whole name: one match, not one regex call per character.
_ALL_HAN = re.compile(r"[\u3400-\u9fff]+")


@lru_cache(maxsize=None)
def _char(char: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The character's first reading, and its first 3 readings as db.pinyin.spellings joins
    them: (the reading without spaces, its initial or "" for a blank reading)."""
    from pypinyin import Style, lazy_pinyin, pinyin as readings  # noqa: PLC0415
    first = lazy_pinyin(char)[0]
    every = tuple(dict.fromkeys(readings(char, style=Style.NORMAL, heteronym=True)[0]))
    return first, tuple((r.replace(" ", ""), r[0] if r.strip() else "") for r in every[:3])


@lru_cache(maxsize=1)
def _phrases() -> dict:
    from pypinyin.phrases_dict import phrases_dict  # noqa: PLC0415
    return phrases_dict


def _simple(text: str) -> bool:
    """All Han characters and no dictionary phrase inside: readings are per character."""
    if not _ALL_HAN.fullmatch(text):
        return False
    phrases = _phrases()
    return not any(text[i:j] in phrases
                   for i in range(len(text)) for j in range(i + 2, len(text) + 1))


def keys(name: str) -> tuple[str, list[str]]:
    """(sort key, spellings) exactly as db.pinyin.sort_key / spellings give them."""
    if not pinyin.has_han(name):
        return name.lower(), []
    if len(name) > 6 or not _simple(name):
        return pinyin.sort_key(name), pinyin.spellings(name)
    chars = [_char(c) for c in name]
    sort_key = " ".join([first for first, _ in chars])
    if all(len(pieces) == 1 for _, pieces in chars):  # most names: one reading per character
        full = "".join([pieces[0][0] for _, pieces in chars])
        initials = "".join([pieces[0][1] for _, pieces in chars])
        return sort_key, [full] if full == initials else [full, initials]
    out: list[str] = []
    for combo in itertools.islice(itertools.product(*[p for _, p in chars]), pinyin.MAX_VARIANTS):
        out += ["".join([full for full, _ in combo]), "".join([first for _, first in combo])]
    return sort_key, list(dict.fromkeys(out))
