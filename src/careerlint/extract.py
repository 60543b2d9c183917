"""Document -> Claims.

For every figure on a page this finds what it is (a median annual wage, a growth rate,
a range), whom it is about (the page's occupation, another occupation, a state, an
experience level, all occupations), and when and where it is from (vintage, projection
period, source). The meaning comes from the sentence around the figure first, then from
the page structure: table headers, definition terms, key-fact cards, captions and
"Source:" lines, the section heading, and finally the page as a whole.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict

from careerlint import patterns as P
from careerlint import scope as S
from careerlint.claims import Claim
from careerlint.document import Block, Document
from careerlint.sources import Registry

_WINDOW = 300  # characters of context read on each side of a figure
MAX_FIGURES_PER_BLOCK = 500  # figures, vintages and periods read from one block
_MULT = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "mil": 1e6}
_CARD_MAX_BLOCKS = 12
_CARD_MAX_CHARS = 700
_NOT_CARD = frozenset({"html", "body", "main", "article", "section", "table", "tbody", "thead", "tfoot",
                       "tr", "form", "nav", "header", "footer", "aside"})
_LIST_TAGS = frozenset({"ul", "ol", "dl"})
_GENERIC_LABEL = re.compile(
    r"^(?:key\s+facts?(?:\s*&\s*statistics)?|quick\s+facts?|facts?|statistics|at\s+a\s+glance|overview|summary|"
    r"snapshot|highlights?|details?|data|figures|numbers|salary|salaries|pay|wages?|outlook|job\s+outlook|"
    r"salary\s+(?:and|&)\s+outlook|career\s+outlook|earnings|compensation|total|value|amount|level|"
    r"occupation|occupational\s+title|job\s+title|title|role|position|state|location|area|region|industry|"
    r"employer|source|notes?)$",
    re.I,
)
_PERCENT_HEADER = re.compile(r"\bpercent\b|%", re.I)
_BARE_NUMBER = re.compile(r"^[-−]?\d{1,3}(?:\.\d+)?$")
_LABEL_COLON = re.compile(r"^\s*(?P<lab>[^:;.!?$£€\d][^:;!?$£€]{0,60}?)\s*[:–—-]\s*$")
_HAS_DIGIT = re.compile(r"\d")
_SOURCE_LINE = re.compile(r"^\s*(?:source|sources|data\s+source|note)s?\s*:", re.I)


def split_sentences(text: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    for m in P.SENTENCE_END.finditer(text):
        p = m.start() - 1
        while p > 0 and text[p] in "\"”’)":
            p -= 1
        if text[p] == ".":
            w = re.search(r"([\w.]+)$", text[max(0, p - 12):p])
            word = w.group(1).lower() if w else ""
            if word in P.ABBREVIATIONS or len(word) == 1:
                continue
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _parse_number(num: str) -> float:
    return float(num.replace(",", ""))


_COMBINED: dict[int, re.Pattern] = {}


def _nearest(patterns: list[tuple[str, re.Pattern]], text: str) -> tuple[str, int] | None:
    """The named pattern whose match ends nearest to the end of ``text``.

    The patterns are combined into one alternation (one scan of the text instead of one per
    pattern); at each position the first pattern listed wins, as it did when scanned apart."""
    if not text:
        return None
    combined = _COMBINED.get(id(patterns))
    if combined is None:
        combined = _COMBINED[id(patterns)] = re.compile(
            "|".join(f"(?P<g{i}>{pat.pattern})" for i, (_n, pat) in enumerate(patterns)), re.I)
    best = None
    best_i = 0
    pos = 0
    while True:
        m = combined.search(text, pos)
        if m is None:
            break
        i = int(m.lastgroup[1:]) if m.lastgroup and m.lastgroup.startswith("g") else _first_group(m)
        if best is None or m.end() > best[1] or (m.end() == best[1] and i < best_i):
            best, best_i = (patterns[i][0], m.end()), i
        pos = m.start() + 1
    return best


def _first_group(m: re.Match) -> int:
    for i, g in enumerate(m.groups()):
        if g is not None:
            return i
    return 0


_DOMAIN_PATTERNS = [("salary", P.SALARY_WORDS), ("cost", P.COST_WORDS)]
_PCT_DOMAIN_PATTERNS = [("growth", P.GROWTH_WORDS), ("cost", P.COST_WORDS), ("salary", P.SALARY_WORDS)]


class _Ctx:
    """What one block's structure says about the figures in it."""

    __slots__ = ("labels", "scope_labels", "context_blocks", "card", "list_key", "row", "occupation",
                 "section_scope")

    def __init__(self) -> None:
        self.labels: list[str] = []          # nearest first: texts that may name the statistic
        self.scope_labels: list[str] = []    # texts that name whom the figures are about
        self.context_blocks: list[int] = []  # blocks whose vintages/sources/periods apply
        self.card: int | None = None
        self.list_key: int | None = None
        self.row: tuple[int, int] | None = None
        self.occupation: str | None = None   # named by a table's caption or intro line
        self.section_scope: str | None = None  # a heading that only names a place or a level: "California"


