"""official-figure: a wage figure whose occupation, statistic, unit and release are certain is not what
BLS published (OEWS national, cross-industry), beyond the figure's own rounding."""

from __future__ import annotations

from careerlint.checks import Hit
from careerlint.checks._official import compare
from careerlint.checks._official_words import money, occupation_words, oews_label, stat_words

KIND = "official-figure"
OPTIONS: dict = {}


def check(page, rule):
    for c in page.figures("salary"):
        v = compare(page, c)
        if v is None or v.agrees or v.other is not None:
            continue  # agrees, or is another published figure: official-statistic says which
        release = oews_label(v.release)
        yield Hit(c, dict(stat=stat_words(c.stat, c.per), occupation=occupation_words(v.soc, c), soc=v.soc,
                          release=release, value=c.display(), official=money(v.own.value, c.per)))
