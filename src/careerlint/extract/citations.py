"""Citations: which vintages and periods on a page date data ("May 2023", "(BLS, 2022)", "2022–2032",
"through 2032"), and which source each is cited from. These are what stale-source and
expired-projection judge. A year that dates something else ("since 2018", "Updated March 2025",
"© 2026", a career span) is never a citation; when unsure, it is not one.
"""

from __future__ import annotations

import re

from careerlint import rxcache
from careerlint.claims import Claim
from careerlint.extract.reader import FIGURES, Reader

_DATA_WORDS = rxcache.compile(r"\b(?:data|statistics|estimates?|survey|figures?|according\s+to|as\s+of|source|wages?|"
                         r"salar(?:y|ies)|pay|earn\w*|income|median|average)\b", re.I)
# "for example, May 2019 data": an illustration, not a citation
_EXAMPLE = rxcache.compile(r"\b(?:for\s+example|for\s+instance|e\.g\.|such\s+as)\b[^.;]*$", re.I)
_COPYRIGHT = rxcache.compile(r"(?:©|\(c\)|copyright|&copy;)\s*$", re.I)
# "Our 2025 version of this list used May 2023 data": the history of the page, not a citation
_EDITION_NOTE = rxcache.compile(r"\b(?:previous|earlier|older|prior|original|first|last\s+year['’]?s)\s+(?:version|edition|update|"
                           r"list|article|post|guide)|\b(?:our|the|this)\s+(?:19|20)\d\d\s+(?:version|edition|update|list|"
                           r"guide)\b|\bused\s+(?:\w+\s+){0,3}data\b", re.I)
# a day's date: "April 18, 2024", "18 April 2024", "2024-04-18"
_FULL_DATE = rxcache.compile(r"\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d|"
                        r"\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d\d|"
                        r"(?:19|20)\d\d-\d\d-\d\d)\b")
_OUTLOOK = rxcache.compile(r"\b(?:outlook|projected|projections?|forecasts?|growth|employment\s+change|percent\s+change)\b",
                      re.I)


def read(rd: Reader, resolver) -> list[Claim]:
    out: list[Claim] = []
    doc = rd.doc
    for b in doc.blocks:
        for s, e, sid in rd.sources_in(b.id):
            c = Claim("source", b.text[s:e], b.id, s, e, b.line_at(s), source=sid, section=b.section)
            c.anchor = resolver._anchor(b, c)
            out.append(c)
    used_periods = {(c.block, c.period) for c in rd.figures if c.period is not None}
    used_period_values = {c.period for c in rd.figures if c.period is not None and c.domain == "growth"}
    disclosed: set[int] = set()
    for bid, ms in rd.mentions.items():
        b = doc.blocks[bid]
        sents = rd.sents[bid]
        if _in_dated_entry(rd, b):
            continue
        for si, s in enumerate(sents):
            for i in s.mentions:
                m = ms[i]
                if m.kind in FIGURES:
                    continue
                # a window of the sentence around the mention: a page of one endless sentence stays linear
                sentence = b.text[max(s.start, m.start - 300):min(s.end, m.end + 300)]
                c = None
                if m.kind == "vintage" and _data_vintage(rd, resolver, bid, i, s, sentence):
                    c = _claim(b, m, "vintage")
                    c.vintage = m.year
                    c.vintage_text = " ".join(b.text[m.start:m.end].split()) if m.month else str(m.year)
                    c.vkind = "employment" if m.label == "employment" else "wage"
                    if rd.lex.disclosed_latest.search(sentence):
                        disclosed.add(m.year)
                elif m.kind == "year" and _cited_year(rd, resolver, bid, i):
                    c = _claim(b, m, "vintage")
                    c.vintage, c.vintage_text, c.vkind = m.year, str(m.year), "wage"
                elif m.kind == "period":
                    c = _period(rd, b, m, s, sentence, (bid, m.period) in used_periods, used_period_values)
                if c is None:
                    continue
                c.anchor = resolver._anchor(b, c)
                c.sentence = si
                c.source = _source_of(rd, resolver, b, s, m, c)
                out.append(c)
    for c in out:
        if c.kind == "vintage" and c.vintage in disclosed:
            c.disclosed = True
    return out


