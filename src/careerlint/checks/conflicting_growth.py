"""conflicting-growth: two different growth rates for the same occupation and period."""

from __future__ import annotations

from careerlint.checks import Hit
from careerlint.checks._util import blame, earliest_comparable, page_order, same_rate, scope_key
from careerlint.claims import period_text

KIND = "conflicting-growth"
OPTIONS: dict = {}


def check(page, rule):
    seen: dict[tuple, list] = {}
    for c in sorted(page.figures("growth"), key=page_order):
        skey = scope_key(c)
        if c.period is None or c.value is None or c.is_range or c.kind != "percent" or skey is None:
            continue
        key = (skey, c.period)
        group = seen.setdefault(key, [])
        earlier = earliest_comparable(group, c, page)
        if earlier is None:
            group.append(c)
            continue
        if not same_rate(c, earlier):
            c, earlier = blame(page, c, earlier)
            yield Hit(c, dict(value=c.display(), other=earlier.display(), other_line=earlier.line,
                              period=period_text(c.period), scope=c.scope_text()), [earlier])
