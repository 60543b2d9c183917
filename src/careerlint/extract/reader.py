"""Reading a Document: mentions per block, sentences with their phrasings and subjects, then claims.

This module holds the page-wide state (the page's occupation, the structure, the lexicon and the
phrasings) and walks the page once; what each figure means is decided in ``resolve``, which vintages
and periods are citations in ``citations``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from careerlint.claims import Claim
from careerlint.document import Block, Document
from careerlint.extract import grammar as G
from careerlint.extract.labels import Labels
from careerlint.extract.lexicon import Lexicon, lexicon, statistic_at
from careerlint.extract.mentions import Mention, lex
from careerlint.extract.phrasings import MARK_CLOSE, MARK_OPEN, MASK, Reading, read
from careerlint.extract.units import Structure
from careerlint.sources import Registry

FIGURES = ("money", "percent", "count")
# "..., which includes medical billing roles", "(including medical billers)"
_INCLUDES = re.compile(r"\s*(?:,\s*(?:which|that|who)\s+(?:includes?|covers?|encompass(?:es)?)|\(\s*(?:including|incl\.?)"
                       r"|,\s*including)\s+(?P<np>[A-Za-z][\w '’&/-]{2,60}?)(?=[,.;)]|\s+(?:from|in|and\s+is)\b|$)",
                       re.I)
WINDOW = 300  # characters of a sentence read on each side of a figure
_DIGIT = re.compile(r"\d")
_PERCENTILE_CELL = re.compile(r"^\s*(?:10|25|50|75|90)\s*(?:%|th)(?:\s+percentile)?\s*(?:\(median\))?\s*$", re.I)
_BARE_NUMBER = re.compile(r"^\s*[-−+]?\d{1,3}(?:\.\d+)?\s*$")  # "11", "-2.5"
_PERCENT_HEADER = re.compile(r"\bpercent\b|%|\bpct\b", re.I)  # "Growth (%)", "Percent change"
# words that end a subject: "The BLS does not track ..." has no subject naming people before "does"
_FUNCTION_WORD = re.compile(r"(?i:do|does|did|not|no|is|are|was|were|be|been|being|has|have|had|will|would|can|could|"
                            r"should|may|might|must|than|that|which|who|whom|what|when|where|how|why|to|of|if|as|at|"
                            r"by|with|from|on|into|about|earn\w*|make\w*|made|get|gets|got|take\w*|took)")
# a verb right after a subject: "Electricians install", "Nurses work", "Hygienists cleaned"
_VERBISH = re.compile(r"(?i:[a-z]+ed|install|work|need|help|perform|use|repair|design|build|diagnose|treat|care|"
                      r"provide|keep|manage|write|test|maintain|operate|drive|prepare|spend|often|usually|typically|"
                      r"also|generally|still|now|must|tend|start|begin|enjoy|face|see|report|say|handle|assist|"
                      r"clean|examine|check|run|lead|oversee|supervise|teach|review|analyze|plan|serve)")
# a percentile group of a population: "the highest-paid 10 percent of", "top 10% of all"
_GROUP_OF = re.compile(r"^(?:the\s+)?(?:[\w-]+\s+){0,2}\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent)\s+of\s+(?:all\s+|the\s+)?",
                       re.I)
# a sentence's first words, parentheses left out: "Nurse practitioners (NPs) have" -> Nurse, practitioners, have
_LEAD_WORDS = re.compile(r"(?<![(\w])[A-Za-z][\w'’&/.-]*(?![^(]*\))")


@dataclass(slots=True)
class Sent:
    start: int
    end: int
    clauses: list[tuple[int, int]]
    mentions: list[int] = field(default_factory=list)       # indexes into the block's mentions
    readings: list[Reading] = field(default_factory=list)
    subject: tuple[str, str] | None = None   # (occupation key, step) stated in this sentence
    carried: tuple[str, str] | None = None   # (occupation key, step) from an earlier sentence of the paragraph
    carried_vintage: Mention | None = None   # the single vintage of that earlier sentence
    carried_place: str | None = None         # a place an earlier sentence was about ("New York drops ...")
    lead: tuple[str, str] | None = None      # what the sentence's first words are: ("person", key), ("place", p)


def _declared_soc(meta: dict) -> str | None:
    """The SOC code a page declares (<meta name="careerlint:occupation" content="29-2072">, front
    matter soc:), read only when the page declares something."""
    if not any(k in meta for k in ("careerlint:soc", "careerlint:occupation", "soc")):
        return None
    from careerlint.reference import page_declaration

    d = page_declaration(meta)
    return d.soc if d is not None else None


def _head_noun(phrase: str) -> str:
    """The last word of a noun phrase's first part: "taxi drivers, shuttle drivers" -> "drivers"."""
    words = phrase.split(",")[0].split()
    return words[-1] if words else ""


