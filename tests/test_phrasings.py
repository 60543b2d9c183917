"""Every phrasing in rules/phrasings.yaml reads the sentences it says it reads, and only those.

Each entry carries its own cases (sqlfluff-style): `reads` (a sentence and what the phrasing must
find in it) and `ignores` (sentences it must not match). A phrasing added without cases fails here.
"""

import pytest

from careerlint import yamlfile
from careerlint.claims import period_text
from careerlint.document import parse_html
from careerlint.extract.phrasings import compile_phrasings
from careerlint.extract.phrasings_store import phrasings
from careerlint.extract.lexicon import lexicon
from careerlint.extract.reader import Reader
from careerlint.resources import rules_dir
from conftest import _RULESET

SPEC = dict(yamlfile.load(rules_dir() / "phrasings.yaml"))
ENTRIES = SPEC["phrasings"]
CASES = [(pid, case) for pid, e in ENTRIES.items() for case in e.get("reads") or []]
IGNORES = [(pid, text) for pid, e in ENTRIES.items() for text in e.get("ignores") or []]


def readings(text: str):
    """The phrasings that read ``text`` (as the only sentence of a page), and the page's claims."""
    doc = parse_html(f"<html><body><h1>Career guide</h1><p>{text}</p></body></html>")
    rd = Reader(doc, _RULESET.registry)
    claims = rd.run()
    found = {}
    for sents in rd.sents.values():
        for s in sents:
            for r in s.readings:
                found.setdefault(r.phrasing.id, r)
    return found, claims, rd


def test_every_phrasing_has_cases_both_ways():
    for pid, e in ENTRIES.items():
        assert e.get("reads"), f"phrasing '{pid}' has no 'reads' case"
        assert e.get("ignores"), f"phrasing '{pid}' has no 'ignores' case"


@pytest.mark.parametrize("pid,case", CASES, ids=[f"{p}:{i}" for i, (p, _) in enumerate(CASES)])
def test_phrasing_reads_its_sentences(pid, case):
    found, claims, rd = readings(case["text"])
    assert pid in found, f"{pid} did not read: {case['text']!r}"
    r = found[pid]
    want = case.get("expect") or {}
    ms = next(iter(rd.mentions.values()))
    text = next(b.text for b in rd.doc.blocks if b.id in rd.mentions)
    # the figures the phrasing reads, as claims: they must take their meaning from it
    figures = [rd.by_mention[(bid, i)] for bid in rd.mentions for i in r.figures if (bid, i) in rd.by_mention]
    assert all(c.how.get("domain") == f"phrasing:{pid}" or c.how.get("stat") == f"phrasing:{pid}"
               for c in figures), [c.how for c in figures]
    for key, value in want.items():
        if key == "occupation":
            assert r.occupation == value
        elif key == "place":
            assert r.place == value
        elif key == "stat":
            assert figures[0].stat == value
        elif key == "per":
            assert figures[0].per == value
        elif key == "vintage":
            assert [" ".join(text[ms[i].start:ms[i].end].split()) for i in r.vintages][:1] == [value]
        elif key == "period":
            assert [period_text(ms[i].period) for i in r.periods][:1] == [value]
        elif key == "population":
            assert figures[0].scope.occupation == value
        else:
            raise AssertionError(f"unknown expectation '{key}' in {pid}")


@pytest.mark.parametrize("pid,text", IGNORES, ids=[f"{p}:{i}" for i, (p, _) in enumerate(IGNORES)])
def test_phrasing_ignores_other_sentences(pid, text):
    found, _, _ = readings(text)
    assert pid not in found, f"{pid} read a sentence it must not: {text!r}"


def test_phrasing_errors_name_the_file_and_the_phrasing():
    from careerlint.errors import ConfigError

    with pytest.raises(ConfigError, match=r"phrasings\.yaml: phrasing 'bad': missing '\)'"):
        compile_phrasings({"phrasings": {"bad": {"shape": "the (median {money}"}}}, lexicon().cues)
    with pytest.raises(ConfigError, match=r"phrasing 'odd': unknown slot \{salary\}"):
        compile_phrasings({"phrasings": {"odd": {"shape": "the median was {salary}"}}}, lexicon().cues)
    with pytest.raises(ConfigError, match=r"unknown key in 'sets': colour"):
        compile_phrasings({"phrasings": {"x": {"shape": "{money}", "sets": {"colour": "red"}}}}, lexicon().cues)


def test_a_long_sentence_is_read_in_linear_time():
    import time

    filler = "and the field keeps changing " * 2000
    t0 = time.perf_counter()
    readings("The median annual wage for electricians was $62,350 in May 2024 " + filler + ".")
    assert time.perf_counter() - t0 < 5


def test_every_bundled_phrasing_compiles():
    # the bundled shapes are compiled on first use, not when loaded: a bad one must fail here
    for ph in phrasings():
        assert ph.pattern.groupindex.keys() == ph.slots.keys(), ph.id
