"""What the official-* rules and newer-release share: which BLS occupation, statistic, unit and
release a page's figure is, each known with certainty, and how BLS's numbers are named in messages.

Certainty is the whole point: a figure is compared with what BLS published only when careerlint
knows whom it is about (a SOC code from the page's declaration, or its name matched exactly),
which statistic and unit it is (not guessed from a section heading), which release it comes from
("May 2024", or a bare wage year), that it is BLS's number (not PayScale's), and that it is the
national, cross-industry figure (no state, metro, industry, level or other qualifier). Anything
else is left alone. Reference data is read only when a figure passes every other test.
"""

from __future__ import annotations

import re

from careerlint import rxcache
from careerlint.checks._util import decimals_tolerance
from careerlint.claims import Claim

STATS = ("p10", "p25", "median", "mean", "p75", "p90")
# steps that name what a section or a table is about, not which statistic one of its figures is: a
# heading ("## Salary" over "Entry-level electricians start near $45,000"), and the sentence before a
# table or list ("The median annual wage was $223,210" over a table of percentiles whose row
# labels, "10%", "25%", are not read as statistics)
WEAK_STAT_STEPS = frozenset({"heading", "intro"})
# steps that read a bare year as a figure's own label ("2024 Median Pay", "Median pay (2024)"): the data
# year. A bare year in prose ("(BLS, 2025)", "in 2024") may be the year the data was published instead.
LABEL_STEPS = frozenset({"card", "dt", "table-row", "column-header", "caption", "phrasing", "alternate"})
# "May 2024", "May, 2024", "may 2024"
_MAY = rxcache.compile(r"May\.?,?\s+((?:19|20)\d\d)", re.I)
# "2024"
_YEAR = rxcache.compile(r"(?:19|20)\d\d")
# the number as written: "$62,350" -> "62,350"; "$29.98/hr" -> "29.98"; "$62k" -> "62"
_NUMBER = rxcache.compile(r"\d[\d,]*(?:\.\d+)?")


def reference():
    from careerlint import reference as ref

    return ref


# -- whom a figure is about ------------------------------------------------------------------------
def resolution(c: Claim) -> tuple[str | None, str]:
    """(SOC code or None, how): 'declared' (the page's own occupation, declared by code), "name
    'Electricians'" (the name, matched exactly; topic words at its ends left out: "Carpenter Career
    Outlook" is matched as 'Carpenter'), "config 'sparkies'" (a configuration's occupations:), or why
    there is none ('ambiguous: 29-2072 43-3021', 'no match', 'all occupations', 'unknown')."""
    s = c.scope
    if s.occupation is None:
        return None, "unknown"
    if s.occupation == "all occupations":
        return None, "all occupations"
    if s.soc:
        return s.soc, "declared"
    if not s.name:
        return None, "no name"
    memo = reference().default().memo
    key = ("soc", s.name)
    if key not in memo:
        memo[key] = _resolve_name(s.name)
    return memo[key]


def _resolve_name(name: str) -> tuple[str | None, str]:
    ref = reference()
    got = ref.match_occupation(name)
    if got is None:
        trimmed = _trim(name)
        if trimmed and trimmed != name:
            name, got = trimmed, ref.match_occupation(trimmed)
    if isinstance(got, str):
        from careerlint.reference.names import name_key

        key = name_key(name)
        configured = any(name_key(a) == key for a in ref.default().aliases)
        return got, f"{'config' if configured else 'name'} '{name}'"
    if got is not None:
        return None, "ambiguous: " + " ".join(got.candidates)
    return None, "no match"


# a word of a name: "Carpenter", "Career", "10th"
_WORDS = rxcache.compile(r"[\w'’&-]+")


def _trim(name: str) -> str:
    """The name without topic words at either end ("Carpenter Career Outlook" -> "Carpenter", "Salary of
    Electricians" -> "Electricians"): a page's title names its topic too, and scope.name keeps it."""
    from careerlint.extract.lexicon import lexicon

    noise = set(lexicon().data.get("occupation_noise") or ())
    words = _WORDS.findall(name)
    while words and words[0].lower() in noise:
        words.pop(0)
    while words and words[-1].lower() in noise:
        words.pop()
    return " ".join(words)


def soc_of(c: Claim) -> str | None:
    return resolution(c)[0]


def attributed(page, c: Claim) -> bool:
    """Whom the figure is about is certain: in a sentence with other wage figures ("the median for
    plumbers was $62,970 and for electricians $62,350"), only a phrasing that reads the sentence
    decides which figure is whose; the nearest name in the clause may be the next figure's."""
    if c.how.get("occupation", "").startswith("phrasing"):
        return True
    for o in page.in_block(c.block):
        if o is not c and o.sentence == c.sentence and o.kind == c.kind and o.domain == c.domain \
                and o.twin is not c and c.twin is not o and o.scope.occupation != "all occupations":
            return False
    return True


