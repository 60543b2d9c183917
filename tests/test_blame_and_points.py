"""Classes of page found on the second held-out set (bench/pages/blind2): history notes, labelled
list items, long paragraphs before a table, and which of two conflicting figures is wrong. Each a
failing case at its line and a passing trap. Lines: a page's body starts on line 3 (conftest.page)."""

from careerlint.document import parse_html
from careerlint.extract import extract
from conftest import _RULESET, lint, page


def figures(html: str):
    return {c.text: c for c in extract(parse_html(html), _RULESET.registry) if c.kind in ("money", "percent")}


# -- a sentence about a point of a history table is not a citation ----------------------------------------
HISTORY = """
<h2>Median pay for electricians over time</h2>
<table><thead><tr><th>Year</th><th>Median annual wage</th></tr></thead>
<tbody><tr><td>May 2021</td><td>$60,040</td></tr>
<tr><td>May 2022</td><td>$60,240</td></tr>
<tr><td>May 2023</td><td>$61,590</td></tr>
<tr><td>May 2025</td><td>$64,210</td></tr></tbody></table>
<p>Source: BLS Occupational Employment and Wage Statistics.</p>
<p>The flat stretch after May 2021 partly reflects a change in how BLS sampled union shops.</p>
"""


def test_a_note_on_a_point_of_a_current_history_table_is_not_stale():
    assert lint(page(HISTORY, h1="Electricians"), select=["stale-source", "mixed-vintage"]) == []


def test_the_same_vintage_with_no_history_on_the_page_is_stale():
    html = page("\n<p>Our pay figures for electricians come from the BLS, May 2021 release.</p>", h1="Electricians")
    assert lint(html, select=["stale-source"]) == [
        (4, "stale-source", "May 2021 wage data from U.S. Bureau of Labor Statistics is 5 years old in 2026 "
                            "(policy: at most 2); May 2025 was released 2026-05-15")]


def test_a_note_that_states_its_own_figure_for_the_old_point_is_still_a_citation():
    # prose that dates a figure of its own is what rots when the table is updated and the prose is not
    html = page(HISTORY.replace("The flat stretch after May 2021 partly reflects",
                                "Electricians earned a median of $60,040 in May 2021, which reflects"), h1="Electricians")
    assert [(line, rule) for line, rule, _ in lint(html, select=["stale-source"])] == [(11, "stale-source")]


# -- "[Statistician](/careers/statistician): median pay $103,300" in a list of related careers -------------
RELATED = """
<p>Data scientists earned a median annual wage of $112,590 in May 2024 (BLS).</p>
<h2>Related careers</h2>
<ul><li><a href="/careers/statistician">Statistician</a>: median pay $103,300</li>
<li><a href="/careers/actuary">Actuary</a>: median pay $125,770</li></ul>
"""


def test_a_label_before_the_colon_of_a_list_item_names_its_occupation():
    found = figures(page(RELATED, h1="Data Scientists"))
    assert (found["$103,300"].scope.occupation, found["$125,770"].scope.occupation) == ("statistician", "actuary")
    assert found["$112,590"].scope.occupation == "data scientist"
    assert lint(page(RELATED, h1="Data Scientists"), select=["conflicting-figure"]) == []


def test_a_list_item_that_only_describes_pay_keeps_the_page_s_occupation():
    html = page(RELATED.replace('<a href="/careers/statistician">Statistician</a>: median pay $103,300',
                                "Typical median pay: $103,300"), h1="Data Scientists")
    assert figures(html)["$103,300"].scope.occupation == "data scientist"


# -- of two figures that conflict, the one BLS did not publish is reported ---------------------------------
def _conflict(first: str, second: str) -> str:
    return page(f"\n<p>Electricians earned a median annual wage of {first} in May 2024, according to the BLS.</p>\n"
                f"<p>The BLS puts the May 2024 median annual wage for electricians at {second}.</p>", h1="Electricians")


def test_a_conflict_is_reported_at_the_figure_bls_did_not_publish():
    [(line, rule, msg)] = lint(_conflict("$61,950", "$62,350"), select=["conflicting-figure"])
    assert (line, rule) == (4, "conflicting-figure")
    assert "$61,950" in msg and "$62,350" in msg


