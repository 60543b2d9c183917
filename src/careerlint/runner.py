"""Checking many pages: the result cache and a process pool.

The parent process looks pages up in the cache, sends the rest to worker processes (or
checks them itself), and merges results in the original page order, so the output is the
same whatever the number of jobs. Results are stored under the hash of the bytes that were
checked, never of bytes read at another moment.
"""

from __future__ import annotations

import os

from careerlint.cache import Cache, digest
from careerlint.errors import CareerlintError, printable
from careerlint.findings import from_rows, to_rows
from careerlint.pipeline import Outcome, Plan, check_page
from careerlint.sitewide.facts import unpack
from careerlint.spool import Spool, Stored

_MIN_PAGES_PER_JOB = 8  # below this, starting processes costs more than it saves
MAX_JOBS = 64           # whatever --jobs says: more processes than this only cost memory


class Outcomes(list):
    """A run's outcomes in page order. An outcome set here has its findings and its site facts moved
    to the run's spool (careerlint.spool): what stays in memory of a page is its path and a few
    numbers, so memory does not grow with the pages checked. The findings are in report order."""

    def __init__(self, size: int, spool: Spool | None = None) -> None:
        super().__init__([None] * size)
        self.spool = spool or Spool()

    def __setitem__(self, i, o) -> None:
        if o is not None:
            fs = o.findings
            if fs and not isinstance(fs, Stored):
                path = fs[0].path
                one = all(f.path == path for f in fs)   # a page's findings all name it
                o.findings = Stored(self.spool, to_rows(fs), len(fs), path if one else None, from_rows)
            if o.facts is not None and not isinstance(o.facts, Stored):
                o.facts = Stored(self.spool, o.facts, 1)
        super().__setitem__(i, o)


def workers_for(jobs: int, pages: int) -> int:
    """Processes to start: what was asked, at most 4 per core and MAX_JOBS, and one per
    _MIN_PAGES_PER_JOB pages (1: check in this process)."""
    cores = os.cpu_count() or 1
    return max(1, min(jobs, 4 * cores, MAX_JOBS, pages // _MIN_PAGES_PER_JOB))


_WORKER_PLANS: list[Plan] = []


def _init_worker(plans: list[Plan]) -> None:
    global _WORKER_PLANS
    _WORKER_PLANS = plans
    _die_with_parent()


def _die_with_parent() -> None:
    """A worker whose parent is gone (even by kill -9) exits at once, never runs on alone."""
    parent = os.getppid()
    try:  # Linux: the kernel kills this process when its parent dies
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError, ValueError):
        pass
    if os.getppid() != parent:
        os._exit(1)
    import threading
    import time

    def watch() -> None:  # elsewhere: notice that the parent changed
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, daemon=True, name="careerlint-parent-watch").start()


def _work(task: tuple[str, int, int]) -> Outcome:
    path, plan_index, max_bytes = task
    return check_page(path, _WORKER_PLANS[plan_index], max_bytes)


def run(pages: list[tuple[str, Plan]], jobs: int, max_bytes: int, cache: Cache | None,
        progress=None, remote=None) -> list[Outcome]:
    """Outcomes for ``pages``, in the same order. ``progress(n)`` is told of every n pages done.
    ``remote(pages, todo, max_bytes, outcomes, tick)``, when given, checks the pages the cache does
    not have (elsewhere: careerlint.dask_runner) instead of local processes."""
    tick = progress or (lambda n: None)
    outcomes = Outcomes(len(pages))
    pending = []
    for i, (path, plan) in enumerate(pages):
        if cache is not None:
            key = cache.known_key(path, max_bytes)  # unchanged since it was indexed: not even read
            found = _cached(cache, key, plan, path) if key is not None else None
            if found is not None:
                outcomes[i] = found
                tick(1)
                continue
        pending.append(i)
    workers = workers_for(jobs, len(pending))
    if remote is not None:
        todo = [i for i in pending if not _from_cache_by_content(pages[i], max_bytes, cache, outcomes, i)]
        tick(len(pending) - len(todo))
        remote(pages, todo, max_bytes, outcomes, tick)
    elif workers > 1:
        todo = [i for i in pending if not _from_cache_by_content(pages[i], max_bytes, cache, outcomes, i)]
        tick(len(pending) - len(todo))
        if len(todo) < 2 * _MIN_PAGES_PER_JOB:
            _in_process(pages, todo, max_bytes, None, outcomes, tick)
        else:
            _in_pool(pages, todo, max_bytes, workers_for(jobs, len(todo)), outcomes, tick)
    else:
        _in_process(pages, pending, max_bytes, cache, outcomes, tick)
    if cache is not None:
        for i in pending:
            o = outcomes[i]
            if o is not None and o.error is None and not o.problems and o.content_hash is not None:
                key = cache.content_key(o.path, o.content_hash)
                cache.put(key, pages[i][1], o.findings)
                facts = unpack(o.facts)
                if facts is not None:
                    cache.put_facts(key, pages[i][1], facts)
                cache.remember(o.path, o.signature, o.content_hash)
        cache.save()
    return outcomes  # type: ignore[return-value]


