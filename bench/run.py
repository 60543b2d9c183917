"""careerlint's benchmark. Not a test: the figures depend on the machine.

    python bench/run.py                 # generated corpus (1,000 pages) + the OOH pages, all targets
    python bench/run.py --pages 200     # a smaller generated corpus
    python bench/run.py --scale         # also 100 / 1,000 / 10,000 pages (slow: ~15 minutes on 2 cores)

It generates N realistic pages (four templates, several sizes, planted errors), then times on
the same files: the parse floor (BeautifulSoup with lxml, nothing else), careerlint in one
process, careerlint with --jobs, careerlint with a warm cache, and the cold start of one small
page against `python -c "import bs4, click, yaml"`. It prints pages/s, ms/page, the ratio to the
floor, peak memory, and PASS/FAIL for each target. Timings are medians of --repeat runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
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

STATES = ["Alabama", "Alaska", "Arizona", "California", "Colorado", "Florida", "Georgia", "Idaho", "Illinois",
          "Iowa", "Kansas", "Maine", "Maryland", "Nevada", "Ohio", "Oregon", "Texas", "Utah", "Vermont", "Virginia"]
JOBS = ["Medical Billing Specialists", "Dental Hygienists", "Electricians", "Paralegals", "Surveyors", "Welders",
        "Pharmacy Technicians", "Court Reporters", "Librarians", "Carpenters"]
FILLER = ("Workers in this field follow established procedures, keep careful records and communicate with "
          "clients, supervisors and other staff. Many work full time, and some work evenings or weekends. ")


def _money(v):
    return f"${v:,}"


_NAV = "".join(f'<li class="nav-item"><a class="nav-link" href="/careers/{i}">Career group {i}</a></li>' for i in range(60))
_FOOT = "".join(f'<li><a href="/about/{i}">About link {i}</a></li>' for i in range(40))
_STYLE = ".card{border:1px solid #ddd;padding:1rem}" * 60
_SCRIPT = ("window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}" * 40)


def chrome(html: str, title: str) -> str:
    """Wrap a page body the way real career sites do: head, scripts, styles, navigation, footer."""
    body = html.replace("<html>", "").replace("</html>", "").replace("<body>", "").replace("</body>", "")
    body = body.replace(f"<head><title>{title}</title></head>", "")
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | CareerSite</title>'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<link rel="stylesheet" href="/static/site.css"><link rel="icon" href="/favicon.ico">'
            f"<style>{_STYLE}</style><script>{_SCRIPT}</script></head><body>"
            f'<header class="site-header"><nav><ul class="nav">{_NAV}</ul></nav></header>'
            f'<main class="content"><article>{body}</article></main>'
            f'<footer class="site-footer"><ul>{_FOOT}</ul><p>Copyright CareerSite. All rights reserved.</p></footer>'
            f"<script>{_SCRIPT}</script></body></html>")


def page_profile(rng, job, size):
    """An OOH-like profile: quick facts table, prose, a chart, similar occupations."""
    med = rng.randrange(35, 140) * 1000 + rng.randrange(0, 100) * 10
    growth = rng.randrange(-5, 20)
    bad = rng.random() < 0.3
    parts = [f"<html><head><title>{job}</title></head><body><h1>{job}</h1>",
             '<table id="quickfacts"><thead><tr><th colspan="2">Quick Facts: ' + job + "</th></tr></thead>",
             f"<tr><th>2024 Median Pay</th><td>{_money(med)} per year ${med / 2080:.2f} per hour</td></tr>",
             f"<tr><th>Job Outlook, 2024-34</th><td>{growth}%</td></tr></table>"]
    for _ in range(size):
        parts.append(f"<h2>Work</h2><p>{FILLER * 3}</p><ul><li>{FILLER}</li><li>{FILLER}</li></ul>")
    p10, p90 = med - rng.randrange(10, 30) * 1000, med + rng.randrange(20, 90) * 1000
    if bad:
        p90 = med - 5000  # planted: the top 10% below the median
    parts.append(f"<h2>Pay</h2><p>The median annual wage for {job.lower()} was {_money(med)} in May 2024. "
                 f"The lowest 10 percent earned less than {_money(p10)}, and the highest 10 percent earned more "
                 f"than {_money(p90)}.</p>")
    parts.append(f"<p>Employment of {job.lower()} is projected to grow {growth + (1 if bad else 0)} percent "
                 f"from 2024 to 2034.</p>")
    parts.append("<table><tr><th>Occupation</th><th>2024 Median Pay</th></tr>" + "".join(
        f"<tr><td>{o}</td><td>{_money(rng.randrange(30, 150) * 1000)}</td></tr>" for o in rng.sample(JOBS, 5))
                 + "</table><p>Source: U.S. Bureau of Labor Statistics, OEWS.</p></body></html>")
    return "\n".join(parts)


def page_guide(rng, job, size):
    """A key-facts career guide with cards, an experience ladder and global salaries."""
    med = rng.randrange(35, 120) * 1000
    year = rng.choice([2022, 2023, 2024, 2024, 2024])
    parts = [f"<html><body><h1>How to Become a {job[:-1]}</h1><section class='facts'>",
             f"<div class='card'><h3>Median Salary</h3><p>{_money(med)} USD</p><p>(U.S. median, May {year}, BLS)</p>"
             f"<p>Range: ${med // 1000 - 12}k - ${med // 1000 + 20}k+ USD</p></div>",
             f"<div class='card'><h3>Growth Outlook</h3><p>{rng.randrange(1, 12)}%</p>"
             f"<p>(BLS, {year}-{year + 10})</p></div></section>"]
    for i in range(size):
        parts.append(f"<h2>Step {i + 1}</h2><p>{FILLER * 4}</p>")
    parts.append("<table><tr><th>Level</th><th>US Median</th></tr>" + "".join(
        f"<tr><td>{lvl} {job[:-1]}</td><td>${med // 1000 + k * 8}k USD</td></tr>"
        for k, lvl in enumerate(["Junior", "Senior", "Lead"])) + "</table>")
    parts.append(f"<p>In Canada the range is C${med - 5000:,} to C${med + 15000:,}; in the UK £{med // 2:,} to "
                 f"£{med // 2 + 9000:,}.</p></body></html>")
    return "\n".join(parts)


def page_states(rng, job, size):
    """A state table page with a source line."""
    rows = []
    for s in STATES[: 5 + size * 3 % 15]:
        m = rng.randrange(35, 90) * 1000
        t = m + rng.randrange(5, 60) * 1000
        if rng.random() < 0.05:
            m, t = t, m  # planted: swapped columns
        rows.append(f"<tr><th>{s}</th><td>{_money(m)}</td><td>{_money(t)}</td></tr>")
    body = "".join(f"<p>{FILLER * 2}</p>" for _ in range(size))
    return (f"<html><body><h1>{job} Salary by State</h1>{body}<p>BLS OEWS, May 2024</p>"
            "<table><thead><tr><th>State</th><th>Median annual</th><th>Top 10% annual</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table><p>Source: BLS OEWS, May 2024.</p></body></html>")


def page_markdown(rng, job, size):
    med = rng.randrange(35, 120) * 1000
    body = "\n\n".join(FILLER * 3 for _ in range(size))
    return (f"---\ntitle: {job}\n---\n\n# {job}\n\n{body}\n\nThe median annual wage for {job.lower()} was "
            f"{_money(med)} in May {rng.choice([2013, 2024])}, according to the BLS.\n\n| State | Median annual |\n"
            "|---|---|\n" + "".join(f"| {s} | {_money(rng.randrange(30, 90) * 1000)} |\n" for s in STATES[:8]))


TEMPLATES = [(page_profile, ".html"), (page_guide, ".html"), (page_states, ".html"), (page_markdown, ".md")]


def generate(folder: Path, n: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        make, ext = TEMPLATES[i % len(TEMPLATES)]
        size = rng.choice([1, 2, 4, 8, 16])
        p = folder / f"page-{i:05d}{ext}"
        job = rng.choice(JOBS)
        text = make(rng, job, size)
        if ext == ".html":
            text = chrome(text, job)
        p.write_text(text, encoding="utf-8")
        out.append(p)
    return out


def median_time(fn, repeat):
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def in_process(paths):
    """Floor and careerlint (all rules) in this process, on pages already read into memory."""
    from bs4 import BeautifulSoup

    from careerlint.pipeline import check_text
    from careerlint.loader import read_page
    from careerlint.ruleset import load_ruleset

    texts = [(str(p), read_page(str(p))) for p in paths]
    rs = load_ruleset()
    rules = rs.select(None, None)
    known = set(rs.rules)

    def floor():
        for _, t in texts:
            BeautifulSoup(t, "lxml")

    def lint():
        for p, t in texts:
            check_text(t, p, rules, rs.registry, dt.date(2026, 11, 22), known)

    return floor, lint, sum(len(t.encode()) for _, t in texts)


def cli(args, cwd):
    """Seconds and peak RSS (MB) of one careerlint run in a fresh process."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "careerlint", "check", "--as-of", "2026-11-22", *args],
                   cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env())
    took = time.perf_counter() - t0
    return took, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _env():
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


