"""Steps that tell whom a figure is about: occupation, place, level, industry and any other qualifier."""

from __future__ import annotations

import re

from careerlint import rxcache
from careerlint.extract import grammar as G
from careerlint.extract.steps_common import FOR_NP, PRONOUN_LED, UNKNOWN

# a heading that compares: its section is about several occupations
_VERSUS = rxcache.compile(r"\b(?:vs\.?|versus|compared(?:\s+(?:with|to))?|or)\b", re.I)
# a subject whose verb is left out: ", and nursing assistants a median of"
_GAPPED = rxcache.compile(r"(?:,\s*(?:and|while|whereas|but)|;)\s+(?:the\s+)?(?P<np>(?:[A-Za-z][\w'’/&-]*\s+){0,5}?"
                     r"[A-Za-z][\w'’/&-]*)\s+(?:(?:a|an|the)\s+)?(?:median|average|mean|typical|salary|wage|pay)\b"
                     r"[^$\d]{0,30}$", re.I)
# a block's first words that are a clause, not a label: a verb, or a leading preposition
_NOT_LABEL = rxcache.compile(r"\b(?:is|are|was|were|has|have|had|earn\w*|make\w*|made|pay\w*|paid|grow\w*|project\w*|"
                        r"expect\w*|will|can|could|may|might)\b|^(?:according|in|for|at|as|with|by|from|about|the|"
                        r"a|an|and|or|but|if|when|while|since|over|under|up|to|of|on)\b", re.I)

# a group of people right before its figure, after a list's separator: "2024–34: dentists +4%",
# (a label that starts its block, "Plumber $62,970 median", is the inline-label step's)
# "(about as fast as average), dental hygienists +7%"
_ITEM_NP = rxcache.compile(r"[:;,(]\s*(?P<np>(?:[A-Za-z][\w'’/&-]*\s+){0,4}[A-Za-z][\w'’/&-]*)\s*:?\s*$")
# a second group and its figure after a first figure: "... 22 percent and OTAs 19 percent", "..., while
# medical assistants 12%"
_AND_NP = rxcache.compile(r"^\s*,?\s*(?:and|while|whereas|but)\s+(?:the\s+)?(?:for\s+)?"
                     r"(?P<np>(?:[A-Za-z][\w'’/&-]*\s+){0,4}[A-Za-z][\w'’/&-]*)\s*:?\s*$", re.I)
# a clause that compares with something else: "than the PTA median of", "compared with the national ..."
# (a short one, up to its figure: "than a decade, and the latest round projects ..." goes on to a clause of its own)
_COMPARED = rxcache.compile(r"^\s*(?:than|compared\s+(?:with|to)|versus|vs\.?)\b", re.I)
# a group named before a statistic: "the PTA median of", "the registered nurse average of"
_NP_STAT = rxcache.compile(r"\b(?:the|an?|their|its)\s+(?P<np>(?:[A-Za-z][\w'’/&-]*\s+){0,3}?[A-Za-z][\w'’/&-]*)\s+"
                      r"(?:median|average|mean|typical)\b[^$\d]{0,30}$", re.I)
_ACRONYM = rxcache.compile(r"[A-Z]{2,5}s?")   # "PTA", "RN", "LPNs"
# a clause that is a dash and a statistic's label before the figure: "— median", "– avg. pay"
_DASH_LABEL = rxcache.compile(r"^\s*[–—-]\s*(?:[A-Za-z.]+\s*){0,3}:?\s*$")
# "Wages by industry", "Industry" (not "all industries", "cross-industry", "across industries")
_INDUSTRY_WORD = rxcache.compile(r"(?<!\ball )(?<!cross-)(?<!across )\bindustr", re.I)
# Markdown marks around a name: "[[MRI Technologist]]", "**Electricians**", "_nurses_"
_MARKUP = rxcache.compile(r"[\[\]*_]")
# "(see MRI Technologist": the word that introduces a named cross-reference
_SEE = rxcache.compile(r"\bsee\s")
# a subject that is a figure or a forecast, not people: "the latest round projects employment", "BLS data"
_FIGURE_SUBJECT = rxcache.compile(r"\b(?:employment|jobs?|growth|demand|outlook|openings|wages?|pay|salar(?:y|ies)|"
                             r"earnings|projections?|round|data|figures|numbers|estimates)\b", re.I)