def _in_dated_entry(rd: Reader, b) -> bool:
    """A block under a heading that is a full date ("### 2024.2 — April 18, 2024", "## Update, 2023-06-05"):
    an entry of a changelog or an update log, which says what was current on that day."""
    heads = rd.structure.headings(b)
    if not heads:
        return False
    h = rd.doc.blocks[heads[0]]
    if h.tag == "h1":
        return False
    if len(h.text) <= 80 and _FULL_DATE.search(h.text):
        return True
    # "## Issue #83: What the new projections say" over "September 9, 2024": a dated issue of an archive
    # (two such headings at least: one dated heading may be a post's own title under the site's name)
    if not _dated_by_next_line(rd, h) or b.id == h.id + 1:
        return False
    memo = rd.dated_heads
    if h.tag not in memo:
        memo[h.tag] = sum(1 for x in rd.doc.blocks if x.tag == h.tag and _dated_by_next_line(rd, x))
    return memo[h.tag] >= 2


def _dated_by_next_line(rd: Reader, h) -> bool:
    """A heading whose next block is its date and nothing else ("May 5, 2025", "Sent 2024-09-09")."""
    after = rd.doc.blocks[h.id + 1] if h.id + 1 < len(rd.doc.blocks) else None
    return after is not None and after.section == h.id and len(after.text) <= 40 and \
        bool(_FULL_DATE.search(after.text)) and \
        _FULL_DATE.sub("", after.text).strip(" ,·|–—-:").lower() in ("", "posted", "sent", "published")


def _claim(b, m, kind: str) -> Claim:
    return Claim(kind, b.text[m.start:m.end], b.id, m.start, m.end, b.line_at(m.start), section=b.section)


def _data_vintage(rd: Reader, resolver, bid: int, i: int, s, sentence: str) -> bool:
    """A month-year or year label that dates data: a figure took it, or its sentence, row or card
    is about pay or cites a source; never a page's own date ("Updated March 2025")."""
    m = rd.mentions[bid][i]
    sc = resolver.scoping
    if sc._page_date(bid, m) or _EXAMPLE.search(rd.doc.blocks[bid].text, max(0, m.start - 60), m.start):
        return False
    if _EDITION_NOTE.search(sentence) or rd.lex.history_markers.search(sentence):
        return False
    if m.label in ("wage", "employment"):
        return True
    ms = rd.mentions[bid]
    if any(ms[j].kind == "money" and abs(ms[j].start - m.start) < 300 for j in s.mentions) or \
            rd.sources_in_span(bid, max(s.start, m.start - 300), min(s.end, m.end + 300)):
        return True
    if _DATA_WORDS.search(sentence):
        return True
    b = rd.doc.blocks[bid]
    u = rd.structure.unit(b)
    near = [other for step, other in u.carriers if step in ("table-row", "card")]
    if b.cell is not None and b.cell[0] >= 0:  # a year column of a wage table dates its row's figures
        t = rd.doc.tables[b.cell[0]]
        near += [x for x in (t.grid[b.cell[1]] if b.cell[1] < len(t.grid) else []) if x is not None]
    return any(rd.by_mention.get((other, j)) is not None and rd.by_mention[(other, j)].domain == "salary"
               for other in near for j in range(len(rd.mentions.get(other, ()))))


def _cited_year(rd: Reader, resolver, bid: int, i: int) -> bool:
    """A bare year some wage figure took as its vintage, or one written with its source or the word
    data: "(BLS, 2022)", "2019 BLS figures", "2021 data from the BLS", "according to 2023 data"."""
    if (bid, i) in rd.used_years:
        return True
    m = rd.mentions[bid][i]
    ms = rd.mentions[bid]
    sent = next((x for x in rd.sents[bid] if x.start <= m.start < x.end), None)
    if sent is not None and any(ms[j].kind in FIGURES for j in sent.mentions) and \
            not any(ms[j].kind == "money" for j in sent.mentions):
        return False  # "In 2014, the BLS had projected 16 percent growth": a year of a sentence about growth
    text = rd.doc.blocks[bid].text
    if not resolver.scoping._is_vintage(bid, i):
        return False
    before, after = text[max(0, m.start - 20):m.start], text[m.end:m.end + 30]
    if rd.sources_in_span(bid, m.start - 12, m.end + 12):
        return True
    return bool(re.match(r"\s*\)?\s*(?:[A-Z]{2,5}\s+)?(?:wage\s+|salary\s+|pay\s+|employment\s+)?"
                         r"(?:data|figures|statistics|stats|estimates|numbers)\b", after, re.I)) or \
        bool(re.search(r"according\s+to\s*(?:the\s+)?$", before, re.I))