def verdict(ok):
    return "PASS" if ok else "FAIL"


def report_in_process(name, paths, repeat):
    floor, lint, nbytes = in_process(paths)
    t_floor = median_time(floor, repeat)
    t_lint = median_time(lint, repeat)
    n = len(paths)
    ratio = t_lint / t_floor
    print(f"{name}: {n} pages, {nbytes / 1e6:.1f} MB")
    print(f"  floor (bs4+lxml parse)  {n / t_floor:8.1f} pages/s {1000 * t_floor / n:7.2f} ms/page")
    print(f"  careerlint, 1 process   {n / t_lint:8.1f} pages/s {1000 * t_lint / n:7.2f} ms/page  "
          f"ratio {ratio:.2f}  [{verdict(ratio <= 1.5)} <= 1.5x floor]")
    return ratio


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--scale", action="store_true", help="also time 100, 1,000 and 10,000 pages")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="careerlint-bench-"))
    try:
        pages = generate(work / "corpus", args.pages)
        html_pages = [p for p in pages if p.suffix == ".html"]
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
        report_in_process("generated HTML corpus", html_pages, args.repeat)
        if OOH.is_dir():
            report_in_process("OOH corpus", sorted(OOH.glob("*.html")), args.repeat)
        print()

        # parallel: the same files, one process vs --jobs (no cache)
        jobs = os.cpu_count() or 1
        t1 = statistics.median(cli(["--no-cache", "--jobs", "1", "corpus"], work)[0] for _ in range(args.repeat))
        tn = statistics.median(cli(["--no-cache", "--jobs", str(jobs), "corpus"], work)[0] for _ in range(args.repeat))
        print(f"generated corpus, {len(pages)} pages (command line, no cache)")
        print(f"  --jobs 1               {len(pages) / t1:8.1f} pages/s  {t1:6.2f} s")
        print(f"  --jobs {jobs}               {len(pages) / tn:8.1f} pages/s  {tn:6.2f} s  speed-up {t1 / tn:.2f}  "
              f"[{verdict(t1 / tn >= 1.8)} >= 1.8x on 2 cores]")
        same = (subprocess.run([sys.executable, "-m", "careerlint", "check", "--as-of", "2026-11-22", "--no-cache",
                                "--jobs", "1", "--format", "json", "corpus"], cwd=work, capture_output=True,
                               env=_env()).stdout ==
                subprocess.run([sys.executable, "-m", "careerlint", "check", "--as-of", "2026-11-22", "--no-cache",
                                "--jobs", str(jobs), "--format", "json", "corpus"], cwd=work, capture_output=True,
                               env=_env()).stdout)
        print(f"  output identical for --jobs 1 and --jobs {jobs}: [{verdict(same)}]")

        # cache: first run fills it, the second reuses it
        shutil.rmtree(work / ".careerlint_cache", ignore_errors=True)
        cold, _ = cli(["corpus"], work)
        warm = statistics.median(cli(["corpus"], work)[0] for _ in range(args.repeat))
        print(f"  first run (cache empty) {cold:6.2f} s, second run (warm cache) {warm:6.2f} s, "
              f"{cold / warm:.1f}x faster  [{verdict(cold / warm >= 20)} >= 20x]")

        # cold start
        small = work / "small.html"
        small.write_text("<h1>Nurses</h1><p>The median annual wage for nurses was $93,600 in May 2024 (BLS).</p>")
        t_imports = statistics.median(_timed([sys.executable, "-c", "import bs4, click, yaml"]) for _ in range(7))
        t_small = statistics.median(cli(["--no-cache", str(small)], work)[0] for _ in range(7))
        print(f"\ncold start: careerlint check one small page {1000 * t_small:.0f} ms, "
              f"python -c 'import bs4, click, yaml' {1000 * t_imports:.0f} ms, ratio {t_small / t_imports:.2f}  "
              f"[{verdict(t_small / t_imports <= 1.5)} <= 1.5x]")

        if args.scale:
            print("\nscaling (one process, no cache):")
            per_byte = []
            for n in (100, 1000, 10000):
                folder = work / f"scale-{n}"
                ps = generate(folder, n, seed=n)
                nbytes = sum(p.stat().st_size for p in ps)
                took, rss = cli(["--no-cache", "--jobs", "1", folder.name], work)
                per_byte.append(took / nbytes)
                print(f"  {n:6d} pages {nbytes / 1e6:7.1f} MB  {took:7.2f} s  {1000 * took / n:6.2f} ms/page  "
                      f"{1e6 * took / nbytes:6.3f} s/MB  peak RSS so far {rss:.0f} MB")
            flat = max(per_byte[1:]) / min(per_byte[1:])
            print(f"  time per byte, 1,000 vs 10,000 pages: within {flat:.2f}x  [{verdict(flat <= 1.3)} linear]")
            print(f"  peak RSS over the 10,000-page run: {rss:.0f} MB  [{verdict(rss < 200)} < 200 MB]")
        print(f"\npeak RSS of this process (in-process timings): "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _timed(cmd):
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()
