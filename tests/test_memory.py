"""What a run keeps of each page until its report (issue 15: memory flat in the pages checked): site
facts packed, none made when nothing reads them, findings without a __dict__, label meanings shared
across pages without carrying one page's occupation into another's, and the JSON report written one
finding at a time, byte for byte what json.dumps(indent=2) writes."""

import json
import pickle
import subprocess
import sys

from careerlint.extract.labels import Labels
from careerlint.extract.lexicon import lexicon
from careerlint.findings import Finding, Related, plain_fields
from careerlint.pipeline import Plan, check_page
from careerlint.reporters import PageError, Report
from careerlint.reporters.json_format import render
from careerlint.ruleset import load_ruleset
from careerlint.sitewide.facts import PageFacts, pack, unpack

from conftest import AS_OF, ROOT

PAGE = """<html><head><title>Electrician Salary</title></head><body><h1>Electricians</h1>
<p>Electricians earned a median annual wage of $62,350 in May 2024, according to the Bureau of
Labor Statistics.</p>
<p>Employment of electricians is projected to grow 11 percent from 2024 to 2034.</p>
</body></html>
"""


def _plan(**kw) -> Plan:
    rs = load_ruleset()
    return Plan(rs.select(None, None), rs, AS_OF, **kw)


def test_a_page_run_keeps_its_site_facts_packed_and_they_read_back(tmp_path):
    page = tmp_path / "electrician.html"
    page.write_text(PAGE)
    o = check_page(str(page), _plan(), 1 << 20)
    assert isinstance(o.facts, bytes) and len(o.facts) < 600
    record = PageFacts.from_json(unpack(o.facts))
    assert record.occupation == "electrician"
    assert [(f.kind, f.stat, f.display, f.line, f.vintage) for f in record.facts] == [
        ("wage", "median", "$62,350", 2, 2024), ("growth", "growth", "11%", 4, None)]
    assert pickle.loads(pickle.dumps(o)).facts == o.facts  # sent from a worker as it is


def test_no_site_facts_are_made_when_nothing_reads_them(tmp_path):
    page = tmp_path / "electrician.html"
    page.write_text(PAGE)
    o = check_page(str(page), _plan(facts=False), 1 << 20)
    assert o.facts is None and [f.rule for f in o.findings] == ["newer-release", "official-growth"]


def test_unpack_passes_the_caches_json_through_and_refuses_damage():
    data = {"v": 1, "occupation": "nurse", "soc": "", "suppressions": [], "facts": []}
    assert unpack(data) is data
    assert unpack(pack(data)) == data
    assert unpack(b"not zlib") is None and unpack(pack(data)[:-3]) is None


def test_facts_and_findings_have_no_instance_dict():
    record = PageFacts.from_json({"v": 1, "occupation": "nurse", "soc": "", "suppressions": [], "facts": [
        {"kind": "wage", "value": 1.0, "text": "$1", "display": "$1", "line": 3, "column": 1, "occupation": "nurse",
         "stat": "median", "period": [2024, 2034]}]})
    f = record.facts[0]
    assert not hasattr(f, "__dict__") and (f.stat, f.per, f.period, f.line) == ("median", "", (2024, 2034), 3)
    finding = Finding("a.html", 3, 1, "stale-source", "warning", "m", (Related(2, "x"),), "t", {"year": 2013})
    assert not hasattr(finding, "__dict__") and pickle.loads(pickle.dumps(finding)) == finding
    assert plain_fields({"year": 2013, "ok": True, "vintage": "May 2023"}) == {
        "year": 2013, "ok": "True", "vintage": "May 2023"}


def test_label_meanings_shared_across_pages_keep_each_pages_occupation_apart():
    lex = lexicon()
    logging = Labels(lex, None, "Logging Workers").meaning("Logging Workers median wage")
    other = Labels(lex, None, "Forest Rangers").meaning("Logging Workers median wage")
    # what the label says whatever the page is read once; its industry depends on the page's name
    assert (logging.stat, other.stat) == ("median", "median")
    assert logging.industry is None and other.industry == "logging"


