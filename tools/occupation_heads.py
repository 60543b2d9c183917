#!/usr/bin/env python3
"""Print the occupation head nouns of BLS titles, for the `occupation_heads` list of rules/lexicon.yaml.

usage: python tools/occupation_heads.py [../shared/reference]

A head noun is the last word of each part of an official title ("Nursing Assistants and Orderlies" ->
assistants, orderlies); careerlint takes a noun phrase ending in one of them to name people ("the median
for dental hygienists"), so a heading "Pediatric surgeon" names an occupation and "Salary expectations" does
not. Words that end BLS titles without naming people (activities, programs, ...) are left out. Paste the
output into rules/lexicon.yaml; tests/test_lexicon.py checks every title careerlint ships still has its head.
"""

import csv
import pathlib
import re
import sys

NOT_PEOPLE = {"activities", "programs", "occupations", "services", "sales", "relations", "trades", "arts", "sports",
              "communications", "utilities", "vehicles", "engines", "fibers", "tiles", "surfaces", "systems",
              "products", "animals", "materials", "commodities", "securities", "benefits", "affairs", "economics",
              "news", "claims", "logistics", "parts", "goods", "operations", "facilities", "electronics", "foods",
              "studies", "sciences", "mathematics", "physics", "statistics", "graphics", "tools", "machines",
              "instruments", "equipment", "textiles", "plastics", "metals", "buildings", "grounds", "drinks",
              "vessels", "promotions"}


def heads(folder: pathlib.Path) -> set[str]:
    titles = [r["OCC_TITLE"] for r in csv.DictReader(open(folder / "oews-national-2024.csv", encoding="utf-8"))]
    titles += [r["title"] for r in csv.DictReader(open(folder / "ep-2024-34.csv", encoding="utf-8"))]
    out = set()
    for t in titles:
        for seg in re.sub(r"\([^)]*\)", "", t).split(","):
            for part in re.split(r"\s+and\s+|\s+or\s+|/", seg):
                w = re.findall(r"[A-Za-z]+", part)
                if w and w[-1].endswith("s") and len(w[-1]) > 3:
                    out.add(w[-1].lower())
    return out - NOT_PEOPLE


if __name__ == "__main__":
    folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference")
    words = sorted(heads(folder))
    line, lines = "", []
    for w in words:
        if len(line) + len(w) + 4 > 110:
            lines.append(line)
            line = ""
        line += f'"{w}", '
    lines.append(line)
    print("occupation_heads: [" + "\n                  ".join(lines).rstrip(", ") + "]")
