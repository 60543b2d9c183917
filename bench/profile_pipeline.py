"""Where a page's time goes in careerlint's pipeline: each stage's share under cProfile, the top
hot spots overall, and the top ones in extraction. Not a test.

    python bench/profile_pipeline.py [--corpus DIR] [--top N]    # or: python bench/speed.py --profile

On ../shared/corpus/ooh (samples/ when it is absent), after one warm-up pass (so what is compiled
on first use is not counted). cProfile's own cost inflates Python-level calls: bench/speed.py
times the stages without it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import OOH, corpus  # noqa: E402


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
    ap.add_argument("--corpus", type=Path, default=OOH, help="a folder of HTML pages (default ../shared/corpus/ooh)")
    ap.add_argument("--top", type=int, default=25, help="hot spots to list (default 25)")
    args = ap.parse_args()
    name, pages = corpus(args.corpus)
    print(f"{name}: {len(pages)} pages\n")
    profile(pages, args.top)


if __name__ == "__main__":
    main()
