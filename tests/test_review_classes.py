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


# -- a heading asked as a question names the occupation it asks about --------------------------------------
QUESTION = """---
title: Dental Hygienist Career Guide
soc: 29-1292
---

# Dental Hygienist Career Guide

## How much do dental hygienists make?

| Percentile | Annual wage |
|---|---|
| 10th | $66,470 |
| Median | $94,260 |
| 90th | $83,200 |

Source: BLS OEWS, May 2024.
"""


@pytest.mark.parametrize("heading", ["How much do dental hygienists make?", "What does a dental hygienist earn?",
                                     "What is the average salary for a dental hygienist?"])
def test_a_question_heading_names_the_occupation_and_keeps_the_declared_code(heading):
    found = figures(QUESTION.replace("How much do dental hygienists make?", heading), markdown=True)
    assert (found["$66,470"].scope.occupation, found["$66,470"].scope.soc) == ("dental hygienist", "29-1292")


# -- a table whose rows are percentiles is one unit, header row or not ------------------------------------
def test_a_percentile_table_with_a_header_row_is_ordered_as_one_unit():
    assert lint(QUESTION, path="page.md", select=["salary-order"]) == [
        (14, "salary-order", "90th percentile $83,200 is below median annual wage $94,260 (stated at line 13)")]
    fixed = QUESTION.replace("$83,200", "$120,060")
    assert lint(fixed, path="page.md", select=["salary-order"]) == []


def test_a_percentile_table_with_hourly_and_annual_columns_compares_each_column():
    html = page("\n<table><tr><th>Percentile</th><th>Hourly</th><th>Annual</th></tr>\n"
                "<tr><td>10th percentile</td><td>$31.96</td><td>$66,470</td></tr>\n"
                "<tr><td>Median</td><td>$45.32</td><td>$94,260</td></tr>\n"
                "<tr><td>90th percentile</td><td>$57.72</td><td>$83,200</td></tr></table>", h1="Dental hygienists")
    assert [(line, rule) for line, rule, _ in lint(html, select=["salary-order"])] == [(7, "salary-order")]


# -- the names career sites use for an occupation BLS titles otherwise ---------------------------------------
@pytest.mark.parametrize("name, soc", [("HVAC technicians", "49-9021"), ("HVAC mechanics and installers", "49-9021"),
                                       ("welders", "51-4121"), ("vet techs", "29-2056"),
                                       ("radiologic technologists", "29-2034")])
def test_reviewed_aliases_resolve(name, soc):
    from careerlint.reference import match_occupation

    assert match_occupation(name) == soc


def test_a_page_that_declares_its_occupation_keeps_it_beside_another_name_for_it():
    html = ('<!DOCTYPE html>\n<html><head><title>HVAC Technician</title>\n'
            '<meta name="careerlint:occupation" content="49-9021"></head>\n<body>\n<h1>HVAC Technician</h1>\n'
            '<dl><dt>Median pay (2024)</dt><dd>$59,810 per year</dd>\n'
            '<dt>Typical salary range</dt><dd>$39,130 – $57,000</dd></dl>\n'
            '<p>According to the BLS, HVAC mechanics and installers earned a median of $59,810 in May 2024.</p>\n'
            '</body></html>\n')
    assert [(line, rule) for line, rule, _ in lint(html, select=["figure-outside-range"])] == [
        (6, "figure-outside-range"), (8, "figure-outside-range")]


# -- "(see MRI Technologist — median $88,180)": the figure after a dash is the named occupation's -----------
def test_a_figure_after_a_dash_belongs_to_the_occupation_before_it():
    text = ("# Radiologic Technologist\n\n- CT certification adds a little; MRI is its own job (see [[MRI Technologist]]"
            " — median $88,180 per BLS May 2024)\n")
    assert figures(text, markdown=True)["$88,180"].scope.occupation == "mri technologist"
    assert lint(text, path="page.md", select=["official-figure"]) == []
