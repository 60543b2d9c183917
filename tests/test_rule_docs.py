"""Every rule documents itself, and its examples behave as documented."""

import pytest
from click.testing import CliRunner

from careerlint.cli import cli
from conftest import _RULESET, lint, page

RULES = sorted(r for r, rule in _RULESET.rules.items())


@pytest.mark.parametrize("rule_id", RULES)
def test_rule_has_documentation(rule_id):
    doc = _RULESET.rules[rule_id].doc
    for key in ("checks", "why", "fail", "pass"):
        assert str(doc.get(key) or "").strip(), f"{rule_id} has no '{key}' in its doc"


@pytest.mark.parametrize("rule_id", RULES)
def test_failing_example_fails_and_passing_example_passes(rule_id):
    doc = _RULESET.rules[rule_id].doc
    every = list(_RULESET.rules)
    fail = lint(page(doc["fail"], h1="Medical Billing Specialists"), select=every)
    passing = lint(page(doc["pass"], h1="Medical Billing Specialists"), select=every)
    assert rule_id in [f[1] for f in fail], fail
    assert rule_id not in [f[1] for f in passing], passing


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
