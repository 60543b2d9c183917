#!/usr/bin/env python3
"""Score careerlint against hand-written labels: recall, and wrong findings per 100 pages.

usage: python bench/score.py [--tolerance N] [--as-of DATE] [--cmd CAREERLINT] FOLDER [FOLDER ...]

Each FOLDER holds pages and a labels.yaml (the format of ../shared/corpus/web/labels.yaml):
    pages: {page: [{line, rule, alt: [...], advisory: bool, quote, note}, ...]}
A label is found when a finding of its rule (or an `alt` rule) lies within --tolerance lines of it;
each finding stands for at most one label. A wrong finding is an error or warning near no label
of its rule. A folder with no labels.yaml is scored as "expect no error or warning" (the OOH
corpus: careful pages written by statisticians). Labels of rules careerlint does not have are
counted apart ("not a rule here"), never as misses.

Prints, per folder: recall, wrong findings per 100 pages, then every miss and wrong finding.
Exit status 0; this measures, it does not gate (tests/test_corpus.py and the golden tests gate).
"""

from __future__ import annotations

import argparse
import collections
import json
import pathlib
import subprocess
import sys
import tempfile

import yaml


def run(cmd: list[str], folder: pathlib.Path, as_of: str) -> dict:
    with tempfile.TemporaryDirectory() as cwd:  # keep the cache out of the folder
        p = subprocess.run(cmd + ["check", "--no-cache", "--format", "json", "--as-of", as_of, str(folder.resolve())],
                           capture_output=True, text=True, cwd=cwd, timeout=1800)
    try:
        return json.loads(p.stdout)
    except ValueError:
        sys.exit(f"careerlint gave no JSON (exit {p.returncode}): {p.stderr[-600:]}")


def rule_ids(cmd: list[str]) -> set[str]:
    p = subprocess.run(cmd + ["rules"], capture_output=True, text=True)
    return {line.split()[0] for line in p.stdout.splitlines() if line.strip()}


def score(folder: pathlib.Path, cmd: list[str], as_of: str, tol: int, known: set[str]) -> tuple:
    spec_path = folder / "labels.yaml"
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8")) if spec_path.exists() else {"pages": {}}
    labels = spec.get("pages") or {}
    pages = sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                   if p.is_file() and p.suffix in (".md", ".html", ".htm", ".markdown"))
    folder = folder.resolve()
    data = run(cmd, folder, as_of)
    by_page = collections.defaultdict(list)
    for f in data.get("findings", []):
        try:
            rel = str(pathlib.Path(f["path"]).resolve().relative_to(folder.resolve()))
        except ValueError:
            rel = f["path"]
        by_page[rel].append(f)
    found = total = other_rule = 0
    misses, wrong = [], []
    for page in pages:
        fs = by_page.get(page, [])
        labs = labels.get(page) or []
        used: set[int] = set()
        matched: set[int] = set()
        for lab in sorted(labs, key=lambda x: bool(x.get("advisory"))):
            rules = {lab["rule"], *lab.get("alt", [])}
            near = [j for j, f in enumerate(fs) if f["rule"] in rules and abs(f["line"] - lab["line"]) <= tol]
            matched.update(near)
            if not (rules & known):
                other_rule += 1
                continue
            if lab.get("advisory"):
                used.update(near[:1])
                continue
            total += 1
            free = [j for j in near if j not in used]
            if free:
                found += 1
                used.add(free[0])
            else:
                misses.append(f"{page}:{lab['line']}: {lab['rule']}: {lab.get('quote', '')[:110]}")
        for j, f in enumerate(fs):
            if f["severity"] in ("error", "warning") and j not in matched:
                wrong.append(f"{page}:{f['line']}: {f['severity']} {f['rule']}: {f['message'][:140]}")
    return len(pages), found, total, other_rule, misses, wrong


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="+", type=pathlib.Path)
    ap.add_argument("--tolerance", type=int, default=1)
    ap.add_argument("--as-of", default="2026-11-22")
    ap.add_argument("--cmd", default=f"{sys.executable} -m careerlint")
    ap.add_argument("-q", "--quiet", action="store_true", help="only the summary lines")
    args = ap.parse_args()
    cmd = args.cmd.split()
    known = rule_ids(cmd)
    for folder in args.folders:
        if not folder.is_dir():
            print(f"{folder}: skipped (not present)")
            continue
        n, found, total, other, misses, wrong = score(folder, cmd, args.as_of, args.tolerance, known)
        print(f"== {folder}: {n} pages; recall {found}/{total}"
              f"{f' = {found / total:.2f}' if total else ''}; wrong error/warning findings {len(wrong)}"
              f" = {100 * len(wrong) / max(n, 1):.1f} per 100 pages"
              + (f"; {other} labels of rules not here" if other else ""))
        if not args.quiet:
            for m in misses:
                print("  miss  " + m)
            for w in wrong:
                print("  wrong " + w)


if __name__ == "__main__":
    main()
