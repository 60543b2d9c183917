"""What the BLS reference data costs. Not a test: the figures depend on the machine.

    python bench/reference.py              # medians of 15 runs
    python bench/reference.py --repeat 31

Times, each in a fresh process (so: cold start), checking one small page with `careerlint check`:
  no figures     a page with no wage or growth figure: no rule needs reference data (none is imported)
  rules off      the electricians page with the reference rules ignored (official-*, newer-release,
                 growth-descriptor): what careerlint costs without them
  rules on       the electricians page with every rule: the reference rules load what they need
                 (names, OEWS May 2024 and May 2025, projections, calendar)
  + imported     rules off, after `import careerlint.reference` (what a rule module importing it costs)
  + loaded       rules off, after loading every reference file (names, both OEWS releases, projections,
                 calendar, scales): the most a run can pay, once per process
then, in one process, what each first use costs and what a lookup costs once loaded, and the
per-page cost of the reference rules over a set of pages (samples/, bench/pages/, and the OOH
corpus when ../shared is there): the rules alone on the pages' claims, against a whole check.
Byte-code caching is on for the child processes (as in a real install), whatever the environment says.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PAGE = ("<!DOCTYPE html><html><head><title>Electricians</title></head><body><h1>Electricians</h1>"
        "<p>The median annual wage for electricians was $62,350 in May 2024.</p>"
        "<p>Employment of electricians is projected to grow 9 percent from 2024 to 2034.</p></body></html>\n")

NO_FIGURES = ("<!DOCTYPE html><html><head><title>About us</title></head><body><h1>About us</h1>"
              "<p>Our editors review every career guide twice a year.</p></body></html>\n")
REFERENCE_RULES = ["official-figure", "official-statistic", "official-growth", "newer-release", "growth-descriptor"]
OFF = "'--ignore', '" + ",".join(REFERENCE_RULES) + "', "
RUN = "from careerlint.cli import main\nimport sys\n{pre}\ntry:\n    main(['check', '--no-cache', '-j', '1', {args}" \
      "'--as-of', '2026-11-22', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
PER_PAGE = """
import datetime, sys, time
from pathlib import Path
from careerlint.checks import kinds
from careerlint.document import parse_html, parse_markdown
from careerlint.extract import extract
from careerlint.page import Page
from careerlint.pipeline import check_text
from careerlint.ruleset import load_ruleset
rs = load_ruleset()
K = kinds()
ref_rules = [rs.rules[r] for r in sys.argv[1].split(",")]
as_of = datetime.date(2026, 11, 22)
pages = [(p, p.read_text(encoding="utf-8")) for p in map(Path, sys.argv[2:])]
def full():
    s = time.perf_counter()
    for p, text in pages:
        check_text(text, str(p), list(rs.rules.values()), rs.registry, as_of, set(rs.rules))
    return time.perf_counter() - s
prepared = []
for p, text in pages:
    doc = parse_markdown(text, str(p)) if p.suffix == ".md" else parse_html(text, str(p))
    prepared.append((doc, extract(doc, rs.registry)))
def reference_rules():
    s = time.perf_counter()
    for doc, claims in prepared:
        page = Page(doc, claims, as_of, rs.registry)
        for r in ref_rules:
            list(K[r.kind].check(page, r))
    return time.perf_counter() - s
reference_rules()   # first use: every reference file these pages need is loaded before timing
print(len(pages), min(full() for _ in range(3)), min(reference_rules() for _ in range(7)))
"""
LOAD_ALL = ("from careerlint import reference as ref\nimport datetime\n"
            "ref.match_occupation('electricians'); ref.figure('47-2111', 2024, 'median', 'year')\n"
            "ref.figure('47-2111', 2025, 'median', 'year'); ref.growth('47-2111', 2024)\n"
            "ref.calendar.due('oews', datetime.date(2026, 11, 22)); ref.scale(2024)\n")

FIRST_USE = """
import time, datetime
t = time.perf_counter
import careerlint.cli, careerlint.pipeline
s = t(); from careerlint import reference as ref; out = [("import careerlint.reference", t() - s)]
for name, fn in [("names (first match_occupation)", lambda: ref.match_occupation("electricians")),
                 ("OEWS May 2024 (first figure)", lambda: ref.figure("47-2111", 2024, "median", "year")),
                 ("OEWS May 2025", lambda: ref.figure("47-2111", 2025, "median", "year")),
                 ("EP 2024-34 (first growth)", lambda: ref.growth("47-2111", "2024-34")),
                 ("calendar", lambda: ref.calendar.due("oews", datetime.date(2026, 11, 22))),
                 ("scales", lambda: ref.scale("2024-34"))]:
    s = t(); fn(); out.append((name, t() - s))
