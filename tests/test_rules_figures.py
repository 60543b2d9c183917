"""conflicting-growth, conflicting-figure, salary-order, wage-conversion, figure-outside-range."""

from conftest import lint, page

H1 = "Data Scientists"


# -- conflicting-growth -------------------------------------------------------------------
def test_growth_in_fact_box_conflicts_with_prose():
    html = page(
        '<div class="fact"><h3>Growth Outlook</h3><p>6%</p>\n<p>(BLS, 2022-2032)</p></div>\n'
        "<p>The BLS projects about 7% growth for data scientists from 2022 to 2032.</p>", h1=H1)
    assert lint(html, select=["conflicting-growth"]) == [
        (5, "conflicting-growth", "growth rate 7% here vs 6% at line 3 for 2022–2032"),
    ]


def test_rounded_growth_rates_agree():
    html = page(
        "<table><tr><th>Job Outlook (2024&ndash;2034)</th><td>7.1%</td></tr></table>\n"
        "<p>Employment of data scientists is projected to grow about 7 percent from 2024 to 2034.</p>", h1=H1)
    assert lint(html) == []


def test_growth_for_other_occupations_and_all_occupations_is_not_a_conflict():
    html = page(
        "<p>Employment of data scientists is projected to grow 34 percent from 2024 to 2034.\n"
        "The average growth rate for all occupations is 3 percent.</p>\n"
        "<table><tr><th>Occupation</th><th>Projected growth, 2024&ndash;34</th></tr>\n"
        "<tr><td>Statisticians</td><td>8%</td></tr>\n"
        "<tr><td>Data scientists</td><td>34%</td></tr></table>", h1=H1)
    assert lint(html) == []


def test_growth_in_a_comparison_table_row_conflicts_with_prose_for_the_same_occupation():
    html = page(
        "<p>Employment of data scientists is projected to grow 34 percent from 2024 to 2034.</p>\n"
        "<table><tr><th>Occupation</th><th>Projected growth, 2024&ndash;34</th></tr>\n"
        "<tr><td>Data scientists</td><td>36%</td></tr></table>", h1=H1)
    assert lint(html, select=["conflicting-growth"]) == [
        (5, "conflicting-growth", "growth rate 36% here vs 34% at line 3 for 2024–2034"),
    ]


def test_same_rate_for_different_periods_is_not_a_conflict():
    html = page(
        "<p>Employment of data scientists is projected to grow 36 percent from 2023 to 2033.</p>\n"
        "<p>Employment of data scientists is projected to grow 34 percent from 2024 to 2034.</p>", h1=H1)
    assert lint(html, select=["conflicting-growth"]) == []


def test_decline_words_give_negative_growth():
    html = page(
        "<table><tr><th>Job Outlook, 2024&ndash;34</th><td>-3% (Decline)</td></tr></table>\n"
        "<p>Employment of data scientists is projected to decline 3 percent from 2024 to 2034.</p>", h1=H1)
    assert lint(html) == []


# -- conflicting-figure -------------------------------------------------------------------
def test_median_in_fact_box_conflicts_with_text():
    html = page(
        "<dl><dt>Median pay (May 2024)</dt><dd>$112,590 per year</dd></dl>\n"
        "<p>The median annual wage for data scientists was $108,020 in May 2024.</p>", h1=H1)
    assert lint(html, select=["conflicting-figure"]) == [
        (4, "conflicting-figure", "median annual wage $108,020 here vs $112,590 at line 3 (May 2024)"),
    ]


def test_same_median_for_different_vintages_is_not_a_conflict():
    html = page(
        "<p>The median annual wage for data scientists was $108,020 in May 2023.</p>\n"
        "<p>The median annual wage for data scientists was $112,590 in May 2024.</p>", h1=H1)
    assert lint(html, select=["conflicting-figure"]) == []


