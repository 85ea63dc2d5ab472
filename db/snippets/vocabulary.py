"""The snippets' codes and words, each defined once (see db.vocabulary)."""
from __future__ import annotations

from db.vocabulary import QT_TRANSLATE_NOOP, Vocabulary

# How bad a listed phrase is: never to be said, or to be used with care.
PHRASE_SEVERITIES = Vocabulary("snippets", {
    "forbidden": QT_TRANSLATE_NOOP("snippets", "禁语"),
    "caution": QT_TRANSLATE_NOOP("snippets", "慎用"),
})
