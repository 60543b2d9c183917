"""Classes of page found on the fourth held-out set (bench/pages/blind4): list tiles titled by their
occupation, listicle titles, district numbers after a currency code, pairs of groups and figures in one
sentence, comparisons with another group. Each a failing case and a passing trap.
Lines: a page's body starts on line 3 (conftest.page)."""

import pytest

from careerlint.document import parse_html
from careerlint.extract import extract
from careerlint.extract.grammar import page_occupation
from careerlint.extract.mentions import lex
from conftest import _RULESET, lint, page


def figures(html: str):
    return {c.text: c for c in extract(parse_html(html), _RULESET.registry) if c.kind in ("money", "percent")}


TILE = ('<div role="listitem" class="job-card"><a href="/careers/{slug}" class="job-card_link">\n'
        '<div class="job-card_title">{title}</div>\n<div class="job-card_stats">'
        '<div class="job-card_stat"><div class="v">{pay}</div><div class="l">Median salary</div></div>'
        '<div class="job-card_stat"><div class="v">{growth}</div><div class="l">Job growth</div></div></div></a></div>\n')
TILES = (TILE.format(slug="rn", title="Registered nurse", pay="$93,600", growth="5%") +
         TILE.format(slug="dh", title="Dental hygienist", pay="$94,260", growth="7%"))


def test_each_tile_of_a_job_list_is_its_titled_occupation():
    html = page('\n<div role="list" class="job-grid">\n' + TILES + "</div>",
                h1="10 healthcare careers you can start in two years or less")
    found = figures(html)
    assert [found[t].scope.occupation for t in ("$93,600", "5%", "$94,260", "7%")] == [
        "nurse registered", "nurse registered", "dental hygienist", "dental hygienist"]
    assert lint(html, select=["conflicting-figure", "conflicting-growth"]) == []


def test_a_tile_whose_first_line_is_no_occupation_takes_none_from_it():
    html = page('\n<div role="list">\n' + TILES.replace("Registered nurse", "Featured").replace("Dental hygienist",
                                                                                               "Featured") + "</div>",
                h1="Registered nurse")
    assert figures(html)["$94,260"].how["occupation"] == "page"


@pytest.mark.parametrize("title", ["10 healthcare careers you can start in two years or less", "Top 7 Trade Jobs",
                                   "Best-Paying Jobs Without a Degree", "15 Jobs That Pay Well Without a Degree"])
def test_a_listicle_title_names_no_page_occupation(title):
    assert page_occupation(title, "", {}) == ("", "")


@pytest.mark.parametrize("title, name", [("Dental Hygienist", "Dental Hygienist"),
                                         ("How to Become an Electrician", "Electrician")])
def test_a_title_about_one_occupation_names_it(title, name):
    assert page_occupation(title, "", {})[0] == name


def test_a_district_number_after_a_currency_code_is_no_money():
    assert [m.value for m in lex("Blue Valley USD 229 pays new teachers $52,000.", None, None) if m.kind == "money"] \
        == [52000]
    assert [m.value for m in lex("Pay is USD 25 an hour; salary: USD 50,000.", None, None) if m.kind == "money"] \
        == [25, 50000]


def test_a_second_group_and_its_figure_after_and():
    html = page("\n<p>BLS projects employment of PTAs to grow 22 percent and OTAs 19 percent from 2024 to 2034.</p>",
                h1="OTA vs. PTA")
    found = figures(html)
    assert (found["22 percent"].scope.occupation, found["19 percent"].scope.occupation) == ("pta", "ota")
    assert lint(html, select=["conflicting-growth"]) == []


def test_a_comparison_with_another_group_is_that_group_s_figure():
    html = page("\n<p>OTAs have a small edge: their median of $68,340 is about 4 percent higher than the PTA median "
                "of $65,510.</p>", h1="OTA vs. PTA")
    found = figures(html)
    assert (found["$68,340"].scope.occupation, found["$65,510"].scope.occupation) == ("ota", "pta")
    assert lint(html, select=["conflicting-figure"]) == []


def test_a_comparison_with_someone_unnamed_is_unknown():
    html = page("\n<p>Electricians earn a median of $62,350, more than the median of $49,500 for all workers.</p>",
                h1="Electricians")
    assert figures(html)["$49,500"].scope.occupation != "electrician"


# -- more classes of the fourth set ------------------------------------------------------------------------
def test_a_row_label_with_a_month_names_no_occupation_and_columns_name_theirs():
    text = ("# Dental careers\n\n| | Dental assistant | Dental hygienist |\n|---|---:|---:|\n"
            "| Median pay, May 2024 | $47,300 | $94,260 |\n")
    from careerlint.document import parse_markdown

    found = {c.text: c for c in extract(parse_markdown(text), _RULESET.registry) if c.kind == "money"}
    assert (found["$47,300"].scope.occupation, found["$94,260"].scope.occupation) == ("assistant dental",
                                                                                      "dental hygienist")
    assert lint(text, path="page.md", select=["conflicting-figure"]) == []


def test_call_pay_is_no_salary_range():
    html = page("\n<p>Radiologic technologists earned a median of $37.34 an hour in May 2024.</p>\n"
                "<p>Call pay, usually $3 to $5 an hour while on call, adds up.</p>", h1="Radiologic technologists")
    assert lint(html, select=["figure-outside-range"]) == []


