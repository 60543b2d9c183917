"""Classes of page found on the third held-out set (bench/pages/blind3): tables with two label columns,
currencies named by a label, a year basis other than 2,080 hours, events dated by a year, and more.
Each a failing case at its line and a passing trap. Lines: a page's body starts on line 3 (conftest.page)."""

from careerlint.document import parse_html, parse_markdown
from careerlint.extract import extract
from conftest import _RULESET, lint, page


def figures(text: str, markdown: bool = False):
    doc = parse_markdown(text) if markdown else parse_html(text)
    return {c.text: c for c in extract(doc, _RULESET.registry) if c.kind in ("money", "percent", "count")}


# -- a row with two label columns: each value belongs to the label before it --------------------------------
PAIRS = """
<table><thead><tr><th>Province</th><th>Median hourly (CAD)</th><th>Neighbouring state</th><th>Median hourly (USD)</th></tr></thead>
<tbody><tr><td>Ontario</td><td>$45.50</td><td>Michigan</td><td>$42.80</td></tr>
<tr><td>Quebec</td><td>$41.80</td><td>Vermont</td><td>$44.90</td></tr></tbody></table>
<p>Provincial figures: Job Bank 2024. State figures: BLS state estimates, May 2024.</p>
"""


def test_a_second_label_column_names_the_place_of_the_values_after_it():
    found = figures(page(PAIRS, h1="Registered nurses in Canada and the U.S."))
    assert (found["$45.50"].scope.place, found["$42.80"].scope.place) == ("ontario", "michigan")
    assert (found["$45.50"].currency, found["$42.80"].currency) == ("CAD", "USD")
    assert lint(page(PAIRS, h1="Registered nurses"), select=["conflicting-figure"]) == []


def test_a_text_column_that_names_no_one_does_not_start_a_new_group():
    html = page("\n<table><thead><tr><th>Occupation</th><th>Median pay</th><th>Outlook</th><th>Growth, 2024–34</th>"
                "</tr></thead>\n<tbody><tr><td>Electricians</td><td>$62,350</td><td>Much faster than average</td>"
                "<td>9%</td></tr></tbody></table>", h1="Trade careers")
    assert figures(html)["9%"].scope.occupation == "electrician"


# -- a "$" under a label that names another currency; a year of other than 2,080 hours -------------------------
def test_a_label_naming_canadian_dollars_makes_the_figures_cad_and_skips_the_2080_hour_check():
    text = ("# Developer pay\n\n**Toronto (CAD)**\n\n- Median wage for software engineers in Toronto: $52.00 an hour, "
            "about $101,400 a year (Job Bank, 2024).\n")
    assert figures(text, markdown=True)["$52.00 an hour"].currency == "CAD"
    assert lint(text, path="page.md", select=["wage-conversion"]) == []
    us = text.replace("**Toronto (CAD)**", "**Seattle**")
    assert [(line, rule) for line, rule, _ in lint(us, path="page.md", select=["wage-conversion"])] == [
        (5, "wage-conversion")]


def test_a_stated_year_of_other_hours_is_not_checked_against_2080():
    html = page("\n<p>Median pay for welders: $24.00 an hour, about $46,800 a year at 1,950 hours.</p>", h1="Welders")
    assert lint(html, select=["wage-conversion"]) == []
    html = page("\n<p>Median pay for welders: $24.00 an hour, about $46,800 a year.</p>", h1="Welders")
    assert lint(html, select=["wage-conversion"]) == [
        (4, "wage-conversion", "median hourly wage $24 per hour x 2,080 = $49,920 a year, but the annual "
                               "figure is $46,800 (6.7% apart)")]


# -- "cut thousands of jobs in 2023" is an event, not employment data of 2023 --------------------------------
def test_jobs_in_a_year_is_an_event_and_employment_in_a_year_is_data():
    html = page("\n<p>BLS projects 16% growth from 2024 to 2034. Seattle cut thousands of tech jobs in 2023 and "
                "hired many back by 2025.</p>", h1="Software developers")
    assert lint(html, select=["stale-source"]) == []
    html = page("\n<p>BLS counted software developer employment in 2021 at about 1.5 million.</p>",
                h1="Software developers")
    assert [(line, rule) for line, rule, _ in lint(html, select=["stale-source"])] == [(4, "stale-source")]


# -- a list of groups each right before its figure ------------------------------------------------------------
OUTLOOK = ("# Dental pay report\n\nBLS Employment Projections 2024–34: dentists +4% (about as fast as average), "
           "dental hygienists +7% (much faster than average), dental assistants +6% (faster than average).\n")


def test_each_group_in_a_list_of_figures_owns_the_figure_after_it():
    found = figures(OUTLOOK, markdown=True)
    assert [found[t].scope.occupation for t in ("+4%", "+7%", "+6%")] == ["dentist", "dental hygienist",
                                                                          "assistant dental"]
    assert lint(OUTLOOK, path="page.md", select=["conflicting-growth"]) == []


def test_one_group_with_two_rates_in_a_list_still_conflicts():
    text = OUTLOOK.replace("dental assistants +6%", "dental hygienists +6%")
    assert [(line, rule) for line, rule, _ in lint(text, path="page.md", select=["conflicting-growth"])] == [
        (3, "conflicting-growth")]


# -- a paragraph after a table that names two releases dates none of its figures -------------------------------
RELEASES = """# Dental pay

## National figures (BLS, May 2025)

| Occupation | Median |
|---|---|
| Dental hygienists | $98,100 |

In the May 2024 release the top percentile for dentists was above the BLS cap; the May 2025 data report it.
"""


