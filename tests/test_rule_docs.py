"""Every rule documents itself, and its examples behave as documented."""

import pytest
from click.testing import CliRunner

from careerlint.cli import cli
from careerlint.ruledoc import example_pages
from conftest import _RULESET, lint, page

RULES = sorted(r for r, rule in _RULESET.rules.items())


@pytest.mark.parametrize("rule_id", RULES)
def test_rule_has_documentation(rule_id):
    doc = _RULESET.rules[rule_id].doc
    for key in ("checks", "why", "fail", "pass"):
        assert str(doc.get(key) or "").strip(), f"{rule_id} has no '{key}' in its doc"


@pytest.mark.parametrize("rule_id", RULES)
def test_failing_example_fails_and_passing_example_passes(rule_id, tmp_path, monkeypatch):
    doc = _RULESET.rules[rule_id].doc
    every = list(_RULESET.rules)
    if example_pages(doc["fail"]) is not None:  # a cross-page rule: its examples are several pages
        monkeypatch.chdir(tmp_path)
        fail, passing = lint_site(doc["fail"], tmp_path / "fail"), lint_site(doc["pass"], tmp_path / "pass")
    else:
        # as the docs show them: pasted into a page, nothing added
        fail = lint(page(doc["fail"]), select=every)
        passing = lint(page(doc["pass"]), select=every)
    assert rule_id in [f[1] for f in fail], fail
    assert rule_id not in [f[1] for f in passing], passing


def lint_site(example, folder):
    """(page, rule, message) for every finding on the pages of a multi-page example, checked together."""
    import json

    pages = example_pages(example)
    assert len(pages) >= 2
    for name, text in pages:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(page(text), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--as-of", "2026-11-22", "--format", "json",
                                      "--ignore", "unsourced-figure", str(folder)])
    return [(f["path"], f["rule"], f["message"]) for f in json.loads(result.output)["findings"]]


def test_site_rule_examples_are_reported_where_the_docs_say():
    """The failing example of each cross-page rule is reported at the page that disagrees, naming the others."""
    import os

    import tempfile

    with tempfile.TemporaryDirectory() as d:
        old = os.getcwd()
        os.chdir(d)
        try:
            got = {rid: lint_site(_RULESET.rules[rid].doc["fail"], __import__("pathlib").Path(d) / rid)
                   for rid in ("site-conflicting-figure", "site-conflicting-growth", "site-mixed-vintage")}
        finally:
            os.chdir(old)
    assert [f for f in got["site-conflicting-figure"] if f[1].startswith("site-")] == [(
        os.path.join(d, "site-conflicting-figure", "hubs", "trades.html"), "site-conflicting-figure",
        "median annual wage for electricians is $63,350 here but $62,350 at "
        f"{os.path.join(d, 'site-conflicting-figure', 'guides', 'electrician.html')}:4 and 1 more page (May 2024)")]
    assert [f[:2] for f in got["site-conflicting-growth"] if f[1].startswith("site-")] == [
        (os.path.join(d, "site-conflicting-growth", p), "site-conflicting-growth")
        for p in ("guides/dental-hygienist.html", "hubs/healthcare.html")]   # two pages, no majority: both
    assert [f for f in got["site-mixed-vintage"] if f[1].startswith("site-")] == [(
        os.path.join(d, "site-mixed-vintage", "states", "electrician-ohio.html"), "site-mixed-vintage",
        "median annual wage for electricians is $61,590 from May 2023 here, but $62,350 from May 2024 at "
        f"{os.path.join(d, 'site-mixed-vintage', 'guides', 'electrician.html')}:4")]


def test_rule_command_prints_the_documentation():
    result = CliRunner().invoke(cli, ["rule", "wage-conversion"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "wage-conversion (error; check kind wage-conversion)"
    for title in ("What it checks", "Why it matters", "Fails (as of 2026-11-22)", "Passes",
                  "Options (with their values here)"):
        assert title in lines
    assert "  hours-per-year: 2080" in lines and "  tolerance-percent: 1.0" in lines


def test_rule_command_unknown_id():
    import subprocess
    import sys

    p = subprocess.run([sys.executable, "-m", "careerlint", "rule", "nope"], capture_output=True, text=True)
    assert (p.returncode, p.stdout, p.stderr) == (
        2, "", "careerlint: error: unknown rule id 'nope' (see 'careerlint rules')\n")
