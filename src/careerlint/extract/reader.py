"""Reading a Document: mentions per block, sentences with their phrasings and subjects, then claims.

This module holds the page-wide state (the page's occupation, the structure, the lexicon and the
phrasings) and walks the page once; what each figure means is decided in ``resolve``, which vintages
and periods are citations in ``citations``.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from careerlint import rxcache
from careerlint.claims import Claim
from careerlint.document import Block, Document
from careerlint.extract import grammar as G
from careerlint.extract.labels import Labels, place_pattern
from careerlint.extract.lexicon import Lexicon, lexicon
from careerlint.extract.mentions import Mention, lex
from careerlint.extract.sentences import FIGURES, Sent, SentenceReading
from careerlint.extract.units import Structure
from careerlint.sources import Registry

# "..., which includes medical billing roles", "(including medical billers)"
_INCLUDES = rxcache.compile(r"\s*(?:,\s*(?:which|that|who)\s+(?:includes?|covers?|encompass(?:es)?)|\(\s*(?:including|incl\.?)"
                       r"|,\s*including)\s+(?P<np>[A-Za-z][\w '’&/-]{2,60}?)(?=[,.;)]|\s+(?:from|in|and\s+is)\b|$)",
                       re.I)
_DIGIT = rxcache.compile(r"\d")
_PERCENTILE_CELL = rxcache.compile(r"^\s*(?:10|25|50|75|90)\s*(?:%|th)(?:\s+percentile)?\s*(?:\(median\))?\s*$", re.I)
_BARE_NUMBER = rxcache.compile(r"^\s*[-−+]?\d{1,3}(?:\.\d+)?\s*$")  # "11", "-2.5"
_PERCENT_HEADER = rxcache.compile(r"\bpercent\b|%|\bpct\b", re.I)  # "Growth (%)", "Percent change"
# a percentile group of a population: "the highest-paid 10 percent of", "top 10% of all"
_GROUP_OF = rxcache.compile(r"^(?:the\s+)?(?:[\w-]+\s+){0,2}\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent)\s+of\s+(?:all\s+|the\s+)?",
                       re.I)
def _declared_soc(meta: dict) -> str | None:
    """The SOC code a page declares (<meta name="careerlint:occupation" content="29-2072">, front
    matter soc:), read only when the page declares something."""
    if not any(k in meta for k in ("careerlint:soc", "careerlint:occupation", "soc")):
        return None
    from careerlint.reference import page_declaration

    d = page_declaration(meta)
    return d.soc if d is not None else None


class Reader(SentenceReading):
    def __init__(self, doc: Document, registry: Registry) -> None:
        from careerlint.extract.phrasings_store import phrasings

        self.doc = doc
        self.reg = registry
        self.lex: Lexicon = lexicon()
        self.phrasings = phrasings()
        self.noise = frozenset(self.lex.data.get("occupation_noise") or ())
        name, how = G.page_occupation(doc.h1, doc.title, doc.meta)
        self.names: dict[str, str] = {"all occupations": "all occupations"}
        self.page_soc = _declared_soc(doc.meta)
        self.page_place = ""
        places = place_pattern(self.lex)
        p = places.search(name) if how != "declared" else None
        if how == "declared":  # front matter names the occupation: its place is in front matter or the title
            where = " ".join(str(doc.meta.get(k) or "") for k in ("state", "place", "location", "region"))
            p2 = places.search(where) or places.search(doc.h1 or doc.title or "")
            if p2:
                self.page_place = " ".join(p2.group(0).lower().split())
        if p:  # "Electrician Salary in Ohio": the page's place, and its occupation without it
            self.page_place = " ".join(p.group(0).lower().split())
            name = re.sub(r"\s*\b(?:in|for|across)\s*$", "", name[:p.start()]).strip(" ,:–—-") + " " + name[p.end():]
            name = G.page_occupation(name, "", {})[0] or name.strip()
        words = name.split()
        while len(words) > 1 and self.lex.topic_words.fullmatch(words[-1].strip(",:")):
            words.pop()  # "Carpenter Career Outlook", "Dental Hygienist Salary Guide"
        self.page_name, self.page_how = " ".join(words), how
        self.page_key = self.key(self.page_name) if self.page_name else ""
        self.mentions: dict[int, list[Mention]] = {}
        self.sents: dict[int, list[Sent]] = {}
        self._src: dict[int, list[tuple[int, int, str]]] = {}
        self._names_re: dict[str, re.Pattern] = {}
        self.history_marked: dict[str, bool] = {}  # label text -> whether it marks the page's history
        self.labels = Labels(self.lex, registry.pattern(), name)
        self.structure: Structure | None = None
        self.claims: list[Claim] = []
        self.figures: list[Claim] = []
        self.by_mention: dict[tuple[int, int], Claim] = {}   # (block, mention index) -> figure claim
        self.used_years: set[tuple[int, int]] = set()        # bare years some figure took as its vintage
        self.dated_heads: dict[str, int] = {}   # heading tag -> how many headings of it have a date line

    def key(self, name: str) -> str:
        """The comparable key of an occupation's name; the first name seen for a key is kept (names)."""
        k = G.occupation_key(name, self.noise)
        if k not in self.names:
            self.names[k] = " ".join(name.split()).strip(" ,.:;*")
        return k

    def without_name(self, name: str, text: str) -> str:
        """``text`` with the occupation's name, in any case, replaced by a space. ASCII text without
        the name is returned as it is, and the name's pattern is never compiled (compiling is most of
        the cost: ~13 names a page)."""
        if text.isascii() and name.isascii() and name.lower() not in text.lower():
            return text  # for ASCII, a case-blind match is a match of the lowered strings
        return self.name_pattern(name).sub(" ", text)

    def name_pattern(self, name: str) -> re.Pattern:
        """An occupation's name as a case-blind pattern, compiled once a page ("Bus Drivers")."""
        pat = self._names_re.get(name)
        if pat is None:
            pat = self._names_re[name] = re.compile(re.escape(name), re.I)
        return pat

    def sources_in(self, bid: int) -> list[tuple[int, int, str]]:
        """Source names in a block: (start, end, source id); memoised, read only when asked."""
        found = self._src.get(bid)
        if found is None:
            text = self.doc.blocks[bid].text
            found = self._src[bid] = self.reg.find(text) if text else []
        return found

    # ------------------------------------------------------------------------------------------
    def run(self) -> list[Claim]:
        from careerlint.extract import citations, resolve

        lx = self.lex
        before, after = lx.percentile_group_before, lx.percentile_group_after
        for b in self.doc.blocks:
            if _DIGIT.search(b.text):
                ms = lex(b.text, before, after) or self._percent_cell(b)
                if ms:
                    self.mentions[b.id] = ms
        self._percentile_rows()
        values = {bid for bid, ms in self.mentions.items()
                  if any(m.kind in FIGURES and not m.group for m in ms)}
        self.structure = Structure(self.doc, values, lambda bid: bool(self.sources_in(bid)))
        for bid in self.mentions:
            self._read_sentences(self.doc.blocks[bid])
        resolver = resolve.Resolver(self)
        for bid, ms in self.mentions.items():
            b = self.doc.blocks[bid]
            for i, m in enumerate(ms):
                if m.kind in FIGURES and not m.group:
                    c = resolver.figure(b, i, m)
                    if c is not None:
                        self.figures.append(c)
                        self.by_mention[(bid, i)] = c
        self._same_occupations()
        resolver.settle_page_default(self.figures)
        self.claims.extend(self.figures)
        self.claims.extend(citations.read(self, resolver))
        self.claims.sort(key=lambda c: (c.block, c.start, c.kind))
        return self.claims

    def _same_occupations(self) -> None:
        """Names that BLS's titles resolve to one SOC code name one occupation: "Registered nurses"
        and "registered nurse (RN)", "veterinary technologists and technicians" and "veterinary
        technician". Only exact title matches count (careerlint.reference, never fuzzy); the data is
        read only when a page names several occupations."""
        keys = {c.scope.occupation for c in self.figures} - {None, "all occupations"}
        if len(keys | {self.page_key}) < 2:
            return
        from careerlint.reference import match_occupation

        soc_of: dict[str, str] = {}
        for k in sorted(keys | {self.page_key}):
            name = self.page_name if k == self.page_key else self.names.get(k, "")
            code = self.page_soc if k == self.page_key and self.page_soc else (match_occupation(name) if name else None)
            if isinstance(code, str):
                soc_of[k] = code
        canon: dict[str, str] = {}
        for k, code in sorted(soc_of.items(), key=lambda kv: kv[0] != self.page_key):
            canon.setdefault(code, k)  # the page's own key first, else the first key in order
        for c in self.figures:
            k = c.scope.occupation
            if k in soc_of and canon[soc_of[k]] != k:
                c.scope.occupation = canon[soc_of[k]]
                c.how["occupation"] = c.how.get("occupation", "") + f" (same SOC {soc_of[k]})"

    def occupation_key_of(self, phrase: str, context: str = "") -> str | None:
        """The occupation key a noun phrase names, or None. "a billing specialist" on a page about
        medical billing specialists, and "medical records specialists, which includes medical
        billing roles", are the page's own occupation."""
        name = self.occupation_name(phrase)
        if name is None or name == "all occupations":
            return name
        key = self.key(name)
        if not self.page_key or key == self.page_key:
            return key
        page_words = set(self.page_key.split())
        if re.match(r"\s*(?:a|an)\s", phrase, re.I) and set(key.split()) <= page_words:
            return self.page_key
        head = self.page_name.split()
        if head and key == self.key(head[-1]) and not re.search(r",|\band\b|&|/", self.page_name):
            return self.page_key  # "hygienists" on a page about dental hygienists (not "astronomers" on
            #                       a page about physicists and astronomers)
        if context:
            at = context.lower().find(phrase.strip().lower())
            if at >= 0:
                inc = _INCLUDES.match(context, at + len(phrase.strip()))
                if inc and set(self.key(inc.group("np")).split()) <= page_words:
                    return self.page_key
        return key

    def occupation_name(self, phrase: str) -> str | None:
        """The occupation a noun phrase names ("Most electricians" -> "electricians"), or None for a
        pronoun, a percentile group, all occupations, a place or level only."""
        p = G.LEADING_FILLER.sub("", phrase.strip(" ,.:;")).strip(" ,.:;")
        p = _GROUP_OF.sub("", p)  # "the highest-paid 10 percent of PTAs" -> "PTAs"
        if not p or G.is_pronoun(p) or _DIGIT.search(p):
            return None
        lx = self.lex
        if lx.all_population.search(p):
            return "all occupations"
        lvl = lx.levels.match(p)
        if lvl and not p[lvl.end():].strip(" ,+-–*:()"):
            return None  # "Staff+", "Senior:": a level alone names no occupation
        if lvl and p[lvl.end():].strip(" ,"):
            p = p[lvl.end():].strip(" ,")
        p = self.labels.place_re.sub(" ", re.sub(r"\s+in\s+.*$", "", p)).strip(" ,")
        if not p or G.is_pronoun(p):
            return None
        if len(p.split()) > 12 or not self.labels.residue(p):
            return None
        return p

    def _percentile_rows(self) -> None:
        """"10%" in the first column of a row of wages is the row's percentile, not a rate."""
        for bid in list(self.mentions):
            b = self.doc.blocks[bid]
            if b.cell is None or b.cell[0] < 0 or b.cell[2] != 0 or not _PERCENTILE_CELL.match(b.text):
                continue
            tid, r, _ = b.cell
            row = self.doc.tables[tid].grid[r] if r < len(self.doc.tables[tid].grid) else []
            if any(x is not None and x != bid and any(m.kind == "money" for m in self.mentions.get(x, ()))
                   for x in row):
                del self.mentions[bid]

    def _percent_cell(self, b: Block) -> list[Mention]:
        """A bare number in a column whose header says percent ("| 2023-2033 | 11 |" under "Growth (%)")."""
        if b.cell is None or b.cell[0] < 0 or not _BARE_NUMBER.match(b.text):
            return []
        tid, r, col = b.cell
        t = self.doc.tables[tid]
        if r < t.header_rows or not _PERCENT_HEADER.search(t.column_header(col, self.doc)):
            return []
        return [Mention("percent", 0, len(b.text), value=float(b.text.strip().replace("−", "-")), currency="%")]

    def sources_in_span(self, bid: int, a: int, b: int) -> list[tuple[int, int, str]]:
        found = self.sources_in(bid)
        i = bisect_left(found, (a - 200, -1, ""))  # no source name is longer than 200 characters
        out = []
        while i < len(found) and found[i][0] < b:
            if found[i][1] > a:
                out.append(found[i])
            i += 1
        return out

    def section_source(self, section: int) -> str | None:
        """The source named by a "Source: ..." line in a section (memoised per section)."""
        memo = self.__dict__.setdefault("_section_sources", {})
        if section in memo:
            return memo[section]
        from careerlint.extract.units import SOURCE_LINE

        found = None
        blocks = self.doc.blocks
        start = section + 1 if section >= 0 else 0
        for bid in range(start, min(len(blocks), start + 400)):
            ob = blocks[bid]
            if ob.section != section:
                if bid > start:
                    break
                continue
            if SOURCE_LINE.match(ob.text):
                srcs = self.sources_in(bid)
                if srcs:
                    found = srcs[0][2]
                    break
        memo[section] = found
        return found
