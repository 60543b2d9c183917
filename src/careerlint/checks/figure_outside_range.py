"""figure-outside-range: a median or average outside a salary range stated for the same scope."""

from __future__ import annotations

from careerlint.checks import Hit
from careerlint.checks._util import page_order, scope_key, stat_name

KIND = "figure-outside-range"
OPTIONS: dict = {}


def check(page, rule):
    figures = sorted(page.figures("salary"), key=page_order)
    ranges = [c for c in figures if c.is_range and c.stat == "range" and c.high is not None and scope_key(c)]
    points = [c for c in figures if c.stat in ("median", "mean") and not c.is_range and c.bound is None
              and scope_key(c)]
    for p in points:
        for r in ranges:
            if (scope_key(r), r.currency, r.per) != (scope_key(p), p.currency, p.per):
                continue
            if r.vintage is not None and p.vintage is not None and r.vintage != p.vintage:
                continue
            slack = max(r.tolerance, p.tolerance)
            below = p.value < r.value - slack
            above = not r.open_high and p.value > r.high + slack
            if below or above:
                yield Hit(p, dict(stat=stat_name(p), value=p.display(), range=r.display(),
                                  other_line=r.line), [r])
                break
