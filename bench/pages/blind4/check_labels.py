"""Check a labels.yaml against its pages: every page has an entry, every quote is on its stated line.

Usage: python check_labels.py html md    (run from bench/pages/blind4)
"""
import os
import sys

import yaml


def check(folder):
    labels = yaml.safe_load(open(os.path.join(folder, "labels.yaml"), encoding="utf-8"))
    pages = sorted(p for p in os.listdir(folder) if p.endswith((".html", ".md")))
    problems = []
    for p in pages:
        if p not in labels["pages"]:
            problems.append(f"{folder}/{p}: no entry under pages")
    for section in ("pages", "traps"):
        for page, items in (labels.get(section) or {}).items():
            path = os.path.join(folder, page)
            if not os.path.exists(path):
                problems.append(f"{folder}/{page}: listed under {section} but missing")
                continue
            lines = open(path, encoding="utf-8").read().split("\n")
            for it in items or []:
                n = it["line"]
                if not 1 <= n <= len(lines) or it["quote"] not in lines[n - 1]:
                    problems.append(f"{folder}/{page}:{n}: quote not on line: {it['quote']!r}")
    n_labels = sum(len(v or []) for v in labels["pages"].values())
    n_adv = sum(1 for v in labels["pages"].values() for it in (v or []) if it.get("advisory"))
    n_clean = sum(1 for v in labels["pages"].values() if not [i for i in (v or []) if not i.get("advisory")])
    n_traps = sum(len(v or []) for v in (labels.get("traps") or {}).values())
    print(f"{folder}: {len(pages)} pages, {n_labels} labels ({n_adv} advisory), "
          f"{n_clean} pages with no scored label, {n_traps} traps")
    return problems


if __name__ == "__main__":
    problems = [p for folder in sys.argv[1:] or ["html", "md"] for p in check(folder)]
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)
