"""Steps that tell when and from whom a figure is: its vintage, projection period and source."""

from __future__ import annotations

import re

from careerlint.extract.steps_common import COMPARED, year_cell


class WhenSteps:
    def _vintage_phrasing(self, f, c):
        if f.reading is None or not f.reading.vintages:
            return None
        ms = self.rd.mentions[f.b.id]
        v = min((ms[i] for i in f.reading.vintages), key=lambda v: abs(v.start - f.m.start))
        return self._vint(f.b.id, v)

    def _vintage_clause(self, f, c):
        ms = self.rd.mentions[f.b.id]
        lo, hi = f.m.start - len(f.pre), f.m.end + len(f.post)
        own = [ms[i] for i in f.sent.mentions if lo <= ms[i].start < hi and self._is_vintage(f.b.id, i)]
        if own:
            v = min(own, key=lambda v: abs(v.start - f.m.start))
            return self._vint(f.b.id, v)
        cl = [ms[i] for i in f.sent.mentions if f.clause[0] <= ms[i].start < f.clause[1]
              and self._is_vintage(f.b.id, i) and not self._beyond_other(f, ms[i])]
        return self._single(f.b.id, cl)

    def _vintage_sentence(self, f, c):
        ms = self.rd.mentions[f.b.id]
        return self._single(f.b.id, [ms[i] for i in f.sent.mentions if self._is_vintage(f.b.id, i)
                                     and not self._beyond_other(f, ms[i])])

    def _beyond_other(self, f, v) -> bool:
        """A vintage on the far side of another figure dates that one: "$49,500 (was $48,060 for May 2023)"."""
        ms = self.rd.mentions[f.b.id]
        lo, hi = (f.m.end, v.start) if v.start > f.m.start else (v.end, f.m.start)
        return any(ms[i].kind == "money" and ms[i].kind == f.m.kind and lo <= ms[i].start < hi for i in f.sent.mentions)

    def _vintage_carried(self, f, c):
        v = f.sent.carried_vintage
        if v is None or any(self.rd.mentions[f.b.id][i].kind in ("vintage", "year") for i in f.sent.mentions):
            return None
        return self._vint(f.b.id, v)

    def _single(self, bid, vs):
        if vs and len({(v.year, v.month) for v in vs}) == 1:
            return self._vint(bid, vs[0])
        return None

    def _vint(self, bid, v):
        ms = self.rd.mentions[bid]
        if v.kind == "year":
            self.last_year = (bid, ms.index(v))
        text = self.rd.doc.blocks[bid].text[v.start:v.end] if v.month else str(v.year)
        return v.year, " ".join(text.split())

    def _is_vintage(self, bid: int, i: int) -> bool:
        """A month-year or year label, or a bare year written as the date of data ("in 2021",
        "as of 2020", "(BLS, 2022)", "2021 data"), never one that dates something else."""
        ms = self.rd.mentions[bid]
        v = ms[i]
        if v.kind == "vintage":
            return not self._page_date(bid, v)
        if v.kind != "year":
            return False
        text = self.rd.doc.blocks[bid].text
        before, after = text[max(0, v.start - 25):v.start], text[v.end:v.end + 25]
        lex = self.lex
        if lex.year_not_vintage_before.search(before[-14:]) and not before.rstrip().endswith(("in", "as of")):
            return False
        if re.search(r"(?:since|founded|established|from|between|until|before|after|by)\s+(?:in\s+)?$",
                     before, re.I):
            return False
        if lex.year_not_vintage_after.match(after.lstrip()) or self._page_date(bid, v):
            return False
        if re.search(r"\b(?:in|as\s+of|for|during)\s*$|\(\s*$|,\s*$", before, re.I) or \
                lex.year_vintage_after.match(after.lstrip(" )")):
            return True
        return bool(self.rd.sources_in_span(bid, v.start - 20, v.end + 20))

    def _page_date(self, bid: int, v) -> bool:
        text = self.rd.doc.blocks[bid].text
        return bool(self.lex.page_date_before.search(text[max(0, v.start - 30):v.start]) and
                    re.search(r"(?:updated|modified|published|posted|reviewed|revised|edited|written|copyright|©|"
                              r"date[d]?)\s*(?:on|in)?\s*:?\s*$", text[max(0, v.start - 30):v.start], re.I))

    def _carrier_vintage(self, f, step):
        """The vintage a carrier block (a card, row, caption, source line ...) gives its figures: its
        one vintage. A block that names two ("In the May 2024 release ...; the May 2025 data ...")
        dates none of them, and the next step decides."""
        for s, bid in f.unit.carriers:
            if s != step:
                continue
            ms = self.rd.mentions.get(bid) or []
            found = []
            for i, v in enumerate(ms):
                if v.kind == "vintage" and v.label != "employment" and not self._page_date(bid, v):
                    found.append(v)
                elif v.kind == "year" and (self._is_vintage(bid, i) or year_cell(self.rd.doc.blocks[bid].text)):
                    found.append(v)
            if found:
                return self._vint(bid, found[0]) if len({v.year for v in found}) == 1 else None
        return None

    def _period_phrasing(self, f, c):
        if f.reading is None or not f.reading.periods:
            return None
        ms = self.rd.mentions[f.b.id]
        return min((ms[i] for i in f.reading.periods), key=lambda p: abs(p.start - f.m.start)).period

    def _period_clause(self, f, c):
        ms = self.rd.mentions[f.b.id]
        lo, hi = f.m.start - len(f.pre), f.m.end + len(f.post)
        own = [ms[i] for i in f.sent.mentions if ms[i].kind == "period" and lo <= ms[i].start < hi]
        if own:
            return min(own, key=lambda p: abs(p.start - f.m.start)).period
        cl = {ms[i].period for i in f.sent.mentions if ms[i].kind == "period" and f.clause[0] <= ms[i].start < f.clause[1]}
        return next(iter(cl)) if len(cl) == 1 else None

    def _period_sentence(self, f, c):
        """The one projection-like period of the sentence: ten-ish years, not a comparison ("much
        harder than 2019-2021") — a period in another clause is only a guess otherwise."""
        ms = self.rd.mentions[f.b.id]
        ps = {ms[i].period for i in f.sent.mentions if ms[i].kind == "period" and not ms[i].end_only}
        if len(ps) != 1:
            return None
        p = next(iter(ps))
        m = next(ms[i] for i in f.sent.mentions if ms[i].kind == "period" and ms[i].period == p)
        if not (5 <= p[1] - p[0] <= 15) or COMPARED.search(f.text, max(0, m.start - 25), m.start):
            return None
        return p

    def _carrier_period(self, f, step):
        for s, bid in f.unit.carriers:
            if s == step:
                for p in self.rd.mentions.get(bid) or []:
                    if p.kind == "period" and not p.end_only:
                        return p.period
        return None

    def _vintage_heading(self, f, c):
        """"## National figures (BLS, May 2025)" over a table or a stat grid: the one month-year of the
        nearest heading dates the figures of the table or cards under it (never prose: a heading over
        paragraphs tells a story, "## What changed after May 2021")."""
        if (f.b.cell is None or f.b.cell[0] < 0) and f.unit.card is None:
            return None
        for h in self.rd.structure.headings(f.b)[:1]:
            vs = [v for v in self.rd.mentions.get(h) or [] if v.kind == "vintage" and v.month
                  and v.label != "employment" and not self._page_date(h, v)]
            if len({v.year for v in vs}) == 1:
                return self._vint(h, vs[0])
        return None

    def _period_heading(self, f, c):
        for h in self.rd.structure.headings(f.b)[:1]:
            for p in self.rd.mentions.get(h) or []:
                if p.kind == "period" and not p.end_only:
                    return p.period
        return None

    # sources

    def _source_clause(self, f, c):
        return self._source_between(f.b.id, f.clause[0], f.clause[1], f.m.start)

    def _source_sentence(self, f, c):
        return self._source_between(f.b.id, f.sent.start, f.sent.end, f.m.start)

    def _source_paragraph(self, f, c):
        return self._source_between(f.b.id, 0, f.sent.start, f.m.start)

    def _source_between(self, bid, a, b, at):
        found = [s for s in self.rd.sources_in(bid) if a <= s[0] < b]
        return min(found, key=lambda s: abs(s[0] - at))[2] if found else None

    def _carrier_source(self, f, step):
        for s, bid in f.unit.carriers:
            if s == step:
                found = self.rd.sources_in(bid)
                if found:
                    return found[0][2]
        return None

    def _source_section(self, f, c):
        return self.rd.section_source(f.b.section)
