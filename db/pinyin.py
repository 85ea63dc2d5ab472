"""Pinyin spellings for search: 张三 -> "zhangsan", "zs" (plus heteronyms such as 单 dan/shan).

The answers are pypinyin's, read from a table made from it (resources/pinyin/readings.txt,
tools/pinyin_table.py): loading the table takes ~0.05 s where importing pypinyin takes
0.4-0.5 s (its phrase dictionary is parsed on import). A text made only of the table's
characters is segmented into dictionary phrases exactly as pypinyin's default segmenter
does, so 长乐 still reads as pypinyin reads it; any other text (Latin letters, spaces,
characters outside the table) goes to pypinyin itself, imported on first such use.
tests/core/test_pinyin_table.py compares both for every character and phrase of the table.
"""
from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache

from db.storage.resources import resource

_HAN = re.compile(r"[\u3400-\u9fff]")
MAX_VARIANTS = 8  # heteronym combinations kept per text; names rarely need more
PYPINYIN = "!"  # a phrase whose readings the table cannot hold: pypinyin answers


class _Table:
    """The table as loaded: characters by dict, phrases as their sorted lines (bisected as
    they are: parsing 47,000 lines at start-up would cost more than every name's look-up)."""

    def __init__(self, text: str):
        chars, _, phrases = text.partition("\n\n")
        self.lines = {line[0]: line[2:] for line in chars.splitlines()}  # char -> its readings
        self.phrases = phrases.splitlines()  # "phrase\treadings", sorted by phrase
        self.pairs = {line[:2] for line in self.phrases}  # how every phrase begins
        self.spelled = _Spelled(self.lines)

    def char(self, char: str) -> tuple[str, tuple[str, ...]]:
        """(first reading, up to 3 readings) of a character of the table."""
        return self.spelled[char][:2]

    def alone(self, text: str) -> bool:
        """Whether every character of text is in the table and no phrase can start anywhere
        in it (most names): each character then reads as it does alone."""
        return self.lines.keys() >= set(text) and self.pairs.isdisjoint(
            [text[i:i + 2] for i in range(len(text) - 1)])

    def _starts(self, word: str) -> str | None:
        """The first phrase line starting with word (a phrase or a phrase's beginning)."""
        phrases = self.phrases
        at = bisect.bisect_left(phrases, word)
        return phrases[at] if at < len(phrases) and phrases[at].startswith(word) else None

    def cut(self, text: str) -> list[str]:
        """pypinyin's forward maximum matching (pypinyin.seg.mmseg, strict mode), with the
        phrase dictionary's prefixes found by bisection of the sorted phrases."""
        found: list[str] = []
        remain = text
        while remain:
            valid = ""
            for end in range(1, len(remain) + 1):
                word = remain[:end]
                line = self._starts(word)
                if line is not None:
                    if line.startswith(word + "\t"):
                        valid = word
                    continue
                found.append(valid or remain[0])
                remain = remain[len(valid) or 1:]
                break
            else:  # every prefix of the rest starts a phrase
                if valid:
                    found.append(valid)
                    remain = remain[len(valid):]
                else:
                    found += remain
                    remain = ""
        return found

    def readings(self, text: str) -> tuple[list[str], list[tuple[str, ...]]] | None:
        """(first reading, readings) per character, or None when pypinyin must answer."""
        if self.alone(text):
            pairs = [self.char(c) for c in text]
            return [first for first, _ in pairs], [every for _, every in pairs]
        firsts: list[str] = []
        every: list[tuple[str, ...]] = []
        for word in self.cut(text):
            if len(word) == 1:
                first, choices = self.char(word)
                firsts.append(first)
                every.append(choices)
                continue
            rest = self._starts(word + "\t")[len(word) + 1:]
            if rest == PYPINYIN:
                return None
            first, _, more = rest.partition("\t")
            firsts += first.split(" ")
            every += ([tuple(r.split(",")) for r in more.split(" ")] if more
                      else [(r,) for r in firsts[-len(word):]])
        return firsts, every


