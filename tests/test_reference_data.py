"""The bundled reference data (rules/reference/): complete, consistent, and what the build script makes."""

import gzip
import json
import subprocess
import sys

import pytest

from careerlint.reference import soc, store
from careerlint.reference.names import name_key
from careerlint.reference.scales import ORDER
from careerlint.reference.titles import KEY_VERSION
from careerlint.resources import rules_dir
from conftest import ROOT

SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), None)
DATA = rules_dir() / "reference"


@pytest.fixture
def bundled():
    return store.Reference(user_dir=DATA / "no-such-folder")


def _json(name):
    return json.loads(gzip.decompress((DATA / name).read_bytes()))


def test_shipped_files_and_sizes():
    names = sorted(p.name for p in DATA.iterdir())
    assert names == ["aliases.json", "calendar.json", "ep-2024.json.gz", "names.json.gz", "oews-2024.json.gz",
                     "oews-2025.json.gz", "scales.json"]
    for name in names:
        assert (DATA / name).stat().st_size < 80_000, name   # tens of KB per release


def test_releases_hold_the_national_estimates(bundled):
    assert bundled.oews_years() == [2024, 2025] and bundled.ep_cycles() == [2024]
    for year, rows, detailed in ((2024, 1396, 831), (2025, 1104, 830)):
        rel = bundled.oews(year)
        assert len(rel.rows) == rows
        assert sum(1 for r in rel.rows.values() if r[2] == "detailed") == detailed
        assert rel.title("00-0000") == "All Occupations"
        assert rel.released == bundled.calendar().get("oews", year).date
    assert bundled.oews(2024).caps == {"hour": 115.0, "year": 239200}
    assert bundled.oews(2024).figure("00-0000", "median", "year").value == 49500
    assert bundled.oews(2025).figure("00-0000", "median", "year").value == 50980
    # BLS's flags: (annual-only rows, hourly-only rows, top-coded annual 90th percentiles, top-coded cells)
    for year, counts in ((2024, (83, 7, 72, 235)), (2025, (78, 7, 0, 0))):
        rows = bundled.oews(year).rows.values()
        assert (sum(1 for r in rows if r[-1] == "annual"), sum(1 for r in rows if r[-1] == "hourly"),
                sum(1 for r in rows if r[15] == "#"), sum(1 for r in rows for v in r[4:16] if v == "#")) == counts


def test_every_row_is_well_formed(bundled):
    for year in bundled.oews_years():
        for code, r in bundled.oews(year).rows.items():
            assert soc.parse_code(code) == code
            assert r[2] in soc.LEVELS
            for v in r[4:10]:
                assert v in ("#", "*") or (isinstance(v, float) and 0 < v < 1000), (year, code, v)
            for v in r[10:16]:
                assert v in ("#", "*") or (isinstance(v, int) and 1000 < v < 2_000_000), (year, code, v)
            exact = [v for v in (r[5], r[6], r[7], r[8], r[9]) if not isinstance(v, str)]
            assert exact == sorted(exact), (year, code)   # p10 <= p25 <= median <= p75 <= p90


def test_projections(bundled):
    ep = bundled.ep(2024)
    assert len(ep.rows) == 645 and ep.released.isoformat() == "2025-08-28"
    # BLS rounds employment to hundreds and computes change and percent from unrounded figures
    for p in ep.projections():
        assert abs(p.target - p.base - p.change) <= 100, p.soc
        lo, hi = 100 * (p.change - 100) / (p.base + 50), 100 * (p.change + 100) / (p.base - 50)
        assert min(lo, hi) - 0.5 <= p.pct <= max(lo, hi) + 0.5, p.soc


def test_names_table_is_current_with_the_key_function_and_the_aliases(bundled):
    data = _json("names.json.gz")
    assert data["key-version"] == KEY_VERSION
    for key, target in data["index"].items():
        assert name_key(key) == key
        codes = [target] if isinstance(target, str) else target
        assert codes and all(soc.parse_code(c) == c for c in codes)
    assert set(data["weak"]) <= set(data["index"])
    # aliases.json is built into the table: an edit without a rebuild fails here
    for a in json.loads((DATA / "aliases.json").read_text())["aliases"]:
        got = data["index"][name_key(a["name"])]
        assert got == (a["soc"][0] if len(a["soc"]) == 1 else sorted(a["soc"])), a["name"]
    for slug, title, codes, target in data["profiles"]:
        if title:
            assert name_key(title) in data["index"], slug


