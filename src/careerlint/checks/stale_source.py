"""stale-source: a cited data vintage is older than its source's staleness policy allows."""

from __future__ import annotations

from careerlint.checks import Hit
from careerlint.claims import period_text

KIND = "stale-source"
OPTIONS = {"max-age-years": None, "sources": []}
OPTION_TYPES = {"max-age-years": int, "sources": list}  # for options whose default is None


def check(page, rule):
    as_of = page.as_of.year
    override = rule.options.get("max-age-years")
    only = set(rule.options.get("sources") or [])  # limit the rule to these source ids (or families)
    for c in page.claims:
        if c.kind == "vintage" and not c.disclosed:
            ref = c.vintage
            vintage = c.vintage_text
            what = "wage data" if c.vkind == "wage" else "employment data"
        elif c.kind == "period" and c.vkind == "projection":
            if c.period[1] < as_of and (c.forecast or c.past):
                continue  # over: expired-projection's business when stated as a forecast, else history
            ref = c.period[0]
            vintage = period_text(c.period)
            what = "projection"
        else:
            continue
        if ref > as_of:
            continue  # a vintage from the future is not stale
        source = c.source
        if only and source not in only and page.registry.family(source) not in only:
            continue
        max_age, title = page.registry.policy(source)
        if override is not None:
            max_age = int(override)
        age = as_of - ref
        if age <= max_age:
            continue
        if page.in_current_history(c, as_of - max_age):
            continue
        latest, latest_date = _newest(page, c, ref)
        newest = (f"; {latest} was released {latest_date}" if latest_date else f"; {latest} is out") if latest else ""
        yield Hit(c, dict(vintage=vintage, what=what, source=title, age=age, max_age=max_age, as_of_year=as_of,
                          newest=newest, latest=latest, latest_date=latest_date))


def _newest(page, c, ref: int) -> tuple[str, str]:
    """The newest BLS release of the kind cited, when it is newer (checks._official.latest_release):
    ('May 2025', '2026-05-15') for OEWS wages, ('2024–34', '2025-08-28') for projections, ('May 2026', '')
    for an imported release whose date careerlint does not know; else ('', '').
    Employment years are left alone: OEWS and the projections both publish them."""
    from careerlint.checks._official import from_bls

    kind = {"wage": "oews", "projection": "ep"}.get(c.vkind or "")
    if kind is None or not from_bls(page, c, wage=kind == "oews"):
        return "", ""
    from careerlint.checks._official_words import latest_release
    from careerlint.reference.calendar import release_label

    rel = latest_release(kind, page.as_of)
    if rel is None or rel[0] <= ref:
        return "", ""
    return release_label(kind, rel[0]), rel[1].isoformat() if rel[1] else ""
