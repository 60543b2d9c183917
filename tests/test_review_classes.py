"""Classes of page a fresh-user review found (forecasts told as history, years of growth sentences,
question headings, percentile tables with a header row, pages that declare their occupation). Each a
failing case at its line and a passing trap. Lines: a page's body starts on line 3 (conftest.page)."""

import pytest

from careerlint.document import parse_html, parse_markdown
from careerlint.extract import extract
from conftest import _RULESET, lint, page


def figures(text: str, markdown: bool = False):
    doc = parse_markdown(text) if markdown else parse_html(text)
    return {c.text: c for c in extract(doc, _RULESET.registry) if c.kind in ("money", "percent", "count")}


# -- a past projection told as history is not a forecast --------------------------------------------------
@pytest.mark.parametrize("told", [
    "In its 2014 edition, the Occupational Outlook Handbook projected 16 percent growth for registered nurses from "
    "2014 to 2024. That projection proved too low.",
    "A decade ago the BLS predicted 16 percent growth for registered nurses from 2014 to 2024; actual growth was higher.",
    "The BLS projected in 2014 that employment of registered nurses would grow 16 percent from 2014 to 2024.",
    "In 2014, the BLS had projected 16 percent growth for registered nurses from 2014 to 2024.",
])
def test_a_past_projection_told_as_history_is_not_expired_or_stale(told):
    assert lint(page(f"\n<p>{told}</p>", h1="Registered Nurses"),
                select=["expired-projection", "stale-source", "mixed-vintage"]) == []


@pytest.mark.parametrize("stated", [
    "Employment of registered nurses is projected to grow 16 percent from 2014 to 2024.",
    "BLS projects 16 percent growth for registered nurses from 2014 to 2024.",
])
def test_a_past_projection_stated_as_a_forecast_is_expired(stated):
    assert [(line, rule) for line, rule, _ in lint(page(f"\n<p>{stated}</p>", h1="Registered Nurses"),
                                                   select=["expired-projection"])] == [(4, "expired-projection")]


def test_a_bare_year_of_a_growth_sentence_is_no_wage_vintage_but_one_of_a_wage_sentence_is():
    growth = page("\n<p>Back in 2014, BLS had projected 19 percent growth for dental hygienists.</p>",
                  h1="Dental hygienists")
    assert lint(growth, select=["stale-source"]) == []
    wage = page("\n<p>In 2014, the BLS put the median wage for dental hygienists at $70,210.</p>", h1="Dental hygienists")
    assert [(line, rule) for line, rule, _ in lint(wage, select=["stale-source"])] == [(4, "stale-source")]
