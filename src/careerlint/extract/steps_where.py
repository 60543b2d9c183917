"""Steps that tell where and in what a figure is: place, level and industry from its phrasing and
clause, carried places, and any other qualifier of its scope. A mixin of ``scoping.Scoping``."""

from __future__ import annotations

import re

from careerlint import rxcache
from careerlint.extract import grammar as G
from careerlint.extract.steps_common import FOR_NEUTRAL, FOR_NP, PRONOUN_LED, SUBGROUP, own_after

# "in Hartford", "in the Bay Area": a capitalised place the lexicon does not know
_IN_PLACE = rxcache.compile(r"\b(?:in|across|around)\s+(?:the\s+)?(?-i:(?P<p>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}))")
_NOT_PLACE = rxcache.compile(r"^(?:january|february|march|april|may|june|july|august|september|october|november|"
                        r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|the|this|that|these|"
                        r"addition|general|total|fact|particular|contrast|comparison|recent|today|practice)$", re.I)
_THERE = rxcache.compile(r"\b(?:there|in\s+that\s+(?:city|state|area|region|metro))\b", re.I)


class WhereSteps:
    def _place_phrasing(self, f, c):
        r = f.reading
        if r is None or not r.place:
            return None
        p = self.labels.place_re.search(r.place)
        return " ".join(p.group(0).lower().split()) if p else "city:" + r.place.lower()

    def _place_clause(self, f, c):
        # the words right after a figure are its own first: "the 5 percent national rate", "$95,000 in Texas"
        return self._place_in(own_after(f.post)[:30]) or self._place_in(f.pre) or \
            self._place_in(own_after(f.post)) or self._subject_part(f, "place")

    def _place_in(self, text: str):
        if not text.strip():
            return None
        text = self.rd.reg.pattern().sub(" ", text)  # "U.S. Bureau of Labor Statistics" names no place
        t = self.lex.national.sub(" ", text)
        p = None
        for p in self.labels.place_re.finditer(t):
            pass
        if p is not None:
            return " ".join(p.group(0).lower().split())
        for m in _IN_PLACE.finditer(t):
            name = m.group("p")
            if not _NOT_PLACE.match(name.split()[0]) and not self.rd.reg.find(name):
                return "city:" + name.lower()
        if self.lex.metro.search(text):
            return "metro"
        if _THERE.search(text):
            return "there"  # "electricians there earn": a place named elsewhere
        if self.lex.national.search(text):
            return "national"
        return None

    def _place_carried(self, f, c):
        if PRONOUN_LED.match(f.text[f.sent.start:f.m.start]) and f.sent.carried_place:
            return f.sent.carried_place  # "New York drops the furthest. Its $96,830 median ..."
        return None

    def _place_page(self, f, c):
        return self.rd.page_place or None

    def _level_clause(self, f, c):
        return self._word_in(self.lex.levels, f) or self._subject_part(f, "level")

    def _industry_clause(self, f, c):
        return self._word_in(self.lex.industries, f)

    def _word_in(self, pat, f):
        text = f.memo.get("own_words")
        if text is None:  # read once for level and industry
            text = f.pre + " | " + own_after(f.post)
            for name in sorted((self.rd.page_name, f.occupation_name), key=len, reverse=True):  # "bus drivers,
                # school" names no school (the longer name first: the page's "Bus Drivers" is inside it)
                if name:
                    text = self.rd.without_name(name, text)
            f.memo["own_words"] = text
        m = None
        for m in pat.finditer(text):
            pass
        return " ".join(m.group(0).lower().split()) if m else None

    def _subject_part(self, f, attr):
        subj = f.memo.get("subject", f)
        if subj is f:
            subj = f.memo["subject"] = G.subject_of(f.clause_pre)  # read once for place and level
        if subj is None:
            return None
        m = self.labels.meaning(subj[0])
        return getattr(m, attr)

    def other(self, f) -> str:
        if f.unit.table is not None:
            # "Median wage (nominal)" and "Median wage (cost-of-living adjusted)": two columns of one row
            # are two series; the words that tell the column apart belong to its scope
            for step, text in f.unit.labels:
                if step == "column-header":
                    q = self.labels.qualifier(text)
                    if q:
                        return "column:" + q
        sub = SUBGROUP.search(f.text, max(f.sent.start, f.m.start - 120), f.m.start)
        if sub and self.labels.is_personish(sub.group("who")):
            return " ".join(sub.group("q").lower().split())   # "Creators with 100K+ followers: median $61,000"
        own = FOR_NP.match(f.post)
        if not own:
            return ""
        np = " ".join(own.group("np").split()).strip(" ,")
        if FOR_NEUTRAL.match(np) or self.lex.all_population.search(np):
            return ""
        name = self.rd.occupation_name(np)
        if name and self.labels.is_personish(name):
            return ""  # an occupation: the occupation step took it
        m = self.labels.meaning(np)
        if m.place or m.level or m.industry or m.stat or m.per or m.domain:
            return ""
        return np.lower()

    # -- when and from whom ----------------------------------------------------------------------------
