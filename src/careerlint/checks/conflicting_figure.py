"""conflicting-figure: one statistic, one scope, one vintage, two different values."""

from __future__ import annotations

from careerlint.checks import Hit
from careerlint.checks._util import conflicts, earliest_comparable, is_value, page_order, same_amount, scope_key, stat_name

KIND = "conflicting-figure"
OPTIONS: dict = {}
_STATS = ("p10", "p25", "median", "mean", "p75", "p90")


def check(page, rule):
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
    def keyed():
        for c in figures:
            skey = scope_key(c)
            if c.vintage is None and len(known.get((c.stat, skey, c.currency), ())) > 1:
                continue
            yield (c.stat, skey, c.currency, c.per, c.vintage), c

    for c, earlier in conflicts(page, keyed(), same_amount):
        vintage = f" ({c.vintage_text})" if c.vintage_text else ""
        yield Hit(c, dict(stat=stat_name(c), value=c.display(), other=earlier.display(),
                          other_line=earlier.line, vintage=vintage, scope=c.scope_text()), [earlier])
    yield from _ranges(page)


def _ranges(page):
    """Two pay ranges for the same occupation and the same band of experience ("Junior DevOps Engineer
    $85K-125K" in the entry-level table, "$90K-130K" in the sub-specialty table's Junior column).
    Only ranges whose level is stated are compared: a range with no level is a spread of the whole
    occupation, and pages give several of those (middle half, 10th to 90th) on purpose."""
    seen: dict[tuple, list] = {}
    for c in sorted(page.figures("salary"), key=page_order):
        if c.stat != "range" or not c.is_range or c.high is None or c.per is None or not c.scope.level:
            continue
        s = c.scope
        if not s.known or s.occupation in (None, "all occupations") or c.how.get("occupation") == "page":
            continue  # whose range it is must be stated: a row, a heading, a label, its sentence
        key = (s.key(), c.currency, c.per, c.vintage)
        group = seen.setdefault(key, [])
        # "Junior (0-2 years)" and "Entry-Level (0-3 years)" are two bands; a level with no years matches either
        earlier = earliest_comparable([e for e in group if not (e.band and c.band and e.band != c.band)], c, page)
        if earlier is None:
            group.append(c)
            continue
        if not _same_range(c, earlier):
            vintage = f" ({c.vintage_text})" if c.vintage_text else ""
            yield Hit(c, dict(stat=stat_name(c), value=c.display(), other=earlier.display(),
                              other_line=earlier.line, vintage=vintage, scope=c.scope_text()), [earlier])


def _same_range(a, b) -> bool:
    tol = max(a.tolerance, b.tolerance, 0.005)
    return abs(a.value - b.value) <= tol + 1e-9 and abs(a.high - b.high) <= tol + 1e-9
