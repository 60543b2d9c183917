"""CI output formats, exit-code options, --output-file and baselines."""

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT, SAMPLES, SCHEMAS

BROKEN = "samples/seed-002-billing-and-coding.html"


def careerlint(*args, cwd=ROOT):
    p = subprocess.run([sys.executable, "-m", "careerlint", *args], capture_output=True, text=True, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


@pytest.mark.skipif(not (SCHEMAS / "sarif-schema-2.1.0.json").is_file(), reason="SARIF schema not present")
def test_sarif_output_of_the_samples_is_valid_sarif_2_1_0():
    import jsonschema

    code, out, err = careerlint("check", "--as-of", "2026-11-22", "--format", "sarif", "samples")
    assert (code, err) == (1, "")
    doc = json.loads(out)
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text())
    jsonschema.validate(doc, schema)
    run = doc["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "stale-source" in rule_ids and "conflicting-growth" in rule_ids
    stale = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "stale-source")
    assert stale["defaultConfiguration"] == {"level": "warning"}
    assert stale["shortDescription"]["text"] and stale["fullDescription"]["text"] and stale["help"]["text"]
    growth = next(r for r in run["results"] if r["ruleId"] == "conflicting-growth")
    assert growth["level"] == "error"
    assert growth["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "samples/seed-001-medical-billing-career-guide.html"},
        "region": {"startLine": 92, "startColumn": 88}}
    assert rule_ids[growth["ruleIndex"]] == "conflicting-growth"


def test_github_workflow_commands():
    code, out, _ = careerlint("check", "--as-of", "2026-11-22", "--format", "github", BROKEN)
    assert code == 1
    assert out.splitlines() == [
        f"::warning file={BROKEN},line=33,col=68,title=stale-source::May 2013 wage data from U.S. Bureau of Labor "
        "Statistics is 13 years old in 2026 (policy: at most 2)",
        f"::error file={BROKEN},line=39,col=51,title=expired-projection::projection for 2012–2022 ended in 2022 but "
        "is stated as a forecast (18%25 growth)",   # '%' is escaped as GitHub's toolkit does
    ]


def test_junit_xml_has_a_test_case_per_page():
    code, out, _ = careerlint("check", "--as-of", "2026-11-22", "--format", "junit", BROKEN,
                              "samples/seed-000-medical-billing-specialist.html")
    assert code == 1
    suite = ET.fromstring(out).find("testsuite")
    cases = suite.findall("testcase")
    assert suite.get("tests") == "2" and suite.get("failures") == "1"
    assert [c.get("name") for c in cases] == [BROKEN, "samples/seed-000-medical-billing-specialist.html"]
    failure = cases[0].find("failure")
    assert failure.get("message") == "2 problems"
    assert failure.text.splitlines()[1].startswith(f"{BROKEN}:39:51: error expired-projection")
    assert cases[1].find("failure") is None


def test_fail_on_and_exit_zero():
    page = "samples/suppressed-archive-note.html"   # one info finding only
    assert careerlint("check", "--as-of", "2026-11-22", page)[0] == 0
    assert careerlint("check", "--as-of", "2026-11-22", "--fail-on", "info", page)[0] == 1
    assert careerlint("check", "--as-of", "2026-11-22", "--fail-on", "error", BROKEN)[0] == 1
    assert careerlint("check", "--as-of", "2026-11-22", "--fail-on", "error", "--select", "stale-source", BROKEN)[0] == 0
    assert careerlint("check", "--as-of", "2026-11-22", "--exit-zero", BROKEN)[0] == 0
    code, _, err = careerlint("check", "--fail-on", "fatal", BROKEN)
    assert (code, err) == (2, "careerlint: error: unknown --fail-on 'fatal' (choose from error, warning, info)\n")


def test_output_file_is_written_atomically(tmp_path):
    target = tmp_path / "report.json"
    code, out, _ = careerlint("check", "--as-of", "2026-11-22", "--format", "json", "--output-file", str(target), BROKEN)
    assert (code, out) == (1, "")
    assert json.loads(target.read_text())["files"] == 1
    assert os.listdir(tmp_path) == ["report.json"]  # no temporary file left behind


def test_output_file_in_a_missing_folder_is_an_error(tmp_path):
    code, _, err = careerlint("check", "--output-file", str(tmp_path / "no" / "r.txt"), BROKEN)
    assert code == 2 and err.startswith(f"{tmp_path}/no/r.txt: error: cannot write")


def test_baseline_reports_only_new_findings_and_survives_edits_elsewhere(tmp_path):
    page = tmp_path / "page.html"
    shutil.copy(SAMPLES / "seed-002-billing-and-coding.html", page)
    base = tmp_path / "careerlint-baseline.json"
    code, _, _ = careerlint("check", "--as-of", "2026-11-22", "--write-baseline", str(base), str(page))
    assert code == 1 and json.loads(base.read_text())["entries"][0]["path"] == "page.html"
    # an edit elsewhere moves every line down; the old findings stay known
    text = page.read_text(encoding="cp1252")
    text = text.replace("<body>", "<body>\n<p>A new intro.</p>\n<p>Another line.</p>")
    # and a new problem appears
    text = text.replace("</body>", "<p>The median annual wage was $31,000 in May 2012, says the BLS.</p></body>")
    page.write_text(text, encoding="cp1252")
    code, out, _ = careerlint("check", "--as-of", "2026-11-22", "--baseline", str(base), str(page), cwd=tmp_path)
    assert code == 1
    lines = out.splitlines()
    # only the new paragraph (line 47) is reported: its stale vintage, and its median mixed with May 2013's
    assert [l.split(" ")[2] for l in lines[:-1]] == ["mixed-vintage", "stale-source"]
    assert all(l.startswith(f"{page}:47:") for l in lines[:-1])
    assert lines[-1] == ("Found 2 problems (2 warnings) in 1 file; 2 known from the baseline, "
                         "0 baseline entries no longer found.")


def test_baseline_counts_entries_that_no_longer_match(tmp_path):
    page = tmp_path / "page.html"
    shutil.copy(SAMPLES / "seed-002-billing-and-coding.html", page)
    base = tmp_path / "b.json"
    careerlint("check", "--as-of", "2026-11-22", "--write-baseline", str(base), str(page))
    page.write_text(page.read_text(encoding="cp1252").replace("May 2013", "May 2024"), encoding="cp1252")
    code, out, _ = careerlint("check", "--as-of", "2026-11-22", "--baseline", str(base), str(page))
    assert code == 0
    assert out.splitlines()[-1] == ("No problems found in 1 file; 1 known from the baseline, "
                                    "1 baseline entries no longer found.")


def test_bad_baseline_file_is_a_one_line_error(tmp_path):
    bad = tmp_path / "b.json"
    bad.write_text("{not json")
    code, out, err = careerlint("check", "--baseline", str(bad), BROKEN)
    assert (code, out) == (2, "") and err.startswith(f"{bad}:1: invalid baseline JSON")
