"""Checking many pages: the result cache and a process pool.

The parent process looks pages up in the cache, sends the rest to worker processes (or
checks them itself), and merges results in the original page order, so the output is the
same whatever the number of jobs.
"""

from __future__ import annotations

import os

from careerlint.cache import Cache
from careerlint.pipeline import Outcome, Plan, check_page

_MIN_PAGES_PER_JOB = 8  # below this, starting processes costs more than it saves


def _too_big(path: str, max_bytes: int) -> bool:
    try:
        return bool(max_bytes) and os.path.getsize(path) > max_bytes
    except OSError:
        return True  # let check_page report it


_WORKER_PLANS: list[Plan] = []


def _init_worker(plans: list[Plan]) -> None:
    global _WORKER_PLANS
    _WORKER_PLANS = plans


def _work(task: tuple[str, int, int]) -> Outcome:
    path, plan_index, max_bytes = task
    return check_page(path, _WORKER_PLANS[plan_index], max_bytes)


def run(pages: list[tuple[str, Plan]], jobs: int, max_bytes: int, cache: Cache | None,
        progress=None) -> list[Outcome]:
    """Outcomes for ``pages``, in the same order. ``progress(n)`` is told of every n pages done."""
    tick = progress or (lambda n: None)
    outcomes: list[Outcome | None] = [None] * len(pages)
    keys: list[str | None] = [None] * len(pages)
    todo = []
    for i, (path, plan) in enumerate(pages):
        if cache is not None and not _too_big(path, max_bytes):  # the limit is this run's, not the cache's
            keys[i] = cache.key(path)
            if keys[i] is not None:
                found = cache.get(keys[i], plan, path)
                if found is not None:
                    outcomes[i] = Outcome(path, found)
                    tick(1)
                    continue
        todo.append(i)
    if jobs > 1 and len(todo) >= _MIN_PAGES_PER_JOB * 2:
        plans: list[Plan] = []
        index: dict[int, int] = {}
        for i in todo:
            plan = pages[i][1]
            if id(plan) not in index:
                index[id(plan)] = len(plans)
                plans.append(plan)
        tasks = [(pages[i][0], index[id(pages[i][1])], max_bytes) for i in todo]
        from concurrent.futures import ProcessPoolExecutor

        chunk = max(1, min(16, len(tasks) // (jobs * 16)))
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(plans,)) as pool:
            for i, outcome in zip(todo, pool.map(_work, tasks, chunksize=chunk)):
                outcomes[i] = outcome
                tick(1)
    else:
        for i in todo:
            outcomes[i] = check_page(pages[i][0], pages[i][1], max_bytes)
            tick(1)
    if cache is not None:
        for i in todo:
            o = outcomes[i]
            if o.error is None and keys[i] is not None:
                cache.put(keys[i], pages[i][1], o.findings)
        cache.save()
    return outcomes  # type: ignore[return-value]
