"""What the steps share: how near a cue must be, the 'cannot tell' answer, small text helpers."""

from __future__ import annotations

import re

NEAR = 40  # characters: how close a cue word must be to a figure to be about it
UNKNOWN = object()  # a step's answer when it knows the attribute cannot be told ("Dental assistant vs. hygienist")
COMPARED = re.compile(r"\b(?:than|compared\s+(?:with|to)|versus|vs\.?|over|above|below)\s+(?:the\s+|a\s+|an\s+)?(?:national\s+|overall\s+)?$",
                       re.I)
# a clause led by a pronoun: whom it means is in an earlier sentence
PRONOUN_LED = re.compile(r"^\W*(?:(?:and|but|so|yet|while)\s+)?(?:they|their|these|those|its|it|this\s+group|such\s+workers)\b",
                          re.I)


def own_after(post: str) -> str:
    """The words after a figure that are still its own: up to a comma, semicolon or conjunction."""
    return re.split(r"[,;.:!?()]|\b(?:and|or|while|whereas|but|compared|versus|vs)\b", post, maxsplit=1)[0][:80]


def nearest_of(pairs, text: str):
    best = None
    for name, pat in pairs:
        for m in pat.finditer(text):
            if best is None or m.end() > best[1]:
                best = (name, m.end())
    return best[0] if best else None


def first_of(pairs, text: str):
    best = None
    for name, pat in pairs:
        m = pat.search(text)
        if m and (best is None or m.start() < best[1]):
            best = (name, m.start())
    return best[0] if best else None


def year_cell(text: str) -> bool:
    return bool(re.fullmatch(r"\s*(?:[A-Za-z]{3,9}\.?\s+)?(?:19|20)\d\d(?:\s*\([^)]*\))?\s*", text))


def rounding(value: float) -> float:
    """Half the place value a round figure was rounded to: $62,000 -> 500."""
    v = int(abs(value))
    if v == 0:
        return 0.0
    zeros = 0
    while v % 10 == 0 and zeros < 6:
        v //= 10
        zeros += 1
    return 0.5 * (10 ** zeros) if zeros else 0.0