def plain_scope(c: Claim) -> bool:
    """National and cross-industry, for everyone in the occupation: no place, level, industry or other."""
    s = c.scope
    return s.place in ("", "national") and not (s.level or s.industry or s.other)


def from_bls(page, c: Claim, wage: bool = True) -> bool:
    """The figure is BLS's: its source (or the page's main one) is of the BLS family; with no source
    on the page at all, a wage figure labelled "May YYYY" (BLS's OEWS reference month) or a growth rate."""
    fam = page.family_of(c)
    if fam == "bls":
        return True
    if fam is not None:
        return False
    return bool(_MAY.fullmatch(c.vintage_text.strip())) if wage else True


# -- which statistic, unit and release -------------------------------------------------------------
def wage_figure(c: Claim) -> bool:
    """A single wage statistic, stated as a value: median, mean or a percentile, hourly or annual,
    not a range, a threshold ("over $100,000", "$239,200 or more") or a statistic read off a heading."""
    if c.kind != "money" or c.domain != "salary" or c.value is None or c.is_range or c.bound is not None:
        return False
    if c.stat not in STATS or c.how.get("stat", "").split(":")[0] in WEAK_STAT_STEPS:
        return False
    if c.per not in ("hour", "year") or c.how.get("per", "").startswith("unknown"):
        return False
    return c.currency in (None, "USD")


def release_of(c: Claim) -> tuple[int | None, bool]:
    """(the OEWS release a figure cites, bare): 'May 2024' -> (2024, False); a bare wage year '2024'
    -> (2024, True), BLS's May of that year; anything else ('June 2024', none) -> (None, False)."""
    text = (c.vintage_text or "").strip()
    m = _MAY.fullmatch(text)
    if m:
        return int(m.group(1)), False
    if _YEAR.fullmatch(text):
        return int(text), True
    return None, False


def checked_release(c: Claim) -> int | None:
    """The release a figure is compared with: one careerlint has data for, and, for a bare year, one
    that cannot be the year the data was published ("(BLS, 2025)" for May 2024 figures) unless the
    year labels the figure itself or the release before it is known too (so that reading is tested)."""
    year, bare = release_of(c)
    if year is None:
        return None
    have = reference().oews_releases()
    if year not in have:
        return None
    if bare and year - 1 not in have and c.how.get("vintage", "").split(":")[0] not in LABEL_STEPS:
        return None
    return year


def tolerance(c: Claim) -> float:
    """How far the figure may be from BLS's number: its own rounding ("$62k", "about $62,000": 500),
    and the precision it is written to: "$62,000" is rounded to thousands (500), "$62,400" to
    hundreds (50), "$30" an hour to dollars (0.50), "$29.98" to cents. At most 500: "$60,000" is not
    read as "about $62,350"."""
    m = _NUMBER.search(c.text)
    written = 0.005
    if m:
        num = m.group(0).replace(",", "")
        if "." in num:
            written = 0.5 * 10 ** -len(num.split(".", 1)[1])
        else:
            zeros = len(num) - len(num.rstrip("0")) if num.strip("0") else 0
            written = 0.5 * 10 ** min(zeros, 3)
    return max(c.tolerance, written)


# -- the comparison official-figure and official-statistic share -------------------------------------
class Verdict:
    """A wage figure compared with OEWS: ``own`` is what BLS published for the statistic, unit and
    release the page states; ``agrees`` when the figure is that within its rounding; otherwise
    ``other`` is the published figure it is (another statistic, unit or release), or None."""

    __slots__ = ("soc", "release", "bare", "own", "agrees", "other")

    def __init__(self, soc, release, bare, own, agrees, other):
        self.soc, self.release, self.bare, self.own, self.agrees, self.other = soc, release, bare, own, agrees, other


def comparable(soc: str, release: int) -> bool:
    """BLS publishes ``soc`` in that release as a detailed occupation, or as a group that an
    Occupational Outlook Handbook profile covers exactly (the OOH then prints OEWS's figures for the
    group: "assemblers and fabricators", 51-2000). Other groups' figures are not compared: OEWS
    estimates a group as a whole, while the OOH gives its own median for a profile spanning other
    codes ("Postsecondary teachers": $83,980 in the OOH, $81,600 for OEWS group 25-1000)."""
    ref = reference().default()
    rel = ref.oews(release)
    if rel is None or soc not in rel:
        return False
    if rel.level(soc) == "detailed":
        return True
    groups = ref.memo.get("profile groups")
    if groups is None:
        groups = ref.memo["profile groups"] = {p.target[0] for p in ref.titles().profiles if len(p.target) == 1}
    return soc in groups


