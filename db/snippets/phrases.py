"""The editable wording rules (禁语/慎用): storage, validation and a cached checker.

A rule's `phrase` is a pattern (db.snippets.rule_pattern); the checker is compiled once per
rule set and rebuilt only after a rule changes."""
from __future__ import annotations

from db.errors import FieldError
from db.models import ForbiddenPhrase, Snippet, database
from db.snippets.phrase_check import SEVERITIES, Hit, PhraseChecker, PhraseRule
from db.snippets.rule_pattern import problem
from db.snippets.vocabulary import PHRASE_CATEGORIES
from db.storage import named
from db.vocabulary import QT_TRANSLATE_NOOP

MAX_PHRASE = 250  # the column is VARCHAR(255) on PostgreSQL; the longest default is 158
CATEGORIES = tuple(PHRASE_CATEGORIES.codes())

_cached: tuple[object, PhraseChecker] | None = None  # (database it was built from, checker)


class PhraseError(FieldError):
    """Invalid forbidden-phrase input."""
    context = "PhraseError"


def checker() -> PhraseChecker:
    """The checker for the active phrases; rebuilt only after the list changes."""
    global _cached
    if _cached is None or _cached[0] is not database.obj:
        # The owner's own rules first: where one of them and a default catch the same words,
        # the owner's reason and wording are shown.
        rows = sorted(active_phrases(), key=lambda p: p.key is not None)
        _cached = (database.obj, PhraseChecker([rule_of(p) for p in rows]))
    return _cached[1]


def invalidate() -> None:
    global _cached
    _cached = None


def check(text: str) -> list[Hit]:
    return checker().check(text)


def rule_of(phrase: ForbiddenPhrase) -> PhraseRule:
    return PhraseRule(phrase.phrase, phrase.severity, phrase.reason, phrase.suggestion,
                      phrase.rule, phrase.category, phrase.exceptions)


def try_rule(rule: PhraseRule, sample: str) -> list[Hit]:
    """What one rule (not saved yet) catches in a sample sentence: for the rule editor."""
    return PhraseChecker([rule]).check(sample) if not problem(rule.phrase) else []


def active_phrases() -> list[ForbiddenPhrase]:
    return list(ForbiddenPhrase.select().where(ForbiddenPhrase.active == True)  # noqa: E712
                .order_by(ForbiddenPhrase.id))


def all_phrases() -> list[ForbiddenPhrase]:
    return list(ForbiddenPhrase.select().order_by(ForbiddenPhrase.severity.desc(),
                                                  ForbiddenPhrase.id))


def _clean(phrase: str, severity: str, phrase_id: int | None, category: str = "") -> str:
    phrase = phrase.strip()
    if not phrase:
        raise PhraseError("phrase", QT_TRANSLATE_NOOP("PhraseError", "请填写禁语内容"))
    if problem(phrase):
        raise PhraseError("phrase", problem(phrase))
    if category and category not in CATEGORIES:
        raise PhraseError("category", QT_TRANSLATE_NOOP("PhraseError", "未知的类别 %1"), category)
    if len(phrase) > MAX_PHRASE:
        raise PhraseError("phrase", QT_TRANSLATE_NOOP("PhraseError", "禁语过长（最多 %1 个字）"), MAX_PHRASE)
    if severity not in SEVERITIES:
        raise PhraseError("severity", QT_TRANSLATE_NOOP("PhraseError", "未知的级别 %1"), severity)
    if named.taken(ForbiddenPhrase.phrase, phrase, phrase_id):
        raise PhraseError("phrase", QT_TRANSLATE_NOOP("PhraseError", "禁语“%1”已在列表中"), phrase)
    return phrase


def add(phrase: str, severity: str = "forbidden", reason: str = "", suggestion: str = "",
        rule: str = "", category: str = "", exceptions: str = "") -> ForbiddenPhrase:
    phrase = _clean(phrase, severity, None, category)
    row = ForbiddenPhrase.create(phrase=phrase, severity=severity, reason=reason.strip(),
                                 suggestion=suggestion.strip(), rule=rule, category=category,
                                 exceptions=exceptions.strip())
    invalidate()
    return row


def update(phrase_id: int, phrase: str, severity: str, reason: str, suggestion: str,
           active: bool = True, category: str | None = None,
           exceptions: str | None = None) -> None:
    """None for category or exceptions keeps what the rule has."""
    phrase = _clean(phrase, severity, phrase_id, category or "")
    fields = dict(phrase=phrase, severity=severity, reason=reason.strip(),
                  suggestion=suggestion.strip(), active=active)
    if category is not None:
        fields["category"] = category
    if exceptions is not None:
        fields["exceptions"] = exceptions.strip()
    ForbiddenPhrase.update(**fields).where(
        ForbiddenPhrase.id == phrase_id).execute()
    invalidate()


def delete(phrase_id: int) -> None:
    ForbiddenPhrase.delete().where(ForbiddenPhrase.id == phrase_id).execute()
    invalidate()


def snippets_with_hits(staff_id: int | None = None) -> list[tuple[Snippet, list[Hit]]]:
    """Every snippet the staff member can see whose title or body has a hit."""
    from db.snippets.library import visible  # noqa: PLC0415 - snippets imports nothing from here
    found = []
    for snippet in visible(Snippet.select(), staff_id).order_by(Snippet.id):
        hits = check(snippet.title) + check(snippet.body)
        if hits:
            found.append((snippet, hits))
    return found
