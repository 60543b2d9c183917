"""official-growth: a projected growth rate for a cycle careerlint has Employment Projections for
differs from the published one beyond rounding."""

from __future__ import annotations

from careerlint.checks import Hit
from careerlint.checks._official import growth_soc, reference
from careerlint.checks._official_words import occupation_words
from careerlint.checks._util import decimals_tolerance

KIND = "official-growth"
OPTIONS: dict = {}


def agrees(c, pct: int, base: int, target: int) -> bool:
    """The page's rate is BLS's printed one: the same whole percent ("7%", "about 7%"), a more precise
    rate that rounds to it ("7.1%"), or one computed from BLS's employment figures ("7.5%" for 7.45)."""
    written = decimals_tolerance(c) if "." in c.text else 0.0
    tol = max(written, c.tolerance)
    if abs(c.value - pct) <= (0.5 + tol if written else tol) + 1e-9:
        return True
    if base > 0:
        exact = (target - base) / base * 100
        return abs(c.value - exact) <= tol + 0.05 + 1e-9
    return False


def check(page, rule):
    ref = None
    for c in page.figures("growth"):
        soc = growth_soc(page, c)
        if soc is None:
            continue
        ref = ref or reference()
        cycle = ref.cycle_key(c.period)
        if cycle is None or cycle not in ref.ep_cycles():
            continue
        p = ref.projection(soc, cycle)
        if p is None or agrees(c, p.pct, p.base, p.target):
            continue
        yield Hit(c, dict(occupation=occupation_words(soc, c), soc=soc, cycle=p.label, value=c.display(),
                          official=f"{p.pct}%"))
