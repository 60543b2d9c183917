"""Helpers shared by check kinds: comparing rounded figures, naming scopes, what may be compared."""

from __future__ import annotations

from careerlint.claims import Claim
from careerlint.vocab import STAT_NAMES

PERCENTILES = ("p10", "p25", "p75", "p90")


def decimals_tolerance(c: Claim) -> float:
    """Half a unit of the last digit written: '7%' -> 0.5, '7.1%' -> 0.05."""
    digits = [ch for ch in c.text if ch.isdigit() or ch == "."]
    s = "".join(digits)
    if "." in s:
        return 0.5 * 10 ** -len(s.split(".", 1)[1])
    return 0.5


def same_rate(a: Claim, b: Claim) -> bool:
    tol = max(decimals_tolerance(a), decimals_tolerance(b), a.tolerance, b.tolerance)
    return abs(a.value - b.value) <= tol + 1e-9


def same_amount(a: Claim, b: Claim) -> bool:
    tol = max(a.tolerance, b.tolerance, 0.005)
    return abs(a.value - b.value) <= tol + 1e-9


def stat_name(c: Claim) -> str:
    name = STAT_NAMES.get(c.stat or "", "figure")
    per = {"year": " annual", "hour": " hourly", "month": " monthly", "week": " weekly"}.get(c.per or "", "")
    if c.stat in ("median", "mean"):
        return f"{name}{per} wage"
    if c.stat == "range":
        return "salary range"
    return name


def scope_text(c: Claim) -> str:
    return c.scope_text()


def page_order(c: Claim) -> tuple:
    return (c.block, c.start)


def scope_key(c: Claim) -> tuple | None:
    """The key two claims must share to be compared, or None when whom a claim is about is unknown.
    An occupation other than the page's is compared only within its own section: a chart's
    "Financial clerks" (an occupation group) and a table's "Financial Clerks" (a profile) are not
    known to be the same thing."""
    s = c.scope
    if not s.known:
        return None
    key = s.key()
    if s.occupation not in (c.page_key, "all occupations"):
        key = key + (("section", c.section),)
    return key


def is_value(c: Claim) -> bool:
    """A figure that states the statistic itself: not a threshold ("over $100,000"), unless it is a
    percentile stated the BLS way ("the lowest 10 percent earned less than $38,250")."""
    return c.bound is None or c.stat in PERCENTILES


def earliest_comparable(earlier: list[Claim], c: Claim, page) -> Claim | None:
    """The first earlier claim from the same family of sources. A figure with no source
    named counts as coming from the page's main source (the family it cites most)."""
    fc = page.family_of(c)
    for e in earlier:
        if page.family_of(e) == fc:
            return e
    return None


def blame(page, c: Claim, earlier: Claim) -> tuple[Claim, Claim]:
    """Of two figures that conflict, (the one to report, the other): the later one, unless BLS's
    published figures show the later one right and the earlier one wrong."""
    from careerlint.checks._official import official_agrees

    if official_agrees(page, c) is True and official_agrees(page, earlier) is False:
        return earlier, c
    return c, earlier


def conflicts(page, keyed, same):
    """(figure to report, the other) for each figure that disagrees with the earliest comparable one
    stated before it under the same key. ``keyed``: (key, figure) in page order; ``same``: whether
    two figures agree (rounding, abbreviations)."""
    seen: dict[tuple, list] = {}
    for key, c in keyed:
        group = seen.setdefault(key, [])
        earlier = earliest_comparable([e for e in group if not other_row(page, e, c)], c, page)
        if earlier is None:
            group.append(c)
        elif not same(c, earlier):
            yield blame(page, c, earlier)


def other_row(page, a: Claim, b: Claim) -> bool:
    """Two cells of one column of one table, in different rows: a table never states one thing twice,
    so its rows differ in something (a cohort "Spring 2024" / "Fall 2024", a group) even when careerlint
    reads the same scope and vintage for both."""
    ca, cb = page.doc.blocks[a.block].cell, page.doc.blocks[b.block].cell
    return ca is not None and cb is not None and ca[0] >= 0 and ca[0] == cb[0] and ca[2] == cb[2] and ca[1] != cb[1]
