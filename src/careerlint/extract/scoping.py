"""The steps of resolve.STEPS: one small reader per (attribute, step).

``Scoping.step(attr, step, fig, claim)`` returns the value that step finds, or None. Label steps
(card-label, dt, row-header, column-header, caption, intro, heading) read what the label means
(extract.labels); carrier steps (card, table-row, caption, source-line, ...) read the vintages,
periods and sources of the blocks the unit names.
"""

from __future__ import annotations

import re

from careerlint.extract import grammar as G
from careerlint.extract.lexicon import statistic_at

_NEAR = 40  # characters: how close a cue word must be to a figure to be about it
UNKNOWN = object()  # a step's answer when it knows the attribute cannot be told ("Dental assistant vs. hygienist")
# a heading that compares: its section is about several occupations
_VERSUS = re.compile(r"\b(?:vs\.?|versus|compared(?:\s+(?:with|to))?|or)\b", re.I)
# "in Hartford", "in the Bay Area": a capitalised place the lexicon does not know
_IN_PLACE = re.compile(r"\b(?:in|across|around)\s+(?:the\s+)?(?-i:(?P<p>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}))")
_NOT_PLACE = re.compile(r"^(?:january|february|march|april|may|june|july|august|september|october|november|"
                        r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|the|this|that|these|"
                        r"addition|general|total|fact|particular|contrast|comparison|recent|today|practice)$", re.I)
# "for bus drivers", "among nurses with a BSN": whom a figure is for, right after it
_FOR_NP = re.compile(r"^\s*(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?(?:for|among|of)\s+(?P<np>[A-Za-z][\w'’ ,&/-]{2,80}?)"
                     r"\s*(?=[.;:()!?]|,\s|\s(?:in|at|is|was|were|are|but|while|compared|according|as|who|with|from|"
                     r"between|through|by|over|during)\b|$)")
_FOR_NEUTRAL = re.compile(r"^(?:the\s+)?(?:year|month|week|hour|day|occupation|this\s+\w+|that\s+\w+|them|it|"
                          r"full[- ]time\s+\w+|a\s+full\s+year|work|example|instance|comparison|reference|context|"
                          r"(?:19|20)\d\d|may\s+\d{4}|the\s+(?:same|period|decade|year|first|second|job|role|position)\b.*|"
                          r"(?:the\s+)?(?:median|average|typical)\b.*|workers|employees|people|everyone|most|many|"
                          r"all\s+of\s+them|those\s+\w+|these\s+\w+)$", re.I)
_LABEL_STEPS = frozenset({"card-label", "dt", "row-header", "column-header", "caption", "intro"})
_CARRIER_STEPS = {"card": ("card",), "dt": ("dt",), "table-row": ("table-row",), "column-header": ("column-header",),
                  "caption": ("caption",), "intro": ("intro",), "source-line": ("source-line",)}
# a subject whose verb is left out: ", and nursing assistants a median of"
_GAPPED = re.compile(r"(?:,\s*(?:and|while|whereas|but)|;)\s+(?:the\s+)?(?P<np>(?:[A-Za-z][\w'’/&-]*\s+){0,5}?"
                     r"[A-Za-z][\w'’/&-]*)\s+(?:(?:a|an|the)\s+)?(?:median|average|mean|typical|salary|wage|pay)\b"
                     r"[^$\d]{0,30}$", re.I)
# a block's first words that are a clause, not a label: a verb, or a leading preposition
_NOT_LABEL = re.compile(r"\b(?:is|are|was|were|has|have|had|earn\w*|make\w*|made|pay\w*|paid|grow\w*|project\w*|"
                        r"expect\w*|will|can|could|may|might)\b|^(?:according|in|for|at|as|with|by|from|about|the|"
                        r"a|an|and|or|but|if|when|while|since|over|under|up|to|of|on)\b", re.I)
# a parenthesis that narrows a row ("(Big Four)", "(regional/local)"), not an abbreviation ("(RNs)")
_QUALIFYING_PAREN = re.compile(r"\((?![A-Z]{1,6}s?\))([^()]{2,40})\)")
_THERE = re.compile(r"\b(?:there|in\s+that\s+(?:city|state|area|region|metro))\b", re.I)
# a clause led by a pronoun: whom it means is in an earlier sentence
_PRONOUN_LED = re.compile(r"^\W*(?:(?:and|but|so|yet|while)\s+)?(?:they|their|these|those|its|it|this\s+group|such\s+workers)\b",
                          re.I)
