"""figure-limit: a salary figure above or below a limit a site sets (a floor that catches typos)."""

from __future__ import annotations

from careerlint.checks import Hit
from careerlint.checks._util import stat_name

KIND = "figure-limit"
OPTIONS = {"stat": "median", "per": "year", "currency": "USD", "min": None, "max": None}
OPTION_TYPES = {"min": float, "max": float}  # for options whose default is None


def check(page, rule):
    o = rule.options
    lo, hi = o.get("min"), o.get("max")
    for c in page.figures("salary"):
        if c.is_range or c.value is None or c.bound is not None:
            continue
        if c.stat != o.get("stat") or c.per != o.get("per") or c.currency != o.get("currency"):
            continue
        if lo is not None and c.value < lo:
            yield Hit(c, dict(stat=stat_name(c), value=c.display(), relation="below", limit=c.format_value(lo)))
        elif hi is not None and c.value > hi:
            yield Hit(c, dict(stat=stat_name(c), value=c.display(), relation="above", limit=c.format_value(hi)))
