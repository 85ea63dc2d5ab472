"""Codes stored in the database and their labels, each written once, in the core.

A label is the shop's Chinese word, marked with QT_TRANSLATE_NOOP(context, text) so that
tools/i18n.py (Qt's lupdate) extracts it for translation, although the core never imports Qt.
The desktop installs a translator at start-up (`set_translator`); `label()` then answers in
the interface language wherever the core words something for display (timelines, reports,
letters). `source()` is the Chinese word itself, for what must read the same in any language:
Excel columns and drop-downs, which an import reads back.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Callable


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text


_translate: Callable[[str, str], str] = lambda _context, text: text  # noqa: E731


def set_translator(translate: Callable[[str, str], str] | None) -> None:
    """translate(context, Chinese text) -> text in the interface language; None: Chinese."""
    global _translate
    _translate = translate or (lambda _context, text: text)


def translate(context: str, text: str) -> str:
    return _translate(context, text)


def worded(value) -> str:
    """A value inside a message, in the interface language: a Term, a Message or an error
    of the core with worded() is translated, anything else (a name, a number) is as it is."""
    return value.worded() if hasattr(value, "worded") else str(value)


_PLACE = re.compile(r"%(\d+)")


def fill(template: str, values: tuple, word: Callable[[object], str] = str) -> str:
    """%1, %2... of template replaced by word(value), in one pass: a value that itself holds
    "%2" (a name the shop typed) is never replaced again."""
    def value(match: re.Match) -> str:
        n = int(match.group(1))
        return word(values[n - 1]) if 1 <= n <= len(values) else match.group(0)
    return _PLACE.sub(value, template) if values else template


@dataclasses.dataclass(frozen=True)
class Message:
    """A sentence of the core for the user, kept as its Chinese template (marked
    QT_TRANSLATE_NOOP(context, ...)) and its values: str() is the Chinese text (the command
    line, logs, an import's report), worded() the same in the interface language."""
    context: str
    template: str
    values: tuple = ()

    def __str__(self) -> str:
        return fill(self.template, self.values)

    def worded(self) -> str:
        return fill(translate(self.context, self.template), self.values, worded)


@dataclasses.dataclass(frozen=True)
class Listed:
    """Several values inside a message: `between` (a separator marked under `context`) between
    them, translated when worded; each value worded too."""
    items: tuple
    context: str
    between: str

    def __str__(self) -> str:
        return self.between.join(str(item) for item in self.items)

    def worded(self) -> str:
        return translate(self.context, self.between).join(worded(item) for item in self.items)


@dataclasses.dataclass(frozen=True)
class Word:
    """A text inside a message that may be one of the core's marked words (a default problem
    category): as it is in str(), translated under context when worded; a word the shop
    typed has no translation and stays as typed."""
    context: str
    text: str

    def __str__(self) -> str:
        return self.text

    def worded(self) -> str:
        return translate(self.context, self.text)


@dataclasses.dataclass(frozen=True)
class Term:
    """A word of a Vocabulary inside a message: its Chinese label in str(), its label in the
    interface language when worded (Vocabulary.term)."""
    vocabulary: "Vocabulary"
    code: str

    def __str__(self) -> str:
        return self.vocabulary.source(self.code)

    def worded(self) -> str:
        return self.vocabulary.label(self.code)


@dataclasses.dataclass(frozen=True)
class Vocabulary:
    """One list of codes: code -> Chinese label, in display order."""
    context: str  # the translation context every label of the list is marked with
    labels: dict[str, str]

    def label(self, code: str) -> str:
        """The label in the interface language; an unknown code as it is."""
        text = self.labels.get(code)
        return _translate(self.context, text) if text is not None else code

    def source(self, code: str) -> str:
        """The Chinese label, whatever the interface language (Excel, stored text)."""
        return self.labels.get(code, code)

    def code(self, label: str) -> str | None:
        """The code of a label in Chinese or in the interface language."""
        for code, text in self.labels.items():
            if label in (text, _translate(self.context, text)):
                return code
        return None

    def codes(self) -> list[str]:
        return list(self.labels)

    def term(self, code: str) -> Term:
        """The code's label inside a Message or an error: Chinese as text, translated when
        worded."""
        return Term(self, code)

    def by_source(self) -> dict[str, str]:
        """Chinese label -> code: reading back what Excel and stored text hold."""
        return {text: code for code, text in self.labels.items()}

    def sources(self) -> list[str]:
        """Every Chinese label, in order (Excel drop-downs)."""
        return list(self.labels.values())

    def items(self) -> list[tuple[str, str]]:
        """(code, label in the interface language), in order: for drop-downs."""
        return [(code, self.label(code)) for code in self.labels]
