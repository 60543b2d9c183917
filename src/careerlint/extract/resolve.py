"""What each figure means: every attribute decided by named steps, in the order one table declares.

``STEPS`` is the whole policy: for each attribute, the places careerlint looks, surest first. The
first step that finds a value decides it, and the claim records which step that was
(``Claim.how``). A step that finds nothing passes to the next; an attribute no step decides stays
unknown, and a claim whose occupation is unknown is never compared with another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from careerlint import rxcache
from careerlint.claims import Claim, Scope
from careerlint.document import Block
from careerlint.extract import scoping
from careerlint.extract.lexicon import statistic_at
from careerlint.extract.mentions import Mention
from careerlint.extract.scoping import UNKNOWN

_LABELS = ("card-label", "dt", "row-header", "column-header", "caption", "intro")
STEPS: dict[str, tuple[str, ...]] = {
    "stat": ("phrasing", "alternate", "clause", *_LABELS, "heading"),
    "domain": ("phrasing", "alternate", "clause", *_LABELS, "heading"),
    "per": ("written", "phrasing", "alternate", "clause", *_LABELS, "magnitude"),
    "occupation": ("phrasing", "alternate", "clause", "carried", "inline-label", *_LABELS, "card-title", "heading",
                   "page"),
    "place": ("phrasing", "alternate", "clause", "carried", "inline-label", *_LABELS, "card-title", "heading", "page"),
    "level": ("alternate", "clause", "inline-label", *_LABELS, "heading"),
    "industry": ("alternate", "clause", "inline-label", *_LABELS, "heading"),
    "vintage": ("phrasing", "alternate", "clause", "sentence", "carried", "card", "dt", "table-row", "column-header",
                "caption", "intro", "source-line", "heading"),
    "period": ("phrasing", "alternate", "clause", "sentence", "carried", "card", "dt", "table-row", "column-header",
               "caption", "intro", "source-line", "heading"),
    "source": ("clause", "sentence", "paragraph", "card", "dt", "table-row", "column-header", "caption", "intro",
               "source-line", "section"),
}
RANKED = ("p10", "p25", "median", "p75", "p90")
# steps that read the unit's labels or carrier blocks of the same name
_UNIT_STEPS = frozenset({"card-label", "card-title", "dt", "row-header", "column-header", "caption", "intro", "heading",
                         "card",
                         "table-row", "source-line"})
# a band of experience: "(0-3 years)", "0–3yr", "7+ years", "8+yr"
_BAND = rxcache.compile(r"\b(\d{1,2})\s*(?:\+|[-–]\s*(\d{1,2}))\s*(?:yrs?|years?)\b", re.I)
_HOURLY_MAX, _ANNUAL_MIN = 300.0, 5000.0   # an hourly wage above, an annual one below: a misreading
# the same figure again in another unit: "$59,310 per year ($28.51 per hour)", "$62,350 / $29.98 an hour",
# "$59,810 in May 2024, or about $28.75 an hour"
_ALTERNATE = rxcache.compile(r"(?:\s+(?:in|as\s+of)\s+(?:May\s+)?(?:19|20)\d\d(?=\s*,))?"
                        r"[\s(/,]*(?:or|and|/|which\s+is|that\s+is|i\.e\.)?[\s(]*(?:approximately|about|roughly|approx\.?|~)?\s*$",
                        re.I)


@dataclass(slots=True)
class Fig:
    """Everything the steps read about one figure."""

    b: Block
    text: str
    m: Mention
    idx: int
    sent: object
    clause: tuple[int, int]
    pre: str              # its own words before it: from the previous figure (or clause start)
    post: str             # its own words after it: up to the next figure (or clause end)
    clause_pre: str       # the clause before it
    reading: object       # the phrasing that reads it, if any
    slot: dict            # what that phrasing says of this very figure ({money:p10})
    unit: object
    alt: Claim | None     # the figure this one restates in another unit
    occupation_name: str = ""  # once decided: its words are the occupation's, not a place or industry
    memo: dict = field(default_factory=dict)  # what a step read once for the steps after it


class Resolver:
    def __init__(self, reader) -> None:
        self.rd = reader
        self.lex = reader.lex
        self.scoping = scoping.Scoping(reader)
        self._plans: dict[str, list] = {}

    # ------------------------------------------------------------------------------------------
    def figure(self, b: Block, idx: int, m: Mention) -> Claim | None:
        rd = self.rd
        f = self._context(b, idx, m)
        c = Claim(m.kind, f.text[m.start:m.end], b.id, m.start, m.end, b.line_at(m.start), value=m.value,
                  high=m.high, is_range=m.is_range, open_high=m.open_high, tolerance=m.tolerance,
                  currency=m.currency, page_key=rd.page_key, section=b.section, group=f.unit.group,
                  table=f.unit.table, sentence=rd.sents[b.id].index(f.sent), grid=f.unit.grid)
        c.anchor = self._anchor(b, c)
        if c.currency == "USD" and c.text[:1] == "$":
            c.currency = _labelled_currency(f.unit.labels) or "USD"
        for attr in ("domain", "stat", "per"):
            self._decide(attr, f, c)
        if c.kind == "count":
            c.domain, c.stat, c.per = "growth", "jobs", None
            step = f"phrasing:{f.reading.phrasing.id}" if f.reading else "clause"
            c.how.update(domain=step, stat=step)
        elif c.kind == "percent" and c.stat not in (None, "none", "growth"):
            c.stat = None  # a percentage is a rate, never a median or a percentile
            c.how.pop("stat", None)
        self.scoping.bounds(f, c)
        if c.kind == "percent":
            self.scoping.sign(f, c)
        if c.domain == "growth" and c.stat is None and c.kind == "percent":
            c.stat, c.how["stat"] = "growth", c.how.get("domain", "clause")
        s = Scope()
        self._decide("occupation", f, c, s)
        f.occupation_name = rd.names.get(s.occupation or "", "") if s.occupation != rd.page_key else ""
        for attr in ("place", "level", "industry"):
            self._decide(attr, f, c, s)
        if s.level:
            c.band = self._band(f, c.how.get("level", ""))
            s.level = rd.lex.level_group(s.level)
        if s.place == "national" and not rd.page_place:
            s.place = ""  # on a page about no one place, the national figure is the page's own
        s.other = self.scoping.other(f) if not f.alt else f.alt.scope.other
        if s.occupation is not None:
            s.name = rd.names.get(s.occupation, "")
            if s.occupation == rd.page_key:
                s.soc = rd.page_soc
        c.scope = s
        c.twin = f.alt
        if c.domain == "salary" or c.kind == "money":
            self.scoping.last_year = None
            self._decide("vintage", f, c)
            if self.scoping.last_year is not None:
                stated = c.stat is None and c.how.get("occupation", "").split(":")[0] in ("phrasing", "clause") \
                    and c.scope.occupation not in (None, "all occupations")  # "As of 2020, electricians earned $X"
                if (c.stat in ("median", "mean", "p10", "p25", "p75", "p90", "range", "starting") or stated) and \
                        c.domain == "salary":
                    rd.used_years.add(self.scoping.last_year)
                else:  # "$17 an hour in 2021": a year in a story is not the vintage of a statistic
                    c.vintage, c.vintage_text = None, ""
                    c.how.pop("vintage", None)
        if c.domain == "growth":
            self._decide("period", f, c)
            c.descriptor = self.scoping.descriptor(f, c)
        self._decide("source", f, c)
        c.history = self.scoping.is_history(f)
        if c.kind == "money" and c.per is not None and c.value is not None and c.domain == "salary" and \
                c.how.get("per") not in ("written", "clause") and not c.how.get("per", "").startswith("phrasing"):
            v = c.value
            if (c.per == "hour" and v > _HOURLY_MAX) or (c.per == "year" and not c.is_range and v < _ANNUAL_MIN):
                # "$180,000+" under a card's "hourly" label is a misreading, never a conflict
                c.per, c.how["per"] = None, "unknown (the value does not fit the label's unit)"
        return c

    def _band(self, f: Fig, step: str) -> str:
        """The years of experience written where the level was read: "Entry-Level (0-3 years)" -> "0-3"."""
        if step in ("clause", "phrasing"):
            texts = [f.clause_pre[-80:] + f.post[:40]]
        else:
            texts = [t for s, t in f.unit.labels if s == step][:1]
        # a row "Junior DevOps Engineer" under "### Entry-Level (0-3 years)": the section's band
        texts += [t for s, t in f.unit.labels if s == "heading"][:2]
        for t in texts:
            m = _BAND.search(t)
            if m:
                return m.group(1) + ("+" if m.group(2) is None else "-" + m.group(2))
        return ""

    def _decide(self, attr: str, f: Fig, c: Claim, scope: Scope | None = None) -> None:
        present = f.unit.present
        plan = self._plans.get(attr)
        if plan is None:  # each step's function, looked up once (a figure runs ~37 steps)
            plan = self._plans[attr] = [(step, step in _UNIT_STEPS, self.scoping.function(attr, step))
                                        for step in STEPS[attr]]
        for step, of_unit, fn in plan:
            # a step with nothing to read is skipped without a call: no label or carrier of its kind,
            # no phrasing, no figure this one restates
            if (of_unit and step not in present) or (step == "phrasing" and f.reading is None) or \
                    (step == "alternate" and f.alt is None):
                continue
            value = fn(f, c)
            if value is UNKNOWN:  # a step that knows the answer cannot be known: stop, and say why
                c.how[attr] = f"{step}: cannot tell"
                return
            if value is not None:
                if scope is not None:
                    setattr(scope, attr, value)
                else:
                    _assign(c, attr, value)
                c.how[attr] = step if not (step == "phrasing" and f.reading) else f"phrasing:{f.reading.phrasing.id}"
                return

    def settle_page_default(self, figures: list[Claim]) -> None:
        """On a page whose sentences name several occupations, a figure whose subject is not stated
        gets no page default: its occupation is unknown."""
        stated = {c.scope.occupation for c in figures
                  if c.how.get("occupation", "").split(":")[0] in ("phrasing", "clause")
                  and c.stat not in (None, "none") and c.domain in ("salary", "growth")
                  and c.group and c.group[0] == "block" and c.scope.occupation not in (None, self.rd.page_key,
                                                                                        "all occupations")}
        if not stated:
            return
        for c in figures:
            if c.how.get("occupation") == "page":
                c.scope.occupation = None
                c.how["occupation"] = "unknown (the page names several occupations)"

    # -- the figure's surroundings -----------------------------------------------------------------
    def _context(self, b: Block, idx: int, m: Mention) -> Fig:
        rd = self.rd
        text = b.text
        ms = rd.mentions[b.id]
        sent = next(s for s in rd.sents[b.id] if idx in s.mentions)
        clause = next((cl for cl in sent.clauses if cl[0] <= m.start < cl[1]), (sent.start, sent.end))
        figs = [i for i in sent.mentions if ms[i].kind in ("money", "percent", "count") and not ms[i].group]
        k = figs.index(idx)
        prev = ms[figs[k - 1]] if k > 0 and ms[figs[k - 1]].end > clause[0] else None
        nxt = ms[figs[k + 1]] if k + 1 < len(figs) and ms[figs[k + 1]].start < clause[1] else None
        lo = max(clause[0], m.start - 300, prev.end if prev else 0)
        hi = min(clause[1], m.end + 300, nxt.start if nxt else 1 << 60)
        reading, slot = None, {}
        for r in sent.readings:
            if idx in r.figures:
                reading, slot = r, r.figures[idx]
                break
        alt = None
        if m.kind == "money":
            if prev is not None and prev.kind == "money" and _ALTERNATE.fullmatch(text[prev.end:m.start]) and \
                    (prev.per != m.per or prev.currency != m.currency):
                alt = rd.by_mention.get((b.id, figs[k - 1]))
            elif k == 0 and not text[clause[0]:m.start].strip(" ($/"):
                alt = self._alternate_in_card(b, m)
        return Fig(b, text, m, idx, sent, clause, text[lo:m.start], text[m.end:hi],
                   text[max(clause[0], m.start - 300):m.start], reading, slot, rd.structure.unit(b), alt)

    def _alternate_in_card(self, b: Block, m: Mention) -> Claim | None:
        """A value block right after another value block of the same card: "$50,250" then "$24.16/hr"."""
        rd = self.rd
        u = rd.structure.unit(b)
        if u.card is None or b.id == 0:
            return None
        pb = rd.doc.blocks[b.id - 1]
        pms = rd.mentions.get(pb.id)
        if not pms or rd.structure.unit(pb).card != u.card:
            return None
        i = len(pms) - 1
        last = pms[i]
        if last.kind == "money" and (last.per != m.per or last.currency != m.currency) and \
                not pb.text[last.end:].strip(" )"):
            return rd.by_mention.get((pb.id, i))
        return None

    def _anchor(self, b: Block, c: Claim) -> tuple[str, int]:
        """The claim's first word and how many claims on its line start with it (for the column)."""
        anchor = c.text.split(" ", 1)[0]
        counts = self.rd.__dict__.setdefault("_anchors", {})
        key = (c.line, anchor)
        nth = counts.get(key, 0)
        counts[key] = nth + 1
        return anchor, nth


