"""stale-source and expired-projection: failing and passing cases with exact lines and messages."""

import datetime as dt

from conftest import lint, page

H1 = "Medical Billing Specialists"


def test_stale_wage_vintage_is_reported_at_the_vintage():
    html = page(
        "<p>The median annual wage for medical billing specialists was $47,190 in May 2023,\n"
        "according to the Bureau of Labor Statistics.</p>", h1=H1)
    assert lint(html, select=["stale-source"]) == [
        (3, "stale-source", "May 2023 wage data from U.S. Bureau of Labor Statistics is 3 years old in 2026 (policy: at most 2); May 2025 was released 2026-05-15"),
    ]


def test_current_wage_vintage_passes():
    html = page("<p>The median annual wage for medical billing specialists was $50,250 in May 2024.</p>", h1=H1)
    assert lint(html, select=["stale-source"]) == []


def test_staleness_depends_on_the_as_of_date_not_today():
    html = page("<p>The median annual wage for medical billing specialists was $50,250 in May 2024.</p>", h1=H1)
    assert lint(html, as_of=dt.date(2027, 1, 1), select=["stale-source"]) == [
        (3, "stale-source", "May 2024 wage data from an unnamed source is 3 years old in 2027 (policy: at most 2); May 2025 was released 2026-05-15"),
    ]


def test_stale_projection_cycle_in_a_key_fact_card():
    html = page(
        '<div class="card"><h3>Growth Outlook</h3>\n<p>6%</p>\n'
        "<p>as fast as average (U.S. Bureau of Labor Statistics, 2022-2032)</p></div>", h1=H1)
    assert lint(html, select=["stale-source"]) == [
        (5, "stale-source", "2022–2032 projection from U.S. Bureau of Labor Statistics is 4 years old in 2026 (policy: at most 2); 2024–34 was released 2025-08-28"),
    ]


def test_current_projection_cycle_passes():
    html = page("<p>Employment of medical billing specialists is projected to grow 7 percent from 2024 to 2034.</p>", h1=H1)
    assert lint(html, select=["stale-source", "expired-projection"]) == []


def test_page_dates_and_past_periods_are_not_data_vintages():
    html = page(
        "<p>Updated May 2019 by our editors.</p>\n"
        "<p>The field changed a great deal from 2019 to 2023 as records went electronic.</p>\n"
        "<p>Employment grew 12% between 2012 and 2022.</p>", h1=H1)
    assert lint(html) == []


def test_history_table_with_a_current_newest_vintage_is_not_stale():
    rows = "".join(f"<tr><td>May {y}</td><td>${40000 + (y - 2015) * 1000:,}</td></tr>\n" for y in range(2015, 2025))
    html = page(f"<table><tr><th>Year</th><th>Median annual wage</th></tr>\n{rows}</table>", h1=H1)
    assert lint(html) == []


def test_history_table_whose_newest_vintage_is_old_is_stale():
    rows = "".join(f"<tr><td>May {y}</td><td>${40000 + (y - 2015) * 1000:,}</td></tr>\n" for y in range(2015, 2018))
    html = page(f"<table><tr><th>Year</th><th>Median annual wage</th></tr>\n{rows}</table>", h1=H1)
    assert [f[:2] for f in lint(html, select=["stale-source"])] == [(4, "stale-source"), (5, "stale-source"), (6, "stale-source")]


def test_disclosed_latest_vintage_is_not_stale():
    # BLS pages say so when an occupation's wage data were last updated years ago
    html = page(
        "<p>Wage data reported for this occupation were updated most recently in May 2017.</p>\n"
        "<p>The median annual wage for fishing and hunting workers was $28,530 in May 2017.</p>", h1="Fishers")
    assert lint(html) == []


def test_expired_projection_stated_as_forecast():
    html = page(
        "<p>Overall, the BLS projects a better than average job growth of 18% for these\n"
        "professionals between 2012 and 2022.</p>", h1=H1)
    assert lint(html) == [
        (4, "expired-projection", "projection for 2012–2022 ended in 2022 but is stated as a forecast (18% growth)"),
    ]


def test_expired_period_in_the_past_tense_is_history():
    html = page("<p>BLS had projected 18% growth between 2012 and 2022; actual growth was lower.</p>", h1=H1)
    assert lint(html) == []


def test_projection_ending_this_year_has_not_expired():
    html = page("<p>The BLS projects 8% growth from 2016 to 2026.</p>", h1=H1)
    assert lint(html, select=["expired-projection"]) == []


def test_old_cycle_listed_beside_the_current_cycle_is_history():
    html = page(
        "<ul><li>2014&ndash;24 cycle: 3% projected growth</li>\n"
        "<li>2024&ndash;34 cycle: 5% projected growth</li></ul>", h1=H1)
    assert lint(html) == []


def test_stale_source_max_age_option(ruleset):
    from careerlint.pipeline import check_text

    html = page("<p>The median annual wage for medical billing specialists was $50,250 in May 2024.</p>", h1=H1)
    rule = ruleset.rules["stale-source"]
    strict = type(rule)(rule.id, rule.kind, rule.severity, rule.summary, rule.message, {"max-age-years": 1})
    found = check_text(html, "p.html", [strict], ruleset.registry, dt.date(2026, 11, 22))
    assert [(f.line, f.message) for f in found] == [
        (3, "May 2024 wage data from an unnamed source is 2 years old in 2026 (policy: at most 1); May 2025 was released 2026-05-15")]
