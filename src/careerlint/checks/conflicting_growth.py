"""conflicting-growth: two different growth rates for the same occupation and period."""

from __future__ import annotations

from careerlint.checks import Hit
from careerlint.checks._util import conflicts, page_order, same_rate, scope_key
from careerlint.claims import period_text

KIND = "conflicting-growth"
OPTIONS: dict = {}


def check(page, rule):
    keyed = (((scope_key(c), c.period), c) for c in sorted(page.figures("growth"), key=page_order)
             if c.period is not None and c.value is not None and not c.is_range and c.kind == "percent"
             and scope_key(c) is not None)
    for c, earlier in conflicts(page, keyed, same_rate):
        yield Hit(c, dict(value=c.display(), other=earlier.display(), other_line=earlier.line,
                          period=period_text(c.period), scope=c.scope_text()), [earlier])
