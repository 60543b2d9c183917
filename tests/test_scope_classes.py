"""Issue 11's classes of page: each a failing case (a real problem, reported at its line) and a passing
trap (a page that looks like a problem and is not). Lines: a page's body starts on line 3."""

from careerlint.document import parse_html, parse_markdown
from careerlint.extract import extract
from conftest import _RULESET, lint, page


def figures(html: str, markdown: bool = False):
    doc = parse_markdown(html) if markdown else parse_html(html)
    return [c for c in extract(doc, _RULESET.registry) if c.kind in ("money", "percent", "count")]


def mdlint(text: str, select=None):
    return lint(text, select=select, path="page.md")


# -- stat cards whose label follows the value -------------------------------------------------------
CARDS = ('<div class="grid">\n'
         '<div class="card"><p>$63,170</p><p>Median annual wage (BLS 2023)</p></div>\n'
         '<div class="card"><p>$30.37</p><p>Median hourly rate</p></div>\n'
         '<div class="card"><p>$180,000+</p><p>Senior roles</p></div>\n</div>')


def test_each_card_takes_its_own_label():
    found = {c.text: c for c in figures(page(CARDS, h1="Web Developers"))}
    assert (found["$63,170"].stat, found["$63,170"].per, found["$63,170"].how["stat"]) == ("median", "year", "card-label")
    assert (found["$30.37"].stat, found["$30.37"].per) == ("median", "hour")
    senior = found["$180,000+"]
    assert (senior.stat, senior.scope.level, senior.bound) == (None, "senior", "gt")


def test_cards_of_one_grid_that_agree_pass():
    assert lint(page(CARDS, h1="Web Developers"), select=["wage-conversion", "conflicting-figure"]) == []


def test_an_hourly_card_that_disagrees_with_the_annual_card_fails():
    html = page(CARDS.replace("$30.37", "$27.10"), h1="Web Developers")
    assert lint(html, select=["wage-conversion"]) == [
        (5, "wage-conversion", "median hourly wage $27.10 per hour x 2,080 = $56,368 a year, but the annual figure "
                               "at line 4 is $63,170 (10.8% apart)")]


# -- key-value tables ----------------------------------------------------------------------------------
KV = ("<table>\n<tr><th>Median salary</th><td>$92,750</td></tr>\n<tr><th>Top 10%</th><td>{top}</td></tr>\n"
      "<tr><th>Bottom 10%</th><td>$31,200</td></tr>\n</table>")


def test_a_key_value_table_is_one_unit_for_salary_order():
    assert lint(page(KV.format(top="$36,000"), h1="Actuaries"), select=["salary-order"]) == [
        (5, "salary-order", "90th percentile $36,000 is below median annual wage $92,750 (stated at line 4)")]
    assert lint(page(KV.format(top="$136,000"), h1="Actuaries"), select=["salary-order"]) == []


def test_a_markdown_key_value_table_and_a_vertical_card_list():
    table = "# Lineworkers\n\n| | |\n|---|---|\n| Median salary | $92,750 |\n| Top 10% | $36,000 |\n"
    assert mdlint(table, select=["salary-order"]) == [
        (6, "salary-order", "90th percentile $36,000 is below median annual wage $92,750 (stated at line 5)")]
    cards = "# Lineworkers\n\n- **Median salary:** $92,750\n- **Top 10%:** $126,000\n- **Bottom 10%:** $26,610\n"
    assert mdlint(cards, select=["salary-order"]) == []
    assert mdlint(cards.replace("$126,000", "$36,000"), select=["salary-order"]) == [
        (4, "salary-order", "90th percentile $36,000 is below median annual wage $92,750 (stated at line 3)")]


# -- several occupations on one page ---------------------------------------------------------------------
BUS = ("<p>The median annual wage for bus drivers was $48,370 in May 2024.</p>\n"
       "<p>The median annual wage for bus drivers, transit and intercity was $57,440 in May 2024. "
       "The lowest 10 percent earned less than $38,250.</p>\n"
       "<p>The median annual wage for bus drivers, school was $45,030 in May 2024. "
       "The lowest 10 percent earned less than $31,150.</p>")


def test_a_qualifier_after_a_comma_is_part_of_the_occupation_and_the_subject_carries():
    found = figures(page(BUS, h1="Bus Drivers"))
    assert [(c.text, c.scope.occupation, c.how["occupation"].split(":")[0]) for c in found] == [
        ("$48,370", "bus driver", "phrasing"),
        ("$57,440", "bus driver intercity transit", "phrasing"),
        ("$38,250", "bus driver intercity transit", "carried"),
        ("$45,030", "bus driver school", "phrasing"),
        ("$31,150", "bus driver school", "carried")]
    assert lint(page(BUS, h1="Bus Drivers")) == []


def test_one_sub_occupation_stated_twice_with_two_values_fails():
    html = page(BUS + "\n<p>In May 2024 the median annual wage for bus drivers, school was $47,030.</p>", h1="Bus Drivers")
    assert lint(html, select=["conflicting-figure"]) == [
        (6, "conflicting-figure", "median annual wage $47,030 here vs $45,030 at line 5 (May 2024) "
                                  "(bus drivers, school)")]


def test_specialists_and_technicians_are_two_occupations():
    html = page("<p>The median annual wage for occupational health and safety specialists was $83,910 in May 2024.</p>\n"
                "<p>The median annual wage for occupational health and safety technicians was $62,180 in May 2024.</p>",
                h1="Occupational Health and Safety Specialists and Technicians")
    assert lint(html) == []


