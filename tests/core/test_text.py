"""Phone numbers and search keys as rosters and staff type them."""
from __future__ import annotations

import pytest

from db import pinyin, text


@pytest.mark.parametrize("raw,expected", [
    ("13800138000", "13800138000"), (13800138000, "13800138000"), (13800138000.0, "13800138000"),
    ("138 0013 8000", "13800138000"), ("138-0013-8000", "13800138000"),
    ("+86 138 0013 8000", "13800138000"), ("0086-13800138000", "13800138000"),
    ("8613800138000", "13800138000"), ("021-66778899", "02166778899"),
    ("(0755) 8888 9999", "075588889999"), ("+1 415 555 0100", "+14155550100"),
    ("", ""), (None, ""), ("  ", ""), ("66778899", "66778899"),
])
def test_normalise_phone(raw, expected):
    assert text.normalise_phone(raw) == expected


@pytest.mark.parametrize("raw", ["12345", "1380013800", "12800138000", "abc", "138.5",
                                 13800138000.5, "+12", "021-123"])
def test_not_a_phone(raw):
    with pytest.raises(text.PhoneError):
        text.normalise_phone(raw)


def test_like_pattern_escapes_wildcards():
    assert text.like_pattern("50%_A\\") == "%50\\%\\_a\\\\%"


def test_pinyin_spellings_include_heteronyms_and_initials():
    assert pinyin.spellings("张三") == ["zhangsan", "zs"]
    spelled = pinyin.spellings("单田芳")
    assert "shantianfang" in spelled and "dtf" in spelled
    assert pinyin.spellings("Lily") == []
    assert pinyin.sort_key("张三") == "zhang san"
    assert len(pinyin.spellings("长长长长长长")) <= 2 * pinyin.MAX_VARIANTS
