"""newer-release: a figure cites a release BLS has since superseded; name the current figure."""

from __future__ import annotations

from careerlint.checks import Hit
from careerlint.checks._official import comparable, growth_soc, reference, release_of, wage_soc
from careerlint.checks._official_words import latest_release, money, occupation_words, oews_label, stat_words

KIND = "newer-release"
OPTIONS: dict = {}


def check(page, rule):
    latest: dict[str, object] = {}

    def newest(kind):
        if kind not in latest:
            latest[kind] = latest_release(kind, page.as_of)
        return latest[kind]

    def when(date) -> dict:
        return dict(date=date.isoformat() if date else "", released=f" ({date.isoformat()})" if date else "")

    behind = _older_points(page)
    for c in page.figures("salary"):
        if id(c) in behind:
            continue  # a past point of a history (a table of years, "rose from $X in May 2021 to ..."): only
            #           its newest point is the page's current figure
        soc = wage_soc(page, c)
        year = release_of(c)[0] if soc else None
        rel = newest("oews") if soc else None
        if rel is None or rel[0] <= year:
            continue
        key, date = rel
        fig = reference().figure(soc, key, c.stat, c.per) if comparable(soc, key) else None
        if fig is None or not fig.exact:
            continue
        yield Hit(c, dict(release=f"OEWS {oews_label(key)}", **when(date), what=stat_words(c.stat, c.per),
                          occupation=occupation_words(soc, c), soc=soc, value=money(fig.value, c.per),
                          cited=c.vintage_text))
    for c in page.figures("growth"):
        soc = growth_soc(page, c)
        if soc is None:
            continue
        ref = reference()
        cycle = ref.cycle_key(c.period)
        rel = newest("ep") if cycle is not None else None
        if rel is None or rel[0] <= cycle:
            continue
        p = ref.projection(soc, rel[0])
        if p is None:
            continue
        yield Hit(c, dict(release=f"EP {p.label}", **when(rel[1]), what="projected growth",
                          occupation=occupation_words(soc, c), soc=soc, value=f"{p.pct}%",
                          cited=f"{c.period[0]}–{c.period[1]}"))


def _older_points(page) -> set[int]:
    """Salary figures that are an older point of a series: the same statistic and scope at several
    vintages in one table column or one paragraph. The newest point of each series is not included."""
    series: dict[tuple, list] = {}
    for c in page.figures("salary"):
        if c.vintage is None:
            continue
        cell = page.doc.blocks[c.block].cell
        where = ("column", cell[0], cell[2]) if cell is not None and cell[0] >= 0 else ("block", c.block)
        series.setdefault((where, c.stat, c.per, c.scope.key()), []).append(c)
    out: set[int] = set()
    for points in series.values():
        newest = max(c.vintage for c in points)
        if len({c.vintage for c in points}) > 1:
            out.update(id(c) for c in points if c.vintage < newest)
    return out
