"""What careerlint reads from a page: figures, units, scopes, vintages, and where they are."""

import pytest

from careerlint.document import parse_html
from careerlint.extract import extract
from conftest import _RULESET, page


def claims(html, kinds=("money", "percent")):
    doc = parse_html(html)
    return [c for c in extract(doc, _RULESET.registry) if c.kind in kinds]


def one(html, **kw):
    found = claims(html, **kw)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


@pytest.mark.parametrize("text,value,high,currency,per,bound,open_high", [
    ("Median pay: $50,250", 50250, None, "USD", "year", None, False),
    ("Median salary $47,190 USD", 47190, None, "USD", "year", None, False),
    ("Median salary $38k", 38000, None, "USD", "year", None, False),
    ("Median pay $24.16/hr", 24.16, None, "USD", "hour", None, False),
    ("Median pay is $24.16 per hour", 24.16, None, "USD", "hour", None, False),
    ("Salary range: $35k - $65k+ USD", 35000, 65000, "USD", "year", None, True),
    ("Salaries range from $3,000 – $6,000 per month", 3000, 6000, "USD", "month", None, False),
    ("Most earn between $45,000 and $60,000 a year", 45000, 60000, "USD", "year", None, False),
    ("The highest 10 percent earned more than $98,370.", 98370, None, "USD", "year", "gt", False),
    ("The lowest 10 percent earned less than $38,760.", 38760, None, "USD", "year", "lt", False),
    ("In the UK the median salary is £30,000", 30000, None, "GBP", "year", None, False),
    ("In Canada the median salary is C$45,000", 45000, None, "CAD", "year", None, False),
    ("Average salary in Germany: €45,000", 45000, None, "EUR", "year", None, False),
    ("In Australia, median pay is A$70,000", 70000, None, "AUD", "year", None, False),
    ("Median pay AED 15,000 per month", 15000, None, "AED", "month", None, False),
])
def test_money_forms(text, value, high, currency, per, bound, open_high):
    c = one(page(f"<p>{text}</p>", h1="Billers"))
    assert (c.value, c.high, c.currency, c.per, c.bound, c.open_high, c.domain) == \
        (value, high, currency, per, bound, open_high, "salary")


@pytest.mark.parametrize("text,value", [
    ("Employment is projected to grow 6% from 2024 to 2034.", 6),
    ("Employment is projected to grow 7.1% from 2024 to 2034.", 7.1),
    ("Employment is projected to grow 7 percent from 2024 to 2034.", 7),
    ("Employment is projected to decline 2 percent from 2024 to 2034.", -2),
    ("Job outlook, 2024-34: −7% (Decline)", -7),
])
def test_growth_forms(text, value):
    c = one(page(f"<p>{text}</p>", h1="Billers"))
    assert (c.value, c.domain, c.period) == (value, "growth", (2024, 2034))


@pytest.mark.parametrize("text,period", [
    ("growth of 5% in 2024–2034", (2024, 2034)),
    ("growth of 5% in 2024-34", (2024, 2034)),
    ("growth of 5% (2022-2032)", (2022, 2032)),
    ("growth of 5% from 2022 to 2032", (2022, 2032)),
    ("growth of 5% between 2012 and 2022", (2012, 2022)),
])
def test_period_forms(text, period):
    assert one(page(f"<p>Projected {text}.</p>", h1="Billers")).period == period


@pytest.mark.parametrize("text,year", [
    ("The median wage was $40,000 as of May 2013.", 2013),
    ("<table><tr><th>2024 Median Pay</th><td>$59,310 per year</td></tr></table>", 2024),
    ("Median wage $28,530 (OES, May 2017)", 2017),
])
def test_vintage_forms(text, year):
    body = text if text.startswith("<") else f"<p>{text}</p>"
    assert one(page(body, h1="Billers")).vintage == year


def test_employment_year_label_is_an_employment_vintage():
    found = claims(page("<p>Employment (2024) 187,910</p>", h1="Billers"), kinds=("vintage",))
    assert [(c.vintage, c.vkind) for c in found] == [(2024, "employment")]


