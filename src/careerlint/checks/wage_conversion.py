"""wage-conversion: an hourly (or monthly) and an annual figure for the same statistic disagree."""

from __future__ import annotations

import re
from collections import defaultdict

from careerlint import rxcache
from careerlint.checks import Hit
from careerlint.checks._util import is_value, page_order, stat_name

KIND = "wage-conversion"
OPTIONS = {"hours-per-year": 2080, "tolerance-percent": 1.0}


def percent_apart(diff: float) -> str:
    """A readable percentage: '18.9%', '340%', '4,350%', and 'over 10,000%' for absurd values
    ($180,000 an hour against $86,000 a year), where the message's own figures say more."""
    if diff < 100:
        return f"{diff:.1f}%"
    if diff < 10_000:
        return f"{diff:,.0f}%"
    return "over 10,000%"


# a stated basis for annual pay: "at 1,950 hours", "based on a 37.5-hour week", "1,820 hours a year"
_BASIS = rxcache.compile(r"\b(?P<year>\d,?\d{3})\s+(?:work(?:ing)?\s+|paid\s+)?hours\b|"
                    r"\b(?P<week>\d{2}(?:\.\d)?)[-\s]hours?\s+(?:work\s*)?week\b", re.I)


def _other_basis(text: str, hours: float) -> bool:
    """The paragraph states a year of other than ``hours``."""
    for m in _BASIS.finditer(text):
        n = float(m.group("year").replace(",", "")) if m.group("year") else float(m.group("week")) * 52
        if abs(n - hours) > 1:
            return True
    return False


def check(page, rule):
    hours = float(rule.options.get("hours-per-year", 2080))
    tol_pct = float(rule.options.get("tolerance-percent", 1.0))
    factor = {"hour": hours, "month": 12.0, "week": 52.0}
    groups: dict[tuple, list] = defaultdict(list)
    basis: dict[int, bool] = {}
    for c in sorted(page.figures("salary"), key=page_order):
        if c.per is None or c.value is None or c.stat is None or c.stat == "none" or not is_value(c):
            continue
        if (c.per == "hour" and c.value > 300) or (c.per == "year" and c.value < 5000):
            continue  # "$180,000 an hour" is a misreading (or a typo figure-limit finds), not a conversion
        if c.block not in basis:  # read once per block, not once per figure
            basis[c.block] = _other_basis(page.doc.blocks[c.block].text, hours)
        if c.currency != "USD" or basis[c.block]:
            continue  # 2,080 hours is BLS's year; Canada's Job Bank uses 1,950, and a page may say its own
        # one card, table row or paragraph; or sibling cards of one stat grid (an hourly card next
        # to an annual one); a figure without a vintage is taken as of its neighbours'
        if c.grid is not None:
            unit = ("grid", c.grid)
        else:
            unit = c.group if c.group and c.group[0] != "list" else ("block", c.block)
        groups[(unit, c.stat, c.scope.key(), c.currency, c.is_range)].append(c)
    for members in groups.values():
        annual = [c for c in members if c.per == "year"]
        other = [c for c in members if c.per in factor]
        for o in other:
            for a in annual:
                if o.vintage is not None and a.vintage is not None and o.vintage != a.vintage:
                    continue  # two vintages: mixed-vintage's business
                if (o.twin is not None and o.twin is not a and o.twin.per == "year") or \
                        (a.twin is not None and a.twin is not o and a.twin.per in factor):
                    continue  # each restates another figure: that pair is the one to compare
                pairs = [(o.value, a.value)]
                if o.is_range and a.is_range and o.high is not None and a.high is not None:
                    pairs.append((o.high, a.high))
                worst = None
                for ov, av in pairs:
                    expected = ov * factor[o.per]
                    if av <= 0:
                        continue
                    diff = abs(av - expected) / av * 100
                    slack = (a.tolerance + o.tolerance * factor[o.per]) / av * 100
                    if diff > tol_pct + slack and (worst is None or diff > worst[0]):
                        worst = (diff, ov, av, expected)
                if worst is None:
                    continue
                diff, ov, av, expected = worst
                at, rel = (a, o) if page_order(a) > page_order(o) else (o, a)
                unit = {"hour": "per hour", "month": "a month", "week": "a week"}[o.per]
                mult = {"hour": f"{hours:,.0f}", "month": "12", "week": "52"}[o.per]
                where = f" at line {a.line}" if at is o and a.line != o.line else ""
                yield Hit(at, dict(stat=(stat_name(o) + " ") if o.stat else "",
                                   hourly=o.format_value(ov), unit=unit, mult=mult,
                                   annual=a.format_value(av), expected=a.format_value(round(expected)),
                                   diff_pct=percent_apart(diff), where=where, other_line=rel.line), [rel])