_COMPARED = re.compile(r"\b(?:than|compared\s+(?:with|to)|versus|vs\.?|over|above|below)\s+(?:the\s+|a\s+|an\s+)?(?:national\s+|overall\s+)?$",
                       re.I)
_THIS_NEXT = re.compile(r"(?:this|that|the)\s+(?:growth|rate|increase|pace|figure|projection|is|was|would)\b", re.I)


class Scoping:
    def __init__(self, reader) -> None:
        self.rd = reader
        self.lex = reader.lex
        self.labels = reader.labels
        self.last_year: tuple[int, int] | None = None  # the bare year the last vintage step took

    def step(self, attr: str, step: str, f, c):
        if step in _LABEL_STEPS and attr in ("stat", "domain", "per", "occupation", "place", "level", "industry"):
            return self._label(attr, step, f, c)
        if step == "alternate":
            return self._alternate(attr, f)
        fn = getattr(self, f"_{attr}_{step.replace('-', '_')}", None)
        return fn(f, c) if fn is not None else None

    # -- shared ----------------------------------------------------------------------------------
    def _alternate(self, attr: str, f):
        a = f.alt
        if a is None:
            return None
        if attr in ("occupation", "place", "level", "industry"):
            return getattr(a.scope, attr) if (attr != "occupation" or a.scope.occupation is not None) else None
        if attr == "vintage":
            return (a.vintage, a.vintage_text) if a.vintage is not None else None
        if attr == "per":
            return None
        return getattr(a, attr, None)

    def _labels_of(self, f, step: str) -> list[str]:
        return [t for s, t in f.unit.labels if s == step]

    def _label(self, attr: str, step: str, f, c):
        for text in self._labels_of(f, step):
            m = self.labels.meaning(text)
            if attr == "stat":
                if m.not_statistic:
                    return "none"
                v = m.stat
                if c.kind != "money":
                    continue
                if f.m.is_range:
                    v = "range" if (v or m.domain == "salary") else None
                elif v == "range":
                    v = None
            elif attr == "domain":
                v = m.domain
                if c.kind == "percent" and v == "growth" and m.growth_not:
                    v = "other"
                elif c.kind == "money" and v == "growth":
                    v = None  # "Mid-Career Growth:" over a list of salaries: money is never a growth rate
            elif attr == "occupation":
                if step == "row-header" and self._industry_table(f):
                    continue
                if m.population:
                    return "all occupations"
                if step in ("caption", "intro"):
                    v = self._named_in(text)
                else:
                    v = self.rd.key(m.occupation) if m.occupation else None
                    if v and step == "row-header":  # "Public accounting (Big Four)" is its own row
                        extra = _QUALIFYING_PAREN.findall(text)
                        if extra and v != self.rd.page_key:
                            v = self.rd.key(m.occupation + " " + " ".join(extra))
            elif attr == "industry" and step == "row-header" and self._industry_table(f):
                return " ".join(text.lower().split())
            else:
                v = getattr(m, attr)
            if v:
                return v
        return None

    def _named_in(self, text: str) -> str | None:
        """The occupation a caption or intro names: "Quick Facts: Bus Drivers", "...wages for logging
        workers in the top industries..." (a bare caption is a name itself)."""
        found = G.of_occupation(text)
        if found:
            name = self.rd.occupation_name(found[0])
            return self.rd.key(name) if name else None
        tail = text.rsplit(":", 1)[-1]
        name = self.labels.residue(tail)
        return self.rd.key(name) if name and len(name.split()) <= 6 and self.labels.is_personish(name) else None

    def _industry_table(self, f) -> bool:
        return any(self.lex.industries.search(t) and re.search(r"\bindustr", t, re.I)
                   for s, t in f.unit.labels if s in ("intro", "caption", "column-header"))

    def _inline(self, f):
        """What the words a short block starts with say, before its first figure, when they are a
        label rather than a clause: "Electrician $62,350 median pay", "California: $60,000"."""
        if len(f.text) > 200:
            return None
        ms = self.rd.mentions[f.b.id]
        first = next((m for m in ms if m.kind in ("money", "percent", "count") and not m.group), None)
        lead = f.text[:first.start].strip(" :–—-|•") if first is not None else ""
        if not lead or len(lead) > 60 or len(lead.split()) > 6 or _NOT_LABEL.search(lead):
            return None
        return self.labels.meaning(lead), lead

    def _occupation_inline_label(self, f, c):
        got = self._inline(f)
        if got is None:
            return None
        m, _lead = got
        if m.population:
            return "all occupations"
        if m.occupation and self.labels.is_personish(m.occupation):
            return self.rd.key(m.occupation)
        return None

    def _place_inline_label(self, f, c):
        got = self._inline(f)
        return got[0].place if got else None

    def _level_inline_label(self, f, c):
        got = self._inline(f)
        return got[0].level if got else None

    def _industry_inline_label(self, f, c):
        got = self._inline(f)
        return got[0].industry if got else None

    def _heading_texts(self, f) -> list[str]:
        out = []
        for s, t in f.unit.labels:
            if s == "heading":
                out.append(t)
        return out

    # -- statistic, domain, unit of time -------------------------------------------------------------
    def _stat_phrasing(self, f, c):
        if f.reading is None:
            return None
        return f.slot.get("stat") or f.reading.phrasing.sets.get("stat") or f.reading.stat

    def _stat_clause(self, f, c):
        lex = self.lex
        pre_near = f.pre[-_NEAR:]
        if lex.not_statistic_before.search(pre_near) and not lex.percentile_bound.search(pre_near):
            return "none"
        post = f.post[:_NEAR]
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
        hit = None
        for m in lex.stat_any.finditer(f.pre):
            # "higher than the median, at $66,510": the median is the other figure
            if statistic_at(lex, m) != "range" and not _COMPARED.search(f.pre, max(0, m.start() - 22), m.start()):
                hit = m
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
            own = f.pre[-_NEAR * 2:] + " " + f.post[:_NEAR]
            if lex.not_statistic_after.match(f.post.lstrip()[:12]) and not re.match(r"\s*(?:growth|increase)", f.post):
                return "other"  # "33 percent more"
            best = _nearest_of(((n, p) for n, p in lex.domains if n in ("growth", "salary", "cost")), f.clause_pre)
            if best is None:
                best = _first_of(((n, p) for n, p in lex.domains if n in ("growth", "salary", "cost")), f.post[:_NEAR])
            if best == "growth" and lex.growth_not.search(own):
                return "other"
            return best
        best = _nearest_of(((n, p) for n, p in lex.domains if n in ("salary", "cost")), f.pre) or \
            _nearest_of(((n, p) for n, p in lex.domains if n in ("salary", "cost")), f.clause_pre) or \
            _first_of(((n, p) for n, p in lex.domains if n in ("salary", "cost")), f.post[:_NEAR * 2])
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
        near = f.pre[-_NEAR:]
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
        return any(h.search(t) for s, t in f.unit.labels if s in ("heading", "card-label", "intro", "caption"))

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
    def _occupation_phrasing(self, f, c):
        r = f.reading
        if r is None:
            return None
        if r.phrasing.sets.get("population"):
            return "all occupations"
        if r.occupation:
            return self.rd.occupation_key_of(r.occupation, self._sentence(f))
        return None

    def _occupation_clause(self, f, c):
        rd = self.rd
        sentence = self._sentence(f)
        own = _FOR_NP.match(f.post)
        if own:
            np = own.group("np").strip(" ,")
            if self.lex.all_population.search(np):
                return "all occupations"
            name = rd.occupation_name(np)
            if name and self.labels.is_personish(name):
                return rd.occupation_key_of(np, sentence)
        if self.lex.all_population.search(f.pre) and not re.search(r"\b(?:of|among)\s+all\s+occupations",
                                                                   f.pre, re.I):
            return "all occupations"
        gap = _GAPPED.search(f.pre)
        if gap:  # "LPNs earned a median of $62,340, and nursing assistants a median of $39,530"
            name = rd.occupation_name(gap.group("np"))
            if name and self.labels.is_personish(name):
                return rd.occupation_key_of(gap.group("np"), sentence)
        for found in (G.of_occupation(f.clause_pre), G.subject_of(f.clause_pre)):
            if found is not None:
                key = rd.occupation_key_of(found[0], sentence)
                if key is not None:
                    return key
        subj = f.sent.subject
        if subj is not None and (f.clause == f.sent.clauses[0] or not self._own_subject(f)):
            return subj[0]
        if _PRONOUN_LED.match(f.text[f.sent.start:f.m.start]) or _PRONOUN_LED.match(f.clause_pre):
            # "They earned $129,210": whom "they" are is in an earlier sentence, or cannot be told
            return f.sent.carried[0] if f.sent.carried else UNKNOWN
        return None

    def _sentence(self, f) -> str:
        return f.text[f.sent.start:f.sent.end]

    def _own_subject(self, f) -> bool:
        """Whether the figure's clause has a subject of its own (a pronoun or group counts)."""
        return bool(re.search(r"\b(?:they|these|those|it|the\s+(?:lowest|highest|top|bottom))\b", f.clause_pre, re.I))

    def _occupation_carried(self, f, c):
        s = f.sent.carried
        return s[0] if s is not None else None

    def _occupation_heading(self, f, c):
        for t in self._heading_texts(f):
            hb = self._heading_block(f, t)
            if hb is not None and hb.tag == "h1":
                return None  # the page's own title: that is the page default, not a section's
            if _VERSUS.search(t):
                return UNKNOWN
            m = self.labels.meaning(t)
            if m.population:
                return "all occupations"
            if m.occupation and self.labels.is_personish(m.occupation):
                return self.rd.key(m.occupation)
        return None

    def _scope_heading(self, f, attr):
        """A place, level or industry a section heading names ("California", "Entry level")."""
        for h in self.rd.structure.headings(f.b):
            hb = self.rd.doc.blocks[h]
            if hb.tag == "h1":
                return None
            v = getattr(self.labels.meaning(hb.text), attr)
            if v:
                return v
        return None

    def _place_heading(self, f, c):
        return self._scope_heading(f, "place")

    def _level_heading(self, f, c):
        return self._scope_heading(f, "level")

    def _industry_heading(self, f, c):
        return self._scope_heading(f, "industry")

    def _heading_block(self, f, text):
        for h in self.rd.structure.headings(f.b):
            if self.rd.doc.blocks[h].text == text:
                return self.rd.doc.blocks[h]
        return None

    def _occupation_page(self, f, c):
        return self.rd.page_key

    def _place_phrasing(self, f, c):
        r = f.reading
        if r is None or not r.place:
            return None
        p = self.labels.place_re.search(r.place)
        return " ".join(p.group(0).lower().split()) if p else "city:" + r.place.lower()

    def _place_clause(self, f, c):
        # the words right after a figure are its own first: "the 5 percent national rate", "$95,000 in Texas"
        return self._place_in(_own_after(f.post)[:30]) or self._place_in(f.pre) or \
            self._place_in(_own_after(f.post)) or self._subject_part(f, "place")

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
        if _PRONOUN_LED.match(f.text[f.sent.start:f.m.start]) and f.sent.carried_place:
            return f.sent.carried_place  # "New York drops the furthest. Its $96,830 median ..."
        return None

    def _place_page(self, f, c):
        return self.rd.page_place or None

    def _level_clause(self, f, c):
        return self._word_in(self.lex.levels, f) or self._subject_part(f, "level")

    def _industry_clause(self, f, c):
        return self._word_in(self.lex.industries, f)

    def _word_in(self, pat, f):
        text = f.pre + " | " + _own_after(f.post)
        if self.rd.page_name:
            text = re.sub(re.escape(self.rd.page_name), " ", text, flags=re.I)
        m = None
        for m in pat.finditer(text):
            pass
        return " ".join(m.group(0).lower().split()) if m else None

    def _subject_part(self, f, attr):
        subj = G.subject_of(f.clause_pre)
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
        own = _FOR_NP.match(f.post)
        if not own:
            return ""
        np = " ".join(own.group("np").split()).strip(" ,")
        if _FOR_NEUTRAL.match(np) or self.lex.all_population.search(np):
            return ""
        name = self.rd.occupation_name(np)
        if name and self.labels.is_personish(name):
            return ""  # an occupation: the occupation step took it
        m = self.labels.meaning(np)
        if m.place or m.level or m.industry or m.stat or m.per or m.domain:
            return ""
        return np.lower()

    # -- when and from whom ----------------------------------------------------------------------------
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
              and self._is_vintage(f.b.id, i)]
        return self._single(f.b.id, cl)

    def _vintage_sentence(self, f, c):
        ms = self.rd.mentions[f.b.id]
        return self._single(f.b.id, [ms[i] for i in f.sent.mentions if self._is_vintage(f.b.id, i)])

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
        for s, bid in f.unit.carriers:
            if s != step:
                continue
            ms = self.rd.mentions.get(bid) or []
            for i, v in enumerate(ms):
                if v.kind == "vintage" and v.label != "employment" and not self._page_date(bid, v):
                    return self._vint(bid, v)
                if v.kind == "year" and (self._is_vintage(bid, i) or _year_cell(self.rd.doc.blocks[bid].text)):
                    return self._vint(bid, v)
        return None

    def _vintage_card(self, f, c):
        return self._carrier_vintage(f, "card")

    def _vintage_dt(self, f, c):
        return self._carrier_vintage(f, "dt")

    def _vintage_table_row(self, f, c):
        return self._carrier_vintage(f, "table-row")

    def _vintage_column_header(self, f, c):
        return self._carrier_vintage(f, "column-header")

    def _vintage_caption(self, f, c):
        return self._carrier_vintage(f, "caption")

    def _vintage_intro(self, f, c):
        return self._carrier_vintage(f, "intro")

    def _vintage_source_line(self, f, c):
        return self._carrier_vintage(f, "source-line")

    # periods (for growth rates)
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
        if not (5 <= p[1] - p[0] <= 15) or _COMPARED.search(f.text, max(0, m.start - 25), m.start):
            return None
        return p

    def _carrier_period(self, f, step):
        for s, bid in f.unit.carriers:
            if s == step:
                for p in self.rd.mentions.get(bid) or []:
                    if p.kind == "period" and not p.end_only:
                        return p.period
        return None

    def _period_card(self, f, c):
        return self._carrier_period(f, "card")

    def _period_dt(self, f, c):
        return self._carrier_period(f, "dt")

    def _period_table_row(self, f, c):
        return self._carrier_period(f, "table-row")

    def _period_column_header(self, f, c):
        return self._carrier_period(f, "column-header")

    def _period_caption(self, f, c):
        return self._carrier_period(f, "caption")

    def _period_intro(self, f, c):
        return self._carrier_period(f, "intro")

    def _period_source_line(self, f, c):
        return self._carrier_period(f, "source-line")

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

    def _source_card(self, f, c):
        return self._carrier_source(f, "card")

    def _source_dt(self, f, c):
        return self._carrier_source(f, "dt")

    def _source_table_row(self, f, c):
        return self._carrier_source(f, "table-row")

    def _source_column_header(self, f, c):
        return self._carrier_source(f, "column-header")

    def _source_caption(self, f, c):
        return self._carrier_source(f, "caption")

    def _source_intro(self, f, c):
        return self._carrier_source(f, "intro")

    def _source_source_line(self, f, c):
        return self._carrier_source(f, "source-line")

    def _source_section(self, f, c):
        return self.rd.section_source(f.b.section)


def _own_after(post: str) -> str:
    """The words after a figure that are still its own: up to a comma, semicolon or conjunction."""
    return re.split(r"[,;.:!?()]|\b(?:and|or|while|whereas|but|compared|versus|vs)\b", post, maxsplit=1)[0][:80]


def _nearest_of(pairs, text: str):
    best = None
    for name, pat in pairs:
        for m in pat.finditer(text):
            if best is None or m.end() > best[1]:
                best = (name, m.end())
    return best[0] if best else None


def _first_of(pairs, text: str):
    best = None
    for name, pat in pairs:
        m = pat.search(text)
        if m and (best is None or m.start() < best[1]):
            best = (name, m.start())
    return best[0] if best else None


def _year_cell(text: str) -> bool:
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