def test_medians_of_states_and_occupations_are_not_conflicts():
    html = page(
        "<p>The median annual wage for data scientists was $112,590 in May 2024.</p>\n"
        "<table><caption>Median annual wage, May 2024</caption>\n"
        "<tr><th>State</th><th>Median annual wage</th></tr>\n"
        "<tr><td>California</td><td>$150,340</td></tr>\n"
        "<tr><td>Texas</td><td>$104,990</td></tr></table>\n"
        "<p>The median annual wage for statisticians was $103,300 in May 2024.</p>", h1=H1)
    assert lint(html) == []


def test_respectively_gives_each_figure_its_own_scope():
    html = page("<p>In offices and hospitals, data scientists earn average yearly salaries of $98,500 and "
                "$104,890, respectively.</p>", h1=H1)
    assert lint(html) == []


def test_rounded_k_figure_agrees_with_exact_figure():
    html = page(
        "<p>Median salary: $112k</p>\n"
        "<p>The median annual wage for data scientists was $112,310 in May 2024.</p>", h1=H1)
    assert lint(html, select=["conflicting-figure"]) == []


# -- salary-order ---------------------------------------------------------------------------
def test_state_row_median_above_its_top_ten_percent():
    html = page(
        "<table><tr><th>State</th><th>Median annual</th><th>Top 10% annual</th></tr>\n"
        "<tr><td>Ohio</td><td>$51,420</td><td>$82,080</td></tr>\n"
        "<tr><td>Iowa</td><td>$71,580</td><td>$64,020</td></tr></table>", h1=H1)
    assert lint(html, select=["salary-order"]) == [
        (5, "salary-order", "90th percentile $64,020 is below median annual wage $71,580"),
    ]


def test_percentiles_out_of_order_in_a_sentence():
    html = page("<p>The median annual wage for data scientists was $112,590 in May 2024. The lowest 10 percent\n"
                "earned less than $163,650, and the highest 10 percent earned more than $194,410.</p>", h1=H1)
    assert lint(html, select=["salary-order"]) == [
        (4, "salary-order", "median annual wage $112,590 is below 10th percentile $163,650 (stated at line 3)"),
    ]


def test_inverted_range():
    html = page("<p>Starting salary range: $72,000 &ndash; $58,000 a year</p>", h1=H1)
    assert lint(html, select=["salary-order"]) == [
        (3, "salary-order", "the range's high end $58,000 is below its low end $72,000"),
    ]


def test_ordered_percentiles_and_open_range_pass():
    html = page(
        "<p>25th percentile: $80,000. Median: $112,590. 75th percentile: $150,000.</p>\n"
        "<p>Range: $65k - $45k+</p>", h1=H1)
    assert lint(html, select=["salary-order"]) == []


# -- wage-conversion -------------------------------------------------------------------------
def test_hourly_and_annual_disagree():
    html = page("<ul><li>Median pay: $61,590 per year ($35.20 per hour)</li></ul>", h1="Electricians")
    assert lint(html, select=["wage-conversion"]) == [
        (3, "wage-conversion",
         "median hourly wage $35.20 per hour x 2,080 = $73,216 a year, but the annual figure is $61,590 (18.9% apart)"),
    ]


def test_bls_rounding_is_allowed():
    html = page("<p>Median Pay $50,250 $24.16/hr</p>\n<p>$59,310 per year $28.51 per hour</p>", h1=H1)
    assert lint(html) == []


def test_monthly_and_annual_ranges_agree():
    html = page("<p>In the UAE, pay ranges from AED 8,000 to AED 15,000 per month (approximately $2,200-$4,100 "
                "USD monthly, or $26,400-$49,200 annually).</p>", h1=H1)
    assert lint(html) == []


def test_monthly_and_annual_ranges_disagree():
    html = page("<p>Pay ranges from $2,200-$4,100 monthly, or $26,400-$59,200 annually.</p>", h1=H1)
    assert lint(html, select=["wage-conversion"]) == [
        (3, "wage-conversion",
         "salary range $4,100 a month x 12 = $49,200 a year, but the annual figure is $59,200 (16.9% apart)"),
    ]