class _Spelled(dict):
    """char -> (first reading, up to 3 readings, the spellings of those readings: each
    (full, initial) pair of the name's "".join). Parsed from the table's line when first asked
    (a lookup of a known character is then one dict access); KeyError for a character the
    table lacks."""

    def __init__(self, lines: dict[str, str]):
        super().__init__()
        self.lines = lines

    def __missing__(self, char: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        first, _, every = self.lines[char].partition("\t")
        readings = tuple(every.split(",")) if every else (first,)
        got = self[char] = (first, readings, tuple([r[0] for r in readings]))
        return got


@lru_cache(maxsize=1)
def _table() -> _Table:
    return _Table(resource("pinyin", "readings.txt").read_text(encoding="utf-8"))


def _from_table(text: str) -> tuple[list[str], list[tuple[str, ...]]] | None:
    table = _table()
    if not table.lines.keys() >= set(text):
        return None
    return table.readings(text)


def has_han(text: str) -> bool:
    return bool(_HAN.search(text))


def keys(text: str) -> tuple[str, list[str]]:
    """(sort_key(text), spellings(text)) at once: what a customer's row stores."""
    table = _table()
    if text:  # most names, 50,000 at a time in an import: the short way when it applies
        try:
            chars = [table.spelled[c] for c in text]
        except KeyError:  # a character beyond the table (Latin letters, spaces ...)
            chars = None
        pairs = table.pairs
        if chars is not None and (len(text) < 2 or text[:2] not in pairs) and (
                len(text) < 3 or pairs.isdisjoint([text[i:i + 2] for i in range(1, len(text) - 1)])):
            # every character reads as it does alone (no phrase can start anywhere in it)
            sort = " ".join([c[0] for c in chars])
            for c in chars:
                if len(c[1]) > 1:
                    break
            else:  # one reading each (most names): the full spelling and the initials
                full, initials = "".join([c[0] for c in chars]), "".join([c[2][0] for c in chars])
                return sort, [full] if full == initials else [full, initials]
            combos = itertools.islice(itertools.product(*[c[1] for c in chars]), MAX_VARIANTS)
            return sort, list(dict.fromkeys(
                [spelled for combo in combos for spelled in ("".join(combo), "".join([r[0] for r in combo]))]))
    if not has_han(text):
        return text.lower(), []
    known = _from_table(text)
    if known is None:
        return sort_key(text), spellings(text)
    firsts, choices = known
    if all(len(c) == 1 for c in choices):  # most names: one reading per character
        full = "".join([c[0] for c in choices])
        initials = "".join([c[0][0] for c in choices])
        return " ".join(firsts), [full] if full == initials else [full, initials]
    out: list[str] = []  # _spelled, for readings known to be clean (no blanks, no spaces)
    for combo in itertools.islice(itertools.product(*choices), MAX_VARIANTS):
        out += ["".join(combo), "".join([r[0] for r in combo])]
    return " ".join(firsts), list(dict.fromkeys(out))


def spellings(text: str) -> list[str]:
    """Full pinyin and initials of every reading of text (lower case, no spaces)."""
    if not has_han(text):
        return []
    known = _from_table(text)
    if known is not None:
        choices = known[1]
    else:
        from pypinyin import Style, pinyin  # noqa: PLC0415 - only for texts beyond the table

        readings = pinyin(text, style=Style.NORMAL, heteronym=True, errors=lambda s: [s.lower()])
        choices = [list(dict.fromkeys(r))[:3] for r in readings]
    return _spelled(choices)


def _spelled(choices) -> list[str]:
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
    known = _from_table(text)
    if known is not None:
        return " ".join(known[0])
    from pypinyin import lazy_pinyin  # noqa: PLC0415

    return " ".join(lazy_pinyin(text, errors=lambda s: [s.lower()]))
