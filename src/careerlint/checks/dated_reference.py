"""dated-reference: text that presents a past year as current ("2025 Market Reality" in 2026)."""

from __future__ import annotations

import re

from careerlint import rxcache
from careerlint.checks import Hit

KIND = "dated-reference"
OPTIONS: dict = {}

# "2025 Market Reality", "2024 salary guide", "this year's figures (2024)"
_CURRENT_NOUNS = rxcache.compile(
    r"\b(?P<y>(?:19|20)\d\d)\s+(?:market\s+reality|job\s+market|(?:career|job|salary|employment)\s+outlook|"
    r"outlook|salary\s+(?:guide|report|survey)|trends|rankings)\b", re.I)
# what follows a dated report when it is told as past: "... survey found", "... report showed that"
_TOLD_PAST = rxcache.compile(r"\s*(?:,\s*)?(?:found|showed|revealed|asked|polled|reported|ranked|put|noted|said|"
                        r"counted|estimated|covered|results\s+(?:showed|were))\b", re.I)
_THIS_YEAR = rxcache.compile(
    r"\b(?:this\s+year['’]?s?|in\s+the\s+current\s+year)\b[^.;]{0,40}?\b(?P<y>(?:19|20)\d\d)\b"
    r"|\b(?P<y2>(?:19|20)\d\d)\b[^.;]{0,20}?\bthis\s+year\b", re.I)
# a heading or title that names a year as the page's own: "Best Jobs of 2024", "Salary Guide 2025"
_HEADING_YEAR = rxcache.compile(r"\b(?:of|for|in)\s+(?P<y>(?:19|20)\d\d)\s*[!?]?\s*$", re.I)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_ANY_YEAR = rxcache.compile(r"(?:19|20)\d\d")  # "2025" in "2025 Market Reality": a block worth reading


def check(page, rule):
    year = page.as_of.year
    for b in page.doc.blocks:
        text = b.text
        if not _ANY_YEAR.search(text):
            continue
        found = []
        for m in _CURRENT_NOUNS.finditer(text):
            if _TOLD_PAST.match(text, m.end()):
                continue  # "Our 2024 salary survey found ...": a past survey, told as past
            found.append((m.start(), m.group(0), int(m.group("y"))))
        for m in _THIS_YEAR.finditer(text):
            y = m.group("y") or m.group("y2")
            found.append((m.start(), m.group(0), int(y)))
        if b.tag in _HEADINGS and len(text) <= 120:
            m = _HEADING_YEAR.search(text)
            if m and not re.search(r"\b(?:median|pay|wages?|since|from|history|edition|employment|number\s+of\s+jobs|"
                                   r"projected|projections?|archive|back)\b", text, re.I):
                found.append((0, text, int(m.group("y"))))
        reported = set()
        for start, phrase, y in sorted(found):
            if y >= year or y in reported:
                continue
            reported.add(y)
            line = b.line_at(start)
            yield Hit(None, dict(text=" ".join(phrase.split()), year=y, as_of_year=year), line=line,
                      column=page.doc.column(line, phrase.split()[0]))
