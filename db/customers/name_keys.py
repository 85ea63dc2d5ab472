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
def _char(char: str) -> tuple[str, tuple[str, ...]]:
    from pypinyin import Style, lazy_pinyin, pinyin as readings  # noqa: PLC0415
    first = lazy_pinyin(char)[0]
    every = tuple(dict.fromkeys(readings(char, style=Style.NORMAL, heteronym=True)[0]))
    return first, every


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
    sort_key = " ".join(first for first, _ in chars)
    choices = [list(every)[:3] for _, every in chars]
    out: list[str] = []
    for combo in itertools.islice(itertools.product(*choices), pinyin.MAX_VARIANTS):
        out += ["".join(combo).replace(" ", ""), "".join(s[0] for s in combo if s.strip())]
    return sort_key, list(dict.fromkeys(out))
