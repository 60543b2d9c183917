"""Issue 15's figures, in one run. Not a test: the figures depend on the machine and its load.

    python bench/speed.py              # every figure (~5 minutes on 2 cores)
    python bench/speed.py --quick      # fewer repeats (~2 minutes)
    python bench/speed.py --profile    # where a page's time goes: stages, and the top hot spots (cProfile)

On ../shared/corpus/ooh (or --corpus DIR; samples/ when it is absent), it prints:
  - per page: careerlint in one process (the whole pipeline on pages already read) against the
    raw lxml parse of the same files (etree.HTMLParser, every text node iterated), and their
    ratio, with the share of each stage (document, extraction, rules); and the command line
    `check --jobs 1 --no-cache` on the folder, per page;
  - start-up: a one-page `check` (--no-cache; with a warm cache after the page was edited; a
    cache hit) against `python -c pass`;
  - `--jobs 2` against `--jobs 1` on 1,000+ pages (the corpus copied until there are), and
    whether their outputs are identical;
  - peak RSS of `--jobs 1` on the corpus and on the 1,000+ pages (flat means the same).
Timings of a command are wall-clock minimums and medians of --repeat runs (the minimum is the
least disturbed by other work on the machine); the load average is printed, since --jobs needs
an idle machine. Commands run with byte code cached (as an installed careerlint has it).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OOH = ROOT.parent / "shared" / "corpus" / "ooh"
sys.path.insert(0, str(ROOT / "src"))
AS_OF = "2026-11-22"
TARGETS = {"per_page": 4.0, "start": 6.0, "jobs": 1.7}


def corpus(folder: Path) -> tuple[str, list[Path]]:
    if folder.is_dir() and any(folder.glob("*.html")):
        return str(folder), sorted(folder.glob("*.html"))
    pages = sorted(p for p in (ROOT / "samples").rglob("*") if p.suffix in (".html", ".htm", ".md", ".markdown"))
    return f"samples/ ({folder} is absent)", pages


def env(cache_dir: Path) -> dict:
    """This checkout's careerlint, with byte code written once and reused (a pip install has it)."""
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + e.get("PYTHONPATH", "")
    e.pop("PYTHONDONTWRITEBYTECODE", None)
    e["PYTHONPYCACHEPREFIX"] = str(cache_dir)
    e["NO_COLOR"] = "1"
    return e


def timed(cmd: list[str], cwd: Path, e: dict, repeat: int, setup=None) -> tuple[float, float]:
    """(minimum, median) wall seconds of ``cmd``; ``setup(i)`` runs before run i."""
    runs = []
    for i in range(repeat):
        if setup:
            setup(i)
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, env=e, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        runs.append(time.perf_counter() - t0)
    return min(runs), statistics.median(runs)


def peak_rss(cmd: list[str], cwd: Path, e: dict) -> tuple[float, float, bytes]:
    """(wall seconds, peak RSS in MB over the process and its children, stdout) of one run."""
    probe = ("import resource, subprocess, sys, time\nt0 = time.perf_counter()\n"
             "p = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)\n"
             "took = time.perf_counter() - t0\nsys.stdout.buffer.write(p.stdout)\n"
             "print('\\n@@', took, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], cwd=cwd, env=e, capture_output=True).stdout
    body, _, tail = out.rpartition(b"\n@@ ")
    took, rss = tail.split()
    return float(took), int(rss) / 1024, body


def check_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "careerlint", "check", "--as-of", AS_OF, *args]


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


# -- per page, in one process -------------------------------------------------------------------

