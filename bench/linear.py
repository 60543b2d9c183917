"""Time against page size, whatever the line structure. Not a test: the figures depend on the machine.

    python bench/linear.py              # 1, 2 and 4 MB pages, in lines and on one line (~1 minute)
    python bench/linear.py --repeat 5

One realistic career page (one occupation, sections with prose, a figure, a vintage and a
small wage table each, a stale vintage in every section so findings are reported all along)
is grown to 1, 2 and 4 MB, and written twice: in lines, and minified on one line; and a page of one
national figure stated again and again, with three vintages (one scope, one container). careerlint
checks each in a fresh process (no cache, no size limit) under an address-space limit
(RLIMIT_AS, 2 GB). Targets: time per MB at 4 MB within 1.3x of 1 MB for every page, and
one line within 1.3x of lines at every size.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT_AS = 2 << 30
FILLER = ("Welders join metal parts by hand or with machines, read blueprints, and inspect structures "
          "and materials. Many work full time, and some work evenings or weekends. ")


def section(i: int) -> str:
    median = 40_000 + (i * 37) % 20_000
    return (f"<h2>Welding work in region {i}</h2>\n"
            f"<p>{FILLER}{FILLER}</p>\n"
            f"<p>In region {i}, the median annual wage for welders was ${median:,} in May 2013, according "
            f"to the Bureau of Labor Statistics.</p>\n"
            f"<table>\n<tr><th>Percentile</th><th>Annual wage</th></tr>\n"
            f"<tr><td>10th</td><td>${median - 12_000:,}</td></tr>\n"
            f"<tr><td>90th</td><td>${median + 25_000:,}</td></tr>\n</table>\n")


def national(i: int) -> str:
    """A section stating the national figure again (no region): every figure shares one scope and
    one container, the case that was quadratic in the site rules' history check."""
    return (f"<p>The median annual wage for welders was ${47_540 + i % 7:,} in May {2013 + i % 3}, according "
            f"to the Bureau of Labor Statistics. {FILLER}</p>\n")


def page(megabytes: int, make=section) -> str:
    head = "<!DOCTYPE html>\n<html><head><title>Welders</title></head>\n<body>\n<h1>Welders</h1>\n"
    parts, size, i = [head], len(head), 0
    while size < megabytes * 1_000_000:
        s = make(i)
        parts.append(s)
        size += len(s)
        i += 1
    parts.append("</body></html>\n")
    return "".join(parts)


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_AS, LIMIT_AS))


def run(path: Path) -> tuple[float, float, int]:
    """Seconds, peak RSS (MB) and exit code of one check in a fresh process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "careerlint", "check", "--no-cache", "--max-size", "0",
                             "--jobs", "1", "--as-of", "2026-11-22", str(path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, preexec_fn=_limit)
    _, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - t0
    return took, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; address-space limit "
          f"{LIMIT_AS >> 30} GB\n")
    per_mb: dict[tuple[str, int], float] = {}
    ok = True
    with tempfile.TemporaryDirectory(prefix="careerlint-linear-") as work:
        for mb in (1, 2, 4):
            text, flat = page(mb), page(mb, national)
            for layout, body in (("lines", text), ("one line", text.replace("\n", " ")), ("national", flat)):
                f = Path(work) / f"{mb}mb-{layout.replace(' ', '-')}.html"
                f.write_text(body, encoding="utf-8")
                runs = [run(f) for _ in range(args.repeat)]
                took = statistics.median(r[0] for r in runs)
                rss = max(r[1] for r in runs)
                codes = {r[2] for r in runs}
                ok &= codes == {1}  # stale vintages in every section: findings, no error
                nbytes = f.stat().st_size
                per_mb[(layout, mb)] = took / (nbytes / 1e6)
                print(f"  {mb} MB {layout:8s} {body.count(chr(10)) + 1:7d} lines  {took:6.2f} s  "
                      f"{per_mb[(layout, mb)]:5.2f} s/MB  peak RSS {rss:5.0f} MB  exit {sorted(codes)}")
    print()
    for layout in ("lines", "one line", "national"):
        growth = per_mb[(layout, 4)] / per_mb[(layout, 1)]
        ok &= growth <= 1.3
        print(f"{layout:8s}: time per MB at 4 MB is {growth:.2f}x that at 1 MB  "
              f"[{'PASS' if growth <= 1.3 else 'FAIL'} <= 1.3x: linear]")
    for mb in (1, 2, 4):
        ratio = per_mb[("one line", mb)] / per_mb[("lines", mb)]
        ok &= ratio <= 1.3
        print(f"{mb} MB: one line takes {ratio:.2f}x the time in lines  [{'PASS' if ratio <= 1.3 else 'FAIL'} <= 1.3x]")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
