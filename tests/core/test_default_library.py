"""The bundled library: loads once, re-loads without duplicates, keeps user edits, is clean."""
from __future__ import annotations

import json

import pytest

from db.models import ForbiddenPhrase, Snippet, SnippetCategory
from db.snippets import defaults as default_library, phrases, library as snippets
from db.snippets.render import PLACEHOLDERS, tokens
from db.storage import settings
from db.storage.resources import resource

STEPS = ("热情接待", "道歉", "补救", "跟进")


def test_first_open_loads_every_category_and_later_opens_do_not(database):
    assert default_library.load_on_first_open("zh_CN")
    names = [c.name for c in snippets.categories()]
    assert names == ["接待问候", "商品咨询", "议价", "催付", "订单修改", "发货物流", "感谢告别",
                     *STEPS]  # one group per purpose; after-sales in the four steps
    counts = snippets.category_counts(None)
    assert all(counts.get(c.id, 0) >= 8 for c in snippets.categories())
    assert Snippet.select().count() >= 150
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
    assert [c.name for c in snippets.categories()][-4:] == [
        "Warm reception", "Apology", "Remedy", "Follow-up"]


@pytest.mark.parametrize("name", ["snippets_zh.json", "snippets_en.json"])
def test_each_set_has_150_snippets_with_codes_unique_in_their_language(name):
    data = json.loads(resource("defaults", name).read_text("utf-8"))
    items = [item for group in data["categories"] for item in group["snippets"]]
    codes = [item["shortcut"] for item in items]
    assert len(items) >= 150 and all(codes) and len(set(codes)) == len(codes)
    assert all(snippets.SHORTCUT.match(code) and len(code) <= 16 for code in codes)
    groups = [group["key"] for group in data["categories"]]
    assert groups[-4:] == ["step_reception", "step_apology", "step_remedy", "step_followup"]
    assert len(set(groups)) == len(groups)
    assert all(len(group["snippets"]) >= 8 for group in data["categories"])


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


def test_switching_the_ui_language_never_adds_the_other_set(database):
    default_library.load_on_first_open("zh_CN")
    chinese = Snippet.select().count()
    assert not default_library.load_on_first_open("en")
    assert not default_library.load_on_first_open("zh_CN")
    assert Snippet.select().count() == chinese
    assert not Snippet.select().where(Snippet.key.startswith("en.")).exists()


def test_restoring_the_other_language_adds_it_once_beside_the_shops_edits(database, owner):
    default_library.load_on_first_open("zh_CN")
    chinese = Snippet.select().count()
    mine = snippets.create(snippets.SnippetData(title="我的欢迎", body="自己写的", shortcut="hi"),
                           owner)
    added, _ = default_library.load_defaults("en", owner)
    english = Snippet.select().where(Snippet.key.startswith("en.")).count()
    assert added == english >= 150 and Snippet.select().count() == chinese + english + 1
    assert default_library.load_defaults("en", owner) == (0, 0)
    assert Snippet.get_by_id(mine.id).shortcut == "hi"  # the shop's code stays its own
    welcome = Snippet.get(Snippet.key == "en.greeting.welcome")
    assert welcome.shortcut == "hi2" and welcome.category.name == "接待问候"
    assert not default_library.load_on_first_open("zh_CN")
    assert Snippet.select().count() == chinese + english + 1  # asked for: stays


OLD_ENGLISH = {  # what the language switch of earlier builds added (their English texts)
    "en.greeting.welcome": ("Welcome", "hi", "Hello {name}, welcome to {shop}! I'm {agent}. "
                            "How may I help you today?"),
    "en.soothe.sorry": ("Sincere apology", "sorry", "{name}, we are very sorry for the trouble. "
                        "This was our mistake and we will take care of it."),
    "en.thanks.bye": ("Thank you", "bye", "Thank you for shopping with us, {name}! "
                      "Contact me any time. — {agent}"),
    "en.shipping.when": ("When we ship", "ship", "{name}, we normally ship within 48 hours of "
                         "payment."),
}


def test_english_left_behind_by_the_old_switch_goes_unless_the_shop_touched_it(database, owner):
    default_library.load_on_first_open("zh_CN")
    chinese = Snippet.select().count()
    greeting = SnippetCategory.get(SnippetCategory.key == "greeting")
    made = {key: snippets.create(snippets.SnippetData(title=t, shortcut=c, body=b,
                                                      category_id=greeting.id), None, key=key)
            for key, (t, c, b) in OLD_ENGLISH.items()}
    settings.put(default_library.LOADED_SETTING, ["zh", "en"])  # as the old switch left it
    snippets.record_use([made["en.soothe.sorry"].id])  # copied for a buyer: the shop uses it
    snippets.update(made["en.thanks.bye"].id, snippets.SnippetData(
        title="Thank you", shortcut="bye", body="Thanks, {name}!"), owner)  # edited
    assert not default_library.load_on_first_open("en")  # still in English: nothing yet
    assert Snippet.select().count() == chinese + 4
    assert not default_library.load_on_first_open("zh_CN")
    left = {s.key for s in Snippet.select().where(Snippet.key.startswith("en."))}
    assert left == {"en.soothe.sorry", "en.thanks.bye"}
    assert Snippet.select().count() == chinese + 2
    assert settings.get(default_library.LOADED_SETTING) == ["zh"]
    assert snippets.search("welcome", None) == []  # the search index follows
    assert not default_library.load_on_first_open("zh_CN")  # idempotent
    assert Snippet.select().count() == chinese + 2
