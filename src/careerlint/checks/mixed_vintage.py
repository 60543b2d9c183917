"""mixed-vintage: the same statistic for the same scope from two vintages, outside a history."""

from __future__ import annotations

from collections import defaultdict

from careerlint.checks import Hit
from careerlint.checks._util import is_value, page_order, scope_key, stat_name
from careerlint.claims import period_text

KIND = "mixed-vintage"
OPTIONS: dict = {}
_STATS = ("p10", "p25", "median", "mean", "p75", "p90")


def _container(c) -> tuple:
    if c.table is not None:
        return ("table", c.table)
    if c.group and c.group[0] == "list":
        return ("list", c.group[1])
    return ("block", c.block)


def _when(c):
    return c.vintage if c.domain == "salary" else c.period


def _history(page, figures: list) -> set[int]:
    """Claims in a table, list or paragraph that itself shows several vintages (or cycles): a history,
    like a table of past years or "rose from $77,600 in May 2021 to $93,600 in May 2024"."""
    whens = defaultdict(set)
    for c in page.claims:
        if c.kind == "vintage" and c.vkind == "wage":
            whens[("wage", _place(page, c))].add(c.vintage)
        elif c.kind == "period" and c.vkind == "projection":
            whens[("growth", _place(page, c))].add(c.period)
    for c in figures:
        whens[("wage" if c.kind == "money" else "growth", _container(c))].add(_when(c))
    return {id(c) for c in figures
            if len(whens[("wage" if c.kind == "money" else "growth", _container(c))]) > 1}


def _place(page, c) -> tuple:
    """The container of a vintage or period claim, in the terms of _container."""
    b = page.doc.blocks[c.block]
    if b.cell is not None and b.cell[0] >= 0:
        return ("table", b.cell[0])
    lst = next((k for k in reversed(b.ancestors) if page.doc.tags[k] in ("ul", "ol", "dl")), None)
    if lst is not None:
        return ("list", lst)
    return ("block", c.block)


def check(page, rule):
    wages = [c for c in page.figures("salary") if c.stat in _STATS and c.vintage is not None
             and not c.is_range and c.per is not None and scope_key(c) and is_value(c) and not c.history]
    # a growth rate, or the new jobs of a projection; not a count of jobs over a period already over
    # ("rose from 2019 to 2024, reaching 223,460 jobs")
    growth = [c for c in page.figures("growth") if c.period is not None and c.value is not None and scope_key(c)
              and not c.history and c.stat in ("growth", "jobs")
              and (c.kind == "percent" or c.period[1] > page.as_of.year)]   # not "a 3.5% raise" (stat none)
    for figures, key_of in ((wages, lambda c: (c.stat, scope_key(c), c.currency, c.per)),
                            (growth, lambda c: ("growth", scope_key(c)))):
        history = _history(page, figures)
        # per statistic and scope: the first claim of each (vintage, source family)
        groups: dict[tuple, dict] = defaultdict(dict)
        reported: set[int] = set()
        for c in sorted(figures, key=page_order):
            if id(c) in history:
                continue
            group = groups[key_of(c)]
            fam = page.family_of(c)
            group.setdefault((_when(c), fam), c)
            others = [e for (when, f), e in group.items() if f == fam and when != _when(c)]
            earlier = min(others, key=page_order) if others else None
            if earlier is None:
                continue
            # reported at the older of the two, the claim an editor updates; the newer is its evidence
            if _when(earlier) < _when(c):
                c, earlier = earlier, c
            if id(c) in reported:
                continue
            reported.add(id(c))
            if c.domain == "salary":
                what, here, there = stat_name(c), c.vintage_text or str(c.vintage), earlier.vintage_text or str(earlier.vintage)
            else:
                what, here, there = "growth rate", period_text(c.period), period_text(earlier.period)
            yield Hit(c, dict(stat=what, value=c.display(), here=here, other=earlier.display(), there=there,
                              other_line=earlier.line, scope=c.scope_text()), [earlier])
