"""The wording check (禁语检查): a pure function from text to hits with positions.

A rule is written the way a shop owner says it (db.snippets.rule_pattern): words separated by
"/" are alternatives (规定/规矩), "…" lets a few characters come between two parts in the same
clause (你自己…没看). Fast enough for every keystroke: the first words of all rules are compiled
into one regular expression shaped like a trie, wrapped in a look-ahead so that every start
position reports its longest first word; shorter first words that are its prefixes come from a
table. Only at those few positions is a rule's remainder tried, with its own small expression.
Hits inside a longer hit of the same or higher severity are dropped (绝对不可能 is reported
once, not also as 绝对).
"""
from __future__ import annotations

import dataclasses
import re
from typing import NamedTuple

from db.snippets.rule_pattern import GAP, MAX_GAP, exception_patterns, expression, normalise, parse
from db.snippets.vocabulary import PHRASE_SEVERITIES

SEVERITIES = tuple(PHRASE_SEVERITIES.codes())  # 禁语 / 慎用
_RANK = {"forbidden": 2, "caution": 1}

# A contrast word (但是/不过) counts only after praise or empathy in the same sentence:
# "您的眼光很好，但是……" takes back what was just said.
PRAISE = re.compile(r"很好|真好|挺好|好评|不错|喜欢|满意|漂亮|好看|理解|明白|感谢|谢谢|支持|认可|"
                    r"眼光|优秀|棒|说得对|说的对|道理|合理|宝贵|细心|重视|"
                    r"great|good|nice|understand|thank|appreciate|love", re.IGNORECASE)
SENTENCE_END = re.compile(r"[。！？!?\n；;]")


@dataclasses.dataclass(frozen=True)
class PhraseRule:
    phrase: str  # the pattern, e.g. "公司/平台…规定"
    severity: str = "forbidden"
    reason: str = ""
    suggestion: str = ""
    rule: str = ""  # "" | "contrast": counts only after praise in the same sentence
    category: str = ""  # db.snippets.vocabulary.PHRASE_CATEGORIES
    exceptions: str = ""  # words that make a match harmless: "保证金/质量保证"


class Hit(NamedTuple):  # a tuple: thousands are made per second while typing
    start: int
    end: int
    rule: PhraseRule
    found: str = ""  # the words of the text that matched, as written there
    head: int = 0  # where the rule's first word ends: a one-word better wording replaces that

    @property
    def phrase(self) -> str:
        return self.rule.phrase

    @property
    def severity(self) -> str:
        return self.rule.severity

    @property
    def category(self) -> str:
        return self.rule.category


class _Node(dict):
    end = False


def _size(node: _Node) -> int:
    return node.end + sum(_size(child) for child in node.values())


def _trie_pattern(node: _Node) -> str:
    # Characters that start many words first (不, 我, 你, 是: common ones): the engine tries
    # the alternatives in order at every position of the text.
    order = sorted(node.items(), key=lambda item: (-_size(item[1]), item[0]))
    alternatives = [re.escape(ch) + _trie_pattern(child) for ch, child in order]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    if node.end:  # this word may end here: try the longer ones first, greedily
        return "(?:" + body + ")?"
    return body


class _Compiled(NamedTuple):
    rule: PhraseRule
    rest: re.Pattern | None  # the parts after the first, tried right after the first word
    last: re.Pattern | None  # the last part alone: without it anywhere, the rule cannot match
    exceptions: re.Pattern | None
    reach: int  # how far before a match an exception may start
    contrast: bool


