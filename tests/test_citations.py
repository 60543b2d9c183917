"""Issue 12: every stale citation real sites write, and the years that are no citation at all.

Judged as of 2026-11-22 (tests/conftest.py): BLS wages of May 2023 and older, and projections based
in 2023 and earlier, are stale. A page's body starts on line 3."""

import pytest

from careerlint.document import parse_html
from careerlint.extract import extract
from conftest import _RULESET, lint, page

STALE = ["stale-source"]


def stale(body: str, h1: str = "Electricians", markdown: bool = False):
    return [(line, msg) for line, _rule, msg in lint(page(body, h1=h1), select=STALE)]


# -- vintages written as a bare year or a phrase ------------------------------------------------------
@pytest.mark.parametrize("sentence,vintage", [
    ("The median annual wage for electricians was $65,380 in 2021.", "2021"),
    ("In 2018 the median wage for electricians was $60,320.", "2018"),
    ("Electricians earned $56,900 per year as of 2020.", "2020"),
    ("As of 2020, electricians earned $56,900.", "2020"),
    ("The 2021 data from the BLS shows a median of $60,040 for electricians.", "2021"),
    ("According to 2019 BLS figures, the median wage for electricians was $55,190.", "2019"),
    ("Electricians earned a median of $60,240 (BLS, 2022).", "2022"),
    ("According to 2023 data, electricians took home a median of $61,590.", "2023"),
])
def test_a_bare_year_attached_to_a_wage_is_its_vintage(sentence, vintage):
    found = stale(f"<p>{sentence}</p>")
    assert len(found) == 1 and found[0][0] == 3 and found[0][1].startswith(f"{vintage} wage data from "), found


@pytest.mark.parametrize("sentence", [
    "Since 2018 the field has grown quickly, and electricians now earn a median of $62,350 a year.",
    "Our school was founded in 2021 and trains electricians who earn a median of $62,350 a year.",
    "A 2023 survey of employers found that 40% plan to hire apprentices next year.",
    "I worked as an electrician from 2015 to 2019, earning about $30 an hour.",
    "Copyright 2019 Example Media. Electricians earn a median of $62,350 a year.",
    "Updated March 2023 by our editors. Electricians earn a median of $62,350 a year.",
])
def test_a_year_that_dates_something_else_is_no_citation(sentence):
    assert stale(f"<p>{sentence}</p>") == []


def test_front_matter_dates_and_bylines_are_no_citation():
    md = ("---\ntitle: Electrician salary\ndate: 2021-03-04\nlastmod: 2023-05-01\n---\n# Electricians\n\n"
          "*By Dana Cole, updated May 2023*\n\nElectricians earn a median of $62,350 a year (BLS, May 2024).\n")
    assert lint(md, select=STALE, path="guide.md") == []


def test_a_vintage_never_travels_far():
    body = ("<p>As of 2020, electricians earned $56,900.</p>\n" + "<p>Electricians install wiring.</p>\n" * 50 +
            "<p>Source: BLS, May 2023.</p>")
    claims = extract(parse_html(page(body, h1="Electricians")), _RULESET.registry)
    fig = next(c for c in claims if c.text == "$56,900")
    assert (fig.vintage_text, fig.how["vintage"]) == ("2020", "clause")


# -- projections by their end year, or in other words ---------------------------------------------------
@pytest.mark.parametrize("sentence,period", [
    ("The BLS expects 6% growth until 2032 for electricians.", "2022–2032"),
    ("Employment of electricians is projected to grow 23% through 2026.", "2016–2026"),
    ("The field is expected to add 80,000 jobs by 2030.", "2020–2030"),
    ("Demand should rise 46 percent over the decade ending in 2033.", "2023–2033"),
    ("Analysts cite a 27% rise in demand between 2021 to 2031.", "2021–2031"),
    ("The job outlook for 2019–29 is 4%.", "2019–2029"),
    ("The BLS projects about 441,000 new jobs from 2019 to 2029.", "2019–2029"),
])
def test_a_projection_by_its_end_year_or_in_other_words_is_judged(sentence, period):
    found = stale(f"<p>{sentence}</p>")
    assert len(found) == 1 and found[0][0] == 3 and found[0][1].startswith(f"{period} projection"), found


def test_an_expired_end_year_projection_still_stated_as_a_forecast():
    html = page("<p>Employment of electricians is expected to grow 25% by 2024.</p>", h1="Electricians")
    assert lint(html, select=["expired-projection"]) == [
        (3, "expired-projection", "projection for 2014–2024 ended in 2024 but is stated as a forecast (25% growth)")]


