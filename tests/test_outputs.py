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
    growth = next(r for r in run["results"] if r["ruleId"] == "conflicting-growth"
                  and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("samples/seed-001"))
    assert growth["level"] == "error"
    assert growth["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "samples/seed-001-medical-billing-career-guide.html", "uriBaseId": "SRCROOT"},
        "region": {"startLine": 92, "startColumn": 88}}
    assert rule_ids[growth["ruleIndex"]] == "conflicting-growth"


def test_github_workflow_commands():
    code, out, _ = careerlint("check", "--as-of", "2026-11-22", "--format", "github", BROKEN)
    assert code == 1
    assert out.splitlines() == [
        f"::warning file={BROKEN},line=33,col=68,title=stale-source::May 2013 wage data from U.S. Bureau of Labor "
        "Statistics is 13 years old in 2026 (policy: at most 2); May 2025 was released 2026-05-15",
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
    page = "samples/suppressed-archive-note.html"   # info findings only
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
    # writing the baseline succeeded: exit 0 even though the page has findings
    assert code == 0 and json.loads(base.read_text())["entries"][0]["path"] == "page.html"
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


# --- faithful CI outputs (issue 13) ---------------------------------------------------------------

GUIDE = "samples/seed-001-medical-billing-career-guide.html"


def _sarif(*args, cwd=ROOT):
    code, out, err = careerlint("check", "--as-of", "2026-11-22", "--format", "sarif", *args, cwd=cwd)
    return code, json.loads(out), err


def test_sarif_uris_are_relative_to_the_repository_root_with_a_base_id(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "site").mkdir()
    shutil.copy(SAMPLES / "seed-002-billing-and-coding.html", tmp_path / "site" / "page.html")
    # run from a sub-folder: URIs are still relative to the repository root
    code, doc, err = _sarif("page.html", cwd=tmp_path / "site")
    run = doc["runs"][0]
    assert (code, err) == (1, "")
    assert run["originalUriBaseIds"] == {"SRCROOT": {"uri": tmp_path.as_uri() + "/"}}
    assert run["artifacts"] == [{"location": {"uri": "site/page.html", "uriBaseId": "SRCROOT"}}]
    loc = run["results"][0]["locations"][0]["physicalLocation"]
    assert loc == {"artifactLocation": {"uri": "site/page.html", "uriBaseId": "SRCROOT"},
                   "region": {"startLine": 33, "startColumn": 68}}
    assert run["invocations"] == [{"executionSuccessful": True}]


def test_sarif_page_outside_the_repository_gets_an_absolute_file_uri(tmp_path):
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    page = tmp_path / "elsewhere.html"
    shutil.copy(SAMPLES / "seed-002-billing-and-coding.html", page)
    _, doc, _ = _sarif(str(page), cwd=tmp_path / "repo")
    assert doc["runs"][0]["artifacts"] == [{"location": {"uri": page.as_uri()}}]


def test_sarif_fingerprints_survive_edits_elsewhere_in_the_page(tmp_path):
    page = tmp_path / "page.html"
    shutil.copy(SAMPLES / "seed-001-medical-billing-career-guide.html", page)
    _, before, _ = _sarif(str(page), cwd=tmp_path)
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("<body>", "<body>\n<p>A new intro.</p>\n<p>More.</p>\n"), encoding="utf-8")
    _, after, _ = _sarif(str(page), cwd=tmp_path)

    def prints(doc):
        return [(r["ruleId"], r["partialFingerprints"]["careerlintClaimHash/v1"],
                 r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in doc["runs"][0]["results"]]

    b, a = prints(before), prints(after)
    assert [x[:2] for x in b] == [x[:2] for x in a]            # same fingerprints ...
    assert [x[2] + 3 for x in b] == [x[2] for x in a]          # ... though every line moved by 3
    fps = [x[1] for x in b]
    assert len(set(fps)) == len(fps)                           # and each one names one result
    assert all(len(fp.split(":")[0]) == 32 and fp.split(":")[1].isdigit() for fp in fps)


def test_sarif_rules_point_to_their_documentation():
    _, doc, _ = _sarif(GUIDE)
    rules = {r["id"]: r for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["stale-source"]["helpUri"].endswith("/docs/rules.md#stale-source")
    assert rules["stale-source"]["helpUri"].startswith("https://")
    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rid in rules:  # every anchor the URIs name exists in docs/rules.md
        assert f'<a id="{rid}"></a>' in docs and f"\n## {rid}\n" in docs


def test_sarif_custom_rule_has_no_help_uri_into_careerlint_docs():
    _, doc, _ = _sarif("samples/site-configured")
    rules = {r["id"]: r for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    assert "helpUri" not in rules["oews-strict"] and "helpUri" in rules["stale-source"]


def test_sarif_unreadable_pages_are_tool_notifications(tmp_path):
    (tmp_path / ".git").mkdir()
    shutil.copy(SAMPLES / "seed-002-billing-and-coding.html", tmp_path / "good.html")
    (tmp_path / "bin.html").write_bytes(b"\x7fELF\x00\x00\x00" * 50)
    code, doc, err = _sarif("good.html", "bin.html", "missing.html", cwd=tmp_path)
    assert code == 2 and err.splitlines() == ["missing.html: error: no such file or directory",
                                              "bin.html: error: not a text page (binary content)"]
    run = doc["runs"][0]
    assert run["invocations"][0]["executionSuccessful"] is False
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [(n["level"], n["message"]["text"], n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
            for n in notes] == [("error", "no such file or directory", "missing.html"),
                                ("error", "not a text page (binary content)", "bin.html")]
    assert len(run["results"]) == 2   # the good page is still reported
    if (SCHEMAS / "sarif-schema-2.1.0.json").is_file():
        import jsonschema

        jsonschema.validate(doc, json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text()))


def _finding(path, line, rule="site-conflicting-figure", severity="error", related=()):
    from careerlint.findings import Finding

    return Finding(path, line, 5, rule, severity, f"{rule} at {line}", tuple(related), "$61,590")


def test_related_locations_may_point_into_another_page(tmp_path, monkeypatch):
    from careerlint.findings import Related
    from careerlint.reporters import Report, get

    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    f = _finding("guides/electrician.html", 52,
                 related=[Related(88, "$60,240", "hubs/trades.html"), Related(12, "$61,590")])
    report = Report([f], ["guides/electrician.html", "hubs/trades.html"])
    doc = json.loads(get("json")(report))
    assert doc["findings"][0]["related"] == [{"line": 88, "text": "$60,240", "path": "hubs/trades.html"},
                                            {"line": 12, "text": "$61,590"}]
    sarif = json.loads(get("sarif")(report))
    rel = sarif["runs"][0]["results"][0]["relatedLocations"]
    assert [(r["physicalLocation"]["artifactLocation"]["uri"], r["physicalLocation"]["region"]["startLine"])
            for r in rel] == [("hubs/trades.html", 88), ("guides/electrician.html", 12)]
    # a related location on the finding's own page keeps the JSON shape it always had
    same = _finding("a.html", 3, related=[Related(1, "$1", "a.html")])
    assert same.to_dict()["related"] == [{"line": 1, "text": "$1"}]


def test_junit_fails_only_at_or_above_fail_on(tmp_path):
    page = "samples/suppressed-archive-note.html"      # info findings only
    code, out, _ = careerlint("check", "--as-of", "2026-11-22", "--format", "junit", "--fail-on", "error",
                              BROKEN, page, "samples/seed-000-medical-billing-specialist.html")
    assert code == 1
    root = ET.fromstring(out)
    suite = root.find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "0")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    broken = cases[BROKEN]
    assert broken.find("failure").get("message") == "1 problem"
    assert broken.find("failure").text == (f"{BROKEN}:39:51: error expired-projection projection for 2012–2022 "
                                           "ended in 2022 but is stated as a forecast (18% growth)")
    assert broken.find("system-out").text.startswith(f"{BROKEN}:33:68: warning stale-source May 2013")
    info = cases[page]
    assert info.find("failure") is None and " info unused-suppression " in info.find("system-out").text


def test_junit_unreadable_pages_are_errors_and_text_is_valid_xml(tmp_path):
    good = tmp_path / "ctl.html"
    good.write_text("<html><body><h1>Nurses</h1><p>\x1b[31mThe BLS projects 18% growth from 2012 to "
                    "2022.\x01</p></body></html>", encoding="utf-8")
    code, out, _ = careerlint("check", "--as-of", "2026-11-22", "--format", "junit", str(good),
                              str(tmp_path / "gone.html"))
    assert code == 2
    suite = ET.fromstring(out).find("testsuite")   # well-formed although the page holds control bytes
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "1", "1")
    err = [c for c in suite.findall("testcase") if c.find("error") is not None]
    assert [(c.get("name"), c.find("error").get("message")) for c in err] == [
        (str(tmp_path / "gone.html"), "no such file or directory")]


def _schema():
    return json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))


