"""The forbidden-phrase check on real sentences: positions, overlaps, the cancelling 但是."""
from __future__ import annotations

from db.snippets.phrase_check import PhraseChecker, PhraseRule

RULES = [
    PhraseRule("绝对", "caution", "绝对化", "正常情况下"),
    PhraseRule("绝对不可能", "forbidden", "否定买家", "我马上帮您核实"),
    PhraseRule("不可能", "forbidden"),
    PhraseRule("我不能", "forbidden"),
    PhraseRule("不能退", "forbidden"),
    PhraseRule("公司规定就是这样", "forbidden"),
    PhraseRule("规定就是这样", "forbidden"),
    PhraseRule("但是", "caution", rule="contrast"),
    PhraseRule("不过", "caution", rule="contrast"),
    PhraseRule("I can't", "forbidden"),
    PhraseRule("but", "caution", rule="contrast"),
]
checker = PhraseChecker(RULES)


def spans(text):
    return [(text[h.start:h.end], h.severity) for h in checker.check(text)]


def test_hits_carry_positions_reason_and_suggestion():
    text = "亲，这种情况绝对不可能发生。"
    [hit] = checker.check(text)
    assert text[hit.start:hit.end] == "绝对不可能"
    assert hit.severity == "forbidden" and hit.rule.suggestion == "我马上帮您核实"


def test_a_phrase_inside_a_longer_one_of_equal_severity_is_reported_once():
    assert spans("公司规定就是这样，没有别的") == [("公司规定就是这样", "forbidden")]


def test_a_weaker_phrase_that_starts_a_stronger_one_is_dropped():
    assert spans("绝对不可能") == [("绝对不可能", "forbidden")]
    assert spans("我们绝对会尽快") == [("绝对", "caution")]


def test_partly_overlapping_phrases_are_both_reported():
    # 我不能 and 不能退 share 不能: both are real problems in the sentence.
    assert spans("这件我不能退给您") == [("我不能", "forbidden"), ("不能退", "forbidden")]


def test_every_occurrence_is_found():
    text = "我不能改，我不能退款，我不能。"
    assert [h.start for h in checker.check(text) if h.phrase == "我不能"] == [0, 5, 11]


def test_but_after_praise_is_a_caution_only_in_the_same_sentence():
    assert spans("您的眼光很好，但是这款没有货了") == [("但是", "caution")]
    assert spans("非常理解您的心情，不过需要等两天") == [("不过", "caution")]
    assert spans("但是我们会尽快处理") == []
    assert spans("谢谢您。但是这个颜色要等几天") == []


def test_english_is_case_insensitive_and_whole_word():
    assert spans("Sorry, I CAN'T do that") == [("CAN'T", "forbidden")] or \
        spans("Sorry, I CAN'T do that") == [("I CAN'T", "forbidden")]
    assert spans("Great choice, but it is sold out") == [("but", "caution")]
    assert spans("Great choice, press the button") == []


def test_traditional_characters_are_checked_like_simplified():
    text = "這絕對不可能"
    [hit] = checker.check(text)
    assert (hit.start, hit.end, hit.phrase) == (1, 6, "绝对不可能")


def test_clean_text_and_empty_list_give_no_hits():
    assert spans("您好，我们马上为您处理，请您放心。") == []
    assert PhraseChecker([]).check("我不能") == []
