"""Issue 15's figures, in one run. Not a test: the figures depend on the machine and its load.

    python bench/speed.py              # every figure (~6 minutes on 2 cores)
    python bench/speed.py --quick      # fewer repeats (~2 minutes)
    python bench/speed.py --profile    # where a page's time goes: stages, and the top hot spots (cProfile)
    python bench/speed.py --only start,jobs   # some of the parts (page, cli, start, jobs)

On ../shared/corpus/ooh (or --corpus DIR; samples/ when it is absent), it prints:
  - per page: careerlint in one process (the whole pipeline on pages already read) against the
    raw lxml parse of the same files (etree.HTMLParser, every text node iterated), and their
    ratio, with the share of each stage (document, extraction, rules); and the command line
    `check --jobs 1 --no-cache` on the folder, per page;
  - start-up: a one-page `check` of a small page (--no-cache; edited under a warm cache; a cache
    hit) and of a corpus page against `python -c pass`, and where a fresh process spends it;
  - `--jobs 2` against `--jobs 1` on 1,000+ pages (the corpus copied until there are), and
    whether their outputs are identical;
  - peak RSS of `--jobs 1` on the corpus and on the 1,000+ pages (flat means the same), with no cache
    and with the cache on (a first run filling it, a second run reading every page from it).
Timings of a command are wall-clock minimums and medians of --repeat runs (the minimum is the
least disturbed by other work on the machine); the load average is printed, since --jobs needs
an idle machine. Commands run with byte code cached (as an installed careerlint has it).
"""

from __future__ import annotations

import argparse
import os
import resource
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


def copy_pages(pages: list[Path], to: Path, mark: str = "") -> None:
    """Copy the pages into ``to``, keeping their folders below the common one (samples/ has several);
    with ``mark``, each copy ends with a comment of its own, so that the cache keeps each one apart."""
    base = Path(os.path.commonpath([p.parent for p in pages]))
    for p in pages:
        target = to / p.relative_to(base)
        target.parent.mkdir(parents=True, exist_ok=True)
        if mark:
            target.write_bytes(p.read_bytes() + f"\n<!-- {mark} -->\n".encode())
        else:
            shutil.copyfile(p, target)


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


def timed(cmd: list[str], cwd: Path, e: dict, repeat: int, setup=None) -> tuple[float, float, float]:
    """(minimum wall, median wall, median CPU) seconds of ``cmd``; ``setup(i)`` runs before run i.
    CPU time (user + system) is what other work on the machine disturbs least."""
    runs, cpu = [], []
    for i in range(repeat):
        if setup:
            setup(i)
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, env=e, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        runs.append(time.perf_counter() - t0)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
    return min(runs), statistics.median(runs), statistics.median(cpu)


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

SMALL = ("<html><head><title>Nurses</title></head><body><h1>Registered Nurses</h1>\n<p>The median annual wage "
         "for registered nurses was $93,600 in May 2024, according to the BLS.</p>\n</body></html>\n")