def test_percentile_groups_are_not_growth_rates():
    found = claims(page("<p>The lowest 10 percent earned less than $38,760, and the top 10% earned more "
                        "than $98,370.</p>", h1="Billers"))
    assert [(c.kind, c.stat) for c in found] == [("money", "p10"), ("money", "p90")]


def test_table_headers_give_cells_their_meaning_and_scope():
    html = page("<table><thead><tr><th>State</th><th>Median annual</th><th>Top 10% annual</th></tr></thead>\n"
                "<tbody><tr><td>Rhode Island</td><td>$63,330</td><td>$81,290</td></tr></tbody></table>",
                h1="Billers")
    found = claims(html)
    assert [(c.stat, c.per, c.scope.place, c.line, c.how["place"]) for c in found] == [
        ("median", "year", "rhode island", 4, "row-header"), ("p90", "year", "rhode island", 4, "row-header")]


def test_key_fact_card_label_vintage_and_source_apply_to_its_value():
    html = page('<div class="card"><h3>Median Salary</h3>\n<p>$47,190 USD</p>\n'
                "<p>(U.S. national median, May 2023, U.S. Bureau of Labor Statistics)</p></div>", h1="Billers")
    c = one(html)
    assert (c.stat, c.vintage, c.source, c.line) == ("median", 2023, "bls", 4)


def test_definition_list_term_labels_its_value():
    c = one(page("<dl><dt>Median hourly wage</dt><dd>$28.51</dd></dl>", h1="Carpenters"))
    assert (c.stat, c.per) == ("median", "hour")


def test_hourly_after_annual_is_the_same_statistic():
    found = claims(page("<p>Median Pay $50,250 $24.16/hr Top 10%: $80,950</p>", h1="Billers"))
    assert [(c.stat, c.per) for c in found] == [("median", "year"), ("median", "hour"), ("p90", "year")]


def test_occupation_scope_from_the_sentence_and_the_page():
    html = page("<p>The median annual wage for carpenters was $59,310 in May 2024.</p>\n"
                "<p>The median annual wage for construction laborers was $46,050 in May 2024.</p>",
                h1="Carpenters")
    found = claims(html)
    assert [(c.occupation, c.how["occupation"]) for c in found] == [
        ("carpenter", "phrasing:wage-for-occupation"), ("construction laborer", "phrasing:wage-for-occupation")]
    assert found[0].page_key == "carpenter"


def test_population_and_experience_scopes():
    html = page("<p>The median annual wage for all workers was $49,500.</p>\n"
                "<p>Entry-level billers earn a median of $38,000.</p>", h1="Billers")
    assert [(c.scope.occupation, c.scope.level) for c in claims(html)] == [
        ("all occupations", ""), ("biller", "entry")]  # a level is its band: entry-level, junior -> entry


def test_script_style_template_noscript_and_comments_are_not_read():
    html = page("<script>var s='$99,999';</script><style>/* 42% */</style><template><p>$1</p></template>"
                "<noscript>$2</noscript><!-- $3 --><p>Median pay: $50,000</p>", h1="Billers")
    assert [c.text for c in claims(html)] == ["$50,000"]


def test_cost_figures_are_not_salaries():
    found = claims(page("<p>Certificate programs cost $3,000 – $6,000 in tuition.</p>", h1="Billers"))
    assert [c.domain for c in found] == ["cost"]


def test_glued_inline_spans_still_read():
    # <span>Median Salary</span><span>$43,460</span><span>BLS, May 2024</span> renders with CSS gaps
    html = page('<div class="stat"><span>Median Salary</span><span>$43,460</span><span>BLS, May 2024</span></div>\n'
                '<div class="stat"><span>Job Growth</span><span>5%</span><span>2024-2034</span></div>', h1="Techs")
    found = claims(html)
    assert [(c.text, c.stat, c.vintage, c.period) for c in found] == [
        ("$43,460", "median", 2024, None), ("5%", "growth", None, (2024, 2034))]


def test_statistic_named_after_the_figure():
    found = claims(page("<ol><li>California — $53,350 median</li></ol>", h1="Techs"))
    assert [(c.stat, c.scope.place) for c in found] == [("median", "california")]
