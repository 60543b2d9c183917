"""Site facts: the part of a page the cross-page rules need, as small JSON-safe records.

A worker (or the cache) hands the site phase one PageFacts per page: its occupation, the lines
its suppression directives cover, and a Fact for every claim that may be compared with another
page's. Only certain claims become facts (see ``comparable``): a figure whose occupation is
unknown, or is another occupation careerlint read from a heading or an earlier sentence, is
never compared across pages.

The record is versioned; anything malformed (a cache written by other code) reads as None.
"""

from __future__ import annotations

import json
import zlib
from sys import intern
from dataclasses import dataclass, field, fields

from careerlint.spool import Stored

VERSION = 1
WAGE_STATS = ("p10", "p25", "median", "mean", "p75", "p90")
# Steps that state an occupation for the figure itself (its clause, its label, its row or column).
# A figure of another occupation than the page's is compared across pages only when one of these
# decided it: "carried" (an earlier sentence), "intro", "heading" and "page" are guesses that hold
# within a page (and within a section, where the page rules compare them) but not beyond it.
STATED_STEPS = ("phrasing", "alternate", "clause", "inline-label", "card-label", "dt", "row-header",
                "column-header", "caption", "declared")


@dataclass(slots=True)  # a site holds one per comparable figure of every page: no __dict__ each
class Fact:
    """One comparable claim. ``kind`` is "wage" (a wage statistic) or "growth" (a growth rate)."""

    kind: str
    value: float
    text: str                      # as written (same_rate reads its decimals)
    display: str                   # as careerlint shows it ("$62,350", "7%")
    line: int
    column: int
    occupation: str                # the occupation key ("electrician")
    name: str = ""                 # the occupation as the page names it
    own: bool = False              # the page's own occupation
    soc: str = ""                  # the SOC code the page declares for it (its own occupation only)
    stat: str = ""
    per: str = ""
    currency: str = ""
    tolerance: float = 0.0
    place: str = ""
    level: str = ""
    industry: str = ""
    other: str = ""
    vintage: int | None = None
    vintage_text: str = ""
    period: tuple[int, int] | None = None
    family: str = ""
    history: bool = False          # one point of a series that shows several vintages (not mixed-vintage)

    def scope(self) -> tuple:
        return (self.place, self.level, self.industry, self.other)

    def to_json(self) -> dict:
        d = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v not in ("", None, False, 0.0) or f.name in ("kind", "value", "line", "column", "occupation"):
                d[f.name] = list(v) if isinstance(v, tuple) else v
        return d

    @classmethod
    def from_json(cls, d) -> "Fact | None":
        """The fact in a record (the cache's, signed with the user's key and made by this code: the
        checks here only keep a damaged record from breaking the run)."""
        if not isinstance(d, dict) or not _REQUIRED <= d.keys() <= _NAMES:
            return None
        f = object.__new__(cls)          # a plain copy of the record: faster than __init__ on a warm run
        for name, v in _DEFAULTS.items():
            v = d.get(name, v)
            # a site's facts repeat the same few words ("median", "year", an occupation's key): one copy
            # each; a figure's own text is not interned (the table of interned strings never shrinks)
            _SET(f, name, intern(v) if type(v) is str and name in _FEW else v)
        for name in _REQUIRED:
            v = d[name]
            _SET(f, name, intern(v) if type(v) is str and name in _FEW else v)
        if not _fact_ok(f.kind, f.value, f.line, f.tolerance, f.vintage, f.period, f.occupation):
            return None
        if f.period is not None:
            f.period = (f.period[0], f.period[1])
        return f


def _fact_ok(kind, value, line, tolerance, vintage, period, occupation) -> bool:
    """Whether a record's fact has the types careerlint writes (``period`` as JSON gives it: a list)."""
    return (kind in _KINDS and isinstance(value, (int, float)) and isinstance(line, int)
            and isinstance(occupation, str)
            and isinstance(tolerance, (int, float)) and (vintage is None or isinstance(vintage, int))
            and (period is None or (isinstance(period, list) and len(period) == 2
                                    and all(isinstance(x, int) for x in period))))


