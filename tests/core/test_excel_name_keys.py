"""The import's fast pinyin keys must equal db.pinyin's, or search and sorting would drift."""
from __future__ import annotations

import random

from db import pinyin
from db.customers import name_keys

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈单解仇朴"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华玉萍红玲芬燕彬鹏飞宇浩然子轩梓涵欣怡长乐重行"


def test_fast_keys_equal_db_pinyin():
    rng = random.Random(3)
    names = ["张三", "曾伟", "单田芳", "长江", "重庆小面", "Tom", "王 芳", "小美-旗舰店", "李a"]
    names += [rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 3)))
              for _ in range(1500)]
    for name in names:
        assert name_keys.keys(name) == (pinyin.sort_key(name), pinyin.spellings(name)), name
