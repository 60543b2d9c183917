"""Checking many pages: a per-file result cache and a process pool.

The parent process looks pages up in the cache, sends the rest to worker processes (or
checks them itself), and merges results in the original page order, so the output is the
same whatever the number of jobs.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass

from careerlint import __version__
from careerlint.errors import CareerlintError
from careerlint.findings import Finding, Related

CACHE_DIR = ".careerlint_cache"
_MIN_PAGES_PER_JOB = 8  # below this, starting processes costs more than it saves


@dataclass
class Plan:
    """How to check a page: the rules, the source registry, the as-of date."""

    rules: list
    ruleset: object
    date: object
    fingerprint: str = ""

    def __post_init__(self) -> None:
        if not self.fingerprint:
            rules = [(r.id, r.kind, r.severity, r.message, _plain(r.options)) for r in self.rules]
            reg = self.ruleset.registry
            sources = sorted((s.id, s.names, s.kinds, s.max_age_years, s.family) for s in reg.sources.values())
            blob = json.dumps([__version__, _code_fingerprint(), rules, sources, reg.default_max_age,
                               str(self.date), sorted(self.ruleset.rules)], sort_keys=True, default=str)
            self.fingerprint = hashlib.sha256(blob.encode()).hexdigest()


_CODE: list[str] = []


def _code_fingerprint() -> str:
    """A hash of careerlint's own code, so a changed checker never reuses old results."""
    if not _CODE:
        h = hashlib.sha256()
        pkg = os.path.dirname(os.path.abspath(__file__))
        for root, dirs, files in os.walk(pkg):
            dirs.sort()
            for name in sorted(files):
                if name.endswith((".py", ".yaml")):
                    with open(os.path.join(root, name), "rb") as f:
                        h.update(name.encode() + b"\0" + f.read())
        _CODE.append(h.hexdigest())
    return _CODE[0]


def _plain(v):
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in sorted(v.items(), key=lambda kv: str(kv[0]))}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    return v


@dataclass
class Outcome:
    path: str
    findings: list[Finding]
    error: str | None = None


def check_page(path: str, plan: Plan, max_bytes: int) -> Outcome:
    """Check one page; never raises."""
    from careerlint.engine import check_text
    from careerlint.loader import read_page

    try:
        text = read_page(path, max_bytes)
    except CareerlintError as e:
        return Outcome(path, [], str(e))
    try:
        return Outcome(path, check_text(text, path, plan.rules, plan.ruleset.registry, plan.date,
                                        set(plan.ruleset.rules)))
    except RecursionError:
        return Outcome(path, [], f"{path}: internal error in careerlint: page nested too deeply")
    except Exception as e:  # one bad page must not stop the others
        return Outcome(path, [], f"{path}: internal error in careerlint: {type(e).__name__}: {e}")


class Cache:
    """Per-file results keyed by the page's bytes, its type, the plan and careerlint's code.

    Two kinds of file under .careerlint_cache/v2/: an index of path -> (size, mtime, content
    hash), so unchanged pages are not even read, and one results file per plan fingerprint.
    Files are merged with what is on disk and written atomically, so concurrent runs can share
    the folder (at worst one run's new entries are lost); a damaged file is treated as empty."""

    def __init__(self, root: str) -> None:
        self.root = os.path.join(root, CACHE_DIR, "v2")
        self._index = self._load("index.json")
        self._index_new: dict[str, list] = {}
        self._results: dict[str, dict] = {}
        self._results_new: dict[str, dict] = {}

    def _load(self, name: str) -> dict:
        try:
            with open(os.path.join(self.root, name), encoding="utf-8") as f:
                data = json.load(f)
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def key(self, path: str) -> str | None:
        """The content key of a page: from the index when size and mtime are unchanged."""
        try:
            st = os.stat(path)
        except OSError:
            return None
        apath = os.path.abspath(path)
        ext = os.path.splitext(path)[1].lower()
        known = self._index.get(apath)
        if isinstance(known, list) and len(known) == 3 and known[0] == st.st_size and known[1] == st.st_mtime_ns:
            return f"{known[2]}{ext}"
        try:
            with open(path, "rb") as f:
                digest = hashlib.sha256(f.read()).hexdigest()
        except OSError:
            return None
        self._index_new[apath] = [st.st_size, st.st_mtime_ns, digest]
        return f"{digest}{ext}"

    def _table(self, plan: Plan) -> dict:
        if plan.fingerprint not in self._results:
            self._results[plan.fingerprint] = self._load(f"results-{plan.fingerprint[:32]}.json")
        return self._results[plan.fingerprint]

    def get(self, key: str, plan: Plan, path: str) -> list[Finding] | None:
        rows = self._table(plan).get(key)
        if not isinstance(rows, list):
            return None
        try:
            return [Finding(path, r["line"], r["column"], r["rule"], r["severity"], r["message"],
                            tuple(Related(x["line"], x["text"]) for x in r["related"]), r.get("text", ""))
                    for r in rows]
        except (KeyError, TypeError):
            return None

    def put(self, key: str, plan: Plan, findings: list[Finding]) -> None:
        rows = [dict(f.to_dict(), text=f.text) for f in findings]
        for r in rows:
            r.pop("path", None)
        self._results_new.setdefault(plan.fingerprint, {})[key] = rows

    def save(self) -> None:
        from careerlint.fileio import atomic_write

        try:
            os.makedirs(self.root, exist_ok=True)
            tag = os.path.join(os.path.dirname(self.root), "CACHEDIR.TAG")
            if not os.path.exists(tag):
                with open(tag, "w") as f:
                    f.write("Signature: 8a477f597d28d172789f06886806bc55\n# careerlint's cache; safe to delete.\n")
            if self._index_new:
                merged = self._load("index.json")
                merged.update(self._index_new)
                atomic_write(os.path.join(self.root, "index.json"), json.dumps(merged, ensure_ascii=False))
            for fp, new in self._results_new.items():
                name = f"results-{fp[:32]}.json"
                merged = self._load(name)
                merged.update(new)
                atomic_write(os.path.join(self.root, name), json.dumps(merged, ensure_ascii=False))
        except (OSError, CareerlintError):
            pass  # a cache that cannot be written only costs time


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


def run(pages: list[tuple[str, Plan]], jobs: int, max_bytes: int, cache: Cache | None) -> list[Outcome]:
    """Outcomes for ``pages``, in the same order."""
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
    else:
        for i in todo:
            outcomes[i] = check_page(pages[i][0], pages[i][1], max_bytes)
    if cache is not None:
        for i in todo:
            o = outcomes[i]
            if o.error is None and keys[i] is not None:
                cache.put(keys[i], pages[i][1], o.findings)
        cache.save()
    return outcomes  # type: ignore[return-value]
