"""Suppression: findings covered by a comment or attribute in the page are dropped."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from careerlint.document import Document
from careerlint.findings import Finding


@dataclass
class Suppression:
    used: set[int]        # indexes of the page's directives that suppressed a finding
    ran: set[str]         # rule ids that ran
    known: set[str]       # every rule id


def suppress(doc: Document, findings: list[Finding]) -> tuple[list[Finding], set[int]]:
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
        elif d.kind == "disable-line":  # the comment's own line, as in markdownlint
            spans.append((d.line, d.line))
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