class Extractor:
    def __init__(self, doc: Document, registry: Registry) -> None:
        self.doc = doc
        self.reg = registry
        self.page_occupation = S.page_occupation(doc.h1, doc.title, doc.meta)
        self.page_key = S.occupation_key(self.page_occupation)
        self.page_tokens = set(self.page_key.split())
        self.claims: list[Claim] = []
        self.by_block: dict[int, list[Claim]] = defaultdict(list)
        self._anchor_count: dict[tuple[int, str], int] = defaultdict(int)
        self._ctx_cache: dict[int, _Ctx] = {}
        self._numeric_blocks: set[int] = set()
        self._elem_blocks: dict[int, list[int]] = defaultdict(list)
        self._elem_chars: dict[int, int] = defaultdict(int)
        self._experience_tables: set[int] = set()
        self._sentences: dict[int, list[tuple[int, int]]] = {}
        self._uniq: dict[tuple, Claim | None] = {}
        self._neighbours: dict[int, list[int]] = {}
        self._by_sentence: dict[int, dict[int, tuple[list[int], list[Claim]]]] = {}
        self._sources: dict[int, tuple[list[int], list[Claim]]] = {}
        for b in doc.blocks:
            for k in b.ancestors:
                lst = self._elem_blocks[k]
                if len(lst) <= _CARD_MAX_BLOCKS:
                    lst.append(b.id)
                self._elem_chars[k] += len(b.text)
        self._find_experience_tables()

    # ------------------------------------------------------------------------------------
    def run(self) -> list[Claim]:
        for b in self.doc.blocks:
            self._scan_block(b)
        self._mark_disclosures()
        self._resolve_periods()
        self._resolve_vintage_sources()
        for b in self.doc.blocks:
            for c in self.by_block.get(b.id, ()):
                if c.kind in ("money", "percent"):
                    self._resolve_figure(c, b)
        return self.claims

    def _sources_between(self, bid: int, a: int, b: int) -> list[Claim]:
        """Source mentions of a block that start in [a, b) (sorted index, built once per block)."""
        index = self._sources.get(bid)
        if index is None:
            found = sorted((o for o in self.by_block.get(bid, ()) if o.kind == "source"), key=lambda o: o.start)
            index = self._sources[bid] = ([o.start for o in found], found)
        starts, found = index
        return found[bisect_left(starts, a):bisect_left(starts, b)]

    def _near(self, bid: int, si: int, c: Claim) -> list[Claim]:
        """Claims in one sentence of a block within the context window of ``c`` (indexed once per block)."""
        index = self._by_sentence.get(bid)
        if index is None:
            groups: dict[int, list[Claim]] = defaultdict(list)
            for o in self.by_block.get(bid, ()):
                groups[o.groups["sentence"][1]].append(o)
            index = self._by_sentence[bid] = {
                k: ([o.start for o in v], v) for k, v in ((k, sorted(v, key=lambda o: o.start)) for k, v in groups.items())}
        starts, found = index.get(si, ([], []))
        return found[bisect_left(starts, c.start - _WINDOW):bisect_left(starts, c.end + _WINDOW)]

    def sentences(self, b: Block) -> list[tuple[int, int]]:
        sents = self._sentences.get(b.id)
        if sents is None:
            sents = self._sentences[b.id] = split_sentences(b.text)
        return sents

    def _add(self, c: Claim) -> Claim:
        self.claims.append(c)
        self.by_block[c.block].append(c)
        return c

    def _new(self, kind: str, b: Block, start: int, end: int) -> Claim:
        text = b.text[start:end]
        line = b.line_at(start)
        anchor = text.split(" ", 1)[0]
        nth = self._anchor_count[(line, anchor)]
        self._anchor_count[(line, anchor)] = nth + 1
        c = Claim(kind, text, b.id, start, end, line, 0)
        sents = self.sentences(b)
        si = _sentence_index(sents, start)
        c.groups["sentence"] = (b.id, si)
        c.groups["sentence_span"] = sents[si]
        c.groups["anchor"] = (anchor, nth)
        c.groups["block"] = b.id
        c.groups["section"] = b.section
        return c

    # -- scanning one block ---------------------------------------------------------------
    def _scan_block(self, b: Block) -> None:
        text = b.text
        for s, e, sid in self.reg.find(text):
            c = self._new("source", b, s, e)
            c.source = sid
            self._add(c)
        if not _HAS_DIGIT.search(text):
            return
        sents = self.sentences(b)
        figures = self._money(b) + self._percents(b)
        figures.sort(key=lambda c: c.start)
        # a block with hundreds of figures is a data dump, not prose: read the first ones only
        del figures[MAX_FIGURES_PER_BLOCK:]
        if figures:
            self._numeric_blocks.add(b.id)
        self._vintages(b, sents)
        self._periods(b, sents)
        self._interpret(b, sents, figures)

    def _money(self, b: Block) -> list[Claim]:
        text = b.text
        out: list[Claim] = []
        consumed = 0
        for m in P.MONEY.finditer(text):
            if len(out) >= MAX_FIGURES_PER_BLOCK:
                break
            if m.start() < consumed:
                continue
            if m.group("num") is not None:
                cur, num, mult, plus, suf = m.group("cur"), m.group("num"), m.group("mult"), m.group("plus"), m.group("suf")
            else:
                cur, num, mult, plus, suf = None, m.group("num2"), m.group("mult2"), None, m.group("suf2")
            nxt2 = text[m.end():m.end() + 2]
            if nxt2[:1].isdigit() or (nxt2[:1] in ",." and nxt2[1:2].isdigit()):
                continue  # "$1,00,000": a grouping we cannot read safely
            currency = P.CURRENCY_PREFIX.get(cur.strip().lower()) if cur else None
            if suf:
                currency = P.CURRENCY_PREFIX.get(suf.strip().lower(), currency)
            if currency is None:
                continue
            factor = _MULT.get((mult or "").strip().lower(), 1.0)
            value = _parse_number(num) * factor
            end = m.end()
            c = self._new("money", b, m.start(), end)
            c.currency = currency
            c.value = value
            if mult:
                c.tolerance = 0.5 * factor * (10 ** -len(num.split(".")[1]) if "." in num else 1)
            # a range: "$35k - $65k+", "$3,000 – $6,000", "between $40,000 and $60,000"
            j = P.RANGE_JOIN.match(text, end)
            if j is None and P.BETWEEN_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                j = P.AND_JOIN.match(text, end)
            if j is not None:
                h = P.RANGE_HIGH.match(text, j.end())
                if h and (h.group("cur") or h.group("suf") or h.group("mult") or "," in h.group("num")):
                    hcur = h.group("cur") or h.group("suf")
                    hcurrency = P.CURRENCY_PREFIX.get(hcur.strip().lower()) if hcur else currency
                    if hcurrency == currency and not text[h.end():h.end() + 1].isdigit():
                        hfactor = _MULT.get((h.group("mult") or "").strip().lower(), 1.0)
                        high = _parse_number(h.group("num")) * hfactor
                        if not mult and hfactor > 1 and value < 1000:
                            c.value = value = value * hfactor
                            c.tolerance = 0.5 * hfactor
                        c.is_range = True
                        c.high = high
                        c.stat = "range"
                        if h.group("mult"):
                            c.tolerance = max(c.tolerance, 0.5 * hfactor)
                        end = h.end()
                        plus = h.group("plus")
                        if h.group("suf") and not suf:
                            suf = h.group("suf")
            if plus:
                if c.is_range:
                    c.open_high = True
                else:
                    c.bound = "gt"
            # a trailing currency code after a range or a "+": "$35k - $65k+ USD"
            tail = re.match(r"\s?(USD|CAD|AUD|NZD|GBP|EUR|AED)\b", text[end:end + 5])
            if tail:
                end += tail.end()
            u = P.PER_UNIT_AFTER.match(text, end)
            if u:
                word = (u.group("a") or u.group("b") or u.group("c")).lower()
                c.per = P.PER_WORDS.get(word)
                end = u.end()
            c.end = end
            c.text = text[c.start:end]
            before = text[max(0, c.start - 30):c.start]
            bm = P.BOUND_BEFORE.search(before)
            if bm and not c.is_range:
                c.bound = "gt" if bm.group("gt") else "lt"
            am = P.BOUND_AFTER.match(text, end)
            if am and not c.is_range:
                c.bound = "gt" if am.group("gt") else "lt"
            if P.HEDGE_BEFORE.search(before) or text[end:end + 1] == "+":
                c.tolerance = max(c.tolerance, _rounding_tolerance(value))
            consumed = end
            out.append(c)
        return out

    def _percents(self, b: Block) -> list[Claim]:
        text = b.text
        out = []
        for m in P.PERCENT.finditer(text):
            if len(out) >= MAX_FIGURES_PER_BLOCK:
                break
            s, e = m.start(), m.end()
            if P.PERCENTILE_BEFORE.search(text, max(0, s - 30), s) or P.PERCENTILE_AFTER.match(text[e:e + 40]):
                continue
            c = self._new("percent", b, s, e)
            v = _parse_number(m.group("num"))
            sign = m.group("sign")
            if sign and sign in "-−–":
                v = -v
            c.value = v
            c.currency = "%"
            if P.HEDGE_BEFORE.search(text, max(0, s - 25), s):
                c.tolerance = 0.5
            out.append(c)
        # bare numbers in a "Percent" column of a table
        if not out and b.cell is not None and _BARE_NUMBER.match(text):
            header = self._column_header(b)
            if header and _PERCENT_HEADER.search(header):
                c = self._new("percent", b, 0, len(text))
                c.value = _parse_number(text.replace("−", "-"))
                c.currency = "%"
                out.append(c)
        return out

    def _vintages(self, b: Block, sents: list[tuple[int, int]]) -> None:
        text = b.text
        for n, m in enumerate(P.MONTH_YEAR.finditer(text)):
            if n >= MAX_FIGURES_PER_BLOCK:
                break
            if P.PAGE_DATE_BEFORE.search(text, max(0, m.start() - 30), m.start()):
                continue
            c = self._new("vintage", b, m.start(), m.end())
            c.vintage = int(m.group("year"))
            c.vintage_text = f"{m.group('month').capitalize()} {m.group('year')}"
            c.vkind = "wage"
            self._add(c)
        for m in P.YEAR_LABEL.finditer(text):
            y = m.group("y1") or m.group("y2")
            low = m.group(0).lower()
            if "employment" in low or "jobs" in low:
                if re.search(r"projected\s+employment", text[max(0, m.start() - 12):m.end()], re.I):
                    continue
                kind = "employment"
            else:
                kind = "wage"
            ys = m.start("y1") if m.group("y1") else m.start("y2")
            c = self._new("vintage", b, ys, ys + 4)
            c.vintage = int(y)
            c.vintage_text = y
            c.vkind = kind
            self._add(c)
        # a header cell that is only a year or a month-year: a history table
        if b.cell is not None and b.header and P.YEAR.fullmatch(text.strip()):
            c = self._new("vintage", b, 0, len(text))
            c.vintage = int(text.strip())
            c.vintage_text = text.strip()
            c.vkind = "wage"
            self._add(c)

    def _periods(self, b: Block, sents) -> None:
        text = b.text
        for n, m in enumerate(P.PERIOD.finditer(text)):
            if n >= MAX_FIGURES_PER_BLOCK:
                break
            a = int(m.group("a"))
            bs = m.group("b")
            bv = int(bs) if len(bs) == 4 else (a // 100) * 100 + int(bs)
            if len(bs) == 2 and bv < a:
                bv += 100
            joiner = text[m.end("a"):m.start("b")].strip().lower()
            if joiner == "and" and (m.group("kw") or "").lower() != "between":
                continue
            if not (1 <= bv - a <= 20):
                continue
            c = self._new("period", b, m.start("a") if not m.group("kw") else m.start(), m.end())
            c.period = (a, bv)
            sent = _sentence_at(text, sents, m.start(), m.end())
            c.forecast = bool(P.FORECAST.search(sent))
            c.past = bool(P.PAST_FORECAST.search(sent))
            self._add(c)

    # -- meaning -----------------------------------------------------------------------------
    def _interpret(self, b: Block, sents, figures: list[Claim]) -> None:
        text = b.text
        ctx = self._context(b)
        block_occ: str | None = ctx.occupation
        prev: Claim | None = None
        prev_sent = -1
        for i, c in enumerate(figures):
            si = _sentence_index(sents, c.start)
            s0, s1 = sents[si]
            if si != prev_sent:
                prev = None
                prev_sent = si
            p_start = prev.end if prev is not None else s0
            nxt = figures[i + 1].start if i + 1 < len(figures) and figures[i + 1].start < s1 else s1
            # context is clipped to a window around the figure, so a page made of one endless
            # sentence costs linear time
            suffix = text[c.end:min(nxt, c.end + _WINDOW)]
            sent_prefix = text[max(s0, c.start - _WINDOW):c.start]
            sentence = text[max(s0, c.start - _WINDOW):min(s1, c.end + _WINDOW)]
            p_start = max(p_start, c.start - _WINDOW)
            prefix = text[p_start:c.start]
            c.groups["sentence"] = (b.id, si)
            c.groups["card"] = ctx.card
            c.groups["list"] = ctx.list_key
            c.groups["row"] = ctx.row

            # the same figure in another unit, right after the first: "$59,310 per year $28.51 per hour"
            c.groups["written_per"] = c.per
            same_figure = (prev is not None and prev.kind == c.kind and c.kind == "money"
                           and re.fullmatch(r"[\s(/,]*(?:or|and|/)?[\s(]*(?:approximately|about|roughly|approx\.?|~)?\s*", prefix)
                           and (prev.groups.get("written_per") != c.per or prev.currency != c.currency))
            if c.kind == "money" and prev is None and not prefix.strip() and si == 0:
                same_figure = self._alternate_of_previous_block(b, c)
                if same_figure:
                    prev = same_figure
            label_parts = [prefix.strip()]

            # statistic
            stat = c.stat
            if stat is None:
                hit = _nearest(P.STAT_PATTERNS, prefix)
                if hit is None and same_figure:
                    stat = prev.stat
                elif hit is not None:
                    stat = hit[0]
            if stat is None and not same_figure:
                # "California: $53,350 median"
                hit = _nearest(P.STAT_PATTERNS, re.split(r"[,;.()]", suffix, maxsplit=1)[0][:24])
                if hit is not None and hit[0] in P.STAT_RANK:
                    stat = hit[0]
            if stat is None and not same_figure:
                for lab in ctx.labels:
                    hit = _nearest(P.STAT_PATTERNS, lab)
                    if hit:
                        stat = hit[0]
                        label_parts.append(lab)
                        break
            # domain
            if c.kind == "money":
                dom = _nearest(_DOMAIN_PATTERNS, sent_prefix) or _first_hit(_DOMAIN_PATTERNS, suffix)
                if dom is None and same_figure:
                    c.domain = prev.domain
                else:
                    if dom is None:
                        for lab in ctx.labels:
                            dom = _nearest(_DOMAIN_PATTERNS, lab)
                            if dom:
                                break
                    c.domain = dom[0] if dom else ("salary" if stat in P.STAT_RANK else "other")
                if stat in P.STAT_RANK and c.domain == "other":
                    c.domain = "salary"
            else:
                dom = _nearest(_PCT_DOMAIN_PATTERNS, prefix) or _first_hit(_PCT_DOMAIN_PATTERNS, suffix[:40])
                if dom is None:
                    for lab in ctx.labels:
                        dom = _nearest(_PCT_DOMAIN_PATTERNS, lab)
                        if dom:
                            break
                c.domain = dom[0] if dom else "other"
                if c.domain == "growth" and (P.SALARY_WORDS.search(prefix) or P.COST_WORDS.search(prefix)):
                    c.domain = "other"  # "wages are expected to increase 12%": a pay change, not job growth
                if c.domain == "growth":
                    stat = "growth"
                    if c.value is not None and c.value > 0 and not c.text.lstrip().startswith(("+", "-", "−")):
                        near = text[max(s0, c.start - 40):c.start]
                        if P.DECLINE_WORDS.search(near) and not P.GROWTH_WORDS.search(near.split("declin")[-1] if "declin" in near else ""):
                            c.value = -c.value
                        elif re.match(r"\s*\((?:decline|decrease)\)", suffix, re.I):
                            c.value = -c.value
            c.stat = stat
            c.label = " | ".join(p for p in label_parts if p)
            if c.domain == "growth":
                self._describe(b, c, text[c.end:min(s1, c.end + _WINDOW)], sents, si, ctx)

            # unit of time
            if c.kind == "money" and c.per is None:
                pm = None
                for pm in P.PER_IN_LABEL.finditer(prefix):
                    pass
                if pm is None:
                    for lab in ctx.labels:
                        pm = P.PER_IN_LABEL.search(lab)
                        if pm:
                            break
                if pm is not None:
                    c.per = _per_from_word(pm.group(1))
                elif c.domain == "salary" and c.value is not None:
                    if c.value < 300:
                        c.per = "hour"
                    elif c.value >= 10000:
                        c.per = "year"

            # whom it is about
            if same_figure and prev is not None:
                c.occupation, c.qualifier = prev.occupation, prev.qualifier
            else:
                occ = S.occupation_in(sent_prefix)
                inc = S.includes_clause(sentence)
                if occ is not None:
                    block_occ = occ
                c.occupation = self._occupation_key(block_occ, inc)
                own = prefix
                if prev is not None:
                    # "$95,000 in California and $80,000 in Texas": what follows a figure up to
                    # the next conjunction is that figure's
                    own = re.split(r"[,;]|\b(?:and|or|while|whereas|but|versus|vs\.?)\b", prefix)[-1]
                c.qualifier = self._qualifier(own, sent_prefix, suffix, occ, ctx, c)
                if P.RESPECTIVELY.search(sentence):
                    c.qualifier = (c.qualifier + f" #{i}").strip()
            c.groups["scope"] = c.scope_key
            self._add(c)
            prev = c

    def _describe(self, b: Block, c: Claim, rest: str, sents, si: int, ctx: _Ctx) -> None:
        """The words describing a growth rate: "(As fast as average)", "much faster than the average"."""
        places = [(rest[:120], b)]
        if si + 1 < len(sents):
            nxt = b.text[sents[si + 1][0]:sents[si + 1][1]]
            if re.match(r"(?:this|that|the)\s+(?:growth|rate|increase|pace|figure|projection|is|was|would)\b", nxt, re.I):
                places.append((nxt, b))
        if ctx.card is not None:
            for bid in sorted(x for x in ctx.context_blocks if x > b.id):
                places.append((self.doc.blocks[bid].text[:120], self.doc.blocks[bid]))
        for text, blk in places:
            best = None
            for name, pat in P.DESCRIPTORS:
                m = pat.search(text)
                if m and (best is None or m.start() < best[1].start()):
                    best = (name, m)
            if best is not None:
                c.groups["descriptor"] = (best[0], best[1].group(0))
                return

    def _alternate_of_previous_block(self, b: Block, c: Claim) -> Claim | None:
        """A value block right after another value block in the same card: "$50,250" then "$24.16/hr"."""
        ctx = self._context(b)
        if ctx.card is None or b.id == 0:
            return None
        pb = self.doc.blocks[b.id - 1]
        prevs = self.by_block.get(pb.id)
        if not prevs or self._context(pb).card != ctx.card:
            return None
        last = prevs[-1]
        if last.kind == "money" and (last.groups.get("written_per") != c.per or last.currency != c.currency) and \
                not pb.text[last.end:].strip(" )"):
            return last
        return None

    def _occupation_key(self, occ: str | None, inc: str | None) -> str:
        if inc is not None and S.occupation_key(inc) == self.page_key:
            return ""
        if occ is None:
            return ""
        key = S.occupation_key(occ)
        if not key or key == self.page_key:
            return ""
        return key

    def _qualifier(self, prefix: str, sent_prefix: str, suffix: str, occ: str | None, ctx: _Ctx, c: Claim) -> str:
        # structure first: a row header, a definition term, a card title
        for lab in ctx.scope_labels:
            q = self._label_scope(lab, ctx)
            if q is not None:
                return q
        # "California: $60,000", "Hospitals: $55,000"
        lm = _LABEL_COLON.match(prefix)
        if lm and not _is_stat_label(lm.group("lab")):
            q = self._label_scope(lm.group("lab"), ctx)
            if q is not None:
                return q
        q = self._qualifier_in(prefix, occ)
        if q is None:
            q = self._qualifier_after(suffix, occ)
        if q is None:
            q = self._qualifier_in(sent_prefix, occ)
        if q is None and ctx.section_scope:
            q = ctx.section_scope
        return q or ""

    def _qualifier_in(self, text: str, occ: str | None) -> str | None:
        """Scope words in the text before a figure, or its subject ("Nurses earn ...")."""
        t = text
        if occ:
            t = t.replace(occ, " ")
        if self.page_occupation:
            t = re.sub(r"\b" + re.escape(self.page_occupation) + r"(?:s|es)?\b", " ", t, flags=re.I)
        q = _scope_words(t)
        if q is None:
            subj = S.earn_subject(S.NATIONAL.sub(" ", t))
            if subj and S.occupation_key(subj) not in ("", self.page_key):
                q = "subject:" + S.occupation_key(subj)
        return q

    def _qualifier_after(self, suffix: str, occ: str | None) -> str | None:
        """Scope words right after a figure: "$95,000 in California", "... for entry-level nurses"."""
        after = re.split(r"[,;.:!?()]|\b(?:while|whereas|but|compared)\b", suffix, maxsplit=1)[0][:80]
        if occ:
            after = after.replace(occ, " ")
        if re.search(r"\bas\s+(?:fast|slow)", after):
            return None  # "about as fast as the average for all occupations" describes the rate
        return _scope_words(after)

    def _label_scope(self, label: str, ctx: _Ctx) -> str | None:
        """The scope a structural label gives, '' for the page default, None if it names none."""
        lab = " ".join(label.split()).strip(" :")
        if not lab or _is_stat_label(lab) or _GENERIC_LABEL.match(lab):
            return None
        if P.YEAR.fullmatch(lab) or P.MONTH_YEAR.fullmatch(lab):
            return None
        cls = S.classify_label(lab)
        if cls is None:
            return ""
        kind, key = cls
        if kind != "label":
            return f"{kind}:{key}"
        if ctx.row is not None and ctx.row[0] in self._experience_tables:
            return "experience:" + key
        okey = S.occupation_key(lab)
        if okey == self.page_key:
            return ""
        toks = set(okey.split())
        if self.page_tokens and self.page_tokens <= toks and toks - self.page_tokens <= {
                "quick", "fact", "key", "statistic", "glance", "overview", "summary", "data", "snapshot",
                "profile", "at"}:
            return ""
        if S.EXPERIENCE.search(lab):
            return "experience:" + key
        return "label:" + key

    # -- structure ---------------------------------------------------------------------------
    def _column_header(self, b: Block) -> str:
        tid, r, col = b.cell
        t = self.doc.tables[tid]
        return t.column_header(col, self.doc) if r >= t.header_rows else ""

    def _context(self, b: Block) -> _Ctx:
        ctx = self._ctx_cache.get(b.id)
        if ctx is not None:
            return ctx
        ctx = _Ctx()
        blocks = self.doc.blocks
        tags = self.doc.tags
        if b.cell is not None and b.cell[0] >= 0:
            tid, r, col = b.cell
            t = self.doc.tables[tid]
            ctx.row = (tid, r)
            row = t.grid[r] if r < len(t.grid) else []
            # row header: th cells to the left, else the first text cell
            row_header = None
            for cc in range(min(col, len(row))):
                bid = row[cc]
                if bid is None or bid == b.id:
                    continue
                cb = blocks[bid]
                if cb.header or (row_header is None and not _HAS_DIGIT.search(cb.text[:3]) and
                                 bid not in self._numeric_blocks):
                    row_header = bid
                    if cb.header:
                        break
            col_header = t.column_header(col, self.doc) if r >= t.header_rows else ""
            if col_header:
                ctx.labels.append(col_header)
            if row_header is not None:
                ctx.labels.append(blocks[row_header].text)
                ctx.context_blocks.append(row_header)
                if _is_stat_label(blocks[row_header].text):
                    if col_header and not _is_stat_label(col_header):
                        ctx.scope_labels.append(col_header)
                else:
                    ctx.scope_labels.append(blocks[row_header].text)
            for rr in range(t.header_rows):
                if col < len(t.grid[rr]) and t.grid[rr][col] is not None:
                    ctx.context_blocks.append(t.grid[rr][col])
            if t.caption is not None:
                ctx.labels.append(blocks[t.caption].text)
                ctx.context_blocks.append(t.caption)
                ctx.occupation = S.occupation_in(blocks[t.caption].text)
            for nb in self._table_neighbours(t):
                ctx.context_blocks.append(nb)
                if blocks[nb].text.rstrip().endswith(":"):
                    ctx.labels.append(blocks[nb].text)
                    if ctx.occupation is None:
                        ctx.occupation = S.occupation_in(blocks[nb].text)
        # a definition term for the value in a <dd>
        anc = b.ancestors
        dd_key = next((k for k in reversed(anc) if tags[k] == "dd"), None)
        if dd_key is not None or b.tag == "dd":
            dt = self._dt_for(b)
            if dt is not None:
                ctx.labels.append(blocks[dt].text)
                ctx.scope_labels.append(blocks[dt].text)
                ctx.context_blocks.append(dt)
        ctx.list_key = next((k for k in reversed(anc) if tags[k] in _LIST_TAGS), None)
        # the key-fact card this block sits in
        card = self._card_of(b)
        ctx.card = card
        if card is not None:
            members = self._elem_blocks[card]
            for bid in reversed(members):
                if bid == b.id:
                    continue
                ctx.context_blocks.append(bid)
                ob = blocks[bid]
                if bid < b.id and ob.tag != "dt" and len(ob.text) <= 80 and bid not in self._numeric_blocks:
                    ctx.labels.append(ob.text)
                    if ob.tag in ("h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "figcaption", "caption"):
                        rest = _without_stat_words(ob.text)
                        if rest:
                            ctx.scope_labels.append(rest)
        # the section heading
        if b.section >= 0 and b.section != b.id:
            head = blocks[b.section].text
            if b.id - b.section <= 8 and len(b.text) <= 120:  # a short list or table right under it
                ctx.section_scope = _heading_scope(head)
            if len(b.text) <= 60 or b.cell is not None:
                ctx.labels.append(head)
            ctx.context_blocks.append(b.section)
        self._ctx_cache[b.id] = ctx
        return ctx

    def _dt_for(self, b: Block) -> int | None:
        blocks = self.doc.blocks
        tags = self.doc.tags
        dl = next((k for k in reversed(b.ancestors) if tags[k] == "dl"), None)
        for bid in range(b.id - 1, max(-1, b.id - 30), -1):
            ob = blocks[bid]
            if dl is not None and dl not in ob.ancestors:
                return None
            if ob.tag == "dt":
                return bid
            if ob.tag == "dd" and b.tag == "dd":
                return None
        return None

    def _card_of(self, b: Block) -> int | None:
        tags = self.doc.tags
        best = None
        for k in reversed(b.ancestors):
            tag = tags[k]
            if tag in _NOT_CARD:
                break
            n = len(self._elem_blocks[k])
            if n > _CARD_MAX_BLOCKS or self._elem_chars[k] > _CARD_MAX_CHARS:
                break
            if n >= 2:
                best = k
        return best

    def _table_neighbours(self, t) -> list[int]:
        """The intro line before a table and its "Source:" line after it."""
        cached = self._neighbours.get(t.id)
        if cached is None:
            cached = self._neighbours[t.id] = self._find_table_neighbours(t)
        return cached

    def _find_table_neighbours(self, t) -> list[int]:
        out = []
        blocks = self.doc.blocks
        ids = [bid for row in t.grid for bid in row if bid is not None]
        if not ids:
            return out
        first, last = min(ids), max(ids)
        if t.caption is not None:
            first = min(first, t.caption)
        before = first - 1
        if before >= 0 and blocks[before].cell is None and blocks[before].tag not in ("h1", "h2", "h3", "h4", "h5", "h6"):
            out.append(before)
            if before - 1 >= 0 and blocks[before].section == blocks[before - 1].section and \
                    blocks[before - 1].cell is None and len(blocks[before].text) < 80:
                out.append(before - 1)
        after = last + 1
        for k in range(after, min(after + 2, len(blocks))):
            ab = blocks[k]
            if ab.cell is None and (_SOURCE_LINE.match(ab.text) or self.reg.find(ab.text)) and len(ab.text) < 300:
                out.append(k)
                break
        return out

    def _find_experience_tables(self) -> None:
        for t in self.doc.tables:
            hits = 0
            for r in range(t.header_rows, len(t.grid)):
                row = t.grid[r]
                if row and row[0] is not None:
                    if S.EXPERIENCE.search(self.doc.blocks[row[0]].text):
                        hits += 1
            if hits >= 2:
                self._experience_tables.add(t.id)

    # -- vintages, periods, sources of a figure -------------------------------------------
    def _mark_disclosures(self) -> None:
        """'Wage data ... were updated most recently in May 2017': that vintage is the latest there is."""
        disclosed: set[int] = set()
        for c in self.claims:
            if c.kind == "vintage":
                b = self.doc.blocks[c.block]
                if P.DISCLOSED_LATEST.search(_sentence_at(b.text, self.sentences(b), c.start, c.end)):
                    disclosed.add(c.vintage)
        for c in self.claims:
            if c.kind == "vintage" and c.vintage in disclosed:
                c.disclosed = True

    def _resolve_periods(self) -> None:
        """A period is a projection when it is stated as one or labels growth figures."""
        for c in self.claims:
            if c.kind != "period":
                continue
            b = self.doc.blocks[c.block]
            if c.forecast:
                c.vkind = "projection"
                continue
            ctx = self._context(b)
            labels = " ".join([b.text[max(0, c.start - _WINDOW):c.end + _WINDOW]] + ctx.labels)
            near_growth = any(o.kind == "percent" and o.domain == "growth" for o in self.by_block.get(b.id, ()))
            if not near_growth and ctx.card is not None:
                near_growth = any(o.kind == "percent" and o.domain == "growth"
                                  for bid in ctx.context_blocks for o in self.by_block.get(bid, ()))
            if near_growth or re.search(r"\b(?:outlook|projected|projections?|forecast)\b", labels, re.I):
                c.vkind = "projection"
                c.forecast = not c.past

    def _resolve_vintage_sources(self) -> None:
        """Which source a vintage or projection period is cited from: its sentence, block, card or table."""
        for c in self.claims:
            if c.kind not in ("vintage", "period") or (c.kind == "period" and c.vkind != "projection"):
                continue
            kind = c.vkind or "wage"
            b = self.doc.blocks[c.block]
            sents = self.sentences(b)
            si = _sentence_index(sents, c.start)
            cl0, cl1 = _clause(b.text, sents[si], c)
            s0, s1 = sents[si]
            w0, w1 = c.start - _WINDOW, c.end + _WINDOW
            tiers = [
                self._sources_between(b.id, max(cl0, w0), min(cl1, w1)),
                self._sources_between(b.id, max(s0, w0), min(s1, w1)),
                self._sources_between(b.id, w0, w1),
                [o for bid in self._context(b).context_blocks[:40] for o in self._sources_between(bid, 0, 1 << 30)[:20]],
            ]
            for cands in tiers:
                fitting = [o for o in cands if kind in self.reg.sources[o.source].kinds]
                if fitting:
                    specific = [o for o in fitting if o.source != "bls"] or fitting
                    c.source = min(specific, key=lambda o: (o.block != c.block, abs(o.start - c.start))).source
                    break

    def _resolve_figure(self, c: Claim, b: Block) -> None:
        ctx = self._context(b)
        sents = self.sentences(b)
        si = _sentence_index(sents, c.start)
        own = [o for o in self._near(b.id, si, c) if o.kind in ("vintage", "period")]
        if c.kind == "money" and c.domain == "salary":
            v = _closest([o for o in own if o.kind == "vintage"], c)
            if v is None:
                v = self._from_blocks(ctx.context_blocks, "vintage")
            if v is None:
                v = self._unique_in_section(b.section, "vintage")
            if v is None:
                v = self._unique_in_page("vintage")
            if v is not None:
                c.vintage, c.vintage_text = v.vintage, v.vintage_text
        if c.kind == "percent" and c.domain == "growth":
            p = _closest([o for o in own if o.kind == "period"], c)
            if p is None:
                p = self._from_blocks(ctx.context_blocks, "period")
            if p is None:
                p = self._unique_in_section(b.section, "period", projection=True)
            if p is None:
                p = self._unique_in_page("period", projection=True)
            if p is not None:
                c.period = p.period
        cl0, cl1 = _clause(b.text, sents[si], c)
        s0, s1 = sents[si]
        w0, w1 = c.start - _WINDOW, c.end + _WINDOW
        s = _closest(self._sources_between(b.id, max(cl0, w0), min(cl1, w1)), c)
        if s is None:
            s = _closest(self._sources_between(b.id, max(s0, w0), min(s1, w1)), c)
        if s is None:
            s = self._from_blocks(ctx.context_blocks, "source")
        if s is not None:
            c.source = s.source

    def _from_blocks(self, bids: list[int], kind: str) -> Claim | None:
        for bid in bids:
            for o in self.by_block.get(bid, ()):
                if o.kind == kind and (kind != "vintage" or o.vkind == "wage"):
                    return o
        return None

    def _unique_in_section(self, section: int, kind: str, projection: bool = False) -> Claim | None:
        key = ("sec", section, kind)
        cache = self._uniq
        if key not in cache:
            found = [c for c in self.claims if c.kind == kind and c.groups.get("section") == section
                     and (not projection or c.vkind == "projection") and (kind != "vintage" or c.vkind == "wage")]
            cache[key] = _only(found, kind)
        return cache[key]

    def _unique_in_page(self, kind: str, projection: bool = False) -> Claim | None:
        key = ("page", kind)
        cache = self._uniq
        if key not in cache:
            found = [c for c in self.claims if c.kind == kind and (not projection or c.vkind == "projection")
                     and (kind != "vintage" or c.vkind == "wage")]
            cache[key] = _only(found, kind)
        return cache[key]


def _heading_scope(head: str) -> str | None:
    """A heading that only names a place, all occupations or an experience level ("California",
    "Entry level"); topical headings ("Market commentary") name no scope."""
    cls = S.classify_label(head)
    if cls is not None and cls[0] in ("geography", "population"):
        return f"{cls[0]}:{cls[1]}"
    h = head.strip()
    if len(h) <= 40 and S.EXPERIENCE.match(h) and not _is_stat_label(h):
        return "experience:" + h.lower()
    return None


def _scope_words(t: str) -> str | None:
    """The first scope a stretch of text names: all occupations, a place, an experience level, an industry."""
    if not t.strip():
        return None
    if S.ALL_POPULATION.search(t):
        return "population:all occupations"
    place = S.place_in(S.NATIONAL.sub(" ", t))
    if place:
        return "geography:" + place
    for kind, pat in (("experience", S.EXPERIENCE), ("industry", S.INDUSTRY)):
        m = pat.search(t)
        if m:
            return f"{kind}:{m.group(0).lower()}"
    return None


def _only(found: list[Claim], kind: str) -> Claim | None:
    if not found:
        return None
    if kind == "vintage":
        vals = {c.vintage for c in found}
    else:
        vals = {c.period for c in found}
    return found[0] if len(vals) == 1 else None


def _clause(text: str, sent: tuple[int, int], c: Claim) -> tuple[int, int]:
    """The part of a sentence between semicolons that holds ``c``."""
    s0, s1 = sent
    cl0 = text.rfind(";", s0, c.start) + 1 or s0
    cl1 = text.find(";", c.end, s1)
    return cl0, (s1 if cl1 < 0 else cl1)


def _closest(cands: list[Claim], c: Claim) -> Claim | None:
    if not cands:
        return None
    return min(cands, key=lambda o: abs(o.start - c.start))


def _first_hit(patterns, text: str):
    best = None
    for name, pat in patterns:
        m = pat.search(text)
        if m and (best is None or m.start() < best[1]):
            best = (name, m.start())
    return best


def _per_from_word(word: str) -> str | None:
    w = word.lower()
    if "hour" in w:
        return "hour"
    if "month" in w:
        return "month"
    if "week" in w:
        return "week"
    if "year" in w or "annual" in w:
        return "year"
    return None


def _rounding_tolerance(value: float) -> float:
    v = int(abs(value))
    if v == 0:
        return 0.0
    zeros = 0
    while v % 10 == 0 and zeros < 6:
        v //= 10
        zeros += 1
    return 0.5 * (10 ** zeros) if zeros else 0.0


_STAT_LABEL = re.compile(
    r"\b(?:pay|wages?|salary|salaries|earnings|income|growth|outlook|employment|jobs|openings|change|"
    r"percent|projected|projections?)\b|%|\$", re.I)


_STAT_FILLER = re.compile(
    r"\b(?:by|of|for|the|and|in|per|a|an|level|levels|annual|hourly|yearly|monthly|typical|national|u\.?s\.?|"
    r"range|ranges|starting|entry[- ]level|new|data|facts?|statistics|key|quick|at|glance|overview|summary|"
    r"snapshot|source|sources|note|notes|openings|jobs|employment|number)\b|[&:()/|,.–—-]", re.I)


def _without_stat_words(text: str) -> str:
    """'Nurse practitioner salary' -> 'Nurse practitioner'; 'Median Salary' -> ''."""
    t = text
    for _name, pat in P.STAT_PATTERNS:
        t = pat.sub(" ", t)
    t = _STAT_LABEL.sub(" ", t)
    t = P.SALARY_WORDS.sub(" ", t)
    t = P.GROWTH_WORDS.sub(" ", t)
    t = _STAT_FILLER.sub(" ", t)
    t = re.sub(r"\d+", " ", t)
    return " ".join(t.split())


def _is_stat_label(text: str) -> bool:
    """A label that names a statistic ('2024 Median Pay', 'Top 10% annual'), not whom it is about."""
    return bool(_nearest(P.STAT_PATTERNS, text) or _STAT_LABEL.search(text))


def _sentence_index(sents: list[tuple[int, int]], pos: int) -> int:
    lo, hi = 0, len(sents) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sents[mid][0] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _sentence_at(text: str, sents, pos: int, end: int | None = None) -> str:
    """The sentence holding ``pos``, clipped to a window around it."""
    s0, s1 = sents[_sentence_index(sents, pos)]
    end = pos if end is None else end
    return text[max(s0, pos - _WINDOW):min(s1, end + _WINDOW)]


def extract(doc: Document, registry: Registry) -> list[Claim]:
    return Extractor(doc, registry).run()
