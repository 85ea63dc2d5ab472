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

    def by_source(self) -> dict[str, str]:
        """Chinese label -> code: reading back what Excel and stored text hold."""
        return {text: code for code, text in self.labels.items()}

    def sources(self) -> list[str]:
        """Every Chinese label, in order (Excel drop-downs)."""
        return list(self.labels.values())

    def items(self) -> list[tuple[str, str]]:
        """(code, label in the interface language), in order: for drop-downs."""
        return [(code, self.label(code)) for code in self.labels]
