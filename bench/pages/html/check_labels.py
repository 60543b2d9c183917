#!/usr/bin/env python3
"""Check a labels.yaml against its pages: every page has an entry, every label's and trap's quote is on its line.

usage: python3 check_labels.py [LABELS_YAML ...]   (default: labels.yaml beside this script)
Exit 1 when a quote is not on its line or a page has no entry. Needs PyYAML.
"""
import pathlib
import sys

import yaml


def check(labels_path):
    folder = labels_path.parent
    spec = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
    problems, n = [], 0
    pages = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.suffix in (".html", ".md"))
    for p in pages:
        if p not in (spec.get("pages") or {}):
            problems.append(f"{p}: no entry under pages:")
    for section in ("pages", "traps"):
        for page, entries in (spec.get(section) or {}).items():
            path = folder / page
            if not path.is_file():
                problems.append(f"{page}: listed under {section}: but not found")
                continue
            lines = path.read_text(encoding="utf-8").splitlines()
            for e in entries or []:
                n += 1
                line, quote = int(e["line"]), e["quote"]
                if not 1 <= line <= len(lines) or quote not in lines[line - 1]:
                    problems.append(f"{page}:{line}: {section}: quote not on its line: {quote!r}")
    for msg in problems:
        print(f"{labels_path}: {msg}")
    print(f"{labels_path}: {n} quotes checked, {len(problems)} problems")
    return not problems


if __name__ == "__main__":
    args = [pathlib.Path(a) for a in sys.argv[1:]] or [pathlib.Path(__file__).with_name("labels.yaml")]
    sys.exit(0 if all([check(a.resolve()) for a in args]) else 1)
