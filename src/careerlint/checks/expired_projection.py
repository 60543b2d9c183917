"""expired-projection: a projection whose end year has passed, still stated as a forecast."""

from __future__ import annotations

from careerlint.checks import Hit
from careerlint.claims import period_text

KIND = "expired-projection"
OPTIONS: dict = {}


def check(page, rule):
    as_of = page.as_of.year
    for c in page.claims:
        if c.kind != "period" or c.vkind != "projection" or not c.forecast or c.past:
            continue
        end = c.period[1]
        if end >= as_of:
            continue
        max_age, _title = page.registry.policy(c.source)
        if page.in_current_history(c, as_of - max_age):
            continue  # one cycle of a list or table whose newest cycle is current
        growth = page.growth_for_period(c)
        figure = f" ({growth.display()} growth)" if growth is not None else ""
        yield Hit(c, dict(period=period_text(c.period), end=end, as_of_year=as_of, figure=figure))
