"""db.pinyin answers from its table (resources/pinyin/readings.txt) exactly as pypinyin does,
or search and sorting would drift between customers saved before and after."""
from __future__ import annotations

import itertools
import random

import pytest
from pypinyin import Style, lazy_pinyin, pinyin as pypinyin_readings

from db import pinyin

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈单解仇朴"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华玉萍红玲芬燕彬鹏飞宇浩然子轩梓涵欣怡长乐重行"


def pypinyin_keys(text: str) -> tuple[str, list[str]]:
    """What db.pinyin gave when it called pypinyin for every text."""
    if not pinyin.has_han(text):
        return text.lower(), []
    readings = pypinyin_readings(text, style=Style.NORMAL, heteronym=True, errors=lambda s: [s.lower()])
    out: list[str] = []
    for combo in itertools.islice(itertools.product(*[list(dict.fromkeys(r))[:3] for r in readings]),
                                  pinyin.MAX_VARIANTS):
        out += ["".join(combo).replace(" ", ""), "".join(s[0] for s in combo if s.strip())]
    return " ".join(lazy_pinyin(text, errors=lambda s: [s.lower()])), list(dict.fromkeys(out))


def check(text: str) -> None:
    expected = pypinyin_keys(text)
    assert (pinyin.sort_key(text), pinyin.spellings(text)) == expected, text
    assert pinyin.keys(text) == expected, text


def test_names_read_as_pypinyin_reads_them():
    rng = random.Random(3)
    table = pinyin._table()
    phrases = [line.split("\t")[0] for line in table.phrases]
    names = ["张三", "曾伟", "单田芳", "长江", "重庆小面", "长乐", "Tom", "王 芳", "小美-旗舰店", "李a", ""]
    names += [rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 3)))
              for _ in range(1500)]
    # phrases inside names, next to each other and cut short: the segmentation's corners
    names += [rng.choice(SURNAMES) + rng.choice(phrases) + rng.choice(phrases)[:2] for _ in range(1500)]
    for name in names:
        check(name)


def test_texts_beyond_the_table_still_get_pypinyins_answer():
    for text in ["王芳Lily", "〇号店", "陈\u4dc0", "客户①"]:
        check(text)


@pytest.mark.slow
def test_every_character_and_phrase_of_the_table():
    table = pinyin._table()
    for key in [*table.lines, *(line.split("\t")[0] for line in table.phrases)]:
        check(key)