def test_the_all_occupation_rate_is_not_the_occupation_s():
    html = page("\n<p>Florida's projections for 2024–2032 expect electrician employment in the state to grow 12.8 "
                "percent, well above the state's all-occupation rate of 9.4 percent.</p>", h1="Electricians in Florida")
    assert figures(html)["9.4 percent"].scope.occupation == "all occupations"
    assert lint(html, select=["conflicting-growth"]) == []


def test_pay_raised_to_a_figure_in_a_year_is_an_event():
    html = page("\n<p>Several large retail chains raised starting pay to $17–$18 an hour in 2022.</p>",
                h1="Pharmacy technicians")
    assert lint(html, select=["stale-source"]) == []


def test_a_contract_raise_is_no_growth_rate():
    text = ("# Nurse residency\n\n## Pay, 2026–2027 contract\n\nThe contract adds a 3.5% across-the-board increase each "
            "July.\n\n## Outlook\n\nBLS projects registered nurse employment to grow 5 percent from 2024 to 2034.\n")
    assert lint(text, path="page.md", select=["mixed-vintage", "conflicting-growth"]) == []


def test_an_old_projection_named_as_history_of_an_edition_is_not_stale():
    html = page("\n<p>In the 2023 edition of this report the state projected 9.1 percent growth for registered nurses "
                "over 2022-2032; that projection has been replaced.</p>", h1="Registered nurses in Montana")
    assert lint(html, select=["stale-source", "expired-projection"]) == []
    cited = page("\n<p>The BLS projected 6 percent growth for registered nurses from 2022 to 2032.</p>",
                 h1="Registered nurses")
    assert [rule for _, rule, _ in lint(cited, select=["stale-source"])] == ["stale-source"]


def test_a_newer_release_is_named_only_at_the_newest_point_of_a_history():
    html = page("\n<table><thead><tr><th>Release</th><th>Median annual wage</th></tr></thead><tbody>\n"
                "<tr><td>May 2023</td><td>$42,000</td></tr>\n<tr><td>May 2024</td><td>$44,200</td></tr></tbody></table>",
                h1="Medical assistants")
    assert [(line, rule) for line, rule, _ in lint(html, select=["newer-release"])] == [(6, "newer-release")]


FONT_TABLE = """
<b>Table 1. Montana annual wage percentiles, May 2024</b>
<TABLE border="1">
<TR><TD><FONT size="1"><B>Occupation</B></FONT></TD><TD><B>10th</B></TD><TD><B>25th</B></TD><TD><B>Median</B></TD><TD><B>90th</B></TD></TR>
<TR><TD>Registered Nurses</TD><TD>$64,020</TD><TD>$72,110</TD><TD>$83,570</TD><TD>$105,060</TD></TR>
<TR><TD>Respiratory Therapists</TD><TD>$58,800</TD><TD>$74,390</TD><TD>$66,150</TD><TD>$94,700</TD></TR>
</TABLE>
"""


def test_a_first_row_of_bold_cells_over_amounts_is_the_header():
    found = figures(page(FONT_TABLE, h1="Montana healthcare wages"))
    assert (found["$74,390"].stat, found["$66,150"].stat) == ("p25", "median")
    assert lint(page(FONT_TABLE, h1="Montana healthcare wages"), select=["salary-order"]) == [
        (8, "salary-order", "median annual wage $66,150 is below 25th percentile $74,390")]


def test_a_two_column_table_keeps_its_first_row_as_a_row():
    html = page("\n<table><tr><td>Median salary</td><td>$92,750</td></tr>\n<tr><td>Top 10%</td><td>$36,000</td></tr>"
                "\n<tr><td>Bottom 10%</td><td>$30,000</td></tr></table>", h1="Welders")
    assert [(line, rule) for line, rule, _ in lint(html, select=["salary-order"])] == [(5, "salary-order")]


DATA_README = """# Career data

National, all industries. Wages are May 2025 medians; growth is the projected change in employment, 2024–34.

| SOC | Occupation | Median annual wage | Growth 2024–34 |
|---|---|---:|---:|
| 47-2111 | Electricians | $63,190 | 9% |
| 31-9092 | Medical assistants | $45,690 | 15% |
"""


def test_a_soc_code_column_is_no_row_label_and_all_industries_is_no_industry():
    from careerlint.document import parse_markdown

    found = {c.text: c for c in extract(parse_markdown(DATA_README), _RULESET.registry) if c.kind in ("money", "percent")}
    c = found["15%"]
    assert (c.scope.occupation, c.scope.industry) == ("assistant medical", "")   # its SOC code resolves in the rules
    assert lint(DATA_README, path="page.md", select=["official-growth", "official-figure"]) == [
        (8, "official-growth", "projected growth for medical assistants, 2024–34: page 15%, EP 2024–34 12%")]


def test_a_wages_by_industry_table_keeps_its_industries():
    text = DATA_README.replace("National, all industries.", "Wages by industry.").replace("| SOC | Occupation |",
                                                                                           "| NAICS | Industry |")
    text = text.replace("Electricians", "Hospitals").replace("Medical assistants", "Offices of physicians")
    from careerlint.document import parse_markdown

    found = {c.text: c for c in extract(parse_markdown(text), _RULESET.registry) if c.kind == "money"}
    assert found["$45,690"].scope.industry != ""