def startup(work: Path, e: dict, repeat: int, page: Path) -> float:
    """A one-page check against `python -c pass`: a small page (start-up alone) with no cache (with the
    start cache careerlint keeps in the user's cache folder, and without it, as on a first run), edited
    under a warm cache, and unchanged (a cache hit); then a page of the corpus's median size."""
    folder = work / "one"
    folder.mkdir()
    small = folder / "nurses.html"
    small.write_text(SMALL)
    (folder / page.name).write_bytes(page.read_bytes())
    subprocess.run(check_cmd(small.name, page.name), cwd=folder, env=e, capture_output=True)  # byte code, caches
    bare = timed([sys.executable, "-c", "pass"], work, e, repeat)

    def edit(i: int) -> None:  # an editor's save: the page changed, the rule-set cache is warm
        small.write_text(SMALL.replace("$93,600", f"${93_601 + i:,}"))

    cold = dict(e, CAREERLINT_NO_START_CACHE="1")  # a first run after an install: no start cache yet
    rows = [("small page, --no-cache", timed(check_cmd("--no-cache", small.name), folder, e, repeat)),
            ("small page, --no-cache, no start cache", timed(check_cmd("--no-cache", small.name), folder, cold,
                                                              repeat)),
            ("small page edited, cache warm", timed(check_cmd(small.name), folder, e, repeat, edit)),
            ("small page unchanged (cache hit)", timed(check_cmd(small.name), folder, e, repeat)),
            (f"median-size page ({page.stat().st_size // 1000} KB), --no-cache",
             timed(check_cmd("--no-cache", page.name), folder, e, repeat))]
    # the same with a check server running (careerlint server start): what an editor or a hook that
    # started one waits for; the server is one of this bench's own (its own cache folder), stopped after
    served = dict(e, XDG_CACHE_HOME=tempfile.mkdtemp(prefix="clb-", dir="/tmp"))
    served.pop("CAREERLINT_NO_SERVER", None)
    started = subprocess.run([sys.executable, "-m", "careerlint", "server", "start"], env=served, cwd=folder,
                             capture_output=True, text=True)
    if started.returncode == 0:
        try:
            timed(check_cmd("--no-cache", small.name), folder, served, 2)  # the server's first fork
            rows += [("small page, --no-cache, server running",
                      timed(check_cmd("--no-cache", small.name), folder, served, repeat)),
                     ("median-size page, --no-cache, server running",
                      timed(check_cmd("--no-cache", page.name), folder, served, repeat))]
        finally:
            subprocess.run([sys.executable, "-m", "careerlint", "server", "stop"], env=served, capture_output=True)
            shutil.rmtree(served["XDG_CACHE_HOME"], ignore_errors=True)
    else:
        print(f"  (no check server here: {started.stderr.strip()})")
    print(f"\nstart-up: a one-page check against `python -c pass` ({repeat} runs: wall minimum, median; "
          "CPU median)")
    print(f"  {'python -c pass':52s} {1000 * bare[0]:6.0f} ms  {1000 * bare[1]:6.0f} ms  "
          f"{1000 * bare[2]:6.0f} ms CPU")
    ratio = rows[0][1][0] / bare[0]
    for k, (name, (mn, md, cpu)) in enumerate(rows):
        r = mn / bare[0]
        print(f"  check, {name:45s} {1000 * mn:6.0f} ms  {1000 * md:6.0f} ms  {1000 * cpu:6.0f} ms CPU  "
              f"{r:5.1f}x (CPU {cpu / bare[2]:.1f}x)" +
              (f"  [{verdict(r <= TARGETS['start'])} <= {TARGETS['start']:.0f}x]"
               if k == 0 or name.startswith("small page, --no-cache, server") else ""))
    anatomy(folder, e, small.name, max(3, repeat // 3))
    return ratio


ANATOMY = """
import sys, time
clock = time.process_time
t0 = clock()
import importlib
import careerlint.cli
for m in ("cli_args", "cli_check", "reporters", "report_options", "runner", "pipeline", "config", "ruleset",
          "loader", "engine", "checks", "document"):
    try:
        importlib.import_module("careerlint." + m)
    except ImportError:  # an older careerlint, measured for comparison
        pass
import lxml.etree
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
    """Where a one-page --no-cache check's CPU time goes, in a fresh process (medians)."""
    runs = []
    for _ in range(repeat):
        p = subprocess.run([sys.executable, "-c", ANATOMY, "check", "--no-cache", "--as-of", AS_OF, page], cwd=cwd,
                           env=e, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        runs.append([float(x) for x in p.stderr.split()[-4:]])
    parts = [statistics.median(r[k] for r in runs) for k in range(4)]
    names = ["imports but extraction's (with click only if it is imported)", "extraction's imports",
             "extraction's set-up (lexicon and phrasings: yaml, regexes)", "the check itself (rule set, page, report)"]
    print("  where its CPU time goes (a fresh process, median of %d; Python's own start not included):" % repeat)
    for name, t in zip(names, parts):
        print(f"    {name:58s} {1000 * t:6.0f} ms")


def per_page_cli(work: Path, e: dict, pages: list[Path], repeat: int) -> None:
    folder = work / "corpus"
    took, _, _ = timed(check_cmd("--jobs", "1", "--no-cache", folder.name), work, e, repeat)
    print(f"\ncommand line: check --jobs 1 --no-cache on the {len(pages)} pages: {took:.2f} s, "
          f"{1000 * took / len(pages):.2f} ms per page (start-up included)")


def _spin(n: int) -> int:
    s = 0
    for i in range(n):
        s += i
    return s


def headroom(rounds: int = 3) -> float:
    """The speed-up two processes get right now on pure computation (2.0 on an idle 2-core
    machine): what --jobs 2 can get at best while other work shares the machine."""
    import multiprocessing

    best = 0.0
    with multiprocessing.Pool(2) as pool:
        for _ in range(rounds):
            t0 = time.perf_counter()
            _spin(20_000_000)
            one = time.perf_counter() - t0
            t0 = time.perf_counter()
            pool.map(_spin, [10_000_000, 10_000_000])
            best = max(best, one / (time.perf_counter() - t0))
    return best


def jobs(work: Path, e: dict, pages: list[Path], repeat: int) -> float:
    """--jobs 2 against --jobs 1 on 1,000+ pages, and peak RSS (flat: the same for 7x the pages)."""
    big = work / "big"
    copies = -(-1000 // len(pages))
    for k in range(copies):
        copy_pages(pages, big / f"copy-{k}", mark=f"copy {k}")  # distinct bytes: a cache entry each
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
    room = headroom()
    print(f"\n--jobs on {n} pages ({copies} copies of the corpus; no cache; minimum of {repeat}; {load()})")
    print(f"  --jobs 1   {t1:6.2f} s  {1000 * t1 / n:6.2f} ms/page  (median {statistics.median(runs[1]):.2f} s)")
    print(f"  --jobs 2   {t2:6.2f} s  {1000 * t2 / n:6.2f} ms/page  (median {statistics.median(runs[2]):.2f} s)  "
          f"speed-up {speedup:.2f}x  [{verdict(speedup >= TARGETS['jobs'])} >= {TARGETS['jobs']}x on an idle machine]")
    print(f"  the machine's own headroom now: two processes of pure computation run {room:.2f}x faster "
          f"than one; --jobs 2 gets {100 * (speedup - 1) / max(room - 1, 0.01):.0f}% of that gain")
    print(f"  output identical for --jobs 1 and --jobs 2: [{verdict(outs[1] == outs[2] and bool(outs[1]))}]")
    flat = rss[1] / small_rss
    print(f"\npeak RSS: --jobs 1 on {len(pages)} pages {small_rss:.0f} MB, on {n} pages {rss[1]:.0f} MB "
          f"({flat:.2f}x)  [{verdict(flat <= 1.25)} flat]; --jobs 2 on {n} pages {rss[2]:.0f} MB (largest process)")
    # the same with the cache on (the default): a first run fills it, a second reads every page from it
    cached, one = {}, {}
    for folder in ("corpus", big.name):
        shutil.rmtree(work / ".careerlint_cache", ignore_errors=True)
        cached[folder] = [peak_rss(check_cmd("--format", "json", "--jobs", "1", folder), work, e)[:2] for _ in "cw"]
        # an editor's save: one page checked, the rest of the site (the cross-page rules) from the cache
        page = str(next(p for p in sorted((work / folder).rglob("*")) if p.suffix in (".html", ".md")).relative_to(work))
        one[folder] = (timed(check_cmd(page), work, e, repeat)[0], peak_rss(check_cmd(page), work, e)[1])
    shutil.rmtree(work / ".careerlint_cache", ignore_errors=True)
    for k, name in enumerate(("a first run (cold cache)", "a second run (every page from the cache)")):
        small, large = cached["corpus"][k][1], cached[big.name][k][1]
        print(f"peak RSS with the cache, {name}: {small:.0f} MB on {len(pages)} pages, {large:.0f} MB on {n} "
              f"({large / small:.2f}x; {cached[big.name][k][0]:.1f} s)  [{verdict(large / small <= 1.25)} flat]")
    (t_small, mb_small), (t_large, mb_large) = one["corpus"], one[big.name]
    print(f"one page of the site, the rest from the cache: {1000 * t_small:.0f} ms, {mb_small:.0f} MB on "
          f"{len(pages)} pages; {1000 * t_large:.0f} ms, {mb_large:.0f} MB on {n}")
    return speedup


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5, help="runs per timing (default 5; --quick: 3)")
    ap.add_argument("--quick", action="store_true", help="fewer repeats, --jobs timed once")
    ap.add_argument("--profile", action="store_true", help="only the profile: stages and hot spots")
    ap.add_argument("--top", type=int, default=25, help="hot spots to list in --profile (default 25)")
    ap.add_argument("--corpus", type=Path, default=OOH, help="a folder of HTML pages (default ../shared/corpus/ooh)")
    ap.add_argument("--only", default="page,cli,start,jobs", metavar="PART,...",
                    help="the parts to run: page (per page), cli (--jobs 1 on the folder), start, jobs (and RSS)")
    args = ap.parse_args()
    name, pages = corpus(args.corpus)
    repeat = 3 if args.quick else args.repeat
    print(f"{name}: {len(pages)} pages, {sum(p.stat().st_size for p in pages) / 1e6:.1f} MB; "
          f"{os.cpu_count()} cores, Python {sys.version.split()[0]}; {load()}\n")
    if args.profile:
        from profile_pipeline import profile

        profile(pages, args.top)
        return
    work = Path(tempfile.mkdtemp(prefix="careerlint-speed-"))
    try:
        e = env(work / "pycache")
        copy_pages(pages, work / "corpus")
        parts = set(args.only.split(","))
        if "page" in parts:
            per_page(pages, repeat)
        if "cli" in parts:
            per_page_cli(work, e, pages, 1 if args.quick else 3)
        if "start" in parts:
            html = sorted((p for p in pages if p.suffix == ".html"), key=lambda p: p.stat().st_size)
            startup(work, e, 11 if args.quick else 21, html[len(html) // 2])  # a page of the median size
        if "jobs" in parts:
            jobs(work, e, pages, 1 if args.quick else 3)
        print(f"\n{load()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
