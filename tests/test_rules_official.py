"""Rules against BLS's published figures: official-figure, official-statistic, official-growth, newer-release,
and what stale-source and growth-descriptor take from the reference data.

Every figure asserted as BLS's is the national, cross-industry OEWS May 2024 / May 2025 figure or the
Employment Projections 2024–34 figure (../shared/reference); pages are checked as of 2026-11-22.
"""

import datetime as dt

import pytest

from conftest import lint, page

OFFICIAL = ["official-figure", "official-statistic", "official-growth"]
ALL = OFFICIAL + ["newer-release"]
SRC = " according to the U.S. Bureau of Labor Statistics."


def official(body: str, h1: str = "Career guide", **kw):
    return lint(page(body, h1=h1), select=OFFICIAL, **kw)


# -- official-figure: failing ------------------------------------------------------------------------
def test_transposed_digits_in_the_median():
    assert official("<p>The median annual wage for electricians was $62,530 in May 2024," + SRC + "</p>") == [
        (3, "official-figure", "median annual wage for electricians, May 2024: page $62,530, OEWS May 2024 $62,350")]


def test_hourly_median_in_a_card():
    body = ('<div class="stat"><span class="label">Median hourly wage (May 2024)</span>\n'
            '<span class="value">$29.89</span></div>\n<p>Source: U.S. Bureau of Labor Statistics.</p>')
    assert official(body, h1="Electricians") == [
        (4, "official-figure", "median hourly wage for electricians, May 2024: page $29.89, OEWS May 2024 $29.98")]


def test_a_bare_wage_year_is_the_may_release_of_that_year():
    body = ("<table><tr><th>Year</th><th>Median annual wage</th></tr>\n"
            "<tr><td>2024</td><td>$62,530</td></tr></table>\n<p>Source: U.S. Bureau of Labor Statistics.</p>")
    assert official(body, h1="Electricians") == [
        (4, "official-figure", "median annual wage for electricians, May 2024: page $62,530, OEWS May 2024 $62,350")]


def test_a_bare_year_in_prose_may_be_the_year_the_data_was_published():
    # "(BLS, 2024)" may cite May 2023 figures published in 2024; careerlint has no May 2023 data to tell
    body = "<p>Electricians earn a median annual wage of $62,530 (BLS, 2024).</p>"
    assert official(body, h1="Electricians") == []
    # ... but "(BLS, 2025)": May 2024's $62,350 is that reading, and anything else is wrong for both
    assert official("<p>Electricians earn a median annual wage of $62,350 (BLS, 2025).</p>", h1="Electricians") == []
    assert official("<p>Electricians earn a median annual wage of $62,530 (BLS, 2025).</p>", h1="Electricians") == [
        (3, "official-figure", "median annual wage for electricians, May 2025: page $62,530, OEWS May 2025 $63,190")]


def test_the_page_declaration_settles_an_ambiguous_name():
    head = ('<!DOCTYPE html>\n<html><head><title>Medical Billing Specialist</title>'
            '<meta name="careerlint:occupation" content="29-2072"></head>\n<body><h1>Medical Billing Specialist</h1>')
    html = head + "<p>Medical billing specialists earned a median annual wage of $48,200 in May 2024," + SRC + \
        "</p>\n</body></html>\n"
    assert lint(html, select=OFFICIAL) == [
        (3, "official-figure", "median annual wage for medical records specialists, May 2024: page $48,200, "
                               "OEWS May 2024 $50,250")]
    undeclared = html.replace('<meta name="careerlint:occupation" content="29-2072">', "")
    assert lint(undeclared, select=OFFICIAL) == []   # two occupations go by that name: no guess


def test_a_rounded_figure_beyond_its_rounding():
    assert official("<p>The median annual wage for electricians was about $61,000 in May 2024," + SRC + "</p>") == [
        (3, "official-figure", "median annual wage for electricians, May 2024: page $61,000, OEWS May 2024 $62,350")]


def test_a_percentile_in_a_table_row():
    body = ("<table><caption>Electrician wages, May 2024 (BLS)</caption>\n"
            "<tr><th>Percentile</th><th>Annual wage</th></tr>\n"
            "<tr><th>10th percentile</th><td>$39,430</td></tr>\n"
            "<tr><th>Median</th><td>$62,350</td></tr>\n"
            "<tr><th>90th percentile</th><td>$160,030</td></tr></table>")
    assert official(body, h1="Electricians") == [
        (7, "official-figure", "90th percentile annual wage for electricians, May 2024: page $160,030, "
                               "OEWS May 2024 $106,030")]