def _period(rd: Reader, b, m, s, sentence: str, attached: bool, used: set) -> Claim | None:
    """A period is a projection when a growth figure took it, or it is stated as one."""
    lex = rd.lex
    if _COPYRIGHT.search(b.text, max(0, m.start - 16), m.start):
        return None  # "© 2019–2026 PathwayPay"
    clause = next((cl for cl in s.clauses if cl[0] <= m.start < cl[1]), (s.start, s.end))
    clause_text = b.text[max(clause[0], m.start - 300):min(clause[1], m.end + 300)]
    if _told_as_past(rd, b, s, sentence):
        return None  # "the BLS projected 16 percent growth from 2014 to 2024; that projection proved too low"
    forecast = bool(lex.forecast.search(sentence))
    past = bool(lex.past_forecast.search(clause_text))
    span = m.period[1] - m.period[0]
    growthish = bool(lex.growth.search(clause_text))
    if m.end_only:
        if not attached:
            return None
    elif not attached:
        u = rd.structure.unit(b)
        labelled = any(_OUTLOOK.search(t) for st, t in u.labels if st != "heading") or _OUTLOOK.search(sentence)
        if not ((forecast and growthish) or (labelled and m.period in used)):
            return None
        if not forecast and not (5 <= span <= 15):
            return None
    elif not forecast and not (5 <= span <= 15) and not m.end_only:
        return None
    c = _claim(b, m, "period")
    c.period = m.period
    c.vkind = "projection"
    c.end_only = m.end_only
    c.past = past
    c.forecast = not past
    return c


# a forecast told as history: "predicted in 2014 that employment would grow", "A decade ago", "In its 2014
# edition", "had projected" (not "The BLS projected 36% growth from 2023 to 2033": said of a current
# projection too; nor "Projected growth: 7%")
_PAST_TELLING = rxcache.compile(r"\b(?:projected|predicted|forecasted|forecast|expected|estimated)\s+(?:that\s+.{0,80}?\b)?"
                           r"in\s+(?:19|20)\d\d\b"
                           r"|\bwould\s+(?:grow|increase|rise|decline|fall|add|expand|shrink)\b"
                           r"|\b(?:a|one|two)\s+decades?\s+ago\b|\bin\s+its\s+(?:19|20)\d\d\s+edition\b"
                           r"|\bin\s+the\s+(?:19|20)\d\d\s+edition\b", re.I)
# the next sentence says how it came out: "That projection proved too low."
_OUTCOME = rxcache.compile(r"^\W*(?:that|this|the|those|these)\s+(?:projections?|forecasts?|estimates?|predictions?)\s+"
                      r"(?:proved|turned\s+out|was\s+too|were\s+too|fell\s+short|underestimated|overestimated)", re.I)


def _told_as_past(rd: Reader, b, s, sentence: str) -> bool:
    if _PAST_TELLING.search(sentence):
        return True
    sents = rd.sents.get(b.id) or []
    k = sents.index(s) if s in sents else -1
    nxt = sents[k + 1] if 0 <= k < len(sents) - 1 else None
    return nxt is not None and bool(_OUTCOME.match(b.text[nxt.start:nxt.end]))


def _source_of(rd: Reader, resolver, b, s, m, c: Claim) -> str | None:
    """The source a citation is from: its clause, sentence, paragraph, then its card, table or section."""
    kind = "projection" if c.kind == "period" else (c.vkind or "wage")
    clause = next((cl for cl in s.clauses if cl[0] <= m.start < cl[1]), (s.start, s.end))
    tiers = [
        [x for x in rd.sources_in(b.id) if clause[0] <= x[0] < clause[1]],
        [x for x in rd.sources_in(b.id) if s.start <= x[0] < s.end],
        [x for x in rd.sources_in(b.id) if abs(x[0] - m.start) < 300],
    ]
    u = rd.structure.unit(b)
    tiers.append([x for step, bid in u.carriers if step != "table-row" for x in rd.sources_in(bid)[:20]])
    for cands in tiers:
        fitting = [x for x in cands if kind in rd.reg.sources[x[2]].kinds]
        if fitting:
            specific = [x for x in fitting if x[2] != "bls"] or fitting
            return min(specific, key=lambda x: abs(x[0] - m.start))[2]
    sec = rd.section_source(b.section)
    if sec is not None and kind in rd.reg.sources[sec].kinds:
        return sec
    return None