def wage_soc(page, c: Claim) -> str | None:
    """The SOC code of a wage figure careerlint may compare with OEWS: a single statistic, national,
    from BLS, citing a release, whose occupation is certain. Cheap tests first: reference data is
    read only for a figure that passes all of them."""
    if not wage_figure(c) or not plain_scope(c) or c.scope.occupation in (None, "all occupations"):
        return None
    if not from_bls(page, c) or release_of(c)[0] is None or not attributed(page, c):
        return None
    return soc_of(c)


def compare(page, c: Claim) -> Verdict | None:
    """The verdict on a wage figure, or None when it cannot be compared with certainty (computed once
    per claim: official-figure and official-statistic both ask)."""
    if _VERDICTS.get("page") is not page:   # one page at a time: nothing of an earlier page is kept
        _VERDICTS.clear()
        _VERDICTS["page"] = page
    got = _VERDICTS.get(id(c))
    if got is not None and got[0] is c:
        return got[1]
    v = _compare(page, c)
    _VERDICTS[id(c)] = (c, v)   # holding the claim keeps its id from being reused
    return v


_VERDICTS: dict = {}


def _compare(page, c: Claim) -> Verdict | None:
    soc = wage_soc(page, c)
    if soc is None:
        return None
    release = checked_release(c)
    if release is None or not comparable(soc, release):
        return None
    ref = reference()
    own = ref.figure(soc, release, c.stat, c.per)
    if own is None or not own.exact:
        return None  # no row for this occupation, or top-coded, or a wage BLS does not publish in this unit
    tol = tolerance(c)
    bare = release_of(c)[1]
    if abs(c.value - own.value) <= tol + 1e-9:
        return Verdict(soc, release, bare, own, True, None)
    matches = ref.published_as(soc, c.value, tol)
    if bare and any(f.release == release - 1 and f.stat == c.stat and f.per == c.per for f in matches):
        # "(BLS, 2025)" citing May 2024 figures: the year they were published, not a mislabelled release
        return Verdict(soc, release, bare, own, True, None)
    if not matches:
        return Verdict(soc, release, bare, own, False, None)

    def distance(f):
        return (abs(f.value - c.value), (f.stat != c.stat) + (f.per != c.per) + (f.release != release),
                f.per != c.per, f.stat != c.stat, -f.release)

    return Verdict(soc, release, bare, own, False, min(matches, key=distance))


def growth_figure(c: Claim) -> bool:
    """A projected growth rate for a ten-year period, stated as a value (not a range, a threshold or a
    rate read off a heading)."""
    return (c.kind == "percent" and c.domain == "growth" and c.stat == "growth" and c.value is not None
            and not c.is_range and c.bound is None and c.period is not None
            and c.how.get("stat", "").split(":")[0] not in WEAK_STAT_STEPS)


def growth_soc(page, c: Claim) -> str | None:
    """The SOC code of a growth rate careerlint may compare with Employment Projections."""
    if not growth_figure(c) or not plain_scope(c) or c.scope.occupation in (None, "all occupations"):
        return None
    if not from_bls(page, c, wage=False) or not attributed(page, c):
        return None
    return soc_of(c)


def agrees(c, pct: int, base: int, target: int) -> bool:
    """The page's rate is BLS's printed one: the same whole percent ("7%", "about 7%"), a more precise
    rate that rounds to it ("7.1%"), or one computed from BLS's employment figures ("7.5%" for 7.45)."""
    written = decimals_tolerance(c) if "." in c.text else 0.0
    tol = max(written, c.tolerance)
    if abs(c.value - pct) <= (0.5 + tol if written else tol) + 1e-9:
        return True
    if base > 0:
        exact = (target - base) / base * 100
        return abs(c.value - exact) <= tol + 0.05 + 1e-9
    return False


def official_agrees(page, c: Claim) -> bool | None:
    """Whether a figure is what BLS published for it (True), is not (False), or cannot be told (None):
    of two figures that conflict, the one that is not BLS's is the one to report."""
    if c.kind == "money":
        v = compare(page, c)
        return None if v is None else v.agrees
    soc = growth_soc(page, c)
    if soc is None:
        return None
    ref = reference()
    cycle = ref.cycle_key(c.period)
    p = ref.projection(soc, cycle) if cycle is not None and cycle in ref.ep_cycles() else None
    return None if p is None else agrees(c, p.pct, p.base, p.target)
