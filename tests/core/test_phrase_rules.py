"""Wording rules beyond exact strings: gaps, alternatives, exceptions, categories; stored rules
migrated from the old phrase list; the rule editor's "try it on a sentence"."""
from __future__ import annotations

import json

import pytest

from db.models import ForbiddenPhrase
from db.snippets import defaults as default_library, phrases
from db.snippets.phrase_check import PhraseChecker, PhraseRule
from db.snippets.rule_pattern import parse, problem
from db.storage import dialect, migrations, settings
from db.storage.migrations import m0011_phrase_rules as step
from db.storage.resources import resource
from db.trust import audit


def caught(rule: PhraseRule, text: str) -> list[str]:
    return [text[h.start:h.end] for h in PhraseChecker([rule]).check(text)]


def test_words_in_order_with_a_gap_within_one_clause():
    rule = PhraseRule("你自己…没看", category="blame")
    assert caught(rule, "你自己没看清楚") == ["你自己没看"]
    assert caught(rule, "是你自己下单前没看详情") == ["你自己下单前没看"]
    assert caught(rule, "你自己决定，我们没看到问题") == []  # the clause ended
    assert caught(rule, "没看你自己") == []  # order matters


def test_alternatives_stand_for_synonyms_in_every_part():
    rule = PhraseRule("公司/平台/店里…规定/规矩")
    assert caught(rule, "这是店里的规矩") == ["店里的规矩"]
    assert caught(rule, "平台规定的") == ["平台规定"]
    assert caught(rule, "公司放假") == []


def test_exceptions_make_a_match_harmless_and_may_have_gaps_too():
    rule = PhraseRule("保证…明天/准时", "caution", exceptions="尽量保证/为了保证、如果…不能")
    assert caught(rule, "保证明天到") == ["保证明天"]
    assert caught(rule, "我们会尽量保证明天送到") == []
    plain = PhraseRule("改不了", exceptions="如果/万一…不了")
    assert caught(plain, "如果快递那边改不了，我们再商量") == []
    assert caught(plain, "地址改不了") == ["改不了"]


def test_the_issues_sentence_gives_three_hits_with_category_reason_and_wording(database):
    default_library.load_defaults("zh_CN")
    text = "这是公司规定，我也没办法，你自己没看清楚"
    hits = phrases.check(text)
    assert [(text[h.start:h.end], h.category) for h in hits] == [
        ("这是公司规定", "deflect"), ("没办法", "deflect"), ("你自己没看", "blame")]
    assert all(h.rule.reason and h.rule.suggestion for h in hits)
    traditional = "這是公司規定，我也沒辦法，你自己沒看清楚"
    spans = [(h.start, h.end) for h in hits]
    assert [(h.start, h.end) for h in phrases.check(traditional)] == spans


def test_a_pattern_is_checked_before_it_is_saved(database):
    assert parse("公司/平台…规定") == [["公司", "平台"], ["规定"]]
    assert problem("…规定") and problem("公司//规定") and not problem("你自己...没看")
    with pytest.raises(phrases.PhraseError, match="…"):
        phrases.add("公司…")
    with pytest.raises(phrases.PhraseError, match="类别"):
        phrases.add("不归我管", category="rude")
    row = phrases.add("不归…管", "forbidden", "推卸责任", "我来帮您联系", category="deflect",
                      exceptions="不归您管")
    assert [h.category for h in phrases.check("这个不归我们管")] == ["deflect"]
    assert phrases.check("这个不归您管") == []
    phrases.update(row.id, "不归…管", "caution", "推卸责任", "", category="blame")
    assert ForbiddenPhrase.get_by_id(row.id).exceptions == "不归您管"  # None kept it
    assert [h.severity for h in phrases.check("这个不归我们管")] == ["caution"]


def test_try_rule_shows_what_an_unsaved_rule_catches():
    rule = PhraseRule("你…不早说", category="blame")
    [hit] = phrases.try_rule(rule, "亲，你怎么不早说呢")
    assert (hit.start, hit.end) == (2, 8)
    assert phrases.try_rule(PhraseRule("…"), "任何话") == []