def per_page(pages: list[Path], repeat: int) -> float:
    """careerlint's pipeline against the raw lxml parse, interleaved, in this process."""
    import datetime as dt

    from lxml import etree

    from careerlint.checks import kinds
    from careerlint.document import parse_html, parse_markdown
    from careerlint.engine import run_rules
    from careerlint.extract import extract
    from careerlint.loader import is_markdown, page_text
    from careerlint.page import Page
    from careerlint.ruleset import load_ruleset

    data = [(str(p), p.read_bytes()) for p in pages]
    texts = [(p, page_text(b, p)) for p, b in data]
    html = [b for p, b in data if not is_markdown(p)]
    rs = load_ruleset()
    rules, known, date, registry = rs.select(None, None), set(rs.rules), dt.date(2026, 11, 22), rs.registry
    stages = {"document": 0.0, "extraction": 0.0, "rules": 0.0}

    def pipeline() -> None:  # pipeline.analyse, stage by stage
        clock = time.perf_counter
        for p, t in texts:
            t0 = clock()
            doc = parse_markdown(t, p) if is_markdown(p) else parse_html(t, p)
            t1 = clock()
            claims = extract(doc, registry)
            t2 = clock()
            run_rules(Page(doc, claims, date, registry), rules, kinds(), p, known)
            t3 = clock()
            stages["document"] += t1 - t0
            stages["extraction"] += t2 - t1
            stages["rules"] += t3 - t2

    def raw() -> None:
        for b in html:
            root = etree.fromstring(b, etree.HTMLParser(huge_tree=True))
            if root is not None:
                for _ in root.itertext():
                    pass

    pipeline()  # compile what extraction compiles on first use
    best = {"careerlint": [], "raw": []}
    for _ in range(repeat):
        for name, fn in (("careerlint", pipeline), ("raw", raw)):
            t0 = time.perf_counter()
            fn()
            best[name].append(time.perf_counter() - t0)
    n, nh = len(texts), len(html)
    lint, floor = min(best["careerlint"]) / n, min(best["raw"]) / max(nh, 1)
    ratio = lint / floor
    print(f"per page, one process ({n} pages{'' if n == nh else f', {nh} of them HTML for the raw parse'}; "
          f"minimum of {repeat}, median in brackets)")
    print(f"  careerlint pipeline       {1000 * lint:7.2f} ms  ({1000 * statistics.median(best['careerlint']) / n:.2f})")
    print(f"  raw lxml parse + text     {1000 * floor:7.2f} ms  ({1000 * statistics.median(best['raw']) / max(nh, 1):.2f})")
    print(f"  ratio                     {ratio:7.2f}x    [{verdict(ratio <= TARGETS['per_page'])} <= "
          f"{TARGETS['per_page']:.0f}x the raw parse]")
    total = sum(stages.values())
    print("  stages: " + ", ".join(f"{k} {100 * v / total:.0f}% ({1000 * v / (n * (repeat + 1)):.2f} ms)"
                                   for k, v in stages.items()))
    return ratio


# -- the command line ---------------------------------------------------------------------------

