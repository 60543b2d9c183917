"""official-growth: a projected growth rate for a cycle careerlint has Employment Projections for
differs from the published one beyond rounding."""

from __future__ import annotations

from careerlint.checks import Hit
from careerlint.checks._official import agrees, growth_soc, reference
from careerlint.checks._official_words import occupation_words

KIND = "official-growth"
OPTIONS: dict = {}


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
