"""A run keeps its pages' findings and site facts in a temporary file until its report (issue 15: memory
flat in the pages checked), reads them back a page at a time, and writes the text and JSON reports
as they are made."""

import json
import os

import pytest

from careerlint import spool as spool_mod
from careerlint.findings import Finding, InReportOrder, Related, from_rows, to_rows
from careerlint.pipeline import Plan, check_page
from careerlint.report_options import write_output
from careerlint.reporters import Report, get, get_chunks
from careerlint.ruleset import load_ruleset
from careerlint.runner import run
from careerlint.sitewide.facts import PageFacts, unpack
from careerlint.spool import Spool, Stored

from conftest import AS_OF

PAGE = """<html><head><title>Electrician Salary</title></head><body><h1>Electricians</h1>
<p>Electricians earned a median annual wage of $62,350 in May 2024, according to the Bureau of
Labor Statistics.</p>
<p>Employment of electricians is projected to grow 11 percent from 2024 to 2034.</p>
<p>The figures above come from the May 2013 Occupational Employment Statistics survey.</p>
</body></html>
"""

F1 = Finding("a.html", 3, 5, "stale-source", "warning", "Données de mai 2013", (Related(2, "x"),), "t",
             {"year": 2013, "vintage": "May 2013"})
F2 = Finding("a.html", 9, 1, "site-conflicting-figure", "error", "two medians",
             (Related(4, "$62,350", "b.html"), Related(7, "$61,000")), "y", {"pages": 2, "ratio": 1.5})


def _plan(**kw) -> Plan:
    rs = load_ruleset()
    return Plan(rs.select(None, None), rs, AS_OF, **kw)


def test_findings_go_to_the_file_and_come_back_equal_with_their_fields():
    s = Spool()
    stored = Stored(s, to_rows([F1, F2]), 2, "a.html", from_rows)
    again = list(stored)
    assert again == [F1, F2] and [f.fields for f in again] == [F1.fields, F2.fields]
    assert [f.text for f in again] == ["t", "y"] and len(stored) == 2 and stored
    assert list(stored) == again   # read back on every pass
    s.close()


def test_the_file_has_no_name_and_no_temporary_folder_keeps_them_in_memory(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    s = Spool()
    ref = s.put({"v": 1})
    assert os.listdir(tmp_path) == [] and s.get(ref) == {"v": 1} and ref[1] > 0
    s.close()
    monkeypatch.setattr(spool_mod, "_temporary_file", lambda: None)
    s = Spool()
    ref = s.put([1, "two"])
    assert ref[1] < 0 and s.get(ref) == [1, "two"]


def test_a_full_disk_keeps_the_rest_in_memory(monkeypatch):
    s = Spool()
    first = s.put("on disk")

    def full(*a):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(spool_mod.os, "pwrite", full)
    second = s.put("in memory")
    assert (s.get(first), s.get(second)) == ("on disk", "in memory") and first[1] > 0 > second[1]


def test_without_positional_reads_and_writes_it_seeks(monkeypatch):
    """Windows has no os.pread or os.pwrite: the file is written and read after a seek."""
    monkeypatch.delattr(spool_mod.os, "pwrite")
    monkeypatch.delattr(spool_mod.os, "pread")
    s = Spool()
    refs = [s.put(["page", n, "x" * n]) for n in (1, 5000, 3)]
    assert [s.get(r) for r in reversed(refs)] == [["page", n, "x" * n] for n in (3, 5000, 1)]
    assert all(r[1] > 0 for r in refs)


def test_a_runs_outcomes_keep_findings_and_facts_in_its_spool(tmp_path):
    page = tmp_path / "electrician.html"
    page.write_text(PAGE)
    direct = check_page(str(page), _plan(), 1 << 20)
    outcome, = run([(str(page), _plan())], 1, 1 << 20, None)
    assert isinstance(outcome.findings, Stored) and isinstance(outcome.facts, Stored)
    assert list(outcome.findings) == list(direct.findings) and len(outcome.findings) == len(direct.findings) == 3
    assert outcome.findings.path == str(page)
    assert PageFacts.from_json(unpack(outcome.facts)) == PageFacts.from_json(unpack(direct.facts))


def test_report_order_merges_the_pages_without_holding_them():
    s = Spool()
    b = Finding("b.html", 1, 1, "stale-source", "warning", "m")
    a_again = Finding("a.html", 3, 5, "stale-source", "warning", "Données de mai 2013", (), "other")
    parts = [Stored(s, to_rows([b]), 1, "b.html", from_rows), Stored(s, to_rows([F1, F2]), 2, "a.html", from_rows),
             [], Stored(s, to_rows([a_again]), 1, "a.html", from_rows)]   # a.html given twice
    order = InReportOrder.of(parts)
    everything = [b, F1, F2, a_again]
    assert isinstance(order, InReportOrder) and len(order) == 4
    assert list(order) == sorted(everything, key=Finding.sort_key) == [F1, a_again, F2, b]
    assert [f.text for f in order] == ["t", "other", "y", ""]   # equal keys: in the order the pages came
    assert InReportOrder.of([[b], [F2, F1]]) == [F1, F2, b]       # plain lists: sorted as before
    assert not InReportOrder.of([])


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_a_report_written_in_pieces_is_the_report(fmt, tmp_path, capsys):
    report = Report(InReportOrder.of([Stored(Spool(), to_rows([F1, F2]), 2, "a.html", from_rows)]),
                    ["a.html", "b.html"], options={"show_source": False})
    whole = get(fmt)(report)
    pieces = get_chunks(fmt)(report)
    if fmt == "junit":
        assert pieces == (whole,)   # an XML document: made whole
    else:
        assert not isinstance(pieces, (str, tuple, list)) and "".join(pieces) == whole
    if fmt in ("json", "sarif"):   # byte for byte what json.dumps writes of the whole document
        assert json.dumps(json.loads(whole), indent=2, ensure_ascii=False) + "\n" == whole
    out = tmp_path / f"report.{fmt}"
    write_output(get_chunks(fmt)(report), str(out))
    assert out.read_text(encoding="utf-8") == whole and not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
    write_output(get_chunks(fmt)(report), None)
    assert capsys.readouterr().out == whole
    if fmt == "json":
        assert [f["message"] for f in json.loads(whole)["findings"]] == ["Données de mai 2013", "two medians"]
    if fmt == "sarif":
        results = json.loads(whole)["runs"][0]["results"]
        assert [r["message"]["text"] for r in results] == ["Données de mai 2013", "two medians"]
