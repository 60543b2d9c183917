"""Property-based tests over generated pages: careerlint never raises, is deterministic, checks
each page on its own, and never loses a finding because of an unrelated paragraph."""

import datetime as dt
import os
import signal
import subprocess
import sys

from hypothesis import HealthCheck, given, settings, strategies as st

from careerlint.document import parse_html
from careerlint.pipeline import check_text
from careerlint.extract import extract
from conftest import _RULESET

RULES = _RULESET.select(None, None)
AS_OF = dt.date(2026, 11, 22)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

money = st.builds(lambda v, k: f"${v:,}" if not k else f"${v // 1000}k", st.integers(0, 400_000), st.booleans())
hourly = st.builds(lambda v: f"${v / 100:.2f}/hr", st.integers(500, 20_000))
pct = st.builds(lambda v, w: f"{v}{'%' if w else ' percent'}", st.integers(-20, 60), st.booleans())
year = st.integers(1990, 2040)
period = st.builds(lambda a, n, short: f"{a}–{str(a + n)[-2:]}" if short else f"from {a} to {a + n}",
                   st.integers(2000, 2035), st.integers(1, 12), st.booleans())
vintage = st.builds(lambda y: f"May {y}", year)
label = st.sampled_from(["Median pay", "Top 10%", "Bottom 10%", "Salary range", "Job outlook", "Average salary",
                         "25th percentile", "75th percentile", "Employment", "Growth", "Tuition", "Ohio", "Senior"])
word = st.sampled_from(["the", "median", "wage", "for", "nurses", "was", "projected", "to", "grow", "BLS", "in",
                        "OEWS", "between", "and", "more", "than", "less", "earned", "decline", "as", "fast",
                        "average", "all", "occupations", "<b>", "</b>", "&amp;", "&ndash;", "-", ",", "."])
token = st.one_of(money, hourly, pct, period, vintage, label, word)
sentence = st.lists(token, min_size=1, max_size=14).map(" ".join)
cell = st.one_of(money, hourly, pct, label, vintage, period, st.just(""))
table = st.lists(st.lists(cell, min_size=1, max_size=4), min_size=1, max_size=5).map(
    lambda rows: "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    + "</table>")
card = st.tuples(label, token, sentence).map(lambda t: f'<div class="card"><h3>{t[0]}</h3><p>{t[1]}</p><p>{t[2]}</p></div>')
fragment = st.one_of(sentence.map(lambda s: f"<p>{s}</p>"), table, card,
                     st.lists(sentence, min_size=1, max_size=4).map(lambda xs: "<ul>" + "".join(f"<li>{x}</li>" for x in xs) + "</ul>"))
page_st = st.lists(fragment, min_size=1, max_size=8).map(lambda fs: "<html><body><h1>Registered Nurses</h1>\n"
                                                        + "\n".join(fs) + "\n</body></html>")


def lint(html, path="p.html"):
    return check_text(html, path, RULES, _RULESET.registry, AS_OF, set(_RULESET.rules))


@SETTINGS
@given(page_st)
def test_never_raises_and_is_deterministic(html):
    assert lint(html) == lint(html)


@SETTINGS
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text):
    lint(text)
    lint(text, path="p.md")


@SETTINGS
@given(page_st, st.sampled_from([
    "<p>Carpenters build stairways and rafters.</p>",
    "<p>Many programs take six months to a year.</p>",
    "<div><p>Remote work is common.</p></div>"]))
def test_an_unrelated_paragraph_never_removes_a_finding(html, extra):
    before = {(f.rule, f.message.split(" at line ")[0]) for f in lint(html)}
    after = {(f.rule, f.message.split(" at line ")[0])
             for f in lint(html.replace("</body>", extra + "\n</body>"))}
    assert before <= after


@SETTINGS
@given(page_st, page_st)
def test_findings_do_not_depend_on_other_pages(a, b):
    alone = lint(a, "a.html")
    lint(b, "b.html")
    assert lint(a, "a.html") == alone


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(["Alabama", "Ohio", "Texas", "Iowa", "Maine", "Utah"]),
                          st.integers(20_000, 90_000), st.integers(20_000, 200_000)),
                min_size=1, max_size=6, unique_by=lambda r: r[0]))
def test_facts_round_trip_a_generated_table(rows):
    html = ("<h1>Nurses</h1><table><tr><th>State</th><th>Median annual</th><th>Top 10% annual</th></tr>"
            + "".join(f"<tr><td>{s}</td><td>${m:,}</td><td>${t:,}</td></tr>" for s, m, t in rows) + "</table>")
    claims = [c for c in extract(parse_html(html), _RULESET.registry) if c.kind == "money"]
    got = [(c.scope.place, c.stat, c.value) for c in claims]
    want = []
    for s, m, t in rows:
        want += [(s.lower(), "median", m), (s.lower(), "p90", t)]
    assert got == want


def test_a_killed_run_never_leaves_a_truncated_report(tmp_path):
    """The report is written to a temporary file and renamed: kill careerlint while it writes and the
    target holds the old report or the new one, never a part."""
    target = tmp_path / "report.json"
    target.write_text('{"old": true}\n')
    script = (
        "import os, signal, careerlint.fileio as f\n"
        "real = os.fsync\n"
        "def die(fd):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "os.fsync = die\n"
        "from careerlint.cli import main\n"
        f"main(['check', '--format', 'json', '--output-file', {str(target)!r}, 'samples'])\n")
    from conftest import ROOT
    p = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert p.returncode == -signal.SIGKILL
    assert target.read_text() == '{"old": true}\n'
    leftovers = [n for n in os.listdir(tmp_path) if n != "report.json"]
    # the half-written temporary file may remain (the process died), but never under the target's name
    assert all(n.startswith(".careerlint-") for n in leftovers)