class PhraseChecker:
    def __init__(self, rules: list[PhraseRule]):
        self.rules: list[PhraseRule] = []
        by_first: dict[str, list[_Compiled]] = {}
        for rule in rules:
            parts = parse(rule.phrase)
            if not parts:
                continue
            self.rules.append(rule)
            rest = re.compile(GAP + expression(parts[1:])) if len(parts) > 1 else None
            last = re.compile(expression(parts[-1:])) if len(parts) > 1 else None
            exceptions = exception_patterns(rule.exceptions)
            excepted = re.compile("|".join(expression(e) for e in exceptions)) \
                if exceptions else None
            reach = max((_longest(e) for e in exceptions), default=0)
            compiled = _Compiled(rule, rest, last, excepted, reach, rule.rule == "contrast")
            for word in parts[0]:
                by_first.setdefault(word, []).append(compiled)
        root = _Node()
        for word in by_first:
            node = root
            for ch in word:
                node = node.setdefault(ch, _Node())
            node.end = True
        # The character class first: most positions are rejected by one test instead of by
        # trying every first character of the trie in turn (5x faster on 2,000 characters).
        first_chars = "".join(sorted(re.escape(ch) for ch in root))
        self._pattern = re.compile(f"(?=[{first_chars}])(?=({_trie_pattern(root)}))") \
            if by_first else None
        # For the longest first word found at a start: it and the shorter first words that are
        # its prefixes, each as (length, latin edges to check, the rules starting with it).
        self._found: dict[str, list[tuple[int, bool, list[_Compiled]]]] = {}
        for key in by_first:
            found = [(len(word), _latin(word[0]) or _latin(word[-1]), by_first[word])
                     for word in by_first if key.startswith(word)]
            found.sort(key=lambda f: -f[0])
            self._found[key] = found

    def check(self, text: str) -> list[Hit]:
        if self._pattern is None or not text:
            return []
        plain = _lower(normalise(text))
        hits: list[Hit] = []
        # Per first word, the rules whose last part occurs somewhere in the text: a common first
        # word (您, 我们) then costs one search per rule instead of one attempt per occurrence.
        usable: dict[str, list[tuple[int, bool, list[_Compiled]]]] = {}
        present: dict[int, bool] = {}
        for match in self._pattern.finditer(plain):
            found = match.group(1)
            if not found:
                continue
            start = match.start()
            candidates = usable.get(found)
            if candidates is None:
                candidates = usable[found] = [
                    (length, latin,
                     [c for c in rules if c.last is None or _present(c, plain, present)])
                    for length, latin, rules in self._found[found]]
            for length, latin, compiled_rules in candidates:
                first_end = start + length
                if latin and _inside_word(plain, start, first_end):
                    continue
                for compiled in compiled_rules:
                    end = first_end
                    if compiled.rest is not None:
                        rest = compiled.rest.match(plain, first_end)
                        if rest is None:
                            continue
                        end = rest.end()
                        if _latin(plain[end - 1]) and end < len(plain) and _latin(plain[end]):
                            continue
                    if compiled.contrast and not _after_praise(plain, start):
                        continue
                    if compiled.exceptions is not None and _excepted(compiled, plain, start, end):
                        continue
                    hits.append(Hit(start, end, compiled.rule, text[start:end], first_end))
        if len(hits) > 1:
            hits.sort(key=lambda h: (h.start, -h.end))
            return _drop_contained(hits)
        return hits


def _present(compiled: _Compiled, text: str, known: dict[int, bool]) -> bool:
    key = id(compiled)
    if key not in known:
        known[key] = compiled.last.search(text) is not None
    return known[key]


def _lower(text: str) -> str:
    """Lower case with every position kept (a few letters, such as İ, grow when lowered)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _longest(parts: list[list[str]]) -> int:
    return sum(max(map(len, words)) for words in parts) + MAX_GAP * (len(parts) - 1)


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _inside_word(text: str, start: int, end: int) -> bool:
    """English words match whole words only: "but" is not in "button"."""
    return (_latin(text[start]) and start > 0 and _latin(text[start - 1])) or \
        (_latin(text[end - 1]) and end < len(text) and _latin(text[end]))


def _after_praise(text: str, start: int) -> bool:
    begin = 0
    for end in SENTENCE_END.finditer(text, max(0, start - 80), start):
        begin = end.end()
    return PRAISE.search(text, max(begin, start - 80), start) is not None


def _excepted(compiled: _Compiled, text: str, start: int, end: int) -> bool:
    """A match is harmless when an exception overlaps it (保证 in 保证金)."""
    reach = compiled.reach
    for found in compiled.exceptions.finditer(text, max(0, start - reach), end + reach):
        if found.start() < end and found.end() > start:
            return True
    return False


def _drop_contained(hits: list[Hit]) -> list[Hit]:
    """Hits arrive ordered by start, longest first. A hit is dropped when an earlier hit of
    the same or higher severity reaches at least as far: reach[r] is the furthest end of the
    kept hits of rank >= r."""
    reach = {1: -1, 2: -1}
    kept: list[Hit] = []
    for hit in hits:
        rank = _RANK.get(hit.rule.severity, 2)
        if reach[rank] >= hit.end:
            continue
        kept.append(hit)
        for lower in range(1, rank + 1):
            if hit.end > reach[lower]:
                reach[lower] = hit.end
    return kept
