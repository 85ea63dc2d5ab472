"""The case timeline's sentences: each event is stored as its kind with parameters and worded
when shown, in the interface language; the Chinese sentence is stored beside them for search,
exports and entries written before parameters were kept (those keep their text).

A stored event is a list of parts, each [phrase key, {name: value}]; a value is a text or a
number as written, {"word": list key, "code": code} for a vocabulary word, {"phrase": key}
for a fixed word, {"part": part} for a nested part, {"all": [values]} for a list (、), or
{"words": [values]} for words side by side.
"""
from __future__ import annotations

import json
from typing import Any, Callable

from db.cases.vocabulary import (
    DEFAULT_CATEGORIES, EMOTIONS, FIELD_NAMES, REMEDY_STATUSES, REMEDY_TYPES, SEVERITIES, STAGES,
)
from db.models import CaseEvent
from db.vocabulary import QT_TRANSLATE_NOOP, Vocabulary, translate as interface_language

PHRASES = {
    "created": QT_TRANSLATE_NOOP("timeline", "新建工单（{customer}）{summary}"),
    "edit": QT_TRANSLATE_NOOP("timeline", "修改：{changes}"),
    "change": QT_TRANSLATE_NOOP("timeline", "{field} {old} → {new}"),
    "quoted": QT_TRANSLATE_NOOP("timeline", "“{text}”"),
    "empty": QT_TRANSLATE_NOOP("timeline", "空"),
    "nobody": QT_TRANSLATE_NOOP("timeline", "无"),
    "move": QT_TRANSLATE_NOOP("timeline", "{from_stage} → {to_stage}"),
    "reopen": QT_TRANSLATE_NOOP("timeline", "重新打开，回到“{stage}”"),
    "reason": QT_TRANSLATE_NOOP("timeline", "原因：{text}"),
    "skipped": QT_TRANSLATE_NOOP("timeline", "跳过 {stages}，原因：{reason}"),
    "satisfaction": QT_TRANSLATE_NOOP("timeline", "满意度 {score} 分"),
    "improvement": QT_TRANSLATE_NOOP("timeline", "改善措施：{text}"),
    "return_visit_on": QT_TRANSLATE_NOOP("timeline", "{date} 回访"),
    "note": QT_TRANSLATE_NOOP("timeline", "备注：{text}"),
    "remedy": QT_TRANSLATE_NOOP("timeline", "补救方案：{remedy}"),
    "remedy_update": QT_TRANSLATE_NOOP("timeline", "补救方案更新：{remedy}（原为“{old}”）"),
    "promise": QT_TRANSLATE_NOOP("timeline", "约定 {when} 跟进：{text}"),
    "promise_done": QT_TRANSLATE_NOOP("timeline", "已跟进：{text}"),
    "promise_done_note": QT_TRANSLATE_NOOP("timeline", "已跟进：{text}；{note}"),
    "return_visit": QT_TRANSLATE_NOOP("timeline", "完成回访"),
    "return_visit_note": QT_TRANSLATE_NOOP("timeline", "完成回访：{note}"),
    "yuan": QT_TRANSLATE_NOOP("timeline", "{amount} 元"),
    "text": "{text}",  # a sentence typed by a person (a note), as typed
}
PART_SEPARATOR = QT_TRANSLATE_NOOP("timeline", "；")
LIST_SEPARATOR = QT_TRANSLATE_NOOP("timeline", "、")
WORDS: dict[str, Vocabulary] = {"stage": STAGES, "emotion": EMOTIONS, "severity": SEVERITIES,
                                "remedy_type": REMEDY_TYPES, "remedy_status": REMEDY_STATUSES,
                                "field": FIELD_NAMES}

Part = list  # [phrase key, {name: value}]


def part(key: str, **args: Any) -> Part:
    assert key in PHRASES, key
    return [key, args]


def word(kind: str, code: str) -> dict:
    return {"word": kind, "code": code}


def phrase(key: str) -> dict:
    return {"phrase": key}


def nested(key: str, **args: Any) -> dict:
    return {"part": part(key, **args)}


def category(name: str) -> dict:
    """A problem category: a default one reads in the interface language."""
    return {"category": name}


def each(values: list) -> dict:
    return {"all": values}


def side_by_side(values: list) -> dict:
    return {"words": values}


def chinese(parts: list[Part]) -> str:
    """The sentence in the shop's Chinese, as stored in CaseEvent.text."""
    return _render(parts, lambda _context, text: text, lambda words, code: words.source(code))


def sentence(event: CaseEvent) -> str:
    """An event as the timeline shows it: in the interface language when its parameters were
    kept, else the text written at the time."""
    if not event.params:
        return event.text
    return _render(json.loads(event.params), interface_language,
                   lambda words, code: words.label(code))


class Said:
    """Parts inside a message (db.vocabulary.Message): the Chinese sentence as text, the
    sentence in the interface language when worded. Said.of(event) for a stored event."""

    def __init__(self, parts: list[Part] | None, text: str | None = None):
        self.parts = parts
        self.text = chinese(parts) if text is None else text

    @classmethod
    def of(cls, event: CaseEvent) -> "Said":
        return cls(json.loads(event.params) if event.params else None, event.text)

    def __str__(self) -> str:
        return self.text

    def worded(self) -> str:
        if self.parts is None:
            return self.text
        return _render(self.parts, interface_language, lambda words, code: words.label(code))


def _render(parts: list[Part], translate: Callable[[str, str], str],
            label: Callable[[Vocabulary, str], str]) -> str:
    def value(item: Any) -> str:
        if isinstance(item, dict):
            if "word" in item:
                return label(WORDS[item["word"]], item["code"])
            if "category" in item:
                name = item["category"]
                return translate("categories", name) if name in DEFAULT_CATEGORIES else name
            if "phrase" in item:
                return translate("timeline", PHRASES[item["phrase"]])
            if "part" in item:
                return render_part(item["part"])
            if "all" in item:
                return translate("timeline", LIST_SEPARATOR).join(value(v) for v in item["all"])
            if "words" in item:
                return " ".join(value(v) for v in item["words"])
        return str(item)

    def render_part(piece: Part) -> str:
        key, args = piece
        values = {name: value(v) for name, v in args.items()}
        try:
            return translate("timeline", PHRASES[key]).format(**values)
        except (KeyError, IndexError, ValueError):  # a translation that lost a {placeholder}
            return PHRASES[key].format(**values)

    return translate("timeline", PART_SEPARATOR).join(render_part(p) for p in parts)