def test_groups_merged_with_a_code_inside_them_have_its_employment(bundled):
    pairs = _json("names.json.gz")["same"]
    assert ["11-1010", "11-1011"] in pairs and ["41-2010", "41-2011"] not in pairs
    for a, b in pairs:
        assert soc.contains(a, b) and a != b
        both = [bundled.oews(y) for y in bundled.oews_years() if a in bundled.oews(y) and b in bundled.oews(y)]
        assert both and all(r.figure(a, "employment").value == r.figure(b, "employment").value for r in both)


def test_aliases_name_known_occupations(bundled):
    for a in json.loads((DATA / "aliases.json").read_text())["aliases"]:
        assert a["note"] and a["soc"]
        for code in a["soc"]:
            assert bundled.known(code), (a["name"], code)


def test_scales_cover_every_whole_percent_once():
    data = json.loads((DATA / "scales.json").read_text())
    assert [s["cycle"] for s in data["scales"] if s["verified"]] == [2024]
    for s in data["scales"]:
        assert [b["words"] for b in s["bands"]] == list(ORDER)
        for pct in range(-60, 101):
            hits = [b for b in s["bands"] if b.get("min", -999) <= pct <= b.get("max", 999)]
            assert len(hits) == 1, (s["cycle"], pct)


def test_calendar_is_ordered_and_unverified_only_in_the_future_of_verified():
    cal = store.Reference(user_dir=DATA / "none").calendar()
    for kind in ("oews", "ep"):
        entries = cal.releases(kind)
        assert [e.key for e in entries] == sorted({e.key for e in entries})
        assert [e.date for e in entries] == sorted(e.date for e in entries)
        seen_unverified = False
        for e in entries:
            seen_unverified |= not e.verified
            assert e.verified or seen_unverified
    assert [(e.key, e.verified) for e in cal.releases("ep")][-1] == (2025, False)


@pytest.mark.skipif(SHARED is None, reason="../shared/reference is not present")
def test_build_script_reproduces_the_shipped_files_byte_for_byte():
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "build_reference.py"), "--check",
                           "--source", str(SHARED / "reference"), "--corpus", str(SHARED / "corpus" / "ooh")],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "growth wording: 142 OOH quick-facts outlooks agree with scales.json" in proc.stdout


@pytest.mark.skipif(SHARED is None or not (SHARED / "corpus" / "ooh").is_dir(), reason="../shared/corpus is absent")
def test_ooh_pages_titles_and_median_sentences():
    """The README's figures: OOH titles that resolve, and May 2024 median sentences that agree."""
    import html
    import re

    from careerlint import reference as ref
    from careerlint.reference import store as st

    st.configure(DATA / "no-such-folder")
    try:
        resolved, sentences, agree, disagree = 0, set(), 0, []
        for f in sorted((SHARED / "corpus" / "ooh").glob("*.html")):
            raw = f.read_text(encoding="utf-8")
            h1 = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", re.search(r"<h1[^>]*>(.*?)</h1>", raw, re.S)[1])).split())
            resolved += isinstance(ref.match_occupation(h1), str)
            text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())
            # "The median annual wage for electricians was $62,350 in May 2024"
            for m in re.finditer(r"The median (annual|hourly) wage for ([^$]{3,150}?) was \$([\d,.]+) in May 2024", text):
                if (f.name, m[2], m[3]) in sentences:
                    continue
                sentences.add((f.name, m[2], m[3]))
                code = ref.match_occupation(m[2])
                if isinstance(code, str):
                    fig = ref.figure(code, 2024, "median", "year" if m[1] == "annual" else "hour")
                    if fig.value == float(m[3].replace(",", "")):
                        agree += 1
                    else:
                        disagree.append((f.name, m[2], m[3], fig))
        assert (resolved, len(sentences), agree, disagree) == (115, 165, 154, [])
    finally:
        st.configure(None)