def test_json_report_matches_its_schema_with_errors_and_baseline(tmp_path):
    import jsonschema

    schema = _schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    code, out, _ = careerlint("check", "--as-of", "2026-11-22", "--format", "json", "samples")
    jsonschema.validate(json.loads(out), schema)
    code, out, _ = careerlint("check", "--as-of", "2026-11-22", "--format", "json", BROKEN,
                              str(tmp_path / "gone.html"))
    doc = json.loads(out)
    assert code == 2 and doc["errors"] == [{"path": str(tmp_path / "gone.html"),
                                            "message": "no such file or directory"}]
    jsonschema.validate(doc, schema)
    base = tmp_path / "b.json"
    careerlint("check", "--as-of", "2026-11-22", "--write-baseline", str(base), BROKEN)
    code, out, _ = careerlint("check", "--as-of", "2026-11-22", "--format", "json", "--baseline", str(base), BROKEN)
    doc = json.loads(out)
    assert (code, doc["findings"], doc["baseline"]) == (0, [], {"matched": 2, "stale": 0})
    jsonschema.validate(doc, schema)
    code, out, _ = careerlint("check", "--as-of", "2026-11-22", "--format", "json", "--statistics", "samples")
    jsonschema.validate(json.loads(out), schema)


def test_json_schema_rejects_what_careerlint_never_writes():
    import jsonschema

    schema = _schema()
    good = {"version": 1, "files": 1, "findings": [
        {"path": "p.html", "line": 3, "column": 1, "rule": "stale-source", "severity": "warning",
         "message": "m", "related": []}]}
    jsonschema.validate(good, schema)
    for bad in ({**good, "version": 2},
                {**good, "errors": []},
                {**good, "findings": [{**good["findings"][0], "severity": "fatal"}]},
                {**good, "findings": [{**good["findings"][0], "line": 0}]}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)


