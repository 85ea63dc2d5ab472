"""What every benchmark reports the same way: one percentile definition, one timing loop."""
from __future__ import annotations

import statistics
import time
from typing import Callable


def percentile(values: list[float], pct: float) -> float:
    """The pct-th percentile, interpolated between the two nearest samples (inclusive method)."""
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(pct) - 1]


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    """Milliseconds of `runs` calls, after one call that warms caches and imports."""
    fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(name: str, samples: list[float], target_ms: float, width: int = 46) -> None:
    p50, p95 = percentile(samples, 50), percentile(samples, 95)
    print(f"{name:<{width}} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   "
          f"p95/target {p95 / target_ms:5.2f}")