def batch_key(occupation: str, own) -> tuple[str, bool]:
    """How the site phase counts a fact to batch a large site: its occupation, and whether the site
    compares it whatever pages it holds (the page's own occupation, or all occupations; else only
    when a page of the site is about that occupation, as Site.certain says)."""
    return occupation, bool(own) or occupation == "all occupations"


_KINDS = ("wage", "growth")
_NAMES = frozenset(f.name for f in fields(Fact))
_REQUIRED = frozenset(("kind", "value", "text", "display", "line", "column", "occupation"))
_DEFAULTS = {f.name: f.default for f in fields(Fact) if f.name not in _REQUIRED}
_SET = object.__setattr__
_FEW = frozenset(_NAMES - {"text", "display"})   # fields with few distinct values on a site


@dataclass
class PageFacts:
    """A page's record: its own occupation, its suppressions and its comparable facts."""

    occupation: str = ""                     # the page's own occupation key
    soc: str = ""                            # the SOC code it declares for it
    # (first line, last line, rule ids (empty: all), the directive's line, its text) per directive
    suppressions: list[tuple[int, int, tuple[str, ...], int, str]] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"v": VERSION, "occupation": self.occupation, "soc": self.soc,
                "suppressions": [[a, b, list(r), ln, t] for a, b, r, ln, t in self.suppressions],
                "facts": [f.to_json() for f in self.facts]}

    @classmethod
    def from_json(cls, d) -> "PageFacts | None":
        if not isinstance(d, dict) or d.get("v") != VERSION:
            return None
        try:
            sup = [(int(a), int(b), tuple(str(x) for x in r), int(ln), str(t)) for a, b, r, ln, t in d["suppressions"]]
            facts = [Fact.from_json(x) for x in d["facts"]]
            occ, soc = d["occupation"], d["soc"]
        except (KeyError, TypeError, ValueError):
            return None
        if None in facts or not isinstance(occ, str) or not isinstance(soc, str):
            return None
        return cls(occ, soc, sup, facts)

    @classmethod
    def summary_json(cls, d) -> "tuple[PageFacts, dict] | None":
        """The record without its facts, and how many facts it has of each (occupation, own or all
        occupations): what the site phase keeps of a page once a site is too large to hold every
        page's facts. None exactly when ``from_json`` gives None; no Fact is made."""
        if not isinstance(d, dict) or d.get("v") != VERSION:
            return None
        counts: dict[tuple[str, bool], int] = {}
        try:
            sup = [(int(a), int(b), tuple(str(x) for x in r), int(ln), str(t)) for a, b, r, ln, t in d["suppressions"]]
            for x in d["facts"]:
                if not isinstance(x, dict) or not _REQUIRED <= x.keys() <= _NAMES or not _fact_ok(
                        x["kind"], x["value"], x["line"], x.get("tolerance", 0.0), x.get("vintage"), x.get("period"),
                        x["occupation"]):
                    return None
                k = batch_key(x["occupation"], x.get("own", False))
                counts[k] = counts.get(k, 0) + 1
            occ, soc = d["occupation"], d["soc"]
        except (KeyError, TypeError, ValueError):
            return None
        if not isinstance(occ, str) or not isinstance(soc, str):
            return None
        return cls(occ, soc, sup, []), counts


def pack(data: dict) -> bytes:
    """A page's record (PageFacts.to_json) as one compressed string: what a page run keeps of it until
    the site phase (about 1 KB a page instead of 15 KB of small objects), so memory stays flat."""
    return zlib.compress(json.dumps(data, separators=(",", ":")).encode(), 1)


def unpack(record) -> dict | None:
    """The JSON data of a record, packed (``pack``) or not (the cache's), or kept in a run's spool
    (careerlint.spool.Stored, either of those); None if it is damaged."""
    if isinstance(record, Stored):
        record = record.load()
    if not isinstance(record, bytes):
        return record
    try:
        return json.loads(zlib.decompress(record))
    except (zlib.error, ValueError):
        return None


