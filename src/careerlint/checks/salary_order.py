"""salary-order: 10th <= 25th <= median <= 75th <= 90th percentile; a range's low end <= its high end."""

from __future__ import annotations

from collections import defaultdict

from careerlint.checks import Hit
from careerlint.checks._util import is_value, page_order, stat_name
from careerlint.vocab import STAT_RANK

KIND = "salary-order"
OPTIONS: dict = {}


def check(page, rule):
    groups: dict[tuple, list] = defaultdict(list)
    for c in sorted(page.figures("salary"), key=page_order):
        if c.value is None:
            continue
        if c.is_range and c.high is not None and not c.open_high and c.value > c.high + max(c.tolerance, 0.005):
            lo = c.format_value(c.value)
            hi = c.format_value(c.high)
            yield Hit(c, dict(low_stat="its low end", low=lo, high_stat="the range's high end", high=hi,
                              where="", other_line=c.line))
            continue
        if c.stat in STAT_RANK and not c.is_range and is_value(c):
            groups[(c.group, c.scope.key(), c.currency, c.per, c.vintage)].append(c)
    for members in groups.values():
        if len(members) < 2:
            continue
        reported = set()
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a.stat == b.stat:
                    continue
                lo, hi = (a, b) if STAT_RANK[a.stat] < STAT_RANK[b.stat] else (b, a)
                if lo.value > hi.value + max(lo.tolerance, hi.tolerance, 0.005):
                    at = b  # the later of the two in reading order
                    other = a
                    if id(at) in reported:
                        continue
                    reported.add(id(at))
                    where = f" (stated at line {other.line})" if other.line != at.line else ""
                    yield Hit(at, dict(low_stat=stat_name(lo), low=lo.display(), high_stat=stat_name(hi),
                                       high=hi.display(), where=where, other_line=other.line), [other])
