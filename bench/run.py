"""Benchmark: careerlint vs the parse floor (BeautifulSoup with lxml) on the same pages.

    python bench/run.py [FOLDER ...]      (default: ../shared/corpus/ooh and samples/)

Prints pages/s, ms/page, the ratio to the floor, and peak RSS. Medians of --repeat runs.
Not a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pages_in(folders):
    out = []
    for f in folders:
        p = Path(f)
        if p.is_dir():
            out += sorted(x for x in p.rglob("*") if x.suffix.lower() in (".html", ".htm"))
    return out


def floor(texts):
    from bs4 import BeautifulSoup

    for t in texts:
        BeautifulSoup(t, "lxml")


def careerlint_run(texts, paths):
    from careerlint.engine import check_text
    from careerlint.ruleset import load_ruleset

    rs = load_ruleset()
    rules = rs.select(None, None)
    n = 0
    for t, p in zip(texts, paths):
        n += len(check_text(t, str(p), rules, rs.registry, dt.date(2026, 11, 22)))
    return n


def timed(fn, repeat):
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="*")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    folders = args.folders or [str(ROOT.parent / "shared" / "corpus" / "ooh"), str(ROOT / "samples")]
    sys.path.insert(0, str(ROOT / "src"))
    from careerlint.loader import read_page

    for folder in folders:
        paths = pages_in([folder])
        if not paths:
            print(f"{folder}: no pages (skipped)")
            continue
        texts = [read_page(str(p)) for p in paths]
        mb = sum(len(t.encode()) for t in texts) / 1e6
        t_floor = timed(lambda: floor(texts), args.repeat)
        t_lint = timed(lambda: careerlint_run(texts, paths), args.repeat)
        n = len(paths)
        print(f"{folder}: {n} pages, {mb:.1f} MB")
        print(f"  floor (bs4+lxml parse): {n / t_floor:8.1f} pages/s  {1000 * t_floor / n:6.2f} ms/page")
        print(f"  careerlint (all rules): {n / t_lint:8.1f} pages/s  {1000 * t_lint / n:6.2f} ms/page"
              f"  ratio to floor {t_lint / t_floor:.2f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
