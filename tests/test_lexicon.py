"""The lexicon (rules/lexicon.yaml) and its phrase syntax: every list compiles and matches what it says."""

import re

import pytest
from hypothesis import given, settings, strategies as st

from careerlint.extract.lexicon import Lexicon, lexicon
from careerlint.extract.phrase import PhraseError, compile_list, compile_phrase

LEX = lexicon()


@pytest.mark.parametrize("phrase,matches,misses", [
    ("median [annual] wage", ["median wage", "Median annual wage"], ["median hourly wage", "mediann wage"]),
    ("[about] as fast as [the] average", ["as fast as average", "about as fast as the average"], ["as fast as usual"]),
    ("(lowest|bottom) {pct:10}", ["lowest 10 percent", "bottom 10%", "lowest ten percent"], ["lowest 100 percent"]),
    ("earn* between", ["earns between", "earning between"], ["yearn between"]),
    ("entry-level", ["entry-level", "entry level", "entrylevel"], ["entry-levels"]),
    ("# years of experience", ["5 years of experience", "2.5 years of experience"], ["years of experience"]),
    ("[in {cue:us_states}] pay", ["in Ohio pay", "pay"], ["in Narnia pay"]),
    ("\\(decline\\)", ["(decline)"], ["decline"]),
    ("level (i|ii|iii)", ["level ii"], ["level iii-x", "high-level influence"]),
])
def test_phrase_syntax(phrase, matches, misses):
    pat = re.compile(compile_phrase(phrase, LEX.cues), re.I)
    for text in matches:
        assert pat.search(text), (phrase, text)
    for text in misses:
        m = pat.search(text)
        assert not (m and m.group(0) == text), (phrase, text)


@pytest.mark.parametrize("phrase,problem", [
    ("the (median", "missing ')'"),
    ("the median]", "unbalanced ']'"),
    ("{cue:nothing}", "unknown lexicon list 'nothing'"),
    ("{money}", "slot {money} is not allowed here"),
])
def test_phrase_errors(phrase, problem):
    with pytest.raises(PhraseError, match=re.escape(problem)):
        compile_phrase(phrase, LEX.cues)


WORDS = st.sampled_from(["median", "pay", "entry-level", "entry", "level", "senior", "top", "10", "percent",
                         "earn*", "earning", "nurse", "nurses", "in", "Ohio", "a", "the"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(WORDS, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=8),
       st.lists(WORDS.map(lambda w: w.rstrip("*")), min_size=1, max_size=12).map(" ".join))
def test_a_list_compiled_as_a_trie_matches_like_its_phrases_one_by_one(phrases, text):
    trie = re.compile(compile_list(phrases, LEX.cues), re.I)
    plain = re.compile("|".join(compile_phrase(p, LEX.cues) for p in sorted(phrases, key=len, reverse=True)), re.I)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_every_list_compiles_and_names_its_statistics():
    assert [name for name, _ in LEX.stat] == ["p10", "p25", "median", "mean", "p75", "p90", "range", "starting"]
    assert [name for name, _ in LEX.per] == ["hour", "year", "month", "week"]
    for key in LEX.data:
        if isinstance(LEX.data[key], list):
            getattr(LEX, key)  # compiles


def test_one_edit_adds_a_word_everywhere():
    """A level added to the lexicon is read as a level in a sentence and in a table row alike."""
    from careerlint.document import parse_html
    from careerlint.extract import reader as R
    from conftest import _RULESET

    data = dict(LEX.data)
    data["levels"] = list(data["levels"]) + ["rookie"]
    html = ("<h1>Welders</h1><p>Rookie welders earn a median of $41,000.</p>"
            "<table><tr><th>Level</th><th>Median salary</th></tr><tr><td>Rookie</td><td>$41,500</td></tr></table>")
    original = R.lexicon
    try:
        R.lexicon = lambda: Lexicon(data)
        claims = R.Reader(parse_html(html), _RULESET.registry).run()
    finally:
        R.lexicon = original
    assert [(c.text, c.scope.level) for c in claims if c.kind == "money"] == [("$41,000", "rookie"),
                                                                               ("$41,500", "rookie")]


def test_occupation_heads_cover_every_title_careerlint_ships():
    """Every BLS and OOH title in the reference data ends in a word the lexicon takes to name people."""
    from careerlint.extract.labels import Labels
    from careerlint.reference import oews_releases
    from careerlint.reference.store import default

    labels = Labels(LEX, None)
    missing = set()
    for release in oews_releases():
        oews = default().oews(release)
        for code in oews.rows:
            title = oews.title(code)
            for part in re.split(r",|\s+and\s+|/", re.sub(r"\([^)]*\)", "", title or "")):
                words = part.split()
                if words and words[-1].lower() not in ("other", "all", "except", "occupations") and \
                        words[-1].lower().endswith("s") and not labels.is_personish(part):
                    missing.add(words[-1].lower())
    assert not missing - {"activities", "programs", "services", "sales", "relations", "trades", "sports",
                          "communications", "utilities", "vehicles", "engines", "fibers", "tiles", "surfaces",
                          "products", "animals", "materials", "commodities", "securities", "benefits", "news",
                          "claims", "logistics", "operations", "facilities", "electronics", "foods", "sciences",
                          "mathematics", "physics", "statistics", "arts", "equipment", "vessels", "promotions", "bus",
                          "gas"}