# -- official-figure: passing ------------------------------------------------------------------------
@pytest.mark.parametrize("figure", ["$62,350", "$62k", "about $62,000", "$62,000", "$62,400", "$62.35k"])
def test_bls_figure_and_its_roundings_agree(figure):
    assert official(f"<p>The median annual wage for electricians was {figure} in May 2024," + SRC + "</p>") == []


@pytest.mark.parametrize("body, why", [
    ("<p>Electricians in Ohio earned a median annual wage of $64,180 in May 2024," + SRC + "</p>", "a state"),
    ("<p>Entry-level electricians earned a median of $45,000 in May 2024," + SRC + "</p>", "a level"),
    ("<p>The top 10 percent of electricians earned more than $100,000 in May 2024," + SRC + "</p>", "a threshold"),
    ("<p>The median annual wage for electricians was $62,530 in May 2024, according to PayScale.</p>",
     "another source"),
    ("<p>The median annual wage for electricians was $62,530 in June 2024," + SRC + "</p>", "not an OEWS release"),
    ("<p>The median annual wage for electricians was $60,240 in May 2023," + SRC + "</p>",
     "a release careerlint has no data for"),
    ("<p>The median annual wage for electricians was $62,530," + SRC + "</p>", "no release"),
    ("<p>The median annual wage for unicorn wranglers was $62,530 in May 2024," + SRC + "</p>", "unknown name"),
    ("<p>The median annual wage for cashiers was $12,000 in May 2024," + SRC + "</p>", "an ambiguous name"),
    ("<p>The median annual wage for postsecondary teachers was $83,980 in May 2024," + SRC + "</p>",
     "a group OEWS estimates as a whole, whose Handbook median differs"),
    ("<p>In May 2024 the median for plumbers was $62,970 and for electricians $62,350," + SRC + "</p>",
     "two figures in one sentence, whose occupation no phrasing decides"),
])
def test_silent_when_anything_is_uncertain(body, why):
    assert official(body, h1="Electricians") == [], why


def test_top_coded_percentiles_are_not_compared():
    body = ("<table><caption>Nurse anesthetist wages, May 2024 (BLS)</caption>\n"
            "<tr><th>Percentile</th><th>Annual wage</th></tr>\n"
            "<tr><th>75th percentile</th><td>$239,200</td></tr>\n"
            "<tr><th>90th percentile</th><td>$239,200 or more</td></tr></table>")
    assert official(body, h1="Nurse Anesthetists") == []


# -- official-statistic ------------------------------------------------------------------------------
def test_the_mean_quoted_as_the_median():
    assert official("<p>The median annual wage for carpenters was $64,040 in May 2024," + SRC + "</p>") == [
        (3, "official-statistic", "$64,040 is the May 2024 mean annual wage for carpenters, quoted as the median "
                                  "(OEWS May 2024 median annual wage: $59,310)")]


def test_the_next_release_labelled_as_this_one():
    assert official("<p>The median annual wage for electricians was $63,190 in May 2024," + SRC + "</p>") == [
        (3, "official-statistic", "$63,190 is the May 2025 median annual wage for electricians, labelled "
                                  "May 2024 (OEWS May 2024 median annual wage: $62,350)")]


def test_another_statistic_of_another_release():
    # $71,490 is electricians' May 2025 mean
    assert official("<p>The median annual wage for electricians was $71,490 in May 2024," + SRC + "</p>") == [
        (3, "official-statistic", "$71,490 is the May 2025 mean annual wage for electricians, quoted as the May 2024 "
                                  "median (OEWS May 2024 median annual wage: $62,350)")]


def test_the_median_called_an_average():
    assert official("<p>Electricians earn an average salary of $62,350 a year (BLS, May 2024).</p>",
                    h1="Electricians") == [
        (3, "official-statistic", "$62,350 is the May 2024 median annual wage for electricians, quoted as the mean "
                                  "(OEWS May 2024 mean annual wage: $69,630)")]


# -- official-growth ----------------------------------------------------------------------------------
def test_growth_rate_other_than_published():
    body = "<p>Employment of physical therapists is projected to grow 14 percent from 2024 to 2034.</p>"
    assert official(body) == [
        (3, "official-growth", "projected growth for physical therapists, 2024–34: page 14%, EP 2024–34 11%")]


@pytest.mark.parametrize("rate", ["11 percent", "about 11%", "11.2%", "10.9%"])
def test_growth_rate_within_rounding(rate):
    body = f"<p>Employment of physical therapists is projected to grow {rate} from 2024 to 2034.</p>"
    assert official(body) == []


