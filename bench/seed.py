"""Realistic synthetic shop data for the benchmarks (deterministic, fast bulk inserts)."""
from __future__ import annotations

import datetime as dt
import random

from db import pinyin
from db.models import Customer, CustomerTag, CustomerType, Staff, Tag, database

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳佳琳晨辉雪梅婷颖慧莉倩燕彤瑶琪"
TAGS = ["回头客", "VIP客户", "爱买连衣裙", "尺码偏大", "敏感肌", "学生", "团购", "宝妈", "男装",
        "退货多", "好评多", "催发货", "夜猫子", "包邮党", "老乡", "企业采购", "送礼", "急单", "挑剔", "大方"]


def seed_customers(count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    staff = [Staff.create(name=n, role="owner" if i == 0 else "staff")
             for i, n in enumerate(["小美", "阿强", "小雨"])]
    types = [t.id for t in CustomerType.select()]
    tags = [Tag.create(name=t).id for t in TAGS]
    spell_cache: dict[str, list[str]] = {}
    now = dt.datetime(2026, 11, 1)
    rows, links = [], []
    for n in range(1, count + 1):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        if name not in spell_cache:
            spell_cache[name] = [pinyin.sort_key(name), *pinyin.spellings(name)]
        key, *spellings = spell_cache[name]
        phone = "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))
        wechat = f"wx_{rng.randrange(10**7):07d}" if rng.random() < 0.6 else ""
        account = f"tb{rng.randrange(10**8)}" if rng.random() < 0.7 else ""
        mine = rng.sample(tags, rng.choice((0, 0, 1, 1, 2)))
        tag_names = [TAGS[t - tags[0]] for t in mine]
        rows.append(dict(
            id=n, name=name, phone=phone, wechat=wechat, platform="淘宝/天猫" if account else "",
            platform_account=account, type=rng.choice(types), staff=rng.choice(staff).id,
            next_visit=(now.date() + dt.timedelta(days=rng.randrange(-30, 60)))
            if rng.random() < 0.3 else None,
            created_at=now, updated_at=now - dt.timedelta(minutes=n), name_key=key,
            search_text=" ".join([name.lower(), phone, wechat, account, *tag_names, *spellings]).strip()))
        links += [dict(customer=n, tag=t) for t in mine]
    with database.atomic():
        for start in range(0, len(rows), 500):
            Customer.insert_many(rows[start:start + 500]).execute()
        for start in range(0, len(links), 500):
            CustomerTag.insert_many(links[start:start + 500]).execute()
