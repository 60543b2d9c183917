"""Local processes vs a Dask LocalCluster, and the cost of the cross-page rules. Not a test.

    python bench/dask_bench.py                  # 1,000 generated pages
    python bench/dask_bench.py --pages 10000    # the large run (about 10 minutes on 2 cores)

On the same generated pages (bench/run.py's generator), times `careerlint check --no-cache` with
--jobs 2 and with --dask-scheduler local:2 (a 2-worker LocalCluster, started and stopped by the run),
checks that both print the same JSON byte for byte, and times a warm run (the cache filled by a
first run: nothing re-read, the cross-page rules still run) and the same warm run with --no-site.
The fixed cost of a cluster is timed on 20 pages; the per-page overhead is the difference of the
two large runs, less that fixed cost, divided by the pages.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import generate  # noqa: E402  (bench/run.py's page generator)


def timed(args, cwd) -> tuple[float, str]:
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "careerlint", "check", "--as-of", "2026-11-22", "--format", "json",
                        *args], capture_output=True, text=True, cwd=cwd)
    if p.returncode not in (0, 1):
        sys.exit(f"careerlint failed ({p.returncode}): {p.stderr[-500:]}")
    return time.perf_counter() - t, p.stdout


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=1000)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        small, big = tmp / "small", tmp / "site"
        generate(small, 20)
        generate(big, a.pages)
        n = len(list(big.rglob("*.*")))
        print(f"{n:,} generated pages, {os.cpu_count()} cores")
        rows = []
        t_small_jobs, _ = timed(["--no-cache", "--jobs", "2", str(small)], tmp)
        t_small_dask, _ = timed(["--no-cache", "--dask-scheduler", "local:2", str(small)], tmp)
        t_jobs, out_jobs = timed(["--no-cache", "--jobs", "2", str(big)], tmp)
        t_dask, out_dask = timed(["--no-cache", "--dask-scheduler", "local:2", str(big)], tmp)
        rows += [("--jobs 2", t_jobs), ("--dask-scheduler local:2", t_dask)]
        same = out_jobs == out_dask
        timed(["--jobs", "2", str(big)], tmp)                       # fills the cache
        t_warm, out_warm = timed(["--jobs", "2", str(big)], tmp)
        t_warm_nosite, _ = timed(["--jobs", "2", "--no-site", str(big)], tmp)
        rows += [("warm cache (site rules run)", t_warm), ("warm cache, --no-site", t_warm_nosite)]
        facts = sum(p.stat().st_size for p in (tmp / ".careerlint_cache").rglob("facts-*.json"))
        findings = json.loads(out_jobs)["findings"]
        for name, t in rows:
            print(f"  {name:<30} {t:7.2f} s  {n / t:7.1f} pages/s")
        fixed = t_small_dask - t_small_jobs
        print(f"  same JSON, byte for byte: {same and out_warm == out_jobs}")
        print(f"  cluster start and stop (20 pages, local:2 minus --jobs 2): {fixed:.2f} s")
        print(f"  overhead per page beyond that: {max(0.0, t_dask - t_jobs - fixed) / n * 1000:.2f} ms")
        print(f"  site facts in the cache: {facts / n:,.0f} bytes per page; "
              f"{sum(f['rule'].startswith('site-') for f in findings)} site findings")


if __name__ == "__main__":
    main()
