"""The command line: exit codes, formats, rule selection, errors."""

import json
import os
import subprocess
import sys

import click
from click.testing import CliRunner

from careerlint import __version__
from careerlint.cli import main
from conftest import SAMPLES

CLEAN = str(SAMPLES / "seed-000-medical-billing-specialist.html")
BROKEN = str(SAMPLES / "seed-002-billing-and-coding.html")


def run(*args):
    """Run careerlint in-process the way the console script does: (exit code, stdout, stderr)."""
    runner = CliRunner()
    result = runner.invoke(main_wrapper, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True,
                                 "help_option_names": []})
@click.pass_context
def main_wrapper(ctx):
    main(list(ctx.args))


def test_clean_page_exits_0():
    code, out, err = run("check", "--as-of", "2026-11-22", CLEAN)
    assert (code, out, err) == (0, "No problems found in 1 file.\n", "")


def test_findings_exit_1_in_text_format():
    code, out, err = run("check", "--as-of", "2026-11-22", BROKEN)
    assert code == 1
    assert out.splitlines() == [
        f"{BROKEN}:33:68: warning stale-source May 2013 wage data from U.S. Bureau of Labor Statistics is 13 years old in 2026 (policy: at most 2)",
        f"{BROKEN}:39:51: error expired-projection projection for 2012–2022 ended in 2022 but is stated as a forecast (18% growth)",
        "Found 2 problems (1 error, 1 warning) in 1 file.",
    ]


def test_json_format():
    code, out, _ = run("check", "--as-of", "2026-11-22", "--format", "json", str(SAMPLES / "seed-001-medical-billing-career-guide.html"))
    assert code == 1
    doc = json.loads(out)
    assert doc["version"] == 1 and doc["files"] == 1
    growth = [f for f in doc["findings"] if f["rule"] == "conflicting-growth"]
    assert growth == [{
        "path": str(SAMPLES / "seed-001-medical-billing-career-guide.html"), "line": 92, "column": 88,
        "rule": "conflicting-growth", "severity": "error",
        "message": "growth rate 7% here vs 6% at line 25 for 2022–2032",
        "related": [{"line": 25, "text": "6%"}],
    }]


def test_select_and_ignore():
    code, out, _ = run("check", "--as-of", "2026-11-22", "--select", "expired-projection", BROKEN)
    assert code == 1 and [l.split(" ")[2] for l in out.splitlines()[:-1]] == ["expired-projection"]
    code, out, _ = run("check", "--as-of", "2026-11-22", "--ignore", "expired-projection,stale-source", BROKEN)
    assert (code, out) == (0, "No problems found in 1 file.\n")


def test_unknown_rule_id_is_a_usage_error():
    code, out, err = run("check", "--select", "no-such-rule", CLEAN)
    assert code == 2 and out == ""
    assert err == "careerlint: error: unknown rule id 'no-such-rule' (see 'careerlint rules')\n"


def test_bad_as_of_and_format_are_one_line_usage_errors():
    code, _, err = run("check", "--as-of", "22/11/2026", CLEAN)
    assert (code, err) == (2, "careerlint: error: --as-of must be a date as YYYY-MM-DD, not '22/11/2026'\n")
    code, _, err = run("check", "--format", "xml", CLEAN)
    assert (code, err) == (2, "careerlint: error: unknown --format 'xml' (choose from text, json, sarif, github, junit)\n")
    code, _, err = run("check", "--no-such-flag")
    assert code == 2 and err.count("\n") == 1 and err.startswith("careerlint: error: ")


def test_missing_path_is_reported_and_the_rest_is_checked(tmp_path):
    missing = str(tmp_path / "nope.html")
    code, out, err = run("check", "--as-of", "2026-11-22", missing, CLEAN)
    assert code == 2
    assert err == f"{missing}: error: no such file or directory\n"
    assert out == "No problems found in 1 file.\n"


def test_folder_is_searched_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.htm").write_text(open(BROKEN, encoding="cp1252").read(), encoding="utf-8")
    (tmp_path / "a.html").write_text(open(BROKEN, encoding="cp1252").read(), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("May 2013 $1")
    code, out, _ = run("check", "--as-of", "2026-11-22", "--select", "expired-projection", str(tmp_path))
    paths = [l.split(":")[0] for l in out.splitlines()[:-1]]
    assert code == 1 and paths == [str(tmp_path / "a.html"), str(tmp_path / "b" / "z.htm")]
    assert out.splitlines()[-1] == "Found 2 problems (2 errors) in 2 files."


def test_no_path_means_current_folder(tmp_path, monkeypatch):
    (tmp_path / "p.html").write_text(open(BROKEN, encoding="cp1252").read(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("check", "--as-of", "2026-11-22", "--select", "expired-projection")
    assert code == 1 and out.startswith("./p.html:39:")


def test_rules_lists_every_rule():
    code, out, _ = run("rules")
    ids = [l.split()[0] for l in out.splitlines()[:-1]]
    assert code == 0
    assert ids == ["stale-source", "expired-projection", "conflicting-growth", "conflicting-figure",
                   "salary-order", "wage-conversion", "figure-outside-range", "growth-descriptor",
                   "unused-suppression", "mixed-vintage", "dated-reference", "unsourced-figure"]
    assert out.splitlines()[0].split()[1] == "warning"


def test_version():
    code, out, _ = run("--version")
    assert (code, out) == (0, f"careerlint {__version__}\n")


def test_output_is_deterministic():
    a = run("check", "--as-of", "2026-11-22", "--format", "json", str(SAMPLES))
    b = run("check", "--as-of", "2026-11-22", "--format", "json", str(SAMPLES))
    assert a == b


def test_python_dash_m_and_console_script_agree():
    env = dict(os.environ)
    proc = subprocess.run([sys.executable, "-m", "careerlint", "check", "--as-of", "2026-11-22", BROKEN],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[-1] == "Found 2 problems (1 error, 1 warning) in 1 file."
