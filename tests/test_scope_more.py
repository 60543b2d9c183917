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


# -- classes found on the held-out pages (bench/pages/blind) -------------------------------------------------
GROUPED = ('\n<p>Table 1. Annual wages by percentile, Cleveland–Akron region, May 2024</p>\n<table>\n'
           '<tr><th>Major group</th><th>Occupation</th><th>Median</th><th>90th pct.</th><th>U.S. median (May 2024)</th></tr>\n'
           '<tr><td rowspan="2">Healthcare Practitioners and Technical</td><td>Registered Nurses</td>'
           '<td>$86,950</td><td>$112,870</td><td>$93,600</td></tr>\n'
           '<tr><td>Respiratory Therapists</td><td>$74,610</td><td>{rt90}</td><td>$80,450</td></tr>\n</table>')


def test_a_cell_that_spans_rows_groups_them_and_each_row_keeps_its_occupation():
    found = figures(page(GROUPED.format(rt90="$95,480"), h1="Healthcare wages"))
    assert (found["$86,950"].scope.occupation, found["$74,610"].scope.occupation) == ("nurse registered",
                                                                                      "respiratory therapist")
    # the region's figures and the nation's are two places: no conflict, no BLS check of the region's
    assert (found["$86,950"].scope.place, found["$93,600"].scope.place) == ("metro", "")
    assert lint(page(GROUPED.format(rt90="$95,480"), h1="Healthcare wages"),
                select=["conflicting-figure", "salary-order", "official-figure"]) == []


def test_a_grouped_row_out_of_order_still_fails():
    assert lint(page(GROUPED.format(rt90="$70,480"), h1="Healthcare wages"), select=["salary-order"]) == [
        (8, "salary-order", "90th percentile $70,480 is below median annual wage $74,610")]


def test_each_figure_s_own_parenthesis_names_its_percentile():
    md = "# Audiologists\n\n## Pay\n\n- **Pay range:** $61,930 (lowest 10%) to $129,830 (highest 10%)\n"
    found = figures(md, markdown=True)
    assert (found["$61,930"].stat, found["$129,830"].stat) == ("p10", "p90")
    assert lint(md, path="page.md", select=["conflicting-figure", "salary-order"]) == []
    swapped = md.replace("(lowest 10%) to $129,830 (highest", "(highest 10%) to $129,830 (lowest")
    assert lint(swapped, path="page.md", select=["salary-order"]) == [
        (5, "salary-order", "90th percentile $61,930 is below 10th percentile $129,830")]


def test_the_writer_s_own_pay_in_a_past_year_is_no_citation():
    html = page("\n<p>When I left the classroom in 2019 I was earning $41,000 after six years.</p>\n"
                "<p>I made $9.25 an hour my first year in 1987.</p>", h1="Data analysts")
    assert lint(html, select=["stale-source"]) == []
    cited = page("\n<p>Data analysts earned a median of $41,000 in 2019, according to the BLS.</p>", h1="Data analysts")
    assert [r for _, r, _ in lint(cited, select=["stale-source"])] == ["stale-source"]


def test_back_in_an_old_release_is_history():
    html = page("\n<p>The median annual wage for electricians was $62,350 in May 2024 (BLS).</p>\n"
                "<p>Back in the May 2023 data the median was $61,590, so it is creeping up.</p>", h1="Electricians")
    assert lint(html, select=["stale-source", "mixed-vintage"]) == []


def test_a_count_of_jobs_over_a_past_period_is_no_growth_rate():
    html = page("\n<p>Employment of radiologic technologists is projected to grow 4 percent from 2024 to 2034.</p>\n"
                "<p>Employment rose steadily from 2019 to 2024, reaching 223,460 jobs in May 2024 (BLS OEWS).</p>",
                h1="Radiologic technologists")
    assert lint(html, select=["mixed-vintage"]) == []


def test_a_sentence_led_by_another_occupation_is_about_it_across_dashes():
    html = page("\n<p>The median annual wage for heavy and tractor-trailer truck drivers was $57,440 in May 2024.</p>\n"
                "<p>Light truck drivers — the people driving box trucks and vans — are a separate BLS occupation "
                "with a median of $44,140 a year.</p>", h1="Heavy and tractor-trailer truck drivers")
    assert figures(html)["$44,140 a year"].scope.occupation == "driver light truck"
    assert lint(html, select=["conflicting-figure"]) == []


def test_extra_pay_of_a_kind_is_no_salary_range():
    html = page("\n<p>The median hourly wage for truck drivers was $27.62 in May 2024.</p>\n"
                "<p>Detention pay of $15–$25 an hour after the first two hours adds up.</p>", h1="Truck drivers")
    assert lint(html, select=["figure-outside-range"]) == []
    assert [r for _, r, _ in lint(html.replace("Detention pay of", "Most drivers earn"),
                                  select=["figure-outside-range"])] == ["figure-outside-range"]


def test_a_group_narrowed_by_what_it_has_is_its_own_scope():
    html = page("\n<ul><li>Median annual creator income (all respondents): <strong>$18,400</strong></li>\n"
                "<li>Creators with 100K+ followers: median <strong>$61,000</strong></li></ul>", h1="Creator income")
    assert figures(html)["$61,000"].scope.other == "with 100k+ followers"
    assert lint(html, select=["conflicting-figure"]) == []


CHANGELOG = """# Data release notes

## 2025

### 2025.3 — September 10, 2025
- Loaded EP 2024–34. All-occupations employment is projected to grow 3.1% from 2024 to 2034.
- Growth descriptors now follow the 2024–34 thresholds: 7% or more, 5–6%, 3–4%, 1–2%, 0%, and declines.

### 2025.2 — April 15, 2025
- Loaded OEWS May 2024. All-occupations median: $49,500 (was $48,060 for May 2023).

### 2024.1 — January 9, 2024
- Site launch with 712 profiles: OEWS May 2022, EP 2022–32.
"""


def test_a_changelog_is_history_and_a_scale_is_no_growth_rate():
    found = figures(CHANGELOG, markdown=True)
    assert (found["5–6%"].is_range, found["5–6%"].value) == (True, 5.0)
    assert found["$49,500"].vintage is None   # "May 2023" dates the figure after it, not this one
    assert lint(CHANGELOG, path="page.md", select=["stale-source", "conflicting-growth", "conflicting-figure",
                                                   "mixed-vintage"]) == []
    undated = CHANGELOG.replace("### 2024.1 — January 9, 2024", "### Launch")
    assert lint(undated, path="page.md", select=["stale-source"]) == [
        (13, "stale-source", "May 2022 wage data from BLS Occupational Employment and Wage Statistics (OEWS) is 4 "
                             "years old in 2026 (policy: at most 2); May 2025 was released 2026-05-15")]


def test_a_row_label_that_is_only_a_statistic_leaves_the_column_s_occupation():
    md = ("# Plumbers vs electricians\n\n| | Plumbers | Electricians |\n|---|---|---|\n"
          "| Median pay (May 2024) | $62,970 | $62,350 |\n| Top 10% earn more than | $105,150 | $106,030 |\n")
    found = figures(md, markdown=True)
    assert (found["$105,150"].scope.occupation, found["$106,030"].scope.occupation) == ("plumber", "electrician")
    assert lint(md, path="page.md", select=["conflicting-figure"]) == []
