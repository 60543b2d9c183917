"""Suppression comments and attributes, and unused-suppression."""

from conftest import lint, page

H1 = "Medical Billing Specialists"
STALE = "<p>The median annual wage for medical billing specialists was $47,190 in May 2023.</p>"
EXPIRED = "<p>The BLS projects 18% growth between 2012 and 2022.</p>"


def test_disable_enable_range_for_one_rule():
    html = page(f"<!-- careerlint-disable stale-source -->\n{STALE}\n{EXPIRED}\n"
                f"<!-- careerlint-enable stale-source -->\n{STALE}", h1=H1)
    assert [f[:2] for f in lint(html)] == [(5, "expired-projection"), (7, "stale-source")]


def test_disable_without_id_covers_every_rule_to_the_end():
    html = page(f"{STALE}\n<!-- careerlint-disable -->\n{STALE}\n{EXPIRED}", h1=H1)
    assert [f[:2] for f in lint(html)] == [(3, "stale-source")]


def test_disable_next_line():
    html = page(f"<!-- careerlint-disable-next-line stale-source -->\n{STALE}\n{STALE}", h1=H1)
    assert [f[:2] for f in lint(html)] == [(5, "stale-source")]


def test_data_attribute_covers_its_subtree():
    html = page(f'<section data-careerlint-ignore="stale-source expired-projection">\n{STALE}\n{EXPIRED}\n</section>\n'
                f"{STALE}", h1=H1)
    assert [f[:2] for f in lint(html)] == [(7, "stale-source")]


def test_unused_suppressions_are_reported_as_info():
    html = page(f"<!-- careerlint-disable-next-line salary-order -->\n{STALE}\n"
                f'<div data-careerlint-ignore="conflicting-figure"><p>Nothing here.</p></div>\n'
                "<!-- careerlint-disable no-such-rule -->", h1=H1)
    assert lint(html) == [
        (3, "unused-suppression", "careerlint-disable-next-line salary-order suppresses nothing"),
        (4, "stale-source", "May 2023 wage data from an unnamed source is 3 years old in 2026 (policy: at most 2); May 2025 was released 2026-05-15"),
        (5, "unused-suppression", 'data-careerlint-ignore="conflicting-figure" suppresses nothing'),
        (6, "unused-suppression", "careerlint-disable no-such-rule names unknown rule 'no-such-rule'"),
    ]


def test_suppression_of_a_rule_that_did_not_run_is_not_judged():
    html = page(f"<!-- careerlint-disable-next-line salary-order -->\n{STALE}", h1=H1)
    assert lint(html, select=["stale-source", "unused-suppression"]) == [
        (4, "stale-source", "May 2023 wage data from an unnamed source is 3 years old in 2026 (policy: at most 2); May 2025 was released 2026-05-15")]


def test_ordinary_comments_are_not_directives():
    html = page(f"<!-- careerlint is great -->\n<!-- disable the banner -->\n{STALE}", h1=H1)
    assert [f[1] for f in lint(html)] == ["stale-source"]


def test_disable_line_covers_only_the_line_of_the_comment():
    html = page(f"{STALE} <!-- careerlint-disable-line stale-source -->\n{STALE}\n{EXPIRED} <!-- careerlint-disable-line -->\n"
                f"{STALE}", h1=H1)
    assert [f[:2] for f in lint(html)] == [(4, "stale-source"), (6, "stale-source")]


def test_unused_disable_line_is_reported():
    html = page(f"{STALE}\n<p>Nothing.</p> <!-- careerlint-disable-line stale-source -->", h1=H1)
    assert [f[:2] for f in lint(html)] == [(3, "stale-source"), (4, "unused-suppression")]


def test_unknown_directive_is_an_error_and_disables_nothing(tmp_path):
    import subprocess
    import sys

    bad = tmp_path / "bad.html"
    bad.write_text(page(f"<!-- careerlint-disable-nextline stale-source -->\n{STALE}\n"
                        f"<!-- careerlint-disable-line: stale-source -->\n{STALE}", h1=H1))
    good = tmp_path / "good.html"
    good.write_text(page(STALE, h1=H1))
    p = subprocess.run([sys.executable, "-m", "careerlint", "check", "--no-cache", "--as-of", "2026-11-22",
                        str(bad), str(good)], capture_output=True, text=True)
    known = "known: careerlint-disable, careerlint-enable, careerlint-disable-line, careerlint-disable-next-line"
    assert p.returncode == 2
    assert p.stderr.splitlines() == [
        f"{bad}:3: error: unknown directive 'careerlint-disable-nextline' ({known}; "
        "did you mean 'careerlint-disable-next-line'?)",
        f"{bad}:5: error: unknown directive 'careerlint-disable-line:' ({known}; "
        "did you mean 'careerlint-disable-line'?)",
    ]
    # nothing was disabled, and the other page is still checked
    import re

    found = [re.match(r"(.*):(\d+):\d+: warning stale-source ", line).groups() for line in p.stdout.splitlines()[:-1]]
    assert found == [(str(bad), "4"), (str(bad), "6"), (str(good), "3")]
    assert p.stdout.splitlines()[-1] == "Found 3 problems (3 warnings) in 2 files."