for name, fn in [("match_occupation (loaded)", lambda: ref.match_occupation("Medical Records Specialists")),
                 ("figure (loaded)", lambda: ref.figure("47-2111", 2024, "median", "year")),
                 ("values (loaded, both releases)", lambda: ref.values("47-2111"))]:
    s = t()
    for _ in range(2000):
        fn()
    out.append((name, (t() - s) / 2000))
for name, sec in out:
    print(f"{name}\\t{sec * 1000:.3f}")
"""



def child_env() -> dict:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


def walls(codes: dict[str, tuple[str, str]], repeat: int) -> dict[str, tuple[float, float]]:
    """(median, min) wall time per variant (code, page); variants interleaved so machine load hits them alike."""
    env = child_env()
    for code, page in codes.values():   # warm-up: byte-code caches, file system
        subprocess.run([sys.executable, "-c", code, page], env=env, check=True, capture_output=True)
    times: dict[str, list[float]] = {k: [] for k in codes}
    for _ in range(repeat):
        for name, (code, page) in codes.items():
            s = time.perf_counter()
            subprocess.run([sys.executable, "-c", code, page], env=env, check=True, capture_output=True)
            times[name].append(time.perf_counter() - s)
    return {k: (statistics.median(v), min(v)) for k, v in times.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        page = os.path.join(d, "electricians.html")
        Path(page).write_text(PAGE, encoding="utf-8")
        plain = os.path.join(d, "about.html")
        Path(plain).write_text(NO_FIGURES, encoding="utf-8")
        t = walls({"python -c pass": ("pass", page),
                   "check, no figures": (RUN.format(pre="", args=""), plain),
                   "check, reference rules off": (RUN.format(pre="", args=OFF), page),
                   "check, reference rules on": (RUN.format(pre="", args=""), page),
                   "+ import careerlint.reference": (RUN.format(pre="import careerlint.reference", args=OFF), page),
                   "+ every reference file loaded": (RUN.format(pre=LOAD_ALL, args=OFF), page)}, args.repeat)
    base = t["check, reference rules off"]
    print(f"cold start, one page ({args.repeat} fresh processes each, interleaved): median / min")
    for name, (med, low) in t.items():
        extra = f"  ({(med - base[0]) * 1000:+.1f} / {(low - base[1]) * 1000:+.1f})" \
            if name.startswith("+") or name.endswith("rules on") else ""
        print(f"  {name:<32} {med * 1000:7.1f} / {low * 1000:6.1f} ms{extra}")
    runs: dict[str, list[float]] = {}
    for _ in range(max(5, args.repeat // 3)):
        out = subprocess.run([sys.executable, "-c", FIRST_USE], env=child_env(), check=True, capture_output=True,
                             text=True).stdout
        for line in out.strip().splitlines():
            name, ms = line.split("\t")
            runs.setdefault(name, []).append(float(ms))
    print(f"first use, in one process (ms, median of {len(next(iter(runs.values())))} processes):")
    for name, ms in runs.items():
        print(f"  {name:<34} {statistics.median(ms):8.3f}")
    pages = [p for folder in (ROOT / "samples", ROOT / "bench" / "pages", ROOT.parent / "shared" / "corpus" / "ooh",
                              ROOT.parent.parent / "shared" / "corpus" / "ooh") if folder.is_dir()
             for p in sorted(folder.rglob("*")) if p.suffix in (".html", ".md")]
    proc = subprocess.run([sys.executable, "-c", PER_PAGE, ",".join(REFERENCE_RULES), *map(str, pages)],
                          env=child_env(), capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"per-page run failed (exit {proc.returncode}): {proc.stderr[-800:]}")
    out = proc.stdout.split()
    n, whole, rules = int(out[0]), float(out[1]), float(out[2])
    print(f"per page, {n} pages in one process: a whole check (read, extract, every rule; best of 3) "
          f"{whole / n * 1000:.2f} ms; the reference rules alone (best of 7) {rules / n * 1000:.3f} ms "
          f"({rules / whole * 100:.1f}%)")
    sizes = sorted((p.name, p.stat().st_size) for p in (ROOT / "rules" / "reference").iterdir())
    print("shipped data: " + ", ".join(f"{n} {s / 1024:.1f} KB" for n, s in sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
