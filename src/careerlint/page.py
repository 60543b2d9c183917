"""Page: what the checks see of one page (its document, claims and the run's settings)."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from careerlint import rxcache
from careerlint.claims import Claim
from careerlint.document import Document
from careerlint.sources import Registry


# a change told between two vintages: "went from $X to $Y", "rose from ... to", "between May 2019 and May 2021"
_CHANGE = rxcache.compile(r"\b(?:went|rose|fell|grew|climbed|dropped|slipped|increased|decreased|declined|moved|edged|"
                     r"jumped|inched)\s+(?:\w+\s+)?(?:from|to|by)\b|\bfrom\s+(?:May\s+)?(?:19|20)\d\d\s+to\s+(?:May\s+)?"
                     r"(?:19|20)\d\d\b|\bbetween\s+(?:May\s+)?(?:19|20)\d\d\s+and\s+(?:May\s+)?(?:19|20)\d\d\b", re.I)
_ANY = (None, "none")   # a figure whose statistic is not stated ("... had risen to $50,250")


@dataclass
class Page:
    """What the checks see of one page: its document, its claims and the run's settings."""

    doc: Document
    claims: list[Claim]
    as_of: _dt.date
    registry: Registry
    _by_block: dict = field(default_factory=dict, repr=False)
    suppression: object | None = None  # set by the engine after page rules ran
    _primary: str | None = field(default=None, repr=False)      # the page's main family of sources
    _primary_known: bool = field(default=False, repr=False)
    _growth_by_period: dict | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._points: dict | None = None    # (kind, when) -> claims in table cells and list items
        self._newest: int | None = None     # the newest vintage the page cites
        self._named: dict[tuple, set] = {}
        self._by_sentence: dict[tuple, list[Claim]] = {}
        for c in self.claims:
            self._by_block.setdefault(c.block, []).append(c)
            self._by_sentence.setdefault((c.block, c.sentence), []).append(c)

    def family_of(self, c: Claim) -> str | None:
        """The family of sources a figure comes from; unsourced figures take the page's main one."""
        fam = self.registry.family(c.source)
        if fam is not None:
            return fam
        if not self._primary_known:
            counts: dict[str, int] = {}
            for o in self.claims:
                if o.kind == "source":
                    f = self.registry.family(o.source)
                    counts[f] = counts.get(f, 0) + 1
            self._primary = max(sorted(counts), key=lambda f: (counts[f], f == "bls")) if counts else None
            self._primary_known = True
        return self._primary

    def figures(self, domain: str) -> list[Claim]:
        return [c for c in self.claims if c.kind in ("money", "percent", "count") and c.domain == domain]

    def in_block(self, block: int) -> list[Claim]:
        return self._by_block.get(block, [])

    def in_current_history(self, c: Claim, oldest_ok: int, points: bool = True) -> bool:
        """The vintage is one point of a series (table, list, sentence) whose newest point is current."""
        b = self.doc.blocks[c.block]
        if b.cell is not None and b.cell[0] >= 0:
            t = self.doc.tables[b.cell[0]]
            bids = {bid for row in t.grid for bid in row if bid is not None}
            if t.caption is not None:
                bids.add(t.caption)
        else:
            bids = {c.block}
            lst = next((k for k in reversed(b.ancestors) if self.doc.tags[k] in ("ul", "ol", "dl")), None)
            if lst is not None:
                bids |= {o.id for o in self.doc.blocks[max(0, b.id - 50):b.id + 50] if lst in o.ancestors}
        ref = c.vintage if c.kind == "vintage" else c.period[0]
        if points and c.kind in ("vintage", "period") and (b.cell is None or b.cell[0] < 0) and \
                (self._named_point(c, oldest_ok) or self._told_change(c, oldest_ok)):
            return True
        for bid in bids:
            for o in self.in_block(bid):
                if o is c or o.kind != c.kind:
                    continue
                oref = o.vintage if o.kind == "vintage" else (o.period[0] if o.vkind == "projection" else None)
                if oref is not None and oref > ref and oref >= oldest_ok and \
                        (len(bids) > 1 or self._one_series(c.block, ref, oref)):
                    return True
        return False

    def _named_point(self, c: Claim, oldest_ok: int) -> bool:
        """A sentence that dates no figure of its own and names a point of a history table or list on
        the page ("The May 2021 dip reflects a change in how BLS weighted its panels"): talk about the
        history, not a citation."""
        def when(x):
            return x.vintage if x.kind == "vintage" or x.kind == "money" else x.period

        if any(f.kind in ("money", "percent") and f.sentence == c.sentence and when(f) == when(c)
               for f in self.in_block(c.block)):
            return False
        if self._points is None:  # built once: a page of many such sentences stays linear
            self._points = {}
            for o in self.claims:
                if o.kind in ("vintage", "period"):
                    ob = self.doc.blocks[o.block]
                    if (ob.cell is not None and ob.cell[0] >= 0) or ob.tag == "li":
                        self._points.setdefault((o.kind, when(o)), []).append(o)
        key = (c.kind, when(c), oldest_ok)
        if key not in self._named:  # the blocks of current histories that hold this point
            self._named[key] = {o.block for o in self._points.get(key[:2], ())
                                if self.in_current_history(o, oldest_ok, points=False)}
        return bool(self._named[key] - {c.block})

    def _told_change(self, c: Claim, oldest_ok: int) -> bool:
        """A sentence that tells how a figure changed between two past vintages ("From May 2019 to May
        2021 the median went from $128,090 to $128,570"), on a page that states a current vintage of
        the same kind elsewhere: a look back, not a citation of old data as current."""
        if c.kind != "vintage":
            return False
        same = [o for o in self._by_sentence.get((c.block, c.sentence), ()) if o.kind == "vintage"]
        if len({o.vintage for o in same}) < 2:
            return False
        b = self.doc.blocks[c.block]
        lo, hi = min(o.start for o in same), max(o.end for o in same)
        text = b.text[max(0, lo - 120):hi + 120]
        if not _CHANGE.search(text):
            return False
        if self._newest is None:
            self._newest = max((o.vintage for o in self.claims if o.kind == "vintage" and o.vintage is not None),
                               default=None)
        return self._newest is not None and self._newest >= oldest_ok

    def _one_series(self, bid: int, old: int, new: int) -> bool:
        """In one block, two vintages are a history when they date the same statistic: "the median rose
        from $59,190 in May 2023 to $62,350 in May 2024", not "Ohio's median of $64,700 (May 2025) is
        above the national median of $61,590 (May 2023)". With no figure dated by one of them, it is."""
        def dated(year):
            return [(f.stat, f.scope.place if f.scope.place != "national" else "") for f in self.in_block(bid)
                    if f.kind in ("money", "percent") and f.value is not None and f.vintage == year]
        a, b = dated(old), dated(new)
        # "from $48,630 in May 2021 to $61,010": the second figure's statistic is the first's
        return not a or not b or any(pa == pb and (sa == sb or sa in _ANY or sb in _ANY) for sa, pa in a for sb, pb in b)

    def growth_for_period(self, period_claim: Claim) -> Claim | None:
        for o in self._by_sentence.get((period_claim.block, period_claim.sentence), ()):
            if o.kind == "percent" and o.domain == "growth" and o.period == period_claim.period:
                return o
        if self._growth_by_period is None:
            self._growth_by_period = {}
            for o in self.claims:
                if o.kind == "percent" and o.domain == "growth":
                    self._growth_by_period.setdefault(o.period, o)
        return self._growth_by_period.get(period_claim.period)
