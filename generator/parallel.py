"""Work spread over every core: the stages call `parallel_map` on their many independent items."""
from __future__ import annotations

import os


def parallel_map(fn, items: list, least: int, chunksize: int = 16, fork: bool = False) -> list:
    """`map` in order; on every core from `least` items on (fewer do not repay starting the processes). The
    results are the same either way; the items must pickle. `fork`: `fn` reads state this process set up
    beforehand, which only forked workers inherit (one core where processes cannot fork)."""
    if len(items) < least or (os.cpu_count() or 1) < 2:
        return [fn(item) for item in items]
    import multiprocessing  # here: most rebuilds have too little to spread, and importing it takes a while
    from concurrent.futures import ProcessPoolExecutor

    if fork and "fork" not in multiprocessing.get_all_start_methods():
        return [fn(item) for item in items]
    context = multiprocessing.get_context("fork") if fork else None
    with ProcessPoolExecutor(os.cpu_count(), mp_context=context) as pool:
        return list(pool.map(fn, items, chunksize=chunksize))