class Reader:
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
        places = re.compile(f"(?:{self.lex.cues['us_states']}|{self.lex.cues['countries']})", re.I)
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
        self.labels = Labels(self.lex, registry.pattern(), name)
        self.structure: Structure | None = None
        self.claims: list[Claim] = []
        self.figures: list[Claim] = []
        self.by_mention: dict[tuple[int, int], Claim] = {}   # (block, mention index) -> figure claim
        self.used_years: set[tuple[int, int]] = set()        # bare years some figure took as its vintage

    def key(self, name: str) -> str:
        """The comparable key of an occupation's name; the first name seen for a key is kept (names)."""
        k = G.occupation_key(name, self.noise)
        if k not in self.names:
            self.names[k] = " ".join(name.split()).strip(" ,.:;*")
        return k

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

    # -- sentences -------------------------------------------------------------------------------
    def _read_sentences(self, b: Block) -> None:
        text = b.text
        ms = self.mentions[b.id]
        sents = [Sent(s0, s1, G.clauses(text, s0, s1)) for s0, s1 in G.split_sentences(text)]
        spans = [(s.start, s.end) for s in sents]
        for i, m in enumerate(ms):
            sents[G.index_of(spans, m.start)].mentions.append(i)
        carried: tuple[str, str] | None = None
        carried_vintage: Mention | None = None
        carried_place: str | None = None
        prev = self.sents.get(b.id - 1)
        if prev and self.doc.blocks[b.id - 1].section == b.section:
            # only a sentence led by a pronoun ("They earn ...") reaches back into the paragraph before
            last = prev[-1]
            inherited = (last.subject and (last.subject[0], "carried")) or last.carried
        else:
            inherited = None
        for k, s in enumerate(sents):
            s.lead = self._lead(text[s.start:s.end])
            if k == 0 and inherited and s.lead and s.lead[0] == "pronoun":
                carried = inherited
            if any(ms[i].kind in FIGURES for i in s.mentions):
                s.readings = self._phrasings(text, ms, s)
                s.subject = self._subject(text, ms, s)
            s.carried, s.carried_vintage, s.carried_place = carried, carried_vintage, carried_place
            if s.subject is not None:
                carried = (s.subject[0], "carried")
                vint = [ms[i] for i in s.mentions if ms[i].kind == "vintage"]
                carried_vintage = vint[0] if len({(v.year, v.month) for v in vint}) == 1 else None
            elif s.lead is not None and s.lead[0] == "person":
                carried = (s.lead[1], "carried")
                carried_vintage = None
            if s.lead is not None and s.lead[0] == "place":
                carried_place = s.lead[1]
        self.sents[b.id] = sents

    def _lead(self, sentence: str) -> tuple[str, str] | None:
        """What a sentence's first words name: a group of people ("Nurse practitioners (NPs) have"),
        a place ("New York drops"), or a pronoun ("They earn")."""
        words = _LEAD_WORDS.findall(sentence[:120])
        if not words:
            return None
        if words[0].lower() in ("their", "its", "it", "they", "these", "those", "such"):
            return ("pronoun", words[0].lower())
        if G.is_pronoun(words[0]):
            return None
        cut = next((i for i, w in enumerate(words) if _FUNCTION_WORD.fullmatch(w)), len(words))
        for n in range(min(cut, 6), 0, -1):
            phrase = " ".join(words[:n])
            if self.labels.place_re.fullmatch(phrase):
                return ("place", " ".join(phrase.lower().split()))
            nxt = words[n] if n < len(words) else ""
            plural_head = words[n - 1].lower() in self.labels.heads and words[n - 1].lower().endswith("s")
            if nxt and not (_FUNCTION_WORD.fullmatch(nxt) or _VERBISH.fullmatch(nxt) or plural_head):
                continue  # "Associate degree programs": the phrase goes on; a shorter one is not the subject
            if self.labels.is_personish(phrase):
                key = self.occupation_key_of(phrase)
                if key is not None and key != "all occupations":
                    return ("person", key)
                return None
        return None

    def _phrasings(self, text: str, ms: list[Mention], s: Sent) -> list[Reading]:
        a, z = s.start, s.end
        if z - a > 4 * WINDOW:  # a run-on "sentence": phrasings only ever describe a short one
            return []
        parts = []
        pos = a
        for i in s.mentions:
            m = ms[i]
            if m.group:
                continue  # "the lowest 10 percent": words of the sentence, not a figure
            parts.append(text[pos:m.start])
            parts.append(f"{MARK_OPEN}{MASK[m.kind]}{i}{MARK_CLOSE}")
            pos = m.end
        parts.append(text[pos:z])
        masked = "".join(parts)
        lx = self.lex

        def stat_of(words: str) -> str | None:
            hit = lx.stat_any.search(words)
            return statistic_at(lx, hit) if hit else None

        def per_of(words: str) -> str | None:
            for name, pat in lx.per:
                if pat.search(words):
                    return name
            return None

        growth_not = lx.growth_not
        return [r for r in read(self.phrasings, masked, text[a:z].lower(), stat_of, per_of)
                if not (r.occupation and growth_not.fullmatch(_head_noun(r.occupation)))]  # "Wages are expected to"

    def _subject(self, text: str, ms: list[Mention], s: Sent) -> tuple[str, str] | None:
        """The occupation (key) a sentence states as the subject of its figures, if any."""
        sentence = text[s.start:s.end]
        first_i = next((i for i in s.mentions if ms[i].kind in FIGURES and not ms[i].group), None)
        if first_i is None:
            return None
        first = ms[first_i]
        for r in s.readings:  # a phrasing about the sentence's first figure names its subject
            key = self.occupation_key_of(r.occupation, sentence) if r.occupation and first_i in r.figures else None
            if key is not None:
                return key, f"phrasing:{r.phrasing.id}"
        head = text[max(s.start, first.start - WINDOW):first.start]
        for found in (G.of_occupation(head), G.subject_of(head)):
            if found is not None:
                key = self.occupation_key_of(found[0], sentence)
                if key is not None:
                    return key, "clause"
        return None

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
