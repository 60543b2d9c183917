"""conflicting-figure: one statistic, one scope, one vintage, two different values."""

from __future__ import annotations

from careerlint.checks import Hit
from careerlint.checks._util import earliest_comparable, is_value, page_order, same_amount, scope_key, stat_name

KIND = "conflicting-figure"
OPTIONS: dict = {}
_STATS = ("p10", "p25", "median", "mean", "p75", "p90")


def check(page, rule):
    seen: dict[tuple, list] = {}
    for c in sorted(page.figures("salary"), key=page_order):
        skey = scope_key(c)
        if c.stat not in _STATS or c.is_range or c.per is None or skey is None or not is_value(c):
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