# -- figure-outside-range -------------------------------------------------------------------
def test_median_above_stated_range():
    html = page('<div class="box"><h2>Salary</h2>\n<p>Salary range: $65k &ndash; $95k</p>\n'
                "<p>Median pay: $101,330 per year</p></div>", title="Nurse Practitioner", h1="Nurse Practitioners")
    assert lint(html, select=["figure-outside-range"]) == [
        (5, "figure-outside-range", "median annual wage $101,330 is outside the stated range $65,000–$95,000 at line 4"),
    ]


def test_open_upper_end_has_no_limit():
    html = page("<p>Median Salary: $47,190 USD</p>\n<p>Range: $35k - $45k+ USD</p>", h1=H1)
    assert lint(html, select=["figure-outside-range"]) == []


def test_cost_ranges_are_not_salary_ranges():
    html = page("<p>Programs cost $3,000 &ndash; $6,000.</p>\n<p>The median salary is $50,250.</p>", h1=H1)
    assert lint(html) == []


def test_range_for_another_experience_level_does_not_bound_the_median():
    html = page("<p>The median salary is $50,250.</p>\n<p>Entry-level salary range: $30,000 to $40,000.</p>", h1=H1)
    assert lint(html) == []


# -- regressions found on prose phrasings (samples/trap-prose-phrasings.html) ---------------
def test_place_after_the_figure_scopes_it():
    html = page("<p>The median salary is $50,250.</p>\n"
                "<p>The median salary is $95,000 in California and $80,000 in Texas.</p>", h1=H1)
    assert lint(html) == []


def test_figures_from_different_publishers_are_not_compared():
    html = page("<p>The BLS reports a median annual wage of $93,600 (May 2024); Glassdoor reports a median "
                "of $98,000.</p>\n<p>Data scientists earn a median salary of $93,600.</p>", h1=H1)
    assert lint(html) == []


def test_figures_from_the_same_publisher_are_compared():
    html = page("<p>The BLS reports a median annual wage of $93,600 (May 2024).</p>\n"
                "<p>According to the BLS, the median annual wage was $98,000 in May 2024.</p>", h1=H1)
    assert lint(html, select=["conflicting-figure"]) == [
        (4, "conflicting-figure", "median annual wage $98,000 here vs $93,600 at line 3 (May 2024)")]


def test_a_pay_increase_is_not_employment_growth():
    html = page("<p>Employment of data scientists is projected to grow 34 percent from 2024 to 2034.</p>\n"
                "<p>Wages are expected to increase 12% from 2024 to 2034.</p>", h1=H1)
    assert lint(html) == []


def test_range_scoped_after_the_figure_does_not_bound_the_median():
    html = page("<p>The median salary is $112,590.</p>\n<p>Pay ranges from $65,000 to $80,000 per year for "
                "entry-level analysts and $100,000 to $130,000 for experienced analysts.</p>", h1=H1)
    assert lint(html) == []


def test_heading_naming_a_state_scopes_the_list_under_it():
    html = page("<p>The median annual wage for data scientists was $112,590 in May 2024.</p>\n"
                "<h3>California</h3><ul><li>Median: $150,000</li><li>Top 10%: $210,000</li></ul>\n"
                "<h3>Texas</h3><ul><li>Median: $100,000</li><li>Top 10%: $160,000</li></ul>", h1=H1)
    assert lint(html) == []


def test_topical_heading_does_not_scope_its_section():
    html = page("<dl><dt>Median pay (May 2024)</dt><dd>$112,590 per year</dd></dl>\n"
                "<h3>Market commentary</h3><p>The median annual wage for data scientists was $108,020 in "
                "May 2024.</p>", h1=H1)
    assert [f[1] for f in lint(html)] == ["conflicting-figure"]


def test_another_occupation_projected_to_grow_is_not_the_page_occupation():
    html = page("<p>Employment of data scientists is projected to grow 34 percent from 2024 to 2034. "
                "Statisticians are projected to grow 8 percent over the same period.</p>", h1=H1)
    assert lint(html) == []