def comparable(c, page_key: str) -> str | None:
    """"wage" or "growth" when a claim may be compared with other pages' claims, else None."""
    s = c.scope
    if s.occupation is None or c.value is None or c.is_range:
        return None
    if s.occupation != page_key or not page_key:
        step = c.how.get("occupation", "")
        if step.split(":", 1)[0] not in STATED_STEPS:
            return None
    if c.kind == "money" and c.domain == "salary" and c.stat in WAGE_STATS and c.per is not None:
        from careerlint.checks._util import is_value

        return "wage" if is_value(c) else None
    if c.kind == "percent" and c.domain == "growth" and c.period is not None:
        return "growth"
    return None


def page_facts(page, path: str = "") -> PageFacts:
    """The record of a checked page (careerlint.page.Page)."""
    from careerlint.suppression import spans

    doc = page.doc
    page_key = next((c.page_key for c in page.claims if c.page_key), "")
    soc = next((c.scope.soc for c in page.claims if c.scope.soc), "") or ""
    sup = [(sp[0], sp[1], tuple(d.rules), d.line, d.text) for d, sp in zip(doc.directives, spans(doc))
           if sp is not None]
    picked = [(c, k) for c in page.claims if (k := comparable(c, page_key)) is not None]
    history = _history(page, [c for c, k in picked])
    out = []
    for c, k in picked:
        s = c.scope
        anchor, nth = c.anchor if c.anchor[0] else (c.text, 0)
        place = "" if s.place == "national" else s.place   # the national figure, on a state page too
        out.append(Fact(k, float(c.value), c.text, c.display(), c.line, doc.column(c.line, anchor, nth),
                        s.occupation, s.name, s.occupation == page_key and bool(page_key),
                        (s.soc or "") if s.occupation == page_key else "", c.stat or "", c.per or "",
                        c.currency or "", float(c.tolerance or 0.0), place, s.level, s.industry, s.other,
                        c.vintage, c.vintage_text or (str(c.vintage) if c.vintage is not None else ""),
                        c.period, page.family_of(c) or "", id(c) in history))
    out.sort(key=lambda f: (f.line, f.column, f.kind))
    return PageFacts(page_key, soc, sup, out)


def _history(page, figures) -> set[int]:
    """Claims that are one point of a series: a table, list or paragraph that states the statistic
    for the same scope at another vintage too (or cycle), like a table of past years or "$61,590 in
    May 2023 and $62,350 in May 2024". A vintage that belongs to a figure of another scope does not
    count: "$49,650 in Michigan in May 2024; nationally $48,940 in May 2023" is no series."""
    from collections import defaultdict

    from careerlint.checks.mixed_vintage import _container, _place   # the page rule's containers

    cited: dict[tuple, set] = defaultdict(set)       # (container, what) -> vintages cited there
    scoped: dict[tuple, set] = defaultdict(set)      # (container, what, scope) -> vintages of its figures
    for c in page.claims:
        if c.kind == "vintage" and c.vkind == "wage":
            cited[(_place(page, c), "wage")].add(c.vintage)
        elif c.kind == "period" and c.vkind == "projection":
            cited[(_place(page, c), "growth")].add(c.period)
        elif c.kind == "money" and c.domain == "salary" and c.vintage is not None:
            scoped[(_container(c), "wage", c.scope.key())].add(c.vintage)
        elif c.kind == "percent" and c.domain == "growth" and c.period is not None:
            scoped[(_container(c), "growth", c.scope.key())].add(c.period)
    # how many scopes of a container state each vintage: one figure's check is then a lookup, not a
    # scan of every scope (a page of 10,000 national figures was quadratic)
    scopes_with: dict[tuple, dict] = defaultdict(lambda: defaultdict(int))
    for (w, t, _k), vs in scoped.items():
        for v in vs:
            scopes_with[(w, t)][v] += 1
    out = set()
    for c in figures:
        what, when = ("wage", c.vintage) if c.kind == "money" else ("growth", c.period)
        where, mine = _container(c), c.scope.key()
        own = scoped[(where, what, mine)]
        counts = scopes_with[(where, what)]
        # a vintage another scope of the container states explains itself: it is that scope's
        if any(v != when and counts[v] - (v in own) == 0 for v in cited[(where, what)] | own):
            out.add(id(c))
    return out
