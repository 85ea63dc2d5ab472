"""Benchmark: snippet search over 5,000 snippets, forbidden check of 2,000 chars vs 500 phrases.

    .venv/bin/python bench/bench_snippets.py

Targets: search p95 <= 5 ms per keystroke; check <= 2 ms per keystroke.
"""
from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.stats import percentile  # noqa: E402

from db.models import Snippet, database  # noqa: E402
from db.snippets import defaults as default_library, library as snippets
from db.snippets.phrase_check import PhraseChecker, PhraseRule  # noqa: E402
from db.storage import store  # noqa: E402

SEARCH_TARGET_MS = 5.0
CHECK_TARGET_MS = 2.0
WORDS = ("亲 您好 欢迎 光临 尺码 推荐 发货 物流 快递 退款 换货 道歉 抱歉 感谢 支持 优惠券 活动 "
         "颜色 面料 质量 售后 处理 时间 地址 电话 订单 商品 满意 评价 补发 配件 客服").split()
# Codes, pinyin initials, full pinyin, Chinese words, two terms, a miss.
QUERIES = ["dq", "fh", "yhq", "daoqian", "kuaidi", "道歉", "发货", "亲", "退款 订单", "zzz"]




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


def bench_search() -> list[float]:
    """Every keystroke of every query, as a user types it; prints a line per query."""
    everything = []
    snippets.search("", None)  # the page builds the index when it opens
    print(f"{'query':<12}{'keys':>6}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'hits':>7}")
    for query in QUERIES:
        times, hits = [], 0
        for _round in range(10):
            for n in range(1, len(query) + 1):
                begin = time.perf_counter()
                hits = len(snippets.search(query[:n], None, limit=300))
                times.append((time.perf_counter() - begin) * 1000)
        everything += times
        print(f"{query:<12}{len(times):>6}{percentile(times, 50):>9.2f}"
              f"{percentile(times, 95):>9.2f}{max(times):>9.2f}{hits:>7}")
    return everything


def bench_cold_index() -> float:
    """The first search after opening builds the in-memory index from the database."""
    times = []
    for _ in range(10):
        snippets.invalidate()
        begin = time.perf_counter()
        snippets.search("dq", None)
        times.append((time.perf_counter() - begin) * 1000)
    return statistics.median(times)


def bench_copy_rerank() -> float:
    """A copy updates the use count and re-ranks the cached rows (no reload)."""
    ids = [r.id for r in snippets.search("", None, limit=50)]
    times = []
    for sid in ids:
        begin = time.perf_counter()
        snippets.record_use([sid])
        snippets.search("dq", None)
        times.append((time.perf_counter() - begin) * 1000)
    return statistics.median(times)


def time_check(checker: PhraseChecker, text: str) -> tuple[float, float, int]:
    times = []
    for _ in range(300):
        begin = time.perf_counter()
        hits = checker.check(text)
        times.append((time.perf_counter() - begin) * 1000)
    return percentile(times, 95), statistics.median(times), len(hits)


def realistic_text(rng: random.Random) -> str:
    """2,000 characters of real replies: the default snippets plus a few risky sentences."""
    from db.storage.resources import resource
    import json
    data = json.loads(resource("defaults", "snippets_zh.json").read_text("utf-8"))
    bodies = [s["body"] for group in data["categories"] for s in group["snippets"]]
    bodies += ["您的眼光很好，但是这款没货了。", "这个绝对不可能，公司规定就是这样。"]
    text = ""
    while len(text) < 2000:
        text += rng.choice(bodies)
    return text[:2000]


def bench_check() -> tuple[tuple[float, float, int], tuple[float, float, int]]:
    rng = random.Random(11)
    import json
    from db.storage.resources import resource
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
    dense = time_check(checker, text[:2000])
    real = time_check(checker, realistic_text(rng))
    return dense, real


def main() -> int:
    print(f"machine load average {os.getloadavg()[0]:.1f} (2 cores shared)")
    print("forbidden check, 2,000 characters against 500 phrases:")
    for label, (p95, median, hits) in zip(("dense (a risky phrase every ~18 chars)",
                                           "real replies (default snippets + 2 risky)"),
                                          bench_check()):
        print(f"  {label}: {hits} hits, p50={median:.2f} ms p95={p95:.2f} ms "
              f"(target p95 <= {CHECK_TARGET_MS} ms: ratio {p95 / CHECK_TARGET_MS:.2f})")
    with tempfile.TemporaryDirectory() as tmp:
        db = store.open_database(Path(tmp))
        seed_snippets(5000)
        total = Snippet.select().count()
        print()
        times = bench_search()
        p95 = percentile(times, 95)
        print(f"\nsearch over {total} snippets, every keystroke: n={len(times)} "
              f"p50={percentile(times, 50):.2f} ms p95={p95:.2f} ms "
              f"(target p95 <= {SEARCH_TARGET_MS} ms: ratio {p95 / SEARCH_TARGET_MS:.2f})")
        print(f"first search after opening (index built): median {bench_cold_index():.1f} ms")
        print(f"copy (count the use, re-rank) + next search: median {bench_copy_rerank():.2f} ms")
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