def _report(findings, **kw) -> Report:
    return Report(findings, ["a.html", "b.html"], **kw)


def _expected(report) -> str:
    doc = {"version": 1, "findings": [f.to_dict() for f in report.findings], "files": report.files}
    if report.errors:
        doc["errors"] = [{"path": e.path, "message": e.message} for e in report.errors]
    if report.baseline_matched or report.baseline_stale:
        doc["baseline"] = {"matched": report.baseline_matched, "stale": report.baseline_stale}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def test_json_report_is_what_json_dumps_writes_with_or_without_findings():
    f1 = Finding("a.html", 3, 5, "stale-source", "warning", "Données de mai 2013 — \"old\"", (), "x")
    f2 = Finding("b.html", 9, 1, "site-conflicting-figure", "error", "two medians",
                 (Related(4, "$62,350", "a.html"), Related(7, "$61,000")), "y")
    for report in (_report([]), _report([f1, f2]), _report([f2], errors=[PageError("c.html", "c.html: error: binary")],
                                                           baseline_matched=2, baseline_stale=1)):
        assert render(report) == _expected(report)


def test_check_of_many_pages_json_output_parses():
    out = subprocess.run([sys.executable, "-m", "careerlint", "check", "--as-of", "2026-11-22", "--format", "json",
                          "--no-cache", "samples"], capture_output=True, text=True, cwd=ROOT).stdout
    doc = json.loads(out)
    assert doc["files"] > 20 and len(doc["findings"]) > 10


def test_a_record_summary_refuses_exactly_what_the_record_refuses_and_counts_its_facts():
    """What the site phase keeps of a cache page of a large site (its occupations, no Fact made) is
    refused exactly when the whole record would be: a page refused there is checked again."""
    good = {"v": 1, "occupation": "nurse", "soc": "29-1141", "suppressions": [[3, 4, ["site-conflicting-figure"], 2, "x"]],
            "facts": [{"kind": "wage", "value": 93600.0, "text": "$93,600", "display": "$93,600", "line": 5, "column": 9,
                       "occupation": "nurse", "own": True, "stat": "median", "vintage": 2024},
                      {"kind": "growth", "value": 5.0, "text": "5 percent", "display": "5%", "line": 6, "column": 2,
                       "occupation": "all occupations", "period": [2024, 2034]},
                      {"kind": "wage", "value": 47300.0, "text": "$47,300", "display": "$47,300", "line": 8,
                       "column": 1, "occupation": "dental assistant", "stat": "median"}]}

    def fact(**change):
        d = json.loads(json.dumps(good))
        d["facts"][1].update(change)
        return d

    bad = [fact(kind="salary"), fact(value="5"), fact(line=6.0), fact(period=[2024]), fact(period=[2024, "2034"]),
           fact(vintage="May 2024"), fact(tolerance="0.5"), fact(colour="red"), {**good, "v": 2},
           {**good, "soc": None}, {**good, "facts": [1]}, {**good, "suppressions": [[1, 2]]}, [], None]
    for d in [good] + bad:
        record, summary = PageFacts.from_json(d), PageFacts.summary_json(d)
        assert (record is None) == (summary is None), d
    record, (light, counts) = PageFacts.from_json(good), PageFacts.summary_json(good)
    assert (light.occupation, light.soc, light.suppressions, light.facts) == (
        record.occupation, record.soc, record.suppressions, [])
    assert counts == {("nurse", True): 1, ("all occupations", True): 1, ("dental assistant", False): 1}
    from careerlint.sitewide.phase import _Entry
    assert _Entry("/a.html", "a.html", [], record, None, b"").counts == counts   # as the phase counts a record
    for occupation in (["a"], {"a": 1}, None, 5):   # not a string: refused by both
        assert PageFacts.from_json(fact(occupation=occupation)) is None is PageFacts.summary_json(fact(occupation=occupation))