def test_a_source_paragraph_naming_two_releases_leaves_the_vintage_to_the_heading():
    assert figures(RELEASES, markdown=True)["$98,100"].vintage_text == "May 2025"
    assert lint(RELEASES, path="page.md", select=["official-statistic", "official-figure"]) == []


def test_a_source_line_naming_one_release_dates_the_table():
    text = RELEASES.replace("In the May 2024 release the top percentile for dentists was above the BLS cap; "
                            "the May 2025 data report it.", "Source: BLS OEWS, May 2024.")
    assert figures(text, markdown=True)["$98,100"].vintage_text == "May 2024"
    assert [(line, rule) for line, rule, _ in lint(text, path="page.md", select=["official-statistic"])] == [
        (7, "official-statistic")]


def test_a_card_label_after_its_value_still_leads_with_the_occupation():
    html = page('\n<div class="stat"><span class="num">$81,680</span><span class="lbl">Median salary, accountants '
                'and auditors (BLS, May 2025)</span></div>', h1="Accountant salary guide")
    assert figures(html)["$81,680"].scope.occupation == "accountant auditor"


def test_a_heading_naming_a_release_dates_the_table_under_it_but_not_prose():
    assert figures(RELEASES.replace("(BLS, May 2025)", "(BLS, May 2023)"), markdown=True)["$98,100"].vintage_text == \
        "May 2023"
    prose = "# Dental pay\n\n## What changed after May 2021\n\nDental hygienists earned a median of $98,100.\n"
    assert figures(prose, markdown=True)["$98,100"].vintage_text == ""


# -- an archive of dated issues: each says what was current on its day ----------------------------------------
ARCHIVE = """
<h2>Issue #95: Wind pay, one year later</h2>
<time datetime="2025-05-05">May 5, 2025</time>
<p>New OEWS data (May 2024) are out: wind turbine technicians earned a median of $62,580.</p>
<h2>Issue #59: Should you retrain?</h2>
<time datetime="2022-09-12">September 12, 2022</time>
<p>BLS says wind techs earned a median of $56,260 in May 2021.</p>
"""


def test_issues_of_a_dated_archive_are_not_stale():
    assert lint(page(ARCHIVE, h1="Wind Tech Weekly: archive"), select=["stale-source"]) == []


def test_one_dated_post_under_a_site_title_is_still_checked():
    one = ARCHIVE[:ARCHIVE.index("<h2>Issue #59")].replace("May 2024", "May 2021")
    assert [(line, rule) for line, rule, _ in lint(page(one, h1="Wind Tech Weekly"), select=["stale-source"])] == [
        (6, "stale-source")]


# -- a title comparing occupations gives no page default ------------------------------------------------------
CARDS = """
<div class="card"><div class="card-header">Electrician</div><div class="card-body">
<p><small>Median pay</small></p><h3 class="card-title">$62,350<small>/yr</small></h3><p>$29.98 per hour</p>
<p>Growth 2024–34: <strong>9%</strong> (much faster than average)</p></div></div>
<div class="card"><div class="card-header">Plumber</div><div class="card-body">
<p><small>Median pay</small></p><h3 class="card-title">$62,970<small>/yr</small></h3><p>$30.27 per hour</p>
<p>Growth 2024–34: <strong>4%</strong> (about as fast as average)</p></div></div>
"""


def test_cards_of_a_comparison_page_are_their_headers_occupations():
    for h1 in ("Electrician vs. Plumber", "Electrician"):
        html = page(CARDS, title=f"{h1}: Which Trade Pays More?", h1=h1)
        found = figures(html)
        assert [(found[t].scope.occupation, found[t].how["occupation"]) for t in ("9%", "4%")] == [
            ("electrician", "card-title"), ("plumber", "card-title")]
        assert lint(html, select=["conflicting-growth", "conflicting-figure"]) == []


def test_a_comparison_page_has_no_default_occupation():
    prose = "\n<p>Growth 2024–34: 9% for one trade.</p>\n<p>Growth 2024–34: 4% for the other.</p>"
    html = page(prose, title="Electrician vs. Plumber: Which Trade Pays More?", h1="Electrician vs. Plumber")
    assert figures(html)["9%"].scope.occupation is None
    assert lint(html, select=["conflicting-growth"]) == []
    one = page(prose, title="Electrician career guide", h1="Electrician")
    assert (figures(one)["9%"].scope.occupation, figures(one)["9%"].how["occupation"]) == ("electrician", "page")


# -- a sentence telling how a figure moved between two past releases ----------------------------------------
HISTORY = """# Pharmacist pay

<Chart data={[{year: 2019, median: 128090}, {year: 2024, median: 136030}]} />

Pharmacists earned a median of $136,030 in May 2024, according to the BLS.

From May 2019 to May 2021 the median went from $128,090 to $128,570, barely moving in two years.
"""


def test_a_change_between_two_past_releases_is_history_on_a_page_with_a_current_one():
    assert lint(HISTORY, path="page.md", select=["stale-source"]) == []


def test_the_same_change_is_stale_when_the_page_has_nothing_newer():
    text = HISTORY.replace("Pharmacists earned a median of $136,030 in May 2024, according to the BLS.\n", "")
    assert [rule for _, rule, _ in lint(text, path="page.md", select=["stale-source"])] == ["stale-source"] * 2


# -- the rows of one table are different entries ------------------------------------------------------------
def test_two_rows_of_a_cohort_table_do_not_conflict():
    html = page("\n<table><thead><tr><th>Class</th><th>Average starting wage</th></tr></thead>\n"
                "<tbody><tr><td>Spring 2024</td><td>$20.15</td></tr>\n<tr><td>Fall 2024</td><td>$21.05</td></tr>"
                "</tbody></table>", h1="Electrical apprenticeship program")
    assert lint(html, select=["conflicting-figure"]) == []