def test_an_end_year_projection_is_compared_with_the_same_cycle_in_full():
    html = page("<p>Employment of electricians is projected to grow 6% through 2032.</p>\n"
                "<p>Employment of electricians is projected to grow 7% from 2022 to 2032.</p>", h1="Electricians")
    assert lint(html, select=["conflicting-growth"]) == [
        (4, "conflicting-growth", "growth rate 7% here vs 6% at line 3 for 2022–2032")]


def test_new_jobs_from_two_cycles_are_mixed_vintages():
    html = page("<p>Employment of electricians is projected to grow 9 percent from 2024 to 2034.</p>\n"
                "<p>Electricians are projected to add 84,700 new jobs from 2019 to 2029.</p>", h1="Electricians")
    assert [r for _, r, _ in lint(html, select=["mixed-vintage", "stale-source"])] == ["mixed-vintage", "stale-source"]


# -- tables whose rows are periods or years ---------------------------------------------------------------
def test_each_row_of_a_period_table_has_its_own_period():
    html = page("<table><tr><th>Projection</th><th>Growth (%)</th></tr>\n"
                "<tr><td>2022-2032</td><td>6</td></tr>\n<tr><td>2023-2033</td><td>11</td></tr>\n"
                "<tr><td>2024-2034</td><td>9</td></tr></table>", h1="Electricians")
    claims = extract(parse_html(html), _RULESET.registry)
    rates = [(c.value, c.period, c.how["period"]) for c in claims if c.kind == "percent"]
    assert rates == [(6, (2022, 2032), "table-row"), (11, (2023, 2033), "table-row"), (9, (2024, 2034), "table-row")]
    assert lint(html) == []  # a history of cycles whose newest is current


def test_each_row_of_a_year_table_has_its_own_vintage():
    html = page("<table><tr><th>Year</th><th>Median annual wage</th></tr>\n"
                "<tr><td>May 2023</td><td>$59,190</td></tr>\n<tr><td>May 2024</td><td>$61,020</td></tr></table>",
                h1="Medical Assistants")
    claims = extract(parse_html(html), _RULESET.registry)
    assert [(c.value, c.vintage_text) for c in claims if c.kind == "money"] == [(59190, "May 2023"),
                                                                                (61020, "May 2024")]
    assert lint(html) == []


def test_a_year_over_year_change_column_is_history_not_a_projection():
    html = page("<table><tr><th>Year</th><th>Median wage</th><th>Change from prior year</th></tr>\n"
                "<tr><td>2021</td><td>$56,900</td><td></td></tr>\n<tr><td>2022</td><td>$60,240</td><td>+5.9%</td></tr>\n"
                "<tr><td>2024</td><td>$62,350</td><td>+3.5%</td></tr></table>", h1="Electricians")
    assert lint(html) == []


# -- numbers as writers type them ---------------------------------------------------------------------------
def test_numbers_as_typed():
    claims = extract(parse_html(page("<p>The median pay is $59, 170 a year, or $24.5 per hour.</p>\n"
                                     "<p>That is about $1,150 per week or $4,800 a month.</p>", h1="LPNs")),
                     _RULESET.registry)
    assert [(c.text, c.value, c.per) for c in claims if c.kind == "money"] == [
        ("$59, 170 a year", 59170, "year"), ("$24.5 per hour", 24.5, "hour"),
        ("$1,150 per week", 1150, "week"), ("$4,800 a month", 4800, "month")]


def test_a_weekly_wage_converts_when_the_page_says_it_is_the_same_statistic():
    html = page("<p>The median annual wage for LPNs is $62,340. That median works out to about $1,350 per week.</p>",
                h1="Licensed Practical Nurses")
    assert lint(html, select=["wage-conversion"]) == [
        (3, "wage-conversion", "median weekly wage $1,350 a week x 52 = $70,200 a year, but the annual figure is "
                               "$62,340 (12.6% apart)")]
    ok = page("<p>The median annual wage for LPNs is $62,340. Travel LPNs often take home $1,350 per week.</p>",
              h1="Licensed Practical Nurses")
    assert lint(ok, select=["wage-conversion"]) == []


# -- a source carried within a paragraph ----------------------------------------------------------------------
def test_a_source_named_earlier_in_the_paragraph_is_the_figures_source():
    found = stale("<p>According to the Bureau of Labor Statistics, the median annual wage for electricians was "
                  "$60,240 in May 2022. The top 10 percent earned more than $104,180 in May 2022.</p>")
    assert [msg for _, msg in found] == [
        "May 2022 wage data from U.S. Bureau of Labor Statistics is 4 years old in 2026 (policy: at most 2); "
        "May 2025 was released 2026-05-15"] * 2
