#!/usr/bin/env python3
"""Check a labels.yaml against its pages: every label's and trap's quote is on its line, every page has an entry.

usage: python3 check_labels.py [FOLDER]     (default: the folder this script is in)
Exit 1 when a quote is not on its line, a page has no entry, or a labelled page is missing. Needs PyYAML.
"""
import pathlib, sys

import yaml

folder = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent
spec = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
RULES = {"stale-source", "expired-projection", "conflicting-growth", "conflicting-figure", "salary-order",
         "wage-conversion", "figure-outside-range", "growth-descriptor", "mixed-vintage", "official-figure",
         "official-statistic", "official-growth"}
bad = 0
pages = sorted(p.name for p in folder.glob("*.md"))
for p in pages:
    if p not in spec["pages"]:
        print("no entry:", p); bad += 1
for sect in ("pages", "traps"):
    for page, labs in (spec.get(sect) or {}).items():
        f = folder / page
        if not f.exists():
            print("missing page:", page); bad += 1; continue
        lines = f.read_text(encoding="utf-8").splitlines()
        for lab in labs or []:
            n = lab["line"]
            if not (1 <= n <= len(lines)) or lab["quote"] not in lines[n - 1]:
                hits = [i + 1 for i, l in enumerate(lines) if lab["quote"] in l]
                print(f"{sect} {page}:{n}: quote not on line: {lab['quote']!r} (found on {hits})"); bad += 1
            if sect == "pages" and (lab.get("rule") not in RULES or not lab.get("note")):
                print(f"{page}:{n}: unknown rule or no note: {lab.get('rule')!r}"); bad += 1
n_lab = sum(len(v or []) for v in spec["pages"].values())
n_trap = sum(len(v or []) for v in (spec.get("traps") or {}).values())
print(f"{len(pages)} pages, {n_lab} labels, {n_trap} traps, {bad} problems")
sys.exit(1 if bad else 0)
