"""Benchmark: snippet search over 5,000 snippets, forbidden check of 2,000 chars vs 500 phrases.

    .venv/bin/python bench/bench_snippets.py

Targets: search p95 <= 5 ms per keystroke; check <= 2 ms per keystroke.
"""
from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from db import default_library, snippets, store  # noqa: E402
from db.models import Snippet, database  # noqa: E402
from db.phrase_check import PhraseChecker, PhraseRule  # noqa: E402

SEARCH_TARGET_MS = 5.0
CHECK_TARGET_MS = 2.0
WORDS = ("亲 您好 欢迎 光临 尺码 推荐 发货 物流 快递 退款 换货 道歉 抱歉 感谢 支持 优惠券 活动 "
         "颜色 面料 质量 售后 处理 时间 地址 电话 订单 商品 满意 评价 补发 配件 客服").split()
QUERIES = ["dq", "fh", "tk", "道歉", "发货", "kuaidi", "yhq", "退款 订单", "亲", "zzz", "hy",
           "th", "感谢", "wl", "cm", "售后 处理"]


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def seed_snippets(count: int) -> None:
    rng = random.Random(7)
    default_library.load_defaults("zh_CN")
    cats = [c.id for c in snippets.categories()]
    templates = list(Snippet.select(Snippet.title, Snippet.body).tuples())
    with database.atomic():
        for n in range(count - len(templates)):
            title, body = rng.choice(templates)
            snippets.create(snippets.SnippetData(
                title=f"{title}{n}", body=body + "".join(rng.sample(WORDS, 4)),
                category_id=rng.choice(cats), shortcut=f"s{n}"), None)
    for sid in rng.sample([s.id for s in Snippet.select(Snippet.id)], 300):
        snippets.record_use([sid])


def bench_search() -> float:
    times = []
    for _round in range(20):
        for query in QUERIES:
            begin = time.perf_counter()
            snippets.search(query, None, limit=300)
            times.append((time.perf_counter() - begin) * 1000)
    return percentile(times, 95), statistics.median(times)


def bench_check() -> tuple[float, float, int]:
    rng = random.Random(11)
    import json
    from db.resources import resource
    real = json.loads(resource("defaults", "phrases_zh.json").read_text("utf-8"))["phrases"]
    rules = [PhraseRule(p["phrase"], p["severity"], rule=p.get("rule", "")) for p in real]
    alphabet = "".join(WORDS) + "我不能绝对可能规定办法清楚"
    while len(rules) < 500:  # synthetic 2-6 character phrases from shop vocabulary
        rules.append(PhraseRule("".join(rng.choice(alphabet) for _ in range(rng.randint(2, 6)))))
    checker = PhraseChecker(rules)
    sentences = ["您的眼光很好，但是这款没货了。", "这个绝对不可能，公司规定就是这样。",
                 "亲，我们马上为您处理，请您放心。", "我不清楚，改天再通知你。"]
    text = ""
    while len(text) < 2000:
        text += rng.choice(sentences) + "".join(rng.sample(WORDS, 3))
    text = text[:2000]
    times = []
    for _ in range(200):
        begin = time.perf_counter()
        hits = checker.check(text)
        times.append((time.perf_counter() - begin) * 1000)
    return percentile(times, 95), statistics.median(times), len(hits)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = store.open_database(Path(tmp))
        seed_snippets(5000)
        total = Snippet.select().count()
        p95, median = bench_search()
        print(f"search over {total} snippets: p95 {p95:.2f} ms, median {median:.2f} ms "
              f"(target {SEARCH_TARGET_MS} ms, ratio {p95 / SEARCH_TARGET_MS:.2f})")
        db.close()
    p95, median, hits = bench_check()
    print(f"forbidden check, 2,000 chars vs 500 phrases ({hits} hits): p95 {p95:.3f} ms, "
          f"median {median:.3f} ms (target {CHECK_TARGET_MS} ms, ratio {p95 / CHECK_TARGET_MS:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
