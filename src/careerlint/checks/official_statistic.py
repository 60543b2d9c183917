"""official-statistic: a wage figure is what BLS published for the occupation, but for another
statistic, unit or release than the page says ("$64,040 is the May 2024 mean, quoted as the median")."""

from __future__ import annotations

from careerlint.checks import Hit
from careerlint.checks._official import compare
from careerlint.checks._official_words import STAT_WORDS, money, occupation_words, oews_label, stat_words

KIND = "official-statistic"
OPTIONS: dict = {}


def check(page, rule):
    for c in page.figures("salary"):
        v = compare(page, c)
        if v is None or v.agrees or v.other is None:
            continue
        f = v.other
        stat_differs, release_differs = (f.stat, f.per) != (c.stat, c.per), f.release != v.release
        said = STAT_WORDS[c.stat] if f.per == c.per else stat_words(c.stat, c.per)
        cited = c.vintage_text or oews_label(v.release)
        if stat_differs and release_differs:
            mislabel = f"quoted as the {cited} {said}"
        elif stat_differs:
            mislabel = f"quoted as the {said}"
        else:
            mislabel = f"labelled {cited}"
        yield Hit(c, dict(value=c.display(), published=f"{oews_label(f.release)} {stat_words(f.stat, f.per)}",
                          occupation=occupation_words(v.soc, c), soc=v.soc, mislabel=mislabel,
                          release=oews_label(v.release), stat=stat_words(c.stat, c.per),
                          official=money(v.own.value, c.per)))
