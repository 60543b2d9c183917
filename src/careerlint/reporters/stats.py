"""Counts for --statistics and the HTML report: findings per rule, stale citations per source and vintage."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class RuleCount:
    rule: str
    severity: str
    count: int
    pages: int


@dataclass(frozen=True)
class StaleCount:
    source: str
    vintage: str
    count: int
    pages: int

    @property
    def label(self) -> str:
        return f"{self.source} {self.vintage}"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def describe_stale(s: StaleCount) -> str:
    """'OEWS May 2023: 54 citations on 20 pages'."""
    return f"{s.label}: {_plural(s.count, 'citation')} on {_plural(s.pages, 'page')}"


def rule_counts(findings) -> list[RuleCount]:
    """Per rule (and severity), most frequent first."""
    counts: dict[tuple, list] = {}
    for f in findings:
        c = counts.setdefault((f.rule, f.severity), [0, set()])
        c[0] += 1
        c[1].add(f.path)
    rows = [RuleCount(r, s, n, len(p)) for (r, s), (n, p) in counts.items()]
    return sorted(rows, key=lambda x: (-x.count, x.rule, x.severity))


def _vintage_order(v: str) -> tuple:
    # "May 2023" -> (2023,), "2022–2032" -> (2022, 2032)
    return tuple(int(y) for y in re.findall(r"\d{4}", v)), v


def stale_counts(findings, kinds: dict[str, str] | None = None) -> list[StaleCount]:
    """Stale citations per source and vintage, for every rule of kind stale-source (``kinds``: rule
    id -> kind; without it, findings whose fields name a source, a vintage and an age)."""
    counts: dict[tuple, list] = {}
    for f in findings:
        kind = (kinds or {}).get(f.rule)
        fields = f.fields or {}
        if kind is not None and kind != "stale-source":
            continue
        if not ("source" in fields and "vintage" in fields and (kind or "age" in fields)):
            continue
        c = counts.setdefault((str(fields["source"]), str(fields["vintage"])), [0, set()])
        c[0] += 1
        c[1].add(f.path)
    rows = [StaleCount(s, v, n, len(p)) for (s, v), (n, p) in counts.items()]
    return sorted(rows, key=lambda x: (-x.count, x.source, _vintage_order(x.vintage)))


def as_dict(report) -> dict:
    kinds = {r.id: r.kind for r in report.rules}
    return {
        "rules": [vars(r) for r in rule_counts(report.findings)],
        "stale_sources": [vars(s) for s in stale_counts(report.findings, kinds)],
    }
