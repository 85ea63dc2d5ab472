"""Schema 11: forbidden phrases become wording rules (措辞规则) with a category and exceptions.

A rule's `phrase` is now a pattern (db.snippets.rule_pattern); an old phrase is a valid pattern
that means what it meant. The bundled phrases of schema 2 that the owner never changed are
removed here: the larger default rule set replaces them when the program opens the database
(db.snippets.defaults.load_new_rules). Phrases the owner added or changed stay, and get a
category. Safe to run twice: it only adds missing columns, removes rows identical to an old
default, and fills empty categories. (Numbered 11: 10 is m0010_log_chain, written alongside.)
"""
from __future__ import annotations

import hashlib

VERSION = 11

# The schema-2 defaults: key -> (category, fingerprint of phrase/severity/rule/reason/suggestion).
OLD_DEFAULTS = {
    "zh.cannot": ("refuse", "f2c3851da9"), "zh.wont": ("refuse", "d136a03dd0"),
    "zh.not_my_job": ("deflect", "4dd1c8615c"), "zh.not_our_business": ("deflect", "a2b9fe4fcd"),
    "zh.none_of_our_business": ("deflect", "cc7bc899b2"),
    "zh.rules_are_rules": ("deflect", "1313d49741"), "zh.just_the_rules": ("deflect", "d74315a031"),
    "zh.no_way": ("deflect", "221f7a3587"),
    "zh.absolutely_impossible": ("contradict", "661de28d36"),
    "zh.impossible": ("contradict", "b499ba4b9c"), "zh.dont_know_clear": ("deflect", "8f387fc15b"),
    "zh.dont_know": ("deflect", "6eece241bc"), "zh.dont_know_how": ("deflect", "44277df5a1"),
    "zh.pay_for_what": ("refuse", "b90cea7ca4"), "zh.another_day": ("delay", "83a35454e4"),
    "zh.another_day_2": ("delay", "23d7c57fc1"), "zh.cant_read": ("blame", "004bde14a6"),
    "zh.cant_read_2": ("blame", "d0cbdded43"), "zh.see_yourself": ("impatient", "0374a2145c"),
    "zh.your_problem": ("blame", "2aea6f3b81"), "zh.take_it_or_leave": ("impatient", "b20275de54"),
    "zh.no_return": ("refuse", "15a0516f7c"), "zh.blame_courier": ("deflect", "b41ff3bdc8"),
    "zh.courier_problem": ("deflect", "dc05ab18a4"), "zh.why_not_earlier": ("blame", "060b0ee52d"),
    "zh.told_you": ("impatient", "e0de0036af"), "zh.complain_useless": ("impatient", "7d47afdbfc"),
    "zh.whatever": ("impatient", "b6faf30a1c"), "zh.sure": ("absolute", "f290130b49"),
    "zh.guarantee": ("absolute", "95e8ac1002"), "zh.absolutely": ("absolute", "9fc1a1f1d2"),
    "zh.hundred_percent": ("absolute", "b06a7a0764"), "zh.no_good": ("refuse", "7d75033048"),
    "zh.no_bargain": ("refuse", "e462511b55"), "zh.but": ("contrast", "d4ec3deba3"),
    "zh.however": ("contrast", "05bab0f549"), "zh.yet": ("contrast", "111049aae0"),
    "en.cant": ("refuse", "bf884e1cd2"), "en.cannot": ("refuse", "78bcaea19d"),
    "en.not_my_job": ("deflect", "e5ceac7316"), "en.policy": ("deflect", "b7162c6799"),
    "en.impossible": ("contradict", "48f917a67c"), "en.dont_know": ("deflect", "18287e4921"),
    "en.your_fault": ("blame", "775391faaa"), "en.guarantee": ("absolute", "d46cb6c88c"),
    "en.definitely": ("absolute", "0f49ebbdce"), "en.but": ("contrast", "e3d4fb08a3"),
    "en.however": ("contrast", "9154f99917"),
}

# An owner's own phrase gets the category its words suggest; 推诿 when nothing does.
_GUESSES = (
    ("contrast", ("但是", "不过", "可是", "but", "however")),
    ("absolute", ("保证", "肯定", "绝对", "百分", "一定", "guarantee", "definitely")),
    ("delay", ("改天", "以后", "再说", "等等", "回头", "later")),
    ("contradict", ("不可能", "不会吧", "impossible")),
    ("blame", ("你自己", "怪你", "你的问题", "your fault")),
    ("impatient", ("随便", "随你", "烦", "爱买不买", "whatever")),
    ("refuse", ("不能", "不行", "不可以", "不退", "不换", "can't", "cannot")),
)


def fingerprint(phrase, severity, rule, reason, suggestion) -> str:
    text = "\x1f".join([phrase, severity, rule or "", reason or "", suggestion or ""])
    return hashlib.sha1(text.encode()).hexdigest()[:10]


def guess_category(phrase: str) -> str:
    lowered = phrase.lower()
    for category, words in _GUESSES:
        if any(w in lowered for w in words):
            return category
    return "deflect"


def up(database) -> None:
    columns = {c.name for c in database.get_columns("forbidden_phrase")}
    if "category" not in columns:
        database.execute_sql(
            "ALTER TABLE forbidden_phrase ADD COLUMN category VARCHAR(255) NOT NULL DEFAULT ''")
    if "exceptions" not in columns:
        database.execute_sql(
            "ALTER TABLE forbidden_phrase ADD COLUMN exceptions TEXT NOT NULL DEFAULT ''")
    param = database.param
    rows = database.execute_sql(
        "SELECT id, key, phrase, severity, rule, reason, suggestion, active, category "
        "FROM forbidden_phrase").fetchall()
    for row_id, key, phrase, severity, rule, reason, suggestion, active, category in rows:
        old = OLD_DEFAULTS.get(key or "")
        if old and active and old[1] == fingerprint(phrase, severity, rule, reason, suggestion):
            database.execute_sql(f"DELETE FROM forbidden_phrase WHERE id = {param}", (row_id,))
        elif not category:
            guess = "contrast" if rule == "contrast" else guess_category(phrase)
            database.execute_sql(
                f"UPDATE forbidden_phrase SET category = {param} WHERE id = {param}",
                (old[0] if old else guess, row_id))
