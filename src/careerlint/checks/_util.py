"""Helpers shared by check kinds: comparing rounded figures, naming scopes."""

from __future__ import annotations

from careerlint.claims import Claim
from careerlint.vocab import STAT_NAMES


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
    return name


def scope_text(c: Claim) -> str:
    parts = []
    if c.occupation:
        parts.append(c.occupation)
    if c.qualifier:
        q = c.qualifier.split(":", 1)[-1].split(" #")[0]
        parts.append(q)
    return f" ({', '.join(parts)})" if parts else ""


def page_order(c: Claim) -> tuple:
    return (c.block, c.start)


def earliest_comparable(earlier: list[Claim], c: Claim, page) -> Claim | None:
    """The first earlier claim from the same family of sources. A figure with no source
    named counts as coming from the page's main source (the family it cites most)."""
    fc = page.family_of(c)
    for e in earlier:
        if page.family_of(e) == fc:
            return e
    return None
