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


def figures(text):
    """(figure, line, column) of every money claim careerlint reads from a Markdown page."""
    doc = parse_markdown(text, "p.md")
    out = []
    for c in extract(doc, _RULESET.registry):
        if c.kind == "money":
            anchor, nth = c.anchor if c.anchor[0] else (c.text, 0)
            out.append((c.text, c.line, doc.column(c.line, anchor, nth)))
    return out


EVERY_CONSTRUCT = """\
# Welders

Intro line one.
The median wage was $51,001 in May 2024.

- first item $51,002
- second item
  continues with $51,003
  1. nested $51,004

> quoted $51,005
> more quoted
> with $51,006

| State | Median |
|---|---|
| Ohio | $51,007 |
| Texas | $51,008 |

```sh
echo $51,009 in May 2013
```

    indented $51,010 code

Text with `inline $51,011` code and $51,012 after.

<div>
<p>html block $51,013</p>

<p>after blank $51,014</p>
</div>

Last $51,015
with `code
span` then $51,016 and <span
class="x">$51,017</span>
<!-- a comment
over lines --> and $51,018.

* > quote in a list
  > with $51,019
"""


def test_lines_and_columns_are_right_in_every_construct():
    assert figures(EVERY_CONSTRUCT) == [
        ("$51,001", 4, 21), ("$51,002", 6, 14), ("$51,003", 8, 18), ("$51,004", 9, 13),
        ("$51,005", 11, 10), ("$51,006", 13, 8), ("$51,007", 17, 10), ("$51,008", 18, 11),
        ("$51,012", 26, 37), ("$51,013", 29, 15), ("$51,014", 31, 16), ("$51,015", 34, 6),
        ("$51,016", 36, 12), ("$51,017", 37, 11), ("$51,018", 39, 20), ("$51,019", 42, 10),
    ]


def test_code_is_not_prose():
    text = ("# Welders\n\nRun it:\n\n```sh\ncareerlint check # $99,000 in May 2013\n```\n\n"
            "    The BLS projects 18% growth between 2012 and 2022.\n\n"
            "The flag `--as-of 2013-05-01` and `$12,345` are code; welders earned $51,000 in May 2024.\n")
    assert [f[0] for f in figures(text)] == ["$51,000"]
    doc = parse_markdown(text, "p.md")
    assert [b.text for b in doc.blocks] == ["Welders", "Run it:",
                                            "The flag and are code; welders earned $51,000 in May 2024."]
    assert md_lint(text) == []


def test_a_suppression_in_an_html_block_is_at_its_own_line():
    text = ("# Welders\n\n<div>\n<p>History</p>\n<!-- careerlint-disable-next-line stale-source -->\n"
            "<p>The median annual wage for welders was $38,150 in May 2015, says the BLS.</p>\n</div>\n\n"
            "The median annual wage for welders was $38,150 in May 2015, says the BLS.\n")
    assert md_lint(text, select=["stale-source", "unused-suppression"]) == [
        (9, "stale-source", "May 2015 wage data from U.S. Bureau of Labor Statistics is 11 years old in 2026 "
                            "(policy: at most 2); May 2025 was released 2026-05-15")]


MYST = """# Careers in statistics

```{admonition} Why now?
:class: tip
Employers want people who can model uncertainty. BLS expects statistician jobs to grow 31 percent
from 2014 to 2024, far faster than average.
```

```{note}
Statisticians earned a median of $103,300 in May 2024.
```

```{code-cell} python
growth = "grow 31 percent from 2014 to 2024"
```
"""


def test_a_myst_directive_with_a_markdown_body_is_prose_at_its_own_lines():
    found = md_lint(MYST, select=["expired-projection"])
    assert [(line, rule) for line, rule, _ in found] == [(6, "expired-projection")]  # at its period
    doc = parse_markdown(MYST, "p.md")
    money = [(c.text, c.line) for c in extract(doc, _RULESET.registry) if c.kind == "money"]
    assert money == [("$103,300", 10)]


def test_a_myst_code_cell_is_code():
    text = MYST.replace("{admonition} Why now?", "{code-cell} python").replace("{note}", "{math}")
    assert md_lint(text, select=["expired-projection"]) == []
