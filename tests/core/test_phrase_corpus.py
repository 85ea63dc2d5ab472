"""The default wording rules measured on a labelled corpus (tests/fixtures/phrase_corpus.txt),
and on every bundled default snippet, which must pass the check."""
from __future__ import annotations

import json

import pytest

from db.snippets import defaults as default_library
from db.snippets.phrase_check import PhraseChecker, PhraseRule
from db.storage.resources import resource
from tests.fixtures import phrase_corpus


def default_checker() -> PhraseChecker:
    rules = []
    for name in default_library.PHRASE_FILES:
        for item in json.loads(resource("defaults", name).read_text("utf-8"))["phrases"]:
            rules.append(PhraseRule(item["phrase"], item["severity"], item.get("reason", ""),
                                    item.get("suggestion", ""), item.get("rule", ""),
                                    item.get("category", ""), item.get("exceptions", "")))
    return PhraseChecker(rules)


CHECKER = default_checker()
CORPUS = phrase_corpus.load()


def flagged(sentences: list[str]) -> list[str]:
    return [s for s in sentences if CHECKER.check(s)]


def test_the_corpus_is_large_enough():
    assert len(CORPUS["bad"]) >= 150 and len(CORPUS["good"]) >= 150
    assert CORPUS["heldout-bad"] and CORPUS["heldout-good"]


def test_at_least_nine_in_ten_bad_replies_are_caught():
    missed = [s for s in CORPUS["bad"] if not CHECKER.check(s)]
    assert len(missed) <= 0.10 * len(CORPUS["bad"]), missed


def test_at_most_three_in_a_hundred_good_replies_are_flagged():
    wrong = flagged(CORPUS["good"])
    assert len(wrong) <= 0.03 * len(CORPUS["good"]), wrong


def test_held_out_sentences_never_tuned_on_stay_close_to_the_goals():
    """Written with the rest but never looked at while writing rules: the figure a buyer's
    unseen sentence would get (docs/benchmarks.md). A floor, not the goal, so that the part
    stays honest: fixing a miss here would make it one more tuned sentence."""
    assert len(flagged(CORPUS["heldout-bad"])) >= 0.85 * len(CORPUS["heldout-bad"])
    assert len(flagged(CORPUS["heldout-good"])) <= 0.03 * len(CORPUS["heldout-good"])


def _default_snippets() -> list[tuple[str, str, str]]:
    """(file, key, text) for the title and body of every bundled snippet, whatever files the
    library has (snippets_*.json)."""
    found = []
    for path in sorted(resource("defaults", "x").parent.glob("snippets_*.json")):
        for group in json.loads(path.read_text("utf-8"))["categories"]:
            for item in group["snippets"]:
                found += [(path.name, item["key"], item[f]) for f in ("title", "body")]
    return found


def test_no_default_snippet_is_flagged_by_the_default_rules():
    snippets = _default_snippets()
    assert len(snippets) >= 2 * 40
    hits = [(name, key, text[h.start:h.end], h.rule.phrase)
            for name, key, text in snippets for h in CHECKER.check(text)]
    assert hits == []


@pytest.mark.parametrize("text", ["亲，这是平台规定的流程，我一步步带您操作。",
                                  "为了保证您的权益，请当面验货。",
                                  "虽然这次出了问题，但是我们会负责到底。"])
def test_harmless_uses_of_rule_words_pass(text):
    assert CHECKER.check(text) == []
