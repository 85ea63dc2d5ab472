"""Python's cycle collector paused while an import reads, plans or writes a big sheet.

Reading and planning 100,000 rows make millions of objects that all stay alive; every few
thousand of them the collector walks the whole growing heap again and finds nothing
(bench/bench_orders.py: 4 of 11 CPU seconds). The rows hold no reference cycles, so the
collector is simply off for the duration and runs as usual afterwards. Nested or concurrent
pauses (the wizard plans in a worker thread) turn it back on only when the last one ends.
"""
from __future__ import annotations

import contextlib
import gc
import threading
from typing import Iterator

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextlib.contextmanager
def paused() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