def _cached(cache: Cache, key: str, plan: Plan, path: str) -> Outcome | None:
    """The page's outcome from the cache: its findings and its site facts, or None (both are needed)."""
    found = cache.get(key, plan, printable(path))
    if found is None:
        return None
    facts = cache.get_facts(key, plan)
    return None if facts is None else Outcome(path, found, facts=facts)


def _from_cache_by_content(page: tuple[str, Plan], max_bytes: int, cache: Cache | None,
                           outcomes: list, i: int, data_out: list | None = None) -> bool:
    """Look a page up by the hash of its bytes (its mtime changed, its content may not have).
    True when found (outcome set); the bytes read are left in ``data_out`` for the caller."""
    if cache is None or not cache.usable:
        return False
    from careerlint.loader import read_page_bytes

    path, plan = page
    try:
        data, signature = read_page_bytes(path, max_bytes)
    except CareerlintError as e:
        outcomes[i] = Outcome(path, [], str(e))
        return True
    h = digest(data)
    found = _cached(cache, cache.content_key(path, h), plan, path)
    if found is not None:
        cache.remember(path, signature, h)
        outcomes[i] = found
        return True
    if data_out is not None:
        data_out[:] = [data, signature]
    return False


def _in_process(pages, todo, max_bytes, cache, outcomes, tick) -> None:
    for i in todo:
        path, plan = pages[i]
        read: list = []
        if not _from_cache_by_content(pages[i], max_bytes, cache, outcomes, i, read):
            # the bytes looked up are the bytes checked (and hashed): nothing is read twice
            outcomes[i] = check_page(path, plan, max_bytes, *read)
        tick(1)


def _chunk_size(tasks: int, workers: int) -> int:
    """Pages per task sent to a worker: a few, so that one worker is not left with a long last
    chunk while the other waits (16 pages of 40 ms left 0.6 s of a 1,000-page run to one core),
    but enough that sending them costs nothing next to checking them (a task is ~0.1 ms)."""
    return max(1, min(4, tasks // (workers * 8)))


def distinct_plans(pages, todo) -> tuple[list[Plan], dict[int, int]]:
    """The plans of the pages to check, each once (sent to workers once), and id(plan) -> its index."""
    plans: list[Plan] = []
    index: dict[int, int] = {}
    for i in todo:
        plan = pages[i][1]
        if id(plan) not in index:
            index[id(plan)] = len(plans)
            plans.append(plan)
    return plans, index


def _in_pool(pages, todo, max_bytes, workers, outcomes, tick) -> None:
    plans, index = distinct_plans(pages, todo)
    tasks = [(pages[i][0], index[id(pages[i][1])], max_bytes) for i in todo]
    from concurrent.futures import ProcessPoolExecutor

    chunk = _chunk_size(len(tasks), workers)
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(plans,)) as pool:
        for i, outcome in zip(todo, pool.map(_work, tasks, chunksize=chunk)):
            outcomes[i] = outcome
            tick(1)
