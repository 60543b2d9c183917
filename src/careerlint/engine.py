"""Running rules: a page's claims in, Findings out. Nothing here prints."""

from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from careerlint import patterns as P
from careerlint.claims import Claim
from careerlint.document import Document
from careerlint.findings import Finding, Related
from careerlint.ruleset import Rule
from careerlint.sources import Registry

_DATA_WORDS = re.compile(r"\b(?:data|statistics|estimates?|survey|figures?|according\s+to|as\s+of|source)\b", re.I)


@dataclass
class Page:
    """What the checks see of one page: its document, its claims and the run's settings."""

    doc: Document
    claims: list[Claim]
    as_of: _dt.date
    registry: Registry
    _by_block: dict = field(default_factory=dict, repr=False)
    suppression: "Suppression | None" = None
    _primary: str | None = field(default=None, repr=False)      # the page's main family of sources
    _primary_known: bool = field(default=False, repr=False)
    _growth_by_period: dict | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._by_sentence: dict[tuple, list[Claim]] = {}
        self._sentence_index: dict[tuple, tuple] = {}
        for c in self.claims:
            self._by_block.setdefault(c.block, []).append(c)
            self._by_sentence.setdefault(c.groups.get("sentence"), []).append(c)

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
        return [c for c in self.claims if c.kind in ("money", "percent") and c.domain == domain]

    def in_block(self, block: int) -> list[Claim]:
        return self._by_block.get(block, [])

    def _sentence_claims(self, c: Claim, radius: int = 300) -> list[Claim]:
        """Claims in the same sentence as ``c`` and within ``radius`` characters of it."""
        key = c.groups.get("sentence")
        index = self._sentence_index.get(key)
        if index is None:
            found = sorted(self._by_sentence.get(key, []), key=lambda o: o.start)
            index = self._sentence_index[key] = ([o.start for o in found], found)
        starts, found = index
        return found[bisect_right(starts, c.start - radius - 1):bisect_right(starts, c.end + radius)]

    def is_data_vintage(self, c: Claim) -> bool:
        """A month-year that dates a statistic (not a page's publication date)."""
        if c.vkind == "employment" or (c.vkind == "wage" and c.vintage_text[:1].isdigit()):
            return True
        if c.vkind != "wage":
            return False
        b = self.doc.blocks[c.block]
        s0, s1 = c.groups["sentence_span"]
        sentence = b.text[max(s0, c.start - 300):min(s1, c.end + 300)]
        near = self._sentence_claims(c)
        if any(o.kind == "money" and o.domain == "salary" for o in near):
            return True
        if any(o.kind == "source" for o in near):
            return True
        if P.SALARY_WORDS.search(sentence) or _DATA_WORDS.search(sentence):
            return True
        if b.cell is not None and b.cell[0] >= 0:
            # a year column of a wage table: the row's figures are what it dates
            tid, r, _col = b.cell
            for bid in self.doc.tables[tid].grid[r]:
                if bid is not None and any(o.kind == "money" and o.domain == "salary" for o in self.in_block(bid)):
                    return True
        return False

    def in_current_history(self, c: Claim, oldest_ok: int) -> bool:
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
        for bid in bids:
            for o in self.in_block(bid):
                if o is c or o.kind != c.kind:
                    continue
                oref = o.vintage if o.kind == "vintage" else (o.period[0] if o.vkind == "projection" else None)
                if oref is not None and oref > ref and oref >= oldest_ok:
                    return True
        return False

    def growth_for_period(self, period_claim: Claim) -> Claim | None:
        for o in self._sentence_claims(period_claim):
            if o.kind == "percent" and o.domain == "growth":
                return o
        if self._growth_by_period is None:
            self._growth_by_period = {}
            for o in self.claims:
                if o.kind == "percent" and o.domain == "growth":
                    self._growth_by_period.setdefault(o.period, o)
        return self._growth_by_period.get(period_claim.period)


@dataclass
class Suppression:
    used: set[int]        # indexes of the page's directives that suppressed a finding
    ran: set[str]         # rule ids that ran
    known: set[str]       # every rule id


def _findings(page: Page, rule: Rule, mod, path: str) -> list[Finding]:
    out = []
    for hit in mod.check(page, rule):
        c = hit.claim
        message = rule.message.format_map(_SafeDict(hit.fields))
        line, column = (c.line, _column(page.doc, c)) if c is not None else (hit.line, hit.column)
        related = tuple(Related(o.line, o.text) for o in hit.related)
        out.append(Finding(path, line, column, rule.id, rule.severity, message, related,
                           c.text if c is not None else message))
    return out


def run_rules(page: Page, rules: list[Rule], kinds: dict, path: str, known: set[str] | None = None) -> list[Finding]:
    findings: dict[tuple, Finding] = {}
    late = [r for r in rules if r.kind == "unused-suppression"]
    for rule in rules:
        if rule.kind != "unused-suppression":
            for f in _findings(page, rule, kinds[rule.kind], path):
                findings.setdefault(f.sort_key(), f)
    kept, used = _suppress(page.doc, list(findings.values()))
    page.suppression = Suppression(used, {r.id for r in rules}, known or {r.id for r in rules})
    for rule in late:
        kept.extend(_findings(page, rule, kinds[rule.kind], path))
    return sorted(kept, key=Finding.sort_key)


def _suppress(doc: Document, findings: list[Finding]) -> tuple[list[Finding], set[int]]:
    """Drop findings covered by a suppression comment or attribute; note which directives were used."""
    directives = doc.directives
    if not directives:
        return findings, set()
    text_lines = sorted({ln for b in doc.blocks for ln in b.lines})
    spans = []
    for d in directives:
        if d.kind == "disable-next-line":
            i = bisect_right(text_lines, d.line)
            target = text_lines[i] if i < len(text_lines) else d.line + 1
            spans.append((target, target))
        elif d.kind in ("disable", "ignore"):
            spans.append((d.line, d.end if d.end is not None else d.line))
        else:
            spans.append(None)
    kept, used = [], set()
    for f in findings:
        hit = False
        for i, (d, span) in enumerate(zip(directives, spans)):
            if span is None or (d.rules and f.rule not in d.rules):
                continue
            if span[0] <= f.line <= span[1]:
                used.add(i)
                hit = True
        if not hit:
            kept.append(f)
    return kept, used


class _SafeDict(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def _column(doc: Document, c: Claim) -> int:
    anchor, nth = c.groups.get("anchor", (c.text, 0))
    return doc.column(c.line, anchor, nth)


def check_text(text: str, path: str, rules: list[Rule], registry: Registry, as_of: _dt.date,
               known: set[str] | None = None) -> list[Finding]:
    from careerlint.checks import kinds as check_kinds
    from careerlint.document import parse_html, parse_markdown
    from careerlint.extract import extract
    from careerlint.loader import is_markdown

    doc = parse_markdown(text, path) if is_markdown(path) else parse_html(text, path)
    claims = extract(doc, registry)
    page = Page(doc, claims, as_of, registry)
    return run_rules(page, rules, check_kinds(), path, known)
