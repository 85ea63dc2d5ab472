"""The forbidden-phrase check (禁语检查): a pure function from text to hits with positions.

Fast enough for every keystroke: all phrases are compiled into one regular expression shaped
like a trie (shared prefixes are matched once), wrapped in a look-ahead so that every start
position reports its longest phrase; shorter phrases that are prefixes of it are added from a
table, so overlapping phrases are all found. Hits inside a longer hit of the same or higher
severity are dropped (绝对不可能 is reported once, not also as 绝对).
"""
from __future__ import annotations

import dataclasses
import re
from typing import NamedTuple

from db.snippets.vocabulary import PHRASE_SEVERITIES

SEVERITIES = tuple(PHRASE_SEVERITIES.codes())  # 禁语 / 慎用
_RANK = {"forbidden": 2, "caution": 1}

# A contrast word (但是/不过) counts only after praise or empathy in the same sentence:
# "您的眼光很好，但是……" takes back what was just said.
PRAISE = re.compile(r"很好|真好|挺好|好评|不错|喜欢|满意|漂亮|好看|理解|感谢|谢谢|支持|认可|眼光|优秀|棒|"
                    r"great|good|nice|understand|thank|appreciate|love", re.IGNORECASE)
SENTENCE_END = re.compile(r"[。！？!?\n；;]")

# Traditional characters of the default phrases, mapped one-to-one (positions stay valid).
_TRADITIONAL = str.maketrans(
    "這們規證絕對會處錢貨給說話嗎認識職責沒辦應該題問過為個時間請謝歡漲價讓們您來別裡裏懂楚"
    "後錯誤確實敢擔聯繫還麼見議",
    "这们规证绝对会处钱货给说话吗认识职责没办应该题问过为个时间请谢欢涨价让们您来别里里懂楚"
    "后错误确实敢担联系还么见议")

_TRADITIONAL = {k: v for k, v in _TRADITIONAL.items() if k != v}
_HAS_TRADITIONAL = re.compile("[" + "".join(chr(c) for c in _TRADITIONAL) + "]")


@dataclasses.dataclass(frozen=True)
class PhraseRule:
    phrase: str
    severity: str = "forbidden"
    reason: str = ""
    suggestion: str = ""
    rule: str = ""  # "" | "contrast"


class Hit(NamedTuple):  # a tuple: thousands are made per second while typing
    start: int
    end: int
    rule: PhraseRule

    @property
    def phrase(self) -> str:
        return self.rule.phrase

    @property
    def severity(self) -> str:
        return self.rule.severity


class _Node(dict):
    end = False


def _trie_pattern(node: _Node) -> str:
    alternatives = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items())]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    if node.end:  # this phrase may end here: try the longer ones first, greedily
        return "(?:" + body + ")?"
    return body


class PhraseChecker:
    def __init__(self, rules: list[PhraseRule]):
        self.rules: dict[str, PhraseRule] = {}
        for rule in rules:
            key = _normalise(rule.phrase)
            if key:
                self.rules[key] = rule
        root = _Node()
        for key in self.rules:
            node = root
            for ch in key:
                node = node.setdefault(ch, _Node())
            node.end = True
        self._pattern = re.compile("(?=(" + _trie_pattern(root) + "))", re.IGNORECASE) \
            if self.rules else None
        # For the longest phrase found at a start: it and the shorter phrases that are its
        # prefixes, each as (length, rule, latin edges to check, is a contrast word).
        self._found: dict[str, list[tuple[int, PhraseRule, bool, bool]]] = {}
        for key in self.rules:
            found = []
            for phrase in (p for p in self.rules if key.startswith(p)):
                rule = self.rules[phrase]
                found.append((len(phrase), rule, _latin(phrase[0]) or _latin(phrase[-1]),
                              rule.rule == "contrast"))
            found.sort(key=lambda f: -f[0])  # longest first: hits come out in (start, -end) order
            self._found[key] = found

    def check(self, text: str) -> list[Hit]:
        if self._pattern is None or not text:
            return []
        plain = text.translate(_TRADITIONAL) if _HAS_TRADITIONAL.search(text) else text
        hits: list[Hit] = []
        for match in self._pattern.finditer(plain):
            found = match.group(1)
            if not found:
                continue
            start = match.start()
            for length, rule, latin, contrast in self._found[found.lower()]:
                end = start + length
                if latin and _inside_word(plain, start, end):
                    continue
                if contrast and not _after_praise(plain, start):
                    continue
                hits.append(Hit(start, end, rule))
        return _drop_contained(hits) if len(hits) > 1 else hits


def _normalise(phrase: str) -> str:
    return phrase.strip().lower().translate(_TRADITIONAL)


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _inside_word(text: str, start: int, end: int) -> bool:
    """English phrases match whole words only: "but" is not in "button"."""
    return (_latin(text[start]) and start > 0 and _latin(text[start - 1])) or \
        (_latin(text[end - 1]) and end < len(text) and _latin(text[end]))


def _after_praise(text: str, start: int) -> bool:
    begin = 0
    for end in SENTENCE_END.finditer(text, max(0, start - 80), start):
        begin = end.end()
    return PRAISE.search(text, max(begin, start - 80), start) is not None


def _drop_contained(hits: list[Hit]) -> list[Hit]:
    """Hits arrive ordered by start, longest first. A hit is dropped when an earlier hit of
    the same or higher severity reaches at least as far: reach[r] is the furthest end of the
    kept hits of rank >= r."""
    reach = {1: -1, 2: -1}
    kept: list[Hit] = []
    for hit in hits:
        rank = _RANK[hit.rule.severity]
        if reach[rank] >= hit.end:
            continue
        kept.append(hit)
        for lower in range(1, rank + 1):
            if hit.end > reach[lower]:
                reach[lower] = hit.end
    return kept
