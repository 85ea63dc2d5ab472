"""The snippets' codes and words, each defined once (see db.vocabulary)."""
from __future__ import annotations

from db.vocabulary import QT_TRANSLATE_NOOP, Vocabulary

# How bad a listed phrase is: never to be said, or to be used with care.
PHRASE_SEVERITIES = Vocabulary("snippets", {
    "forbidden": QT_TRANSLATE_NOOP("snippets", "禁语"),
    "caution": QT_TRANSLATE_NOOP("snippets", "慎用"),
})

# What kind of bad wording a rule catches (the eight kinds, in a shop owner's words).
PHRASE_CATEGORIES = Vocabulary("snippets", {
    "deflect": QT_TRANSLATE_NOOP("snippets", "推诿"),
    "blame": QT_TRANSLATE_NOOP("snippets", "指责"),
    "refuse": QT_TRANSLATE_NOOP("snippets", "拒绝"),
    "impatient": QT_TRANSLATE_NOOP("snippets", "不耐烦"),
    "absolute": QT_TRANSLATE_NOOP("snippets", "绝对承诺"),
    "delay": QT_TRANSLATE_NOOP("snippets", "拖延"),
    "contradict": QT_TRANSLATE_NOOP("snippets", "反驳"),
    "contrast": QT_TRANSLATE_NOOP("snippets", "转折"),
})
