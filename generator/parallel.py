"""Work spread over every core: the stages call `parallel_map` on their many independent items."""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor


def parallel_map(fn, items: list, least: int) -> list:
    """`map` in order; on every core from `least` items on (fewer do not repay starting the processes). The
    results are the same either way; `fn` and the items must pickle."""
    workers = os.cpu_count() or 1
    if len(items) < least or workers < 2:
        return [fn(item) for item in items]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(fn, items, chunksize=16))