def startup(work: Path, e: dict, repeat: int, page: Path) -> float:
    """A one-page check against `python -c pass`: no cache; the page edited under a warm cache; a hit."""
    small = work / "one" / page.name
    small.parent.mkdir()
    original = page.read_bytes()
    small.write_bytes(original)
    subprocess.run(check_cmd(small.name), cwd=small.parent, env=e, capture_output=True)  # byte code, caches
    bare = timed([sys.executable, "-c", "pass"], work, e, repeat)

    def edit(i: int) -> None:  # an editor's save: the page changed, the rule-set cache is warm
        small.write_bytes(original + f"\n<!-- edit {i} -->\n".encode())

    rows = [("--no-cache", timed(check_cmd("--no-cache", small.name), small.parent, e, repeat)),
            ("page edited, cache warm", timed(check_cmd(small.name), small.parent, e, repeat, edit)),
            ("page unchanged (cache hit)", timed(check_cmd(small.name), small.parent, e, repeat))]
    print(f"\nstart-up: one-page check of {page.name} ({len(original) // 1000} KB) against `python -c pass` "
          f"(minimum of {repeat}, median in brackets)")
    print(f"  python -c pass               {1000 * bare[0]:6.0f} ms  ({1000 * bare[1]:.0f})")
    ratio = 0.0
    for name, (mn, md) in rows:
        r = mn / bare[0]
        ratio = ratio or r
        print(f"  check, {name:27s} {1000 * mn:6.0f} ms  ({1000 * md:.0f})  {r:5.1f}x" +
              (f"  [{verdict(r <= TARGETS['start'])} <= {TARGETS['start']:.0f}x]" if name == "--no-cache" else ""))
    anatomy(small.parent, e, small.name, max(3, repeat // 3))
    return ratio


ANATOMY = """
import sys, time
clock = time.perf_counter
t0 = clock()
import careerlint.cli, careerlint.cli_args, careerlint.cli_check, careerlint.reporters, careerlint.report_options
import careerlint.runner, careerlint.pipeline, careerlint.config, careerlint.ruleset, careerlint.loader, careerlint.engine
import careerlint.checks, careerlint.document, lxml.etree
t1 = clock()
import careerlint.extract.reader, careerlint.extract.resolve, careerlint.extract.citations
t2 = clock()
from careerlint.extract.lexicon import lexicon
from careerlint.extract.phrasings_store import phrasings
lexicon(); phrasings()
t3 = clock()
try:
    careerlint.cli.main(sys.argv[1:])
except SystemExit:
    pass
t4 = clock()
print(t1 - t0, t2 - t1, t3 - t2, t4 - t3, file=sys.stderr)
"""


def anatomy(cwd: Path, e: dict, page: str, repeat: int) -> None:
    """Where a one-page --no-cache check's time goes, in a fresh process (medians)."""
    runs = []
    for _ in range(repeat):
        p = subprocess.run([sys.executable, "-c", ANATOMY, "check", "--no-cache", "--as-of", AS_OF, page], cwd=cwd,
                           env=e, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        runs.append([float(x) for x in p.stderr.split()[-4:]])
    parts = [statistics.median(r[k] for r in runs) for k in range(4)]
    names = ["imports but extraction's (click not among them)", "extraction's imports",
             "extraction's set-up (lexicon and phrasings: yaml, regexes)", "the check itself (rule set, page, report)"]
    print("  where its time goes (a fresh process, median of %d; Python's own start not included):" % repeat)
    for name, t in zip(names, parts):
        print(f"    {name:58s} {1000 * t:6.0f} ms")


def per_page_cli(work: Path, e: dict, pages: list[Path], repeat: int) -> None:
    folder = work / "corpus"
    took, _ = timed(check_cmd("--jobs", "1", "--no-cache", folder.name), work, e, repeat)
    print(f"\ncommand line: check --jobs 1 --no-cache on the {len(pages)} pages: {took:.2f} s, "
          f"{1000 * took / len(pages):.2f} ms per page (start-up included)")


def jobs(work: Path, e: dict, pages: list[Path], repeat: int) -> float:
    """--jobs 2 against --jobs 1 on 1,000+ pages, and peak RSS (flat: the same for 7x the pages)."""
    big = work / "big"
    copies = -(-1000 // len(pages))
    for k in range(copies):
        d = big / f"copy-{k}"
        d.mkdir(parents=True)
        for p in pages:
            shutil.copyfile(p, d / p.name)
    n = copies * len(pages)
    runs = {1: [], 2: []}
    outs = {}
    rss = {}
    for _ in range(repeat):
        for j in (1, 2):
            took, mb, out = peak_rss(check_cmd("--no-cache", "--format", "json", "--jobs", str(j), big.name), work, e)
            runs[j].append(took)
            outs[j] = out
            rss[j] = max(rss.get(j, 0), mb)
    _, small_rss, _ = peak_rss(check_cmd("--no-cache", "--format", "json", "--jobs", "1", "corpus"), work, e)
    t1, t2 = min(runs[1]), min(runs[2])
    speedup = t1 / t2
    print(f"\n--jobs on {n} pages ({copies} copies of the corpus; no cache; minimum of {repeat}; {load()})")
    print(f"  --jobs 1   {t1:6.2f} s  {1000 * t1 / n:6.2f} ms/page  (median {statistics.median(runs[1]):.2f} s)")
    print(f"  --jobs 2   {t2:6.2f} s  {1000 * t2 / n:6.2f} ms/page  (median {statistics.median(runs[2]):.2f} s)  "
          f"speed-up {speedup:.2f}x  [{verdict(speedup >= TARGETS['jobs'])} >= {TARGETS['jobs']}x on an idle machine]")
    print(f"  output identical for --jobs 1 and --jobs 2: [{verdict(outs[1] == outs[2] and bool(outs[1]))}]")
    flat = rss[1] / small_rss
    print(f"\npeak RSS: --jobs 1 on {len(pages)} pages {small_rss:.0f} MB, on {n} pages {rss[1]:.0f} MB "
          f"({flat:.2f}x)  [{verdict(flat <= 1.25)} flat]; --jobs 2 on {n} pages {rss[2]:.0f} MB (largest process)")
    return speedup


# -- profile ------------------------------------------------------------------------------------

def profile(pages: list[Path], top: int) -> None:
    """cProfile of the whole pipeline over the pages (after one warm-up pass): each stage's share,
    the top hot spots, and the top ones in extraction."""
    import cProfile
    import datetime as dt
    import pstats

    from careerlint.loader import page_text
    from careerlint.pipeline import analyse
    from careerlint.ruleset import load_ruleset

    texts = [(str(p), page_text(p.read_bytes(), str(p))) for p in pages]
    rs = load_ruleset()
    rules, known = rs.select(None, None), set(rs.rules)

    def run() -> None:
        for p, t in texts:
            analyse(t, p, rules, rs.registry, dt.date(2026, 11, 22), known)

    run()
    prof = cProfile.Profile()
    prof.runcall(run)
    st = pstats.Stats(prof)
    total = sum(v[2] for v in st.stats.values())  # own time of everything: the whole run

    def cum(suffix: str, name: str, caller: str | None = None) -> float:
        """Cumulative time of a function (only what ``caller`` called, if given)."""
        out = 0.0
        for (file, _, fname), (_, _, _, ct, callers) in st.stats.items():
            if fname == name and Path(file).as_posix().endswith(suffix):
                out += ct if caller is None else sum(v[3] for (_, _, c), v in callers.items() if c == caller)
        return out

    stages = [("document (parse_html, parse_markdown)",
               cum("document/html.py", "parse_html", "analyse") + cum("document/markdown.py", "parse_markdown")),
              ("extraction (extract)", cum("extract/__init__.py", "extract")),
              ("rules (run_rules)", cum("careerlint/engine.py", "run_rules"))]
    print(f"profile: {len(texts)} pages, {total:.2f} s under cProfile (its overhead inflates Python-level calls)")
    for name, t in stages:
        print(f"  {name:40s} {100 * t / total:5.1f}%  {1000 * t / len(texts):7.2f} ms/page")
    print(f"\ntop {top} by own time (whole pipeline):")
    st.sort_stats("tottime").print_stats(top)
    print(f"top {top} in extraction (src/careerlint/extract/) by own time:")
    st.sort_stats("tottime").print_stats("careerlint/extract/", top)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5, help="runs per timing (default 5; --quick: 3)")
    ap.add_argument("--quick", action="store_true", help="fewer repeats, --jobs timed once")
    ap.add_argument("--profile", action="store_true", help="only the profile: stages and hot spots")
    ap.add_argument("--top", type=int, default=25, help="hot spots to list in --profile (default 25)")
    ap.add_argument("--corpus", type=Path, default=OOH, help="a folder of HTML pages (default ../shared/corpus/ooh)")
    args = ap.parse_args()
    name, pages = corpus(args.corpus)
    repeat = 3 if args.quick else args.repeat
    print(f"{name}: {len(pages)} pages, {sum(p.stat().st_size for p in pages) / 1e6:.1f} MB; "
          f"{os.cpu_count()} cores, Python {sys.version.split()[0]}; {load()}\n")
    if args.profile:
        profile(pages, args.top)
        return
    work = Path(tempfile.mkdtemp(prefix="careerlint-speed-"))
    try:
        e = env(work / "pycache")
        (work / "corpus").mkdir()
        for p in pages:
            shutil.copyfile(p, work / "corpus" / p.name)
        per_page(pages, repeat)
        per_page_cli(work, e, pages, 1 if args.quick else 3)
        html = sorted((p for p in pages if p.suffix == ".html"), key=lambda p: p.stat().st_size)
        page = html[len(html) // 2]  # a page of the median size
        startup(work, e, 11 if args.quick else 21, page)
        jobs(work, e, pages, 1 if args.quick else 3)
        print(f"\n{load()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
