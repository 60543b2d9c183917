"""unsourced-figure: a wage or growth figure on a page that names no source and no vintage."""

from __future__ import annotations

from careerlint.checks import Hit
from careerlint.checks._util import page_order, stat_name

KIND = "unsourced-figure"
OPTIONS: dict = {}


def check(page, rule):
    if any(c.kind in ("source", "vintage") for c in page.claims):
        return
    figures = [c for c in page.figures("salary") if c.stat not in (None, "none")]
    figures += [c for c in page.figures("growth") if c.period is None and c.kind == "percent"]
    for c in sorted(figures, key=page_order):
        what = "growth rate" if c.domain == "growth" else stat_name(c)
        yield Hit(c, dict(stat=what, value=c.display()))
