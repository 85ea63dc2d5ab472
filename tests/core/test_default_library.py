"""The bundled library: loads once, re-loads without duplicates, keeps user edits, is clean."""
from __future__ import annotations

import json

import pytest

from db.models import ForbiddenPhrase, Snippet, SnippetCategory
from db.snippets import defaults as default_library, phrases, library as snippets
from db.snippets.render import PLACEHOLDERS, tokens
from db.storage.resources import resource

STEPS = ("热情接待", "道歉", "补救", "跟进")


def test_first_open_loads_every_category_and_later_opens_do_not(database):
    assert default_library.load_on_first_open("zh_CN")
    names = [c.name for c in snippets.categories()]
    for name in ("接待问候", "商品咨询", "议价", "催付", "发货物流", "售后", "道歉安抚",
                 "投诉处理", "感谢告别", *STEPS):
        assert name in names
    counts = snippets.category_counts(None)
    assert all(counts.get(c.id, 0) >= 1 for c in snippets.categories())
    Snippet.delete().execute()
    assert not default_library.load_on_first_open("zh_CN")
    assert Snippet.select().count() == 0


def test_reloading_never_duplicates_or_overwrites_edits(database, owner):
    default_library.load_defaults("zh_CN")
    total, phrase_total = Snippet.select().count(), ForbiddenPhrase.select().count()
    edited = Snippet.get(Snippet.key == "soothe.sorry")
    snippets.update(edited.id, snippets.SnippetData(title="我的道歉", body="我改过的话",
                                                    category_id=edited.category_id), owner)
    gone = Snippet.get(Snippet.key == "thanks.bye")
    snippets.delete([gone.id])
    assert default_library.load_defaults("zh_CN") == (1, 0)  # only the deleted one returns
    assert Snippet.select().count() == total
    assert ForbiddenPhrase.select().count() == phrase_total
    assert Snippet.get_by_id(edited.id).body == "我改过的话"
    assert SnippetCategory.select().count() == len(
        json.loads(resource("defaults", "snippets_zh.json").read_text("utf-8"))["categories"])


def test_renamed_category_is_kept_on_reload(database):
    default_library.load_defaults("zh_CN")
    category = SnippetCategory.get(SnippetCategory.key == "bargain")
    snippets.rename_category(category.id, "讲价")
    default_library.load_defaults("zh_CN")
    assert SnippetCategory.get(SnippetCategory.key == "bargain").name == "讲价"
    assert not SnippetCategory.select().where(SnippetCategory.name == "议价").exists()


def test_english_set_shares_the_categories(database):
    default_library.load_defaults("en")
    assert snippets.search("sorry", None)[0].title == "Sincere apology"


@pytest.mark.parametrize("name", ["snippets_zh.json", "snippets_en.json"])
def test_defaults_are_free_of_forbidden_phrases_and_unknown_placeholders(database, name):
    default_library.load_defaults("zh_CN")  # loads the phrase lists
    data = json.loads(resource("defaults", name).read_text("utf-8"))
    keys = set()
    for group in data["categories"]:
        for item in group["snippets"]:
            assert item["key"] not in keys
            keys.add(item["key"])
            for field in ("title", "body"):
                hits = phrases.check(item[field])
                assert hits == [], f"{item['key']}: {[h.phrase for h in hits]}"
            assert not [t.name for t in tokens(item["body"]) if t.kind == "unknown"], item["key"]
    assert PLACEHOLDERS


def test_phrase_suggestions_are_themselves_clean(database):
    default_library.load_defaults("zh_CN")
    for phrase in phrases.all_phrases():
        suggestion = phrase.suggestion.replace("“", "").replace("”", "")
        assert [h.phrase for h in phrases.check(suggestion)
                if h.severity == "forbidden"] == [], phrase.phrase


def test_english_ui_gets_the_english_set_on_first_open(database):
    assert default_library.load_on_first_open("en")
    assert Snippet.select().where(Snippet.key.startswith("en.")).count() == Snippet.select().count()
    [hit] = phrases.check("Sorry, I can't help")
    assert "Sorry, I can't help"[hit.start:hit.end] == "I can't"


def test_switching_the_ui_to_english_adds_the_english_set_once(database):
    default_library.load_on_first_open("zh_CN")
    chinese = Snippet.select().count()
    assert default_library.load_on_first_open("en")
    english = Snippet.select().where(Snippet.key.startswith("en.")).count()
    assert english > 0 and Snippet.select().count() == chinese + english
    assert not default_library.load_on_first_open("en")
    assert not default_library.load_on_first_open("zh_CN")
    assert SnippetCategory.get(SnippetCategory.key == "greeting").name == "接待问候"
