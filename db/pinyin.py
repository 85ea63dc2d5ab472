"""Pinyin spellings for search: 张三 -> "zhangsan", "zs" (plus heteronyms such as 单 dan/shan).

pypinyin takes ~0.4 s to import, so it is imported on first use (when a record is saved),
never on the search path: spellings are computed at write time and stored.
"""
from __future__ import annotations

import itertools
import re

_HAN = re.compile(r"[\u3400-\u9fff]")
MAX_VARIANTS = 8  # heteronym combinations kept per text; names rarely need more


def has_han(text: str) -> bool:
    return bool(_HAN.search(text))


def spellings(text: str) -> list[str]:
    """Full pinyin and initials of every reading of text (lower case, no spaces)."""
    if not has_han(text):
        return []
    from pypinyin import Style, pinyin  # noqa: PLC0415 - deliberate lazy import

    readings = pinyin(text, style=Style.NORMAL, heteronym=True, errors=lambda s: [s.lower()])
    choices = [list(dict.fromkeys(r))[:3] for r in readings]
    out: list[str] = []
    for combo in itertools.islice(itertools.product(*choices), MAX_VARIANTS):
        full = "".join(combo).replace(" ", "")
        initials = "".join(s[0] for s in combo if s.strip())
        out += [full, initials]
    return list(dict.fromkeys(out))


def sort_key(text: str) -> str:
    """A key that sorts Chinese names by pinyin among Latin ones: 张三 -> 'zhang san'."""
    if not has_han(text):
        return text.lower()
    from pypinyin import lazy_pinyin  # noqa: PLC0415

    return " ".join(lazy_pinyin(text, errors=lambda s: [s.lower()]))
