"""Advisory rules: growth-descriptor."""

from conftest import AS_OF, lint, page

H1 = "Dental Hygienists"


def test_descriptor_one_band_off_on_the_verified_2024_cycle():
    html = page('<div class="card"><h3>Growth Outlook</h3>\n<p>6%</p>\n'
                "<p>as fast as average (U.S. Bureau of Labor Statistics, 2024-2034)</p></div>", h1=H1)
    assert lint(html, select=["growth-descriptor"]) == [
        (4, "growth-descriptor", "6% for 2024–2034 is 'faster than average' (5–6%), not 'as fast as average'"),
    ]


def test_unverified_2022_cycle_reports_two_bands_off_never_one():
    one = page('<div class="card"><h3>Growth Outlook</h3>\n<p>6%</p>\n'
               "<p>as fast as average (U.S. Bureau of Labor Statistics, 2022-2032)</p></div>", h1=H1)
    assert lint(one, select=["growth-descriptor"]) == []
    two = page('<div class="card"><h3>Growth Outlook</h3>\n<p>1%</p>\n'
               "<p>much faster than average (U.S. Bureau of Labor Statistics, 2022-2032)</p></div>", h1=H1)
    assert lint(two, select=["growth-descriptor"]) == [
        (4, "growth-descriptor", "1% for 2022–2032 is 'slower than average' (1–2%), not 'much faster than average'"),
    ]


def test_configured_scale_wins_and_counts_as_verified(ruleset):
    import dataclasses

    from careerlint.pipeline import check_text

    rule = ruleset.rules["growth-descriptor"]
    own = {"2022–2032": {"much faster": {"min": 9}, "faster": {"min": 6, "max": 8}, "as fast": {"min": 3, "max": 5},
                         "slower": {"min": 1, "max": 2}, "little or no change": {"min": 0, "max": 0},
                         "decline": {"max": -1}}}
    tuned = dataclasses.replace(rule, options={"scales": own})
    html = page('<div class="card"><h3>Growth Outlook</h3>\n<p>5%</p>\n'
                "<p>faster than average (U.S. Bureau of Labor Statistics, 2022-2032)</p></div>", h1=H1)
    found = check_text(html, "p.html", [tuned], ruleset.registry, AS_OF)
    assert [(f.line, f.message) for f in found] == [
        (4, "5% for 2022–2032 is 'as fast as average' (3–5%), not 'faster than average'")]
    assert lint(html, select=["growth-descriptor"]) == []   # BLS's (unverified) scale: 5% is 'faster'


def test_descriptor_in_prose_for_the_2024_cycle():
    html = page("<p>Employment of dental hygienists is projected to grow 2 percent from 2024 to 2034, much faster\n"
                "than the average for all occupations.</p>", h1=H1)
    assert lint(html, select=["growth-descriptor"]) == [
        (3, "growth-descriptor", "2% for 2024–2034 is 'slower than average' (1–2%), not 'much faster than the average'"),
    ]


def test_descriptor_in_the_next_sentence():
    html = page("<p>The BLS projects about 7% growth from 2022 to 2032.\n"
                "That is in line with the average for all occupations.</p>", h1=H1)
    assert lint(html, select=["growth-descriptor"]) == [
        (3, "growth-descriptor", "7% for 2022–2032 is 'much faster than average' (7% or more), not 'in line with the average'"),
    ]


def test_matching_descriptors_pass():
    html = page("<table><tr><th>Job Outlook, 2024&ndash;34</th><td>4% (As fast as average)</td></tr>\n"
                "<tr><th>Other</th><td>-3% (Decline)</td></tr></table>\n"
                "<p>Employment of dental hygienists is projected to grow 4 percent from 2024 to 2034, about as fast as "
                "the average for all occupations.</p>", h1=H1)
    assert lint(html, select=["growth-descriptor"]) == []


def test_old_fixed_scale_cycle():
    # unverified: 'faster' for 10% ('as fast', 7–13%) is one band off and passes; 'slower' is two bands off
    one = page("<p>Employment is projected to grow 10 percent from 2014 to 2024, faster than the average.</p>", h1=H1)
    assert lint(one, select=["growth-descriptor"]) == []
    html = page("<p>Employment is projected to grow 25 percent from 2014 to 2024, slower than the average.</p>", h1=H1)
    assert lint(html, select=["growth-descriptor"]) == [
        (3, "growth-descriptor", "25% for 2014–2024 is 'much faster than average' (21% or more), not 'slower than the average'"),
    ]