def test_a_conflict_bls_cannot_settle_is_reported_at_the_later_figure():
    assert [(line, rule) for line, rule, _ in lint(_conflict("$62,350", "$61,950"), select=["conflicting-figure"])] == [
        (5, "conflicting-figure")]
    assert [(line, rule) for line, rule, _ in lint(_conflict("$61,000", "$61,950"), select=["conflicting-figure"])] == [
        (5, "conflicting-figure")]


# -- a long paragraph before a table does not void its column labels --------------------------------------
GROWTH = """
<p>{intro}</p>
<table><thead><tr><th>Occupation</th><th>Projected growth, 2024–34</th></tr></thead>
<tbody><tr><td>Electricians</td><td>9%</td></tr><tr><td>Plumbers</td><td>4%</td></tr></tbody></table>
"""
LONG = ("Most of these trades start with an apprenticeship, and many states ask for an additional licence "
        "exam before you can work alone; the table shows how employment is projected to change.")


def test_a_word_of_a_long_paragraph_before_a_table_does_not_void_its_statistic():
    found = figures(page(GROWTH.format(intro=LONG), h1="Trade careers"))
    assert (found["9%"].stat, found["4%"].stat) == ("growth", "growth")


def test_a_short_caption_that_says_what_is_not_a_statistic_still_voids_it():
    html = page(GROWTH.format(intro="Additional pay").replace("Projected growth, 2024–34", "Raise"),
                h1="Trade careers")
    assert figures(html)["9%"].stat != "growth"



CYCLES = """
<table><caption>Projected growth for software developers, by BLS projection round</caption>
<thead><tr><th>Projection period</th><th>Projected growth</th></tr></thead>
<tbody><tr><td>2022–32</td><td>25%</td></tr><tr><td>2023–33</td><td>17%</td></tr><tr><td>2024–34</td><td>15%</td></tr></tbody>
</table>
"""
TAKEAWAYS = ("<ul><li>BLS projects 15% job growth for software developers over the next decade.</li>\n"
             "<li>BLS projected growth has cooled from the mid-20s to the mid-teens since the 2022–32 round.</li></ul>")


def test_a_note_on_a_past_projection_round_of_a_current_table_is_not_stale():
    assert lint(page(TAKEAWAYS + CYCLES, h1="Software developers"), select=["stale-source"]) == []


def test_a_past_projection_round_with_no_current_table_on_the_page_is_stale():
    assert lint(page(TAKEAWAYS, h1="Software developers"), select=["stale-source"]) == [
        (4, "stale-source", "2022–2032 projection from U.S. Bureau of Labor Statistics is 4 years old in 2026 "
                            "(policy: at most 2); 2024–34 was released 2025-08-28")]


# -- the subject of a figure's verb: people, a figure, or a relative clause -------------------------------
def test_a_subject_that_has_a_median_names_its_occupation():
    html = page("\n<p>Market research analysts earned a median annual wage of $76,950 in May 2024.</p>\n"
                "<p>If you move into management, marketing managers had a median wage of $161,030 in May 2024.</p>",
                h1="Market research analysts")
    assert figures(html)["$161,030"].scope.occupation == "manager marketing"   # a key: its words, sorted
    assert lint(html, select=["conflicting-figure"]) == []


def test_a_relative_clause_is_not_the_page_s_occupation():
    html = page("\n<p>Plumbers earned a median annual wage of $62,970 in May 2024; most earned between $48,860 "
                "and $81,900.</p>\n<p>Helpers, who assist plumbers while they learn, earned a median of $39,270.</p>",
                h1="Plumbers")
    assert figures(html)["$39,270"].scope.occupation != "plumber"
    assert lint(html, select=["figure-outside-range", "conflicting-figure"]) == []


def test_a_forecast_as_the_subject_leaves_the_occupation_to_the_sentence():
    html = page("\n<p>Employment of respiratory therapists is projected to grow 12 percent from 2024 to 2034.</p>\n"
                "<p>BLS has projected fast growth for respiratory therapists in every round for more than a decade, "
                "and the latest round projects employment will grow 13 percent from 2024 to 2034.</p>",
                h1="Respiratory therapists")
    assert lint(html, select=["conflicting-growth"]) == [
        (5, "conflicting-growth", "growth rate 13% here vs 12% at line 4 for 2024–2034")]
