"""What the steps share: how near a cue must be, the 'cannot tell' answer, small text helpers."""

from __future__ import annotations

import re

from careerlint import rxcache

NEAR = 40  # characters: how close a cue word must be to a figure to be about it
UNKNOWN = object()  # a step's answer when it knows the attribute cannot be told ("Dental assistant vs. hygienist")
COMPARED = rxcache.compile(r"\b(?:than|compared\s+(?:with|to)|versus|vs\.?|over|above|below)\s+(?:the\s+|a\s+|an\s+)?(?:national\s+|overall\s+)?$",
                       re.I)
# a clause led by a pronoun: whom it means is in an earlier sentence
PRONOUN_LED = rxcache.compile(r"^\W*(?:(?:and|but|so|yet|while)\s+)?(?:they|their|these|those|its|it|this\s+group|such\s+workers)\b",
                          re.I)


# where a figure's own words end: "a year for nurses, while ..." -> "a year for nurses"
_OWN_END = rxcache.compile(r"[,;.:!?()]|\b(?:and|or|while|whereas|but|compared|versus|vs)\b")


def own_after(post: str) -> str:
    """The words after a figure that are still its own: up to a comma, semicolon or conjunction."""
    return _OWN_END.split(post, maxsplit=1)[0][:80]


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


# "for bus drivers", "among nurses with a BSN": whom a figure is for, right after it
FOR_NP = rxcache.compile(r"^\s*(?:(?:a|an|the)\s+)?(?:(?!and\b|or\b|but\b|while\b)[\w-]+\s+){0,3}?(?:for|among|of)\s+(?P<np>[A-Za-z][\w'’ ,&/-]{2,80}?)"
                     r"\s*(?=[.;:()!?]|,\s|\s(?:in|at|is|was|were|are|but|while|compared|according|as|who|with|from|"
                     r"between|through|by|over|during)\b|$)")
FOR_NEUTRAL = rxcache.compile(r"^(?:the\s+)?(?:year|month|week|hour|day|occupation|this\s+\w+|that\s+\w+|them|it|"
                          r"full[- ]time\s+\w+|a\s+full\s+year|work|example|instance|comparison|reference|context|"
                          r"(?:19|20)\d\d|may\s+\d{4}|the\s+(?:same|period|decade|year|first|second|job|role|position)\b.*|"
                          r"(?:the\s+)?(?:median|average|typical)\b.*|workers|employees|people|everyone|most|many|"
                          r"all\s+of\s+them|those\s+\w+|these\s+\w+)$", re.I)
# a group of people narrowed by what they have: "Creators with 100K+ followers:", "Nurses holding a BSN earn"
SUBGROUP = rxcache.compile(r"\b(?P<who>[A-Za-z][\w-]*s)\s+(?P<q>(?:with|holding|having)\s+(?!a\s+median|an\s+average|a\s+mean)"
                       r"[^:;,.()]{1,40}?)(?=\s*[:;]|\s+(?:earn|make|report|take|median|average|typically|usually)\b)")