@pytest.mark.parametrize("flag", ["--output-file", "--write-baseline"])
def test_written_files_are_0644_under_umask_022_or_keep_their_mode(tmp_path, flag):
    target = tmp_path / "out.json"
    old = os.umask(0o022)
    try:
        careerlint("check", "--as-of", "2026-11-22", "--format", "json", flag, str(target), BROKEN)
        assert oct(target.stat().st_mode & 0o777) == oct(0o644)
        target.chmod(0o640)
        careerlint("check", "--as-of", "2026-11-22", "--format", "json", flag, str(target), BROKEN)
        assert oct(target.stat().st_mode & 0o777) == oct(0o640)
    finally:
        os.umask(old)


def test_an_output_file_behind_a_symlink_is_written_through_it(tmp_path):
    real, link = tmp_path / "reports" / "real.json", tmp_path / "link.json"
    real.parent.mkdir()
    real.write_text("{}")
    link.symlink_to(real)
    careerlint("check", "--as-of", "2026-11-22", "--format", "json", "--output-file", str(link), BROKEN)
    assert link.is_symlink() and json.loads(real.read_text())["files"] == 1


def test_cache_files_are_not_private(tmp_path):
    old = os.umask(0o022)
    try:
        shutil.copy(SAMPLES / "seed-002-billing-and-coding.html", tmp_path / "p.html")
        careerlint("check", "--as-of", "2026-11-22", "p.html", cwd=tmp_path)
        files = [f for f in (tmp_path / ".careerlint_cache").rglob("*") if f.suffix in (".json", ".lines")]
        assert {f.suffix for f in files} == {".json", ".lines"} and {oct(f.stat().st_mode & 0o777) for f in files} == {oct(0o644)}
    finally:
        os.umask(old)


def test_write_baseline_exits_0_but_2_when_a_page_is_unreadable(tmp_path):
    base = tmp_path / "b.json"
    code, _, _ = careerlint("check", "--as-of", "2026-11-22", "--write-baseline", str(base), BROKEN)
    assert code == 0 and len(json.loads(base.read_text())["entries"]) == 2
    code, _, err = careerlint("check", "--write-baseline", str(base), BROKEN, str(tmp_path / "x.html"))
    assert code == 2 and err.endswith("x.html: error: no such file or directory\n")


def test_rule_docs_are_generated_from_the_rule_pack():
    """docs/rules.md is what `python -m careerlint.ruledoc` writes; regenerate it after editing
    rules/core.yaml (CAREERLINT_UPDATE_GOLDEN=1 pytest tests/test_outputs.py does)."""
    from careerlint.ruledoc import render_markdown
    from careerlint.ruleset import load_ruleset

    path = ROOT / "docs" / "rules.md"
    want = render_markdown(load_ruleset())
    if os.environ.get("CAREERLINT_UPDATE_GOLDEN"):
        path.write_text(want, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == want


def test_message_fields_table_covers_what_checks_give():
    """Every finding on the samples uses only the fields message_fields lists for its kind, so a
    custom message may use any listed field."""
    from careerlint.message_fields import fields_of
    from careerlint.pipeline import check_text
    from careerlint.loader import read_page
    from careerlint.ruleset import load_ruleset
    import datetime as dt

    ruleset = load_ruleset()
    seen = set()
    for page in sorted(SAMPLES.glob("*.htm*")) + sorted(SAMPLES.glob("*.md")):
        for f in check_text(read_page(str(page)), str(page), list(ruleset.rules.values()), ruleset.registry,
                            dt.date(2026, 11, 22), set(ruleset.rules)):
            kind = ruleset.rules[f.rule].kind
            assert set(f.fields) <= set(fields_of(kind)), (kind, f.fields)
            seen.add(kind)
    assert len(seen) >= 10
    for r in ruleset.rules.values():   # and every bundled message uses listed fields only
        import string
        used = {name for _, name, _, _ in string.Formatter().parse(r.message) if name}
        assert used <= set(fields_of(r.kind)), r.id