class WhoSteps:
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
        memo = f.unit.memo
        if "industry-table" not in memo:
            memo["industry-table"] = self._rows_are_industries(f)
        return memo["industry-table"]

    def _rows_are_industries(self, f) -> bool:
        # "Wages by industry", a column "Industry"; not "National, all industries" (cross-industry figures)
        return any(self.lex.industries.search(t) and _INDUSTRY_WORD.search(t)
                   for s, t in f.unit.labels if s in ("intro", "caption", "column-header"))

    def _inline(self, f):
        """What the words a short block starts with say, before its first figure, when they are a
        label rather than a clause: "Electrician $62,350 median pay", "California: $60,000"."""
        if len(f.text) > 200:
            return None
        ms = self.rd.mentions[f.b.id]
        first = next((m for m in ms if m.kind in ("money", "percent", "count") and not m.group), None)
        lead = f.text[:first.start].strip(" :–—-|•") if first is not None else ""
        # "Statistician: median pay $103,300": a label before the colon ("pay" after it is a noun)
        if not lead or len(lead) > 60 or len(lead.split()) > 6 or _NOT_LABEL.search(lead.split(":", 1)[0]):
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

    def _occupation_phrasing(self, f, c):
        r = f.reading
        if r is None:
            return None
        if r.phrasing.sets.get("population"):
            return "all occupations"
        if r.occupation:
            return self.rd.occupation_key_of(r.occupation, self._sentence(f))
        return None

    def _people(self, np: str, sentence: str):
        """The occupation key of a noun phrase that names a group of people, else None."""
        if self._personish_subject(np):
            return self.rd.occupation_key_of(np, sentence)
        return None

    def _occupation_clause(self, f, c):
        rd = self.rd
        sentence = self._sentence(f)
        if _DASH_LABEL.match(f.clause_pre):  # "(see MRI Technologist — median $88,180 per BLS May 2024)"
            head = _MARKUP.sub(" ", f.text[max(0, f.clause[0] - 80):f.clause[0]])
            before = _ITEM_NP.search(_SEE.sub(", ", head).rstrip())
            key = self._people(before.group("np"), sentence) if before else None
            if key is not None:
                return key
        pair = _AND_NP.match(f.pre)
        key = self._people(pair.group("np"), sentence) if pair else None
        if key is not None:  # "PTAs to grow 22 percent and OTAs 19 percent": the second figure is the OTAs'
            return key
        item = _ITEM_NP.search(f.pre)  # "...: dentists +4% (...), dental hygienists +7%": each figure after its group
        key = self._people(item.group("np"), sentence) if item else None
        if key is not None:
            return key
        own = FOR_NP.match(f.post)
        if own:
            np = own.group("np").strip(" ,")
            if self.lex.all_population.search(np):
                return "all occupations"
            if self._personish_subject(np):
                return rd.occupation_key_of(np, sentence)
        if self.lex.all_population.search(f.pre) and not re.search(r"\b(?:of|among)\s+all\s+occupations",
                                                                   f.pre, re.I):
            return "all occupations"
        gap = _GAPPED.search(f.pre)
        if gap and self._personish_subject(gap.group("np")):
            # "LPNs earned a median of $62,340, and nursing assistants a median of $39,530"
            return rd.occupation_key_of(gap.group("np"), sentence)
        for found, subject in ((G.of_occupation(f.clause_pre), False), (G.subject_of(f.clause_pre), True)):
            if found is not None:
                key = rd.occupation_key_of(found[0], sentence)
                if key is None:
                    continue
                if subject and not self._personish_subject(found[0]):
                    if _FIGURE_SUBJECT.search(found[0]):
                        continue  # "the latest round projects employment will grow": whose, the sentence says
                    return UNKNOWN  # "..., who assist plumbers while they learn, earned": not told here
                return key
        prev = self._previous_stated(f)
        if prev is not None:  # "..., and market research analysts, with a median of $76,950 and growth of 7%"
            return prev
        if _COMPARED.match(f.clause_pre) and len(f.clause_pre) <= 60 and "," not in f.clause_pre:
            # "..., about 4 percent higher than the PTA median of $65,510": the clause compares with
            # someone else; the sentence's subject is not whom this figure is about
            np_stat = _NP_STAT.search(f.pre)
            np = np_stat.group("np") if np_stat else ""
            if np and (_ACRONYM.fullmatch(np) or self._personish_subject(np)):
                key = rd.occupation_key_of(np, sentence)
                if key is not None:
                    return key
            # "compared with a national median of": the same people elsewhere; the steps below decide
        subj = f.sent.subject
        if subj is not None and (f.clause == f.sent.clauses[0] or not self._own_subject(f)):
            return subj[0]
        lead = f.sent.lead
        if lead is not None and lead[0] == "person" and (f.clause == f.sent.clauses[0] or not self._own_subject(f)):
            # "Surgeons are among the highest paid ..., with a median of ...", "Light truck drivers — who
            # drive vans — are a separate occupation with a median of $44,140"
            return lead[1]
        if PRONOUN_LED.match(f.text[f.sent.start:f.m.start]) or PRONOUN_LED.match(f.clause_pre):
            # "They earned $129,210": whom "they" are is in an earlier sentence, or cannot be told
            return f.sent.carried[0] if f.sent.carried else UNKNOWN
        return None

    def _personish_subject(self, subject: str) -> bool:
        """A verb's subject that names people: "electricians", "the typical RN", not "the latest round
        projects employment" (a subject naming the occupation's work or figures is not a person)."""
        name = self.rd.occupation_name(subject)
        return bool(name) and self.labels.is_personish(name)

    def _previous_stated(self, f):
        """The occupation stated for the nearest earlier figure of the same clause, when one was
        stated there: a later figure with no subject of its own continues it."""
        rd = self.rd
        ms = rd.mentions[f.b.id]
        for i in reversed(f.sent.mentions):
            if i >= f.idx or ms[i].start < f.clause[0]:
                continue
            c = rd.by_mention.get((f.b.id, i))
            if c is not None:
                if c.how.get("occupation", "").split(":")[0] in ("phrasing", "clause") and c.scope.occupation:
                    return c.scope.occupation
                return None
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
        return self.rd.page_key or None  # a page about no one occupation (or several: "A vs. B") has no default