def test_growth_rate_of_a_declining_occupation():
    # 43-3021 billing and posting clerks: 429,800 to 427,900, 0%; 33-3010 correctional officers: -7%
    ok = "<p>Employment of correctional officers and bailiffs is projected to decline 7 percent from 2024 to 2034.</p>"
    assert official(ok) == []
    wrong = "<p>Employment of correctional officers and bailiffs is projected to decline 3 percent from 2024 to 2034.</p>"
    assert official(wrong) == [
        (3, "official-growth", "projected growth for bailiffs, correctional officers, and jailers, 2024–34: page -3%, "
                               "EP 2024–34 -7%")]


@pytest.mark.parametrize("body, why", [
    ("<p>Employment of physical therapists in Texas is projected to grow 25 percent from 2024 to 2034.</p>",
     "a state's projection"),
    ("<p>Employment of physical therapists is projected to grow 17 percent from 2022 to 2032.</p>",
     "a cycle careerlint has no data for"),
    ("<p>Lightcast projects employment of physical therapists to grow 14 percent from 2024 to 2034.</p>",
     "another source"),
])
def test_growth_silent_when_uncertain(body, why):
    assert official(body) == [], why


# -- newer-release ------------------------------------------------------------------------------------
def test_newer_release_names_the_current_figure():
    body = "<p>The median annual wage for electricians was $62,350 in May 2024," + SRC + "</p>"
    assert lint(page(body), select=ALL) == [
        (3, "newer-release", "OEWS May 2025 is out (2026-05-15): median annual wage for electricians $63,190")]
    # before May 2025 was published, May 2024 was current
    assert lint(page(body), select=ALL, as_of=dt.date(2026, 3, 1)) == []


def test_newer_release_for_a_stale_vintage_and_a_stale_projection():
    body = ("<p>The median annual wage for electricians was $60,240 in May 2023," + SRC + "</p>\n"
            "<p>Employment of electricians is projected to grow 11 percent from 2023 to 2033, according to the BLS.</p>")
    assert lint(page(body), select=ALL + ["stale-source"]) == [
        (3, "newer-release", "OEWS May 2025 is out (2026-05-15): median annual wage for electricians $63,190"),
        (3, "stale-source", "May 2023 wage data from U.S. Bureau of Labor Statistics is 3 years old in 2026 "
                            "(policy: at most 2); May 2025 was released 2026-05-15"),
        (4, "newer-release", "EP 2024–34 is out (2025-08-28): projected growth for electricians 9%"),
        (4, "stale-source", "2023–2033 projection from U.S. Bureau of Labor Statistics is 3 years old in 2026 "
                            "(policy: at most 2); 2024–34 was released 2025-08-28"),
    ]


def test_stale_source_of_another_publisher_names_no_bls_release():
    body = "<p>Electricians earned a median of $58,000 in May 2023, according to PayScale.</p>"
    assert lint(page(body), select=ALL + ["stale-source"]) == [
        (3, "stale-source", "May 2023 wage data from PayScale is 3 years old in 2026 (policy: at most 1)")]


def test_an_imported_release_is_the_newest_once_it_is_out(tmp_path):
    """A release installed with `careerlint data import` that the calendar does not know yet: out from
    the year after its reference year (or its own date), then named by newer-release and stale-source."""
    from careerlint.reference import store

    from conftest import ROOT

    data = store.read_json(ROOT / "rules" / "reference" / "oews-2025.json.gz")
    data.update(release=2026, label="May 2026", released=None)
    store.write_atomic(tmp_path / "oews-2026.json.gz", store.encode(data))
    body = "<p>The median annual wage for electricians was $60,240 in May 2023," + SRC + "</p>"
    store.configure(tmp_path)
    try:
        assert lint(page(body), select=["newer-release", "stale-source"], as_of=dt.date(2027, 6, 1)) == [
            (3, "newer-release", "OEWS May 2026 is out: median annual wage for electricians $63,190"),
            (3, "stale-source", "May 2023 wage data from U.S. Bureau of Labor Statistics is 4 years old in 2027 "
                                "(policy: at most 2); May 2026 is out")]
        # in 2026 it cannot be out yet: May 2025 is the newest
        assert lint(page(body), select=["newer-release"], as_of=dt.date(2026, 11, 22)) == [
            (3, "newer-release", "OEWS May 2025 is out (2026-05-15): median annual wage for electricians $63,190")]
    finally:
        store.configure(None)
