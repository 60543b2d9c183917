"""Classes of page found while merging the site rules (issue 17): each a failing case at its line and
a passing trap. Lines: a page's body starts on line 3 (conftest.page)."""

from careerlint.document import parse_html, parse_markdown
from careerlint.extract import extract
from conftest import _RULESET, lint, page


def figures(text: str, markdown: bool = False):
    doc = parse_markdown(text) if markdown else parse_html(text)
    return {c.text: c for c in extract(doc, _RULESET.registry) if c.kind in ("money", "percent", "count")}


# -- a ranked list of sections, each with a card, after a source line -----------------------------------
RANKED = ('\n<p class="source">Pay: BLS Occupational Employment and Wage Statistics, May 2024 (national medians).</p>\n'
          '<ol>\n<li><h2>1. Electrician</h2>\n<div class="card"><span class="v">$62,350</span>'
          '<span class="l">median pay</span></div>\n<p>Steady work in every town.</p></li>\n'
          '<li><h2>2. Plumber</h2>\n<div class="card"><span class="v">$62,970</span>'
          '<span class="l">median pay</span></div>\n<p>A clear path to your own shop.</p></li>\n</ol>')


def test_cards_in_a_list_of_sections_take_the_vintage_of_the_line_before_the_list():
    found = figures(page(RANKED, h1="Best trade jobs"))
    for text, occupation in (("$62,350", "electrician"), ("$62,970", "plumber")):
        c = found[text]
        assert (c.scope.occupation, c.vintage_text, c.how["vintage"], c.source) == (occupation, "May 2024", "intro", "bls")


def test_a_list_of_sections_after_a_long_paragraph_takes_no_vintage_from_it():
    text = RANKED.replace("Pay: BLS", "These trades were picked by our editors after a long survey of readers, "
                                       "instructors and employers in every region of the country; pay: BLS")
    text = text.replace("(national medians).", "(national medians), and the rest of the story is told below." * 3)
    assert figures(page(text, h1="Best trade jobs"))["$62,350"].vintage_text == ""


# -- "$X in May 2024, or about $Y an hour" ----------------------------------------------------------------
def test_a_figure_restated_per_hour_after_its_vintage_is_checked():
    html = page("\n<p>The median annual wage for HVAC technicians was $59,810 in May 2024, or about $26.75 an hour.</p>",
                h1="HVAC Technicians")
    assert lint(html, select=["wage-conversion"]) == [
        (4, "wage-conversion", "median hourly wage $26.75 per hour x 2,080 = $55,640 a year, but the annual figure "
                               "is $59,810 (7.0% apart)")]
    assert lint(html.replace("$26.75", "$28.75"), select=["wage-conversion"]) == []


# -- a state page whose occupation its front matter declares ----------------------------------------------
STATE = """---
title: "Electrician Salary in Ohio"
state: Ohio
occupation: "electricians"
---

# Electrician Salary in Ohio

Electricians in Ohio earned a median of $64,700 a year in May 2025, above the national median
for electricians of {national} (BLS, {vintage}).
"""


def test_a_declared_occupation_keeps_the_page_s_place():
    found = figures(STATE.format(national="$62,350", vintage="May 2024"), markdown=True)
    assert (found["$64,700 a year"].scope.place, found["$62,350"].scope.place) == ("ohio", "national")
    assert found["$62,350"].how["stat"] == "phrasing:statistic-for-occupation-of"


def test_an_old_national_figure_beside_a_new_state_one_is_stale():
    """Two vintages in one sentence are a history only when they date the same statistic."""
    text = STATE.format(national="$61,590", vintage="May 2023")
    assert lint(text, path="page.md", select=["stale-source"]) == [
        (10, "stale-source", "May 2023 wage data from U.S. Bureau of Labor Statistics is 3 years old in 2026 "
                             "(policy: at most 2); May 2025 was released 2026-05-15")]
    history = ("# Electricians\n\nThe median for electricians went from $61,590 in May 2023 to $64,700 in "
               "May 2025 (BLS).\n")
    assert lint(history, path="page.md", select=["stale-source"]) == []


def test_a_national_figure_on_a_state_page_is_checked_against_bls():
    text = STATE.format(national="$61,590", vintage="May 2024")
    assert lint(text, path="page.md", select=["official-figure"]) == [
        (10, "official-figure", "median annual wage for electricians, May 2024: page $61,590, OEWS May 2024 $62,350")]
    assert lint(STATE.format(national="$62,350", vintage="May 2024"), path="page.md", select=["official-figure"]) == []
