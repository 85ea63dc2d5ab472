"""Small text rules shared by the areas: search keys, LIKE escaping, phone numbers."""
from __future__ import annotations

import re

from db import pinyin
from db.vocabulary import QT_TRANSLATE_NOOP, translate


def search_key(*parts: str, spell: tuple[str, ...] = ()) -> str:
    """One lower-cased string that a LIKE scan can search: the parts plus pinyin of `spell`."""
    words = [p.strip().lower() for p in parts if p and p.strip()]
    for text in spell:
        words += pinyin.spellings(text)
    return " ".join(words)


def like_pattern(term: str) -> str:
    escaped = term.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_terms(query: str) -> list[str]:
    return [t for t in query.lower().split() if t]


_PHONE_JUNK = re.compile(r"[\s\-().（）—–·]")


class PhoneError(ValueError):
    """Why a text is not a phone number (Chinese); `template` and `value` let the import
    wizard word it in the interface language."""

    def __init__(self, template: str, value):
        super().__init__(template.replace("%1", str(value)))
        self.template, self.value = template, str(value)

    def worded(self) -> str:
        """The same in the interface language (a customer form shows it)."""
        return translate("ImportNotes", self.template).replace("%1", self.value)


def normalise_phone(raw: str | int | float | None) -> str:
    """Digits of a phone number as the shop would dial it; '' for empty.

    Accepts what rosters contain: spaces, dashes, +86/0086, numbers stored as floats.
    Foreign numbers keep a leading '+'. Raises PhoneError when it cannot be a phone.
    """
    if raw is None:
        return ""
    if isinstance(raw, float):
        if raw != int(raw):
            raise PhoneError(QT_TRANSLATE_NOOP("ImportNotes", "“%1” 不是电话号码"), raw)
        raw = int(raw)
    text = _PHONE_JUNK.sub("", str(raw).strip())
    if not text:
        return ""
    if text.startswith("00"):
        text = "+" + text[2:]
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("86") and len(text) == 13:
        text = text[2:]
    if text.startswith("+"):
        if not text[1:].isdigit() or not 8 <= len(text) - 1 <= 15:
            raise PhoneError(QT_TRANSLATE_NOOP("ImportNotes", "“%1” 不像国际电话号码"), raw)
        return text
    if not text.isdigit():
        raise PhoneError(QT_TRANSLATE_NOOP("ImportNotes", "“%1” 含有非数字字符"), raw)
    if text.startswith("1"):
        if len(text) != 11 or text[1] not in "3456789":
            raise PhoneError(QT_TRANSLATE_NOOP(
                    "ImportNotes", "“%1” 不是有效的手机号（应为 1 开头的 11 位数字）"), raw)
        return text
    if text.startswith("0"):
        if not 10 <= len(text) <= 12:
            raise PhoneError(QT_TRANSLATE_NOOP(
                    "ImportNotes", "“%1” 不是有效的座机号（区号 + 号码，共 10–12 位）"), raw)
        return text
    if 7 <= len(text) <= 8:  # local landline without area code
        return text
    raise PhoneError(QT_TRANSLATE_NOOP("ImportNotes", "“%1” 不是有效的电话号码"), raw)


def format_phone(phone: str) -> str:
    """13800138000 -> 138 0013 8000 for reading; other numbers unchanged."""
    if len(phone) == 11 and phone.startswith("1"):
        return f"{phone[:3]} {phone[3:7]} {phone[7:]}"
    return phone