def test_unknown_cycle_is_skipped_not_guessed():
    html = page("<p>The BLS projects a better than average job growth of 18% between 2012 and 2022.</p>", h1=H1)
    assert lint(html, select=["growth-descriptor"]) == []


# -- mixed-vintage --------------------------------------------------------------------------
def test_hero_from_one_vintage_and_text_from_another():
    html = page('<div class="hero"><h2>Median pay</h2><p>$47,190 per year (May 2023)</p></div>\n'
                "<p>The median annual wage for dental hygienists was $87,530 in May 2024.</p>", h1=H1)
    assert lint(html, select=["mixed-vintage"]) == [
        # reported at the older figure, the one an editor updates
        (3, "mixed-vintage", "median annual wage $47,190 is from May 2023, but $87,530 at line 4 is from May 2024"),
    ]


def test_history_in_one_sentence_or_table_is_not_mixed():
    html = page("<p>Median pay rose from $77,600 in May 2021 to $87,530 in May 2024.</p>\n"
                "<table><tr><th>Year</th><th>Median annual wage</th></tr>\n"
                "<tr><td>May 2022</td><td>$81,400</td></tr><tr><td>May 2024</td><td>$87,530</td></tr></table>\n"
                "<p>The median annual wage for dental hygienists was $87,530 in May 2024.</p>", h1=H1)
    assert lint(html, select=["mixed-vintage"]) == []


def test_two_projection_cycles_for_one_occupation():
    html = page("<p>Employment of dental hygienists is projected to grow 7 percent from 2022 to 2032.</p>\n"
                "<p>Employment of dental hygienists is projected to grow 7 percent from 2024 to 2034.</p>", h1=H1)
    assert lint(html, select=["mixed-vintage"]) == [
        (3, "mixed-vintage", "growth rate 7% is from 2022–2032, but 7% at line 4 is from 2024–2034")]


# -- dated-reference ------------------------------------------------------------------------
def test_past_year_presented_as_current():
    html = page("<h2>2025 Market Reality for Dental Hygienists</h2>\n<h2>Best Health Jobs of 2024</h2>\n"
                "<p>This year's median (2024) is strong.</p>", h1=H1)
    assert lint(html, select=["dated-reference"]) == [
        (3, "dated-reference", "'2025 Market Reality' presents 2025 as current in 2026"),
        (4, "dated-reference", "'Best Health Jobs of 2024' presents 2024 as current in 2026"),
        (5, "dated-reference", "'This year's median (2024' presents 2024 as current in 2026"),
    ]


def test_data_labels_and_past_editions_are_not_dated_references():
    html = page("<h2>Number of Jobs, 2024</h2>\n<h2>2024 Median Pay</h2>\n<p>From our 2015 edition: pay was lower.</p>\n"
                "<h2>2026 Market Reality</h2>", h1=H1)
    assert lint(html, select=["dated-reference"]) == []


def test_a_past_survey_told_as_past_is_not_a_dated_reference():
    html = page("<p>Our 2024 salary survey found electricians averaging $68,000 with overtime.</p>\n"
                "<p>See our 2024 salary guide for every trade.</p>", h1=H1)
    assert lint(html, select=["dated-reference"]) == [
        (4, "dated-reference", "'2024 salary guide' presents 2024 as current in 2026")]


# -- unsourced-figure -----------------------------------------------------------------------
def test_figures_on_a_page_without_any_source():
    html = page("<p>Hygienists earn a median salary of $87,530.</p>\n"
                "<p>Jobs are expected to grow 7% over the next decade.</p>", h1=H1)
    assert lint(html, select=["unsourced-figure"]) == [
        (3, "unsourced-figure", "median annual wage $87,530 names no source or vintage, and neither does the rest of the page"),
        (4, "unsourced-figure", "growth rate 7% names no source or vintage, and neither does the rest of the page"),
    ]


def test_one_citation_anywhere_sources_the_page():
    html = page("<p>Hygienists earn a median salary of $87,530.</p>\n<p>Source: BLS.</p>", h1=H1)
    assert lint(html, select=["unsourced-figure"]) == []
