"""Steps that tell what a figure is: its statistic, domain and unit of time; its bounds, sign, growth
words, and whether the page keeps it as history."""

from __future__ import annotations

import re

from careerlint import rxcache
from careerlint.extract.lexicon import statistic_at
from careerlint.extract.steps_common import COMPARED, NEAR, first_of, nearest_of, rounding

# a parenthesis right after a figure: "$129,830 (highest 10%)", "$61,930 (lowest 10%) to"
_OWN_PAREN = rxcache.compile(r"\s*\(([^()]{1,40})\)")
_THIS_NEXT = rxcache.compile(r"(?:this|that|the)\s+(?:growth|rate|increase|pace|figure|projection|is|was|would)\b", re.I)


class WhatSteps:
    def _stat_phrasing(self, f, c):
        if f.reading is None:
            return None
        return f.slot.get("stat") or f.reading.phrasing.sets.get("stat") or f.reading.stat

    def _stat_clause(self, f, c):
        lex = self.lex
        pre_near = f.pre[-NEAR:]
        if lex.not_statistic_before.search(pre_near) and not lex.percentile_bound.search(pre_near):
            return "none"
        post = f.post[:NEAR]
        if lex.not_statistic_after.match(post.lstrip()):
            return "none"
        if c.kind != "money":
            return None  # a rate or a count: its statistic comes from its domain
        if f.m.is_range:
            # a range is the pay range only when its words say so: "salary range", "earn between", "Range:"
            if re.search(r"\brang(?:e|es|ing)\b|\bbetween\b", f.clause_pre + " " + post, re.I) or \
                    (c.domain == "salary" and lex.salary.search(f.clause_pre)):
                return "range"
            return None
        # "$61,930 (lowest 10%) to $129,830 (highest 10%)": a figure's own parenthesis names it, and the
        # parenthesis right after the previous figure is that figure's
        own = _OWN_PAREN.match(post)
        if own:
            hit = lex.stat_any.search(own.group(1))
            if hit is not None and statistic_at(lex, hit) in ("p10", "p25", "median", "mean", "p75", "p90"):
                return statistic_at(lex, hit)
        pre = f.pre
        if _OWN_PAREN.match(pre):
            pre = pre[_OWN_PAREN.match(pre).end():]
        hit = group = None
        for m in lex.stat_any.finditer(pre):
            # "higher than the median, at $66,510": the median is the other figure
            if statistic_at(lex, m) != "range" and not COMPARED.search(pre, max(0, m.start() - 22), m.start()):
                hit = m
                if statistic_at(lex, m) in ("p10", "p25", "p75", "p90"):
                    group = m
        if group is not None:
            return statistic_at(lex, group)  # "the highest-paid 10% average $72,730": the group, not the average
        if hit is not None:
            return statistic_at(lex, hit)
        # "$53,350 median", "California: $60,000 (median)"
        head = re.split(r"[,;.()]", post.lstrip(" ("), maxsplit=1)[0][:24]
        hit = lex.stat_any.match(head.strip()) or lex.stat_any.search(head)
        if hit is not None and statistic_at(lex, hit) in ("p10", "p25", "median", "mean", "p75", "p90"):
            return statistic_at(lex, hit)
        return None

    def _stat_heading(self, f, c):
        if (len(f.b.text) > 60 and f.b.cell is None) or c.kind != "money":
            return None
        for t in self._heading_texts(f)[:1]:
            m = self.labels.meaning(t)
            if f.m.is_range:
                # a range in a table or list under "Salary Breakdown by Sub-Specialty": the pay range
                return "range" if (m.stat == "range" or m.domain == "salary") and f.unit.table is not None else None
            if m.stat:
                return m.stat
        return None

    def _domain_phrasing(self, f, c):
        return f.reading.phrasing.sets.get("domain") if f.reading is not None else None

    def _domain_clause(self, f, c):
        lex = self.lex
        if c.kind == "count":
            return "growth" if self._has_period_near(f) or lex.forecast.search(f.clause_pre) else None
        if c.kind == "percent":
            own = f.pre[-NEAR * 2:] + " " + f.post[:NEAR]
            if lex.not_statistic_after.match(f.post.lstrip()[:12]) and not re.match(r"\s*(?:growth|increase)", f.post):
                return "other"  # "33 percent more"
            best = nearest_of(((n, p) for n, p in lex.domains if n in ("growth", "salary", "cost")), f.clause_pre)
            if best is None:
                best = first_of(((n, p) for n, p in lex.domains if n in ("growth", "salary", "cost")), f.post[:NEAR])
            if best == "growth" and lex.growth_not.search(own):
                return "other"
            return best
        best = nearest_of(((n, p) for n, p in lex.domains if n in ("salary", "cost")), f.pre) or \
            nearest_of(((n, p) for n, p in lex.domains if n in ("salary", "cost")), f.clause_pre) or \
            first_of(((n, p) for n, p in lex.domains if n in ("salary", "cost")), f.post[:NEAR * 2])
        return best

    def _domain_heading(self, f, c):
        if len(f.b.text) > 60 and f.b.cell is None:
            return None
        for t in self._heading_texts(f)[:1]:
            d = self.labels.meaning(t).domain
            if d and not (c.kind == "percent" and d == "salary"):
                return d
        return None

    def _has_period_near(self, f) -> bool:
        ms = self.rd.mentions[f.b.id]
        return any(ms[i].kind == "period" for i in f.sent.mentions)

    def _per_written(self, f, c):
        return f.m.per

    def _per_phrasing(self, f, c):
        if f.reading is None or f.reading.per is None:
            return None
        return f.reading.per if c.kind == "money" else None

    def _per_clause(self, f, c):
        if c.kind != "money":
            return None
        hit = None
        for name, pat in self.lex.per:
            for m in pat.finditer(f.pre):
                if hit is None or m.end() > hit[1]:
                    hit = (name, m.end())
        return hit[0] if hit else None

    def _per_magnitude(self, f, c):
        if c.kind != "money" or c.domain != "salary" or c.value is None:
            return None
        if c.value < 300:
            return "hour"
        if c.value >= 10000:
            return "year"
        return None

    # -- bounds, signs, descriptors ------------------------------------------------------------------

    def bounds(self, f, c) -> None:
        """A threshold ("over $100,000", "$65k+") or a BLS percentile bound ("earned less than")."""
        lex = self.lex
        if c.kind != "money" or c.is_range:
            if f.m.plus:
                c.bound = "gt"
            return
        near = f.pre[-30:]
        m = lex.threshold_before.search(near)
        if m and not near[m.end():].strip(" $"):
            low = m.group(0).lower()
            c.bound = "lt" if low.startswith(("under", "less", "below", "at most", "no more", "up to", "as little")) \
                else "gt"
        after = f.post.lstrip()[:20].lower()
        if after.startswith(("or more", "or higher", "or above", "and up", "plus")) or f.m.plus:
            c.bound = "gt"
        elif after.startswith(("or less", "or lower", "or below")):
            c.bound = "lt"
        if re.search(r"\b(?:about|approximately|approx\.?|around|roughly|nearly|almost|some|close\s+to|~|≈)\s*$",
                     f.pre, re.I) or f.m.plus:
            c.tolerance = max(c.tolerance, rounding(c.value))

    def sign(self, f, c) -> None:
        if c.domain != "growth" or c.value is None or c.value <= 0 or c.text.lstrip()[:1] in "+-−":
            return
        near = f.pre[-NEAR:]
        d = None
        for d in self.lex.decline.finditer(near):
            pass
        if d is not None and not self.lex.growth.search(near[d.end():]):
            c.value = -c.value
        elif re.match(r"\s*\((?:decline|decrease)\)", f.post, re.I):
            c.value = -c.value
        if re.search(r"\b(?:about|approximately|around|roughly|nearly|almost|~)\s*$", f.pre, re.I):
            c.tolerance = 0.5

    def is_history(self, f) -> bool:
        """A figure its sentence or section heading marks as the page's history ("When we first wrote
        this guide", "From our 2015 edition"), not a current statistic."""
        h = self.lex.history_markers
        if h.search(f.text, max(f.sent.start, f.m.start - 300), min(f.sent.end, f.m.end + 200)):
            return True
        memo = f.unit.memo
        if "history" not in memo:
            # the units of a section share its headings and intro: each text is searched once a page
            marked = self.rd.history_marked
            for s, t in f.unit.labels:
                if s in ("heading", "card-label", "intro", "caption"):
                    hit = marked.get(t)
                    if hit is None:
                        hit = marked[t] = h.search(t) is not None
                    if hit:
                        memo["history"] = True
                        break
            else:
                memo["history"] = False
        return memo["history"]

    def descriptor(self, f, c):
        rest = f.text[f.m.end:f.sent.end]
        nxt = next((self.rd.mentions[f.b.id][i].start for i in f.sent.mentions
                    if self.rd.mentions[f.b.id][i].start > f.m.start and
                    self.rd.mentions[f.b.id][i].kind in ("percent", "money")), None)
        places = [rest[:min(120, (nxt - f.m.end) if nxt else 120)]]
        sents = self.rd.sents[f.b.id]
        i = sents.index(f.sent)
        if i + 1 < len(sents):
            nxt = f.text[sents[i + 1].start:sents[i + 1].end]
            if _THIS_NEXT.match(nxt):
                places.append(nxt)
        if f.unit.card is not None:
            places += [self.rd.doc.blocks[bid].text[:120] for s, bid in f.unit.carriers
                       if s == "card" and bid > f.b.id]
        for text in places:
            best = None
            for name, pat in self.lex.descriptors:
                m = pat.search(text)
                if m and (best is None or m.start() < best[1].start() or
                          (m.start() == best[1].start() and len(m.group(0)) > len(best[1].group(0)))):
                    best = (name, m)
            if best is not None:
                return best[0], best[1].group(0)
        return None

    # -- whom ----------------------------------------------------------------------------------------