# -- comparisons, populations and histories inside a sentence ----------------------------------------------
def test_comparisons_in_a_sentence_are_two_scopes():
    html = page("<p>Surgeons are among the highest paid of all occupations, with a median wage equal to or greater "
                "than $239,200.</p>\n<p>The median wage for all workers was $49,500 in May 2024.</p>\n"
                "<p>Managers earn the most, with a median of $117,960, more than double the $50,250 median for "
                "medical records specialists.</p>\n"
                "<p>In May 2014 the median wage was $29,810; by May 2024 it had risen to $43,460.</p>", h1="Surgeons")
    found = {c.text: c for c in figures(html)}
    assert found["$239,200"].scope.occupation == "surgeon" and found["$239,200"].bound == "gt"
    assert found["$49,500"].scope.occupation == "all occupations"
    assert found["$117,960"].scope.occupation == "manager"
    assert found["$50,250"].scope.occupation == "medical record specialist"
    assert (found["$29,810"].vintage_text, found["$43,460"].vintage_text) == ("May 2014", "May 2024")
    assert lint(html) == []


# -- multi-career guides ------------------------------------------------------------------------------------------
GUIDE = ("<h2>1. Dental hygienist</h2>\n<p><strong>Median pay:</strong> $94,260 a year</p>\n"
         "<p>Job outlook: 7% growth from 2024 to 2034.</p>\n"
         "<h2>2. Dental assistant</h2>\n<p><strong>Median pay:</strong> $47,300 a year</p>\n"
         "<p>Job outlook: 6% growth from 2024 to 2034.</p>\n"
         "<h2>3. Pediatric surgeon</h2>\n<p><strong>Median pay:</strong> $559,030 a year</p>")


def test_each_section_of_a_guide_is_its_own_occupation():
    found = figures(page(GUIDE, h1="Healthcare jobs you can start soon"))
    assert [(c.text, c.scope.occupation, c.how["occupation"]) for c in found] == [
        ("$94,260 a year", "dental hygienist", "heading"), ("7%", "dental hygienist", "heading"),
        ("$47,300 a year", "assistant dental", "heading"), ("6%", "assistant dental", "heading"),
        ("$559,030 a year", "pediatric surgeon", "heading")]
    assert lint(page(GUIDE, h1="Healthcare jobs you can start soon")) == []


def test_two_medians_in_one_section_of_a_guide_fail():
    html = page(GUIDE + "\n<p>Pediatric surgeons earn a median of $498,030 a year.</p>", h1="Healthcare jobs")
    assert lint(html, select=["conflicting-figure"]) == [
        (11, "conflicting-figure", "median annual wage $498,030 here vs $559,030 at line 10 (Pediatric surgeons)")]


# -- groups that are not the whole occupation ------------------------------------------------------------------
def test_percentile_groups_cities_and_industries_are_their_own_scopes():
    html = page("<p>Paralegals earn an average of $66,510.</p>\n"
                "<p>The highest-paid 10% average $72,730, and the bottom ten percent average $30,710.</p>\n"
                "<p>Paralegals in Hartford average $71,000; those in hospitals average $58,200.</p>", h1="Paralegals")
    found = {c.text: c for c in figures(html)}
    assert (found["$72,730"].stat, found["$30,710"].stat) == ("p90", "p10")
    assert found["$71,000"].scope.place == "city:hartford"
    assert found["$58,200"].scope.industry == "hospitals"
    assert lint(html) == []


# -- figures that are not the statistic -------------------------------------------------------------------------
NOT_STATS = ("<p>Dental assistants earn a median of $47,300 a year, or $22.74 an hour.</p>\n"
             "<p>The typical salary range is $38,000 to $58,000.</p>\n"
             "<p>EFDAs earn a $3–$6/hr premium, about 33 percent more, and can earn $10,000 more than a new "
             "assistant.</p>\n"
             "<p>Tips push income past the $50,000 to $70,000 mark; some earn over $100,000.</p>\n"
             "<p>Expect $80K–$140K+ earning potential, salary increases of $15K–$30K, and $11,250 in overtime.</p>")


def test_premiums_differences_totals_thresholds_raises_and_overtime_are_not_statistics():
    found = {c.text: c for c in figures(page(NOT_STATS, h1="Dental Assistants"))}
    for text in ("$3–$6/hr", "33 percent", "$10,000", "$50,000 to $70,000", "$80K–$140K+", "$15K–$30K",
                 "$11,250"):
        assert found[text].stat in (None, "none"), (text, found[text].stat)
    assert found["$100,000"].bound == "gt"
    assert lint(page(NOT_STATS, h1="Dental Assistants")) == []


def test_a_median_outside_the_stated_salary_range_fails():
    html = page(NOT_STATS.replace("$38,000 to $58,000", "$28,000 to $42,000"), h1="Dental Assistants")
    assert lint(html, select=["figure-outside-range"]) == [
        (3, "figure-outside-range", "median annual wage $47,300 is outside the stated range $28,000–$42,000 at line 4")]


# -- scope is known, or the page says several occupations ------------------------------------------------------
def test_on_a_page_that_names_several_occupations_an_unstated_figure_gets_no_default():
    html = page("<dl><dt>Median pay</dt><dd>$62,350 per year</dd></dl>\n"
                "<p>The median annual wage for plumbers was $62,970 in May 2024.</p>", h1="Electricians")
    card = figures(html)[0]
    assert card.scope.occupation is None and card.how["occupation"].startswith("unknown")
    assert lint(html) == []


def test_on_a_page_that_names_one_occupation_the_card_and_the_prose_are_compared():
    html = page("<dl><dt>Median pay (May 2024)</dt><dd>$62,350 per year</dd></dl>\n"
                "<p>The median annual wage for electricians was $60,240 in May 2024.</p>", h1="Electricians")
    assert lint(html, select=["conflicting-figure"]) == [
        (4, "conflicting-figure", "median annual wage $60,240 here vs $62,350 at line 3 (May 2024)")]