def test_default_rules_are_many_and_every_one_has_a_category_reason_and_wording():
    rules = [p for name in default_library.PHRASE_FILES
             for p in json.loads(resource("defaults", name).read_text("utf-8"))["phrases"]]
    zh = [p for p in rules if p["key"].startswith("zh.")]
    phrasings = sum(_count(p["phrase"]) for p in zh)
    assert len(zh) >= 80 and phrasings >= 4 * 37
    for rule in rules:
        assert not problem(rule["phrase"]), rule["key"]
        assert len(rule["phrase"]) <= phrases.MAX_PHRASE, rule["key"]
        assert rule["category"] in phrases.CATEGORIES
        assert rule["severity"] in ("forbidden", "caution")
        assert rule["reason"] and rule["suggestion"], rule["key"]
    assert {p["category"] for p in zh} == set(phrases.CATEGORIES)


def test_the_owner_can_edit_the_longest_default_rule(database):
    default_library.load_defaults("zh_CN")
    row = max(phrases.all_phrases(), key=lambda p: len(p.phrase))
    phrases.update(row.id, row.phrase + "/再议", row.severity, row.reason, "店主的说法")
    assert ForbiddenPhrase.get_by_id(row.id).phrase.endswith("/再议")
    with pytest.raises(phrases.PhraseError, match="过长"):
        phrases.update(row.id, "不/" * 130 + "行", row.severity, row.reason, "")


def _count(pattern: str) -> int:
    total = 1
    for words in parse(pattern):
        total *= len(words)
    return total


def _old_row(database, key, phrase, severity, reason, suggestion, rule=""):
    param = database.param
    database.execute_sql(
        "INSERT INTO forbidden_phrase (phrase, severity, rule, reason, suggestion, key, active, "
        f"created_at) VALUES ({', '.join([param] * 7)}, CURRENT_TIMESTAMP)",
        (phrase, severity, rule, reason, suggestion, key, True))


def test_migration_keeps_what_the_owner_wrote_and_swaps_untouched_defaults(database):
    """A schema-9 library: one old default as shipped, one the owner reworded, one of their own."""
    if not dialect.is_postgres(database):  # the session's audit triggers name every column
        for event in ("insert", "update", "delete"):
            database.execute_sql(f"DROP TRIGGER temp.audit_forbidden_phrase_{event}")
    for column in ("category", "exceptions"):
        database.execute_sql(f"ALTER TABLE forbidden_phrase DROP COLUMN {column}")
    database.execute_sql("DELETE FROM schema_version WHERE version = 11")
    _old_row(database, "zh.no_way", "没办法", "forbidden", "直接关上解决问题的门", "我们一起想想办法")
    _old_row(database, "zh.cannot", "我不能", "forbidden", "店主改过的原因", "我们来看看还能怎么帮您")
    _old_row(database, None, "随你们", "forbidden", "", "")
    _old_row(database, None, "但愿", "caution", "", "", rule="contrast")
    settings.put(default_library.LOADED_SETTING, ["zh"])  # the library was loaded long ago

    assert migrations.migrate(database) == [11]
    audit.install(database)
    rows = {r.phrase: r for r in ForbiddenPhrase.select()}
    assert set(rows) == {"我不能", "随你们", "但愿"}
    assert rows["我不能"].category == "refuse" and rows["我不能"].reason == "店主改过的原因"
    assert rows["随你们"].category == "impatient" and rows["但愿"].category == "contrast"
    step.up(database)  # a second run changes nothing
    assert {r.phrase: r.category for r in ForbiddenPhrase.select()} == \
        {p: r.category for p, r in rows.items()}

    assert default_library.load_on_first_open("zh_CN")  # the new rules arrive once
    keys = {r.key: r for r in ForbiddenPhrase.select()}
    assert "/" in keys["zh.no_way"].phrase and keys["zh.cannot"].reason == "店主改过的原因"
    assert not default_library.load_on_first_open("zh_CN")
    assert [h.category for h in phrases.check("我们也无能为力")] == ["deflect"]
