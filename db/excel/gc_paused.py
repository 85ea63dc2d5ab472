"""Python's cyclic garbage collector paused while an import reads, plans and writes.

A 50,000-row import allocates a few million small objects that it keeps (rows, values,
plans): each allocation threshold crossed starts a collection that walks all of them again,
and the full collections grow with the heap. Paused, the same import takes ~15 % less CPU
(bench/bench_excel.py). Reference counting still frees everything that is not a cycle, and
the import makes no cycles of note; the collector is back as soon as the last paused block
in any thread ends (the wizard plans in a worker thread while the window runs), and what the
block kept is examined again at the next full collection.
"""
from __future__ import annotations

import contextlib
import gc
import threading
from typing import Iterator

_lock = threading.Lock()
_depth = 0  # paused blocks running now, in any thread
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
            if _depth == 0:
                # What the block made and kept would otherwise be walked by the next young
                # collections (0.1-0.15 s for a plan of 50,000 rows): move it straight to the
                # oldest generation, which the next full collection still examines.
                gc.freeze()
                gc.unfreeze()
                if _was_enabled:
                    gc.enable()
