"""Markdown pages: the same claims and rules, lines of the Markdown source, front matter not read."""

from careerlint.document import parse_markdown
from careerlint.extract import extract
from conftest import _RULESET, lint


def md_lint(text, **kw):
    return lint(text, path="page.md", **kw)


def test_findings_at_markdown_source_lines():
    text = ("---\ntitle: Welders\n---\n\n# Welders\n\nThe median annual wage for welders was $51,000 in May 2024,\n"
            "and the highest 10 percent earned more than $40,000.\n\n| State | Median annual | Top 10% annual |\n"
            "|---|---|---|\n| Texas | $55,000 | $70,000 |\n| Ohio | $58,000 | $52,000 |\n")
    assert md_lint(text) == [
        (8, "salary-order", "90th percentile $40,000 is below median annual wage $51,000 (stated at line 7)"),
        (13, "salary-order", "90th percentile $52,000 is below median annual wage $58,000"),
    ]


def test_front_matter_is_not_prose_but_gives_the_title():
    text = "---\ntitle: Phlebotomist\nsalary: $99,999\nupdated: May 2013\n---\n\nPhlebotomists earn a median of $43,660.\n"
    doc = parse_markdown(text, "p.md")
    assert doc.h1 == "Phlebotomist"
    assert [c.text for c in extract(doc, _RULESET.registry) if c.kind in ("money", "vintage")] == ["$43,660"]
    assert md_lint(text) == []


def test_inline_markup_and_soft_breaks_keep_words_and_lines():
    text = "# Welders\n\nThe **median** *annual* wage\nfor welders was $51,000 in May 2024.\n"
    doc = parse_markdown(text, "p.md")
    block = next(b for b in doc.blocks if "$51,000" in b.text)
    assert block.text == "The median annual wage for welders was $51,000 in May 2024."
    assert block.line_at(block.text.index("$51,000")) == 4


def test_suppression_comment_in_markdown():
    text = ("# Welders\n\n<!-- careerlint-disable-next-line stale-source -->\n"
            "The median annual wage for welders was $38,150 in May 2015, says the BLS.\n")
    assert md_lint(text, select=["stale-source", "unused-suppression"]) == []
