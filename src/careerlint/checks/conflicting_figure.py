"""conflicting-figure: one statistic, one scope, one vintage, two different values."""

from __future__ import annotations

from careerlint.checks import Hit
from careerlint.checks._util import earliest_comparable, is_value, page_order, same_amount, scope_key, stat_name

KIND = "conflicting-figure"
OPTIONS: dict = {}
_STATS = ("p10", "p25", "median", "mean", "p75", "p90")


def check(page, rule):
    seen: dict[tuple, list] = {}
    figures = [c for c in sorted(page.figures("salary"), key=page_order)
               if c.stat in _STATS and not c.is_range and c.per is not None and scope_key(c) is not None and is_value(c)]
    # figures whose vintage is not stated are compared with each other only when the page states that
    # statistic for one vintage at most: beside a history or a changelog, which vintage each is is unknown
    # ("was $49,500 for May 2024": a figure with no statistic of its own dates the history too)
    known: dict[tuple, set] = {}
    for c in page.figures("salary"):
        if c.vintage is not None and c.stat in (*_STATS, None) and scope_key(c) is not None:
            for stat in ((c.stat,) if c.stat else _STATS):
                known.setdefault((stat, scope_key(c), c.currency), set()).add(c.vintage)
    for c in figures:
        skey = scope_key(c)
        if c.vintage is None and len(known.get((c.stat, skey, c.currency), ())) > 1:
            continue
        key = (c.stat, skey, c.currency, c.per, c.vintage)
        group = seen.setdefault(key, [])
        earlier = earliest_comparable(group, c, page)
        if earlier is None:
            group.append(c)
            continue
        if not same_amount(c, earlier):
            vintage = f" ({c.vintage_text})" if c.vintage_text else ""
            yield Hit(c, dict(stat=stat_name(c), value=c.display(), other=earlier.display(),
                              other_line=earlier.line, vintage=vintage, scope=c.scope_text()), [earlier])
