"""Suppression: findings covered by a comment or attribute in the page are dropped."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from careerlint.document import Document
from careerlint.findings import Finding


@dataclass
class Suppression:
    """A page's careerlint-disable comments, and which of them suppressed a finding."""

    used: set[int]        # indexes of the page's directives that suppressed a finding
    ran: set[str]         # rule ids that ran
    known: set[str]       # every rule id


def spans(doc: Document) -> list[tuple[int, int] | None]:
    """The lines each of the page's directives covers (None for an enable), in directive order."""
    directives = doc.directives
    if not directives:
        return []
    text_lines = sorted({ln for b in doc.blocks for ln in b.lines})
    out: list[tuple[int, int] | None] = []
    for d in directives:
        if d.kind == "disable-next-line":
            i = bisect_right(text_lines, d.line)
            target = text_lines[i] if i < len(text_lines) else d.line + 1
            out.append((target, target))
        elif d.kind == "disable-line":  # the comment's own line, as in markdownlint
            out.append((d.line, d.line))
        elif d.kind in ("disable", "ignore"):
            out.append((d.line, d.end if d.end is not None else d.line))
        else:
            out.append(None)
    return out


def covering(ranges: list, rule: str, line: int) -> list[int]:
    """Indexes of the ``ranges`` ((start, end, rules) or None; empty rules: every rule) that cover
    a finding of ``rule`` at ``line``."""
    return [i for i, r in enumerate(ranges)
            if r is not None and (not r[2] or rule in r[2]) and r[0] <= line <= r[1]]


def suppress(doc: Document, findings: list[Finding]) -> tuple[list[Finding], set[int]]:
    """Drop findings covered by a suppression comment or attribute; note which directives were used."""
    if not doc.directives:
        return findings, set()
    ranges = [None if s is None else (s[0], s[1], d.rules) for d, s in zip(doc.directives, spans(doc))]
    kept, used = [], set()
    for f in findings:
        hit = covering(ranges, f.rule, f.line)
        used.update(hit)
        if not hit:
            kept.append(f)
    return kept, used
