"""The core's words: each code's label defined once, marked for translation, and answered in
the interface language once the desktop installs its translator."""
from __future__ import annotations

import importlib
import pkgutil


import db
from db.cases import vocabulary as case_words
from db.vocabulary import Vocabulary
from tests.helpers import english



def every_vocabulary() -> list[Vocabulary]:
    found = []
    for info in pkgutil.walk_packages(db.__path__, "db."):
        module = importlib.import_module(info.name)
        found += [v for v in vars(module).values() if isinstance(v, Vocabulary)]
    return list({id(v): v for v in found}.values())


def test_every_label_of_the_core_is_translated_under_its_context():
    translated = english()
    vocabularies = every_vocabulary()
    assert len(vocabularies) >= 8  # stages, moods, severities, remedies, fields ...
    for words in vocabularies:
        for code, label in words.labels.items():
            assert (words.context, label) in translated, f"{words.context}: {code} {label}"
    for items in case_words.CHECKLISTS.values():
        for item in items:
            assert ("checklist", item) in translated, item


def test_labels_follow_the_interface_language_and_sources_stay_chinese(interface_in_english):
    stages = case_words.STAGES
    assert stages.label("apology") == "Apology"
    assert stages.source("apology") == "道歉"
    assert stages.code(stages.label("apology")) == "apology" == stages.code("道歉")
    assert stages.label("unknown") == "unknown" and stages.code("nothing") is None
    assert [code for code, _label in stages.items()] == stages.codes()


def test_without_a_translator_labels_are_the_chinese_words():
    assert case_words.STAGES.label("apology") == "道歉"
    assert case_words.EMOTIONS.sources() == ["平静", "焦虑", "愤怒", "悲伤", "喧哗"]
