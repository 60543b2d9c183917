"""Classes of page found on the fifth held-out set (bench/pages/blind5) and with it: one label naming two
statistics for two values, industries written as "home healthcare services", reviewed abbreviations
(PTAs, OT assistants). Lines: a page's body starts on line 3 (conftest.page)."""

import pytest

from careerlint.document import parse_html
from careerlint.extract import extract
from careerlint.reference import match_occupation
from conftest import _RULESET, lint, page


def figures(html: str):
    return {c.text: c for c in extract(parse_html(html), _RULESET.registry) if c.kind == "money"}


FIELD = ('\n<div class="field"><div class="field-label">Median annual wage (U.S.):</div>'
         '<div class="field-items"><div class="field-item">$58,260</div></div></div>\n'
         '<div class="field"><div class="field-label">Lowest 10% / highest 10%:</div>'
         '<div class="field-items"><div class="field-item">under $37,870 / over $86,160</div></div></div>\n')


def test_a_label_naming_two_statistics_gives_each_value_its_own():
    found = figures(page(FIELD, h1="Water treatment plant operators"))
    assert (found["$37,870"].stat, found["$86,160"].stat) == ("p10", "p90")
    assert lint(page(FIELD, h1="Water treatment plant operators"), select=["conflicting-figure", "salary-order"]) == []


def test_a_label_naming_two_statistics_over_one_value_gives_it_neither():
    html = page(FIELD.replace("under $37,870 / over $86,160", "under $37,870"), h1="Water treatment plant operators")
    assert figures(html)["$37,870"].stat not in ("p10", "p90")


def test_home_healthcare_services_is_an_industry():
    html = page("\n<p>The median annual wage for physical therapist assistants was $65,510 in May 2024.</p>\n"
                "<p>PTAs in home healthcare services earned a median of $71,960 in May 2024.</p>",
                h1="Physical therapist assistants")
    assert figures(html)["$71,960"].scope.industry.startswith("home health")
    assert lint(html, select=["conflicting-figure"]) == []


@pytest.mark.parametrize("name, soc", [("PTAs", "31-2021"), ("PT assistant", "31-2021"),
                                       ("physical therapy assistants", "31-2021"), ("OT assistants", "31-2011"),
                                       ("OTAs", "31-2011"), ("PTs", "29-1123")])
def test_reviewed_abbreviations_resolve(name, soc):
    assert match_occupation(name) == soc


def test_plumbers_alone_is_bls_s_plumbers_pipefitters_and_steamfitters():
    assert match_occupation("plumbers") == match_occupation("plumbers, pipefitters, and steamfitters") == "47-2152"


def test_a_heading_with_a_subtitle_names_the_title_s_occupation():
    from careerlint.document import parse_markdown

    text = ("# Data careers\n\n### Data Engineer: The Data Architect\n\n**Salary Range:**\n\n"
            "- Entry Level: $95K-$135K\n- Mid-Level (3-5 years): $135K-$185K\n")
    found = {c.text: c for c in extract(parse_markdown(text), _RULESET.registry) if c.kind == "money"}
    assert found["$95K-$135K"].scope.occupation == "data engineer"
    label = "### Median pay: Dental hygienists"   # a label and its value's subject: the part after the colon
    found = {c.text: c for c in extract(parse_markdown(f"# Pay\n\n{label}\n\n- $94,260 a year\n"), _RULESET.registry)
             if c.kind == "money"}
    assert found["$94,260 a year"].scope.occupation == "dental hygienist"