def _assign(c: Claim, attr: str, value) -> None:
    if attr == "vintage":
        c.vintage, c.vintage_text = value
    else:
        setattr(c, attr, value)


def stat_in(lex, text: str, nearest_end: bool = True) -> str | None:
    """The statistic named in ``text``: the cue nearest its end (or its start)."""
    hit = None
    for hit in lex.stat_any.finditer(text):
        if not nearest_end:
            break
    return statistic_at(lex, hit) if hit else None


# a label naming the currency of the plain "$" figures under it: "Median hourly (CAD)", "Canada (C$)",
# "Toronto (CAD)", "Salary in Australian dollars"
_CURRENCY_LABEL = rxcache.compile(r"\((?P<code>CAD|C\$|CA\$|AUD|A\$|AU\$|NZD|NZ\$|USD|US\$)\)|"
                             r"\bin\s+(?P<name>Canadian|Australian|New\s+Zealand|U\.?S\.?)\s+dollars\b")
_CURRENCY_OF = {"cad": "CAD", "c$": "CAD", "ca$": "CAD", "aud": "AUD", "a$": "AUD", "au$": "AUD", "nzd": "NZD",
                "nz$": "NZD", "usd": "USD", "us$": "USD", "canadian": "CAD", "australian": "AUD",
                "new zealand": "NZD", "us": "USD", "u.s.": "USD", "u.s": "USD"}


def _labelled_currency(labels: list[tuple[str, str]]) -> str | None:
    """The currency the nearest label that names one gives a "$" figure (its card, row, column,
    caption, the line before its list or table), or None."""
    for step, text in labels:
        if step == "heading":
            continue  # a section about Canada may still quote U.S. dollars
        m = _CURRENCY_LABEL.search(text)
        if m:
            return _CURRENCY_OF.get(" ".join((m.group("code") or m.group("name")).lower().split()))
    return None

