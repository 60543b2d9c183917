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
