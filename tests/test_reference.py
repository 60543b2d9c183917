"""The reference-data API: names, figures, projections, scales, calendar, declarations, laziness.

Figures asserted here are BLS's published ones (OEWS May 2024 and May 2025, EP 2024–34).
"""

import datetime as dt
import subprocess
import sys

import pytest

from careerlint import reference as ref
from careerlint.reference import store
from careerlint.reference.names import name_key, singular
from careerlint.reference.titles import Ambiguous, TitleIndex, profile_target


@pytest.fixture(autouse=True)
def no_user_data(tmp_path):
    """Bundled data only: a developer's own imported releases must not change these results."""
    store.configure(tmp_path / "user-data")
    yield
    store.configure(None)


@pytest.mark.parametrize("name, key", [
    ("Electricians", "electrician"),
    ("ELECTRICIAN", "electrician"),
    ("Barbers, Hairstylists, & Cosmetologists", "barber hairstylist and cosmetologist"),
    ("barbers hairstylists and cosmetologists", "barber hairstylist and cosmetologist"),
    ("First-Line Supervisors of Retail Sales Workers", "first line supervisor of retail sale worker"),
    ("Secretaries and Administrative Assistants", "secretary and administrative assistant"),
    ("Waitresses", "waitress"),
    ("Children's Librarians", "children librarian"),
    ("  Café   Workers ", "cafe worker"),
    ("Physicists", "physicist"),
    ("Bus Drivers", "bus driver"),
])
def test_name_key_folds_case_punctuation_and_plurals_only(name, key):
    assert name_key(name) == key


def test_singular_leaves_words_that_are_not_plurals():
    assert [singular(w) for w in ("analysis", "glass", "bus", "status", "aides", "boxes")] == \
        ["analysis", "glass", "bus", "status", "aide", "box"]


@pytest.mark.parametrize("name, soc", [
    ("Electricians", "47-2111"),
    ("electrician", "47-2111"),
    ("Medical Records Specialists", "29-2072"),
    ("Chief Executives", "11-1011"),                      # broad 11-1010 holds only 11-1011
    ("Printing Workers", "51-5110"),                      # minor 51-5100 holds only broad 51-5110
    ("Correctional Officers and Bailiffs", "33-3010"),   # an OOH title: its group covers the profile
    ("Property Appraisers and Assessors", "13-2020"),
    ("Masonry Workers", None),                            # below: Ambiguous
    ("fitness trainers and instructors", "39-9031"),      # the OOH profile's title
    ("licensed practical nurses", "29-2061"),             # a reviewed alias
    ("Grinding, Lapping, Polishing, & Buffing Machine Tool Setters, Operators, & Tenders, Metal & Plastic",
     "51-4033"),                                          # May 2025 spells 'and' as '&'
])
def test_match_occupation_exact_names(name, soc):
    got = ref.match_occupation(name)
    if soc is None:
        assert isinstance(got, Ambiguous)
    else:
        assert got == soc


def test_unknown_and_near_names_do_not_match():
    for name in ("unicorn wranglers", "electricans", "electrical workers", "", "   ", "the electricians"):
        assert ref.match_occupation(name) is None, name


@pytest.mark.parametrize("name, candidates", [
    ("medical billing specialists", ("29-2072", "43-3021")),
    ("Cashiers", ("41-2010", "41-2011")),                 # broad 41-2010 also holds gambling cashiers
    ("Agricultural Workers", ("45-2000", "45-2021", "45-2091", "45-2092", "45-2093", "45-2099")),
    ("Top Executives", ("11-1000", "11-1011", "11-1021")),
    ("Web Developers and Digital Designers", ("15-1254", "15-1255")),
    ("truck drivers", ("53-3032", "53-3033")),
])
def test_names_of_several_occupations_are_ambiguous_and_falsy(name, candidates):
    got = ref.match_occupation(name)
    assert got == Ambiguous(name, candidates)
    assert not got


def test_configuration_aliases_win_and_can_settle_an_ambiguous_name():
    aliases = {"Medical Billing Specialist": "43-3021", "sparkies": "47-2111", "billers": ["43-3021", "29-2072"]}
    assert ref.match_occupation("medical billing specialists", aliases) == "43-3021"
    assert ref.match_occupation("Sparkies", aliases) == "47-2111"
    assert ref.match_occupation("billers", aliases) == Ambiguous("billers", ("29-2072", "43-3021"))
    assert ref.match_occupation("Electricians", aliases) == "47-2111"


def test_slug_names_only_when_no_title_has_the_name():
    idx = TitleIndex()
    idx.add_name("correctional officers", ("33-3012",), "slug")
    assert idx.match("Correctional Officers") == "33-3012"
    idx.add_name("Correctional Officers", ("33-3010",), "official")
    assert idx.match("Correctional Officers") == "33-3010"
    assert idx.records("correctional officers") == [("slug", ("33-3012",)), ("official", ("33-3010",))]


def test_a_group_and_its_occupation_are_one_only_when_the_data_says_so():
    idx = TitleIndex(same=[("11-1010", "11-1011")])
    idx.add_name("Chief Executives", ("11-1010",), "official")
    idx.add_name("Chief Executives", ("11-1011",), "official")
    idx.add_name("Cashiers", ("41-2010",), "official")
    idx.add_name("Cashiers", ("41-2011",), "official")
    assert idx.match("chief executives") == "11-1011"
    assert idx.match("cashiers") == Ambiguous("cashiers", ("41-2010", "41-2011"))


def test_profile_target():
    assert profile_target(["47-2111"]) == ("47-2111",)
    assert profile_target(["33-3010", "33-3011", "33-3012"]) == ("33-3010",)
    known = ["51-2000", "51-2011", "51-2021", "51-2090"]
    assert profile_target(["51-2011", "51-2021", "51-2090"], known) == ("51-2000",)
    assert profile_target(["51-2011", "51-2021"], known) == ("51-2011", "51-2021")


def test_figure_and_flags():
    f = ref.figure("47-2111", 2024, "median", "year")
    assert (f.value, f.flag, f.exact, f.release, f.stat, f.per) == (62350, None, True, 2024, "median", "year")
    assert ref.figure("47-2111", "May 2025", "median", "annual").value == 63190
    assert ref.figure("47-2111", 2024, "Median", "hourly").value == 29.98
    assert ref.figure("47-2111", 2024, "employment").value == 742580   # OEWS: wage and salary jobs only
    top = ref.figure("11-1011", 2024, "90th", "year")
    assert (top.value, top.flag, top.exact) == (239200, "top-coded", False)
    actors = ref.figure("27-2011", 2024, "median", "year")
    assert (actors.value, actors.flag) == (None, "hourly-only")
    assert ref.figure("11-9032", 2025, "median", "hour").flag == "annual-only"
    assert ref.figure("47-2111", 2019, "median", "year") is None       # no such release
    assert ref.figure("99-9999", 2024, "median", "year") is None       # no such occupation
    with pytest.raises(ValueError, match="unknown statistic 'mode'"):
        ref.figure("47-2111", 2024, "mode", "year")
    with pytest.raises(ValueError, match="needs per='hour' or per='year'"):
        ref.figure("47-2111", 2024, "median")


def test_values_and_published_as():
    vals = ref.values("47-2111", 2024)
    assert len(vals) == 12 and all(v.exact for v in vals)
    assert {(v.stat, v.per) for v in vals} == {(s, p) for s in ref.STATS for p in ref.PERS}
    assert len(ref.values("47-2111")) == 24                            # both releases
    assert len(ref.values("11-1011", 2024)) == 8                       # p75 and p90 are top-coded
    got = ref.published_as("47-2111", 62350)
    assert [(f.release, f.stat, f.per) for f in got] == [(2024, "median", "year")]
    assert [(f.release, f.stat) for f in ref.published_as("47-2111", 62000, tolerance=500)] == [(2024, "median")]
    assert ref.published_as("47-2111", 61950) == []


def test_projections_and_cycles():
    p = ref.projection("47-2111", "2024–34")
    assert (p.base, p.target, p.pct, p.change, p.label, p.ooh_slug) == (818700, 896100, 9, 77400, "2024–34",
                                                                         "electricians")
    assert ref.growth("15-2051", "2024-2034") == 34
    assert ref.growth("47-2111", 2024) == 9
    assert ref.growth("47-2111", "2022-2032") is None
    assert ref.growth("47-2111", "2025-2030") is None
    assert [ref.cycle_key(c) for c in ("2024-34", "2024–2034", "2024 to 2034", (2024, 2034), 2024, "2025-2030",
                                       "soon")] == [2024, 2024, 2024, 2024, 2024, None, None]
    assert ref.parse_release("May 2024") == 2024 and ref.parse_release("June 2024") is None


def test_growth_scales():
    s = ref.scale("2024–34")
    assert s.verified and s.average == 3
    assert [(b.words, b.min, b.max) for b in s.bands][:2] == [("much faster", 7, None), ("faster", 5, 6)]
    assert [s.band(p).words for p in (34, 7, 6, 5, 4, 3, 2, 1, 0, -1, -10)] == [
        "much faster", "much faster", "faster", "faster", "as fast", "as fast", "slower", "slower",
        "little or no change", "decline", "decline"]
    assert s.steps("much faster", "slower") == 3
    assert ref.scale("2025-35").verified is False
    assert ref.scale("2022-32").verified is False
    assert ref.scale("2014-24").band(15).words == "faster"
    assert ref.scale("2023-33") is None


def test_calendar_latest_and_due():
    cal = ref.calendar
    assert cal.latest("oews", dt.date(2026, 5, 14)).key == 2024
    latest = cal.latest("oews", dt.date(2026, 5, 15))
    assert (latest.key, latest.date, latest.label, latest.describe()) == (
        2025, dt.date(2026, 5, 15), "May 2025", "OEWS May 2025 (2026-05-15)")
    assert cal.latest("ep", dt.date(2026, 11, 22)).label == "2024–34"      # 2025–35 is not verified
    assert cal.latest("oews", dt.date(2020, 1, 1)) is None
    # the data in use has May 2025 and 2024–34
    assert cal.due("oews", dt.date(2026, 11, 22)) is None
    ep = cal.due("ep", dt.date(2026, 11, 22))
    assert (ep.release.label, ep.out, ep.have, ep.release.describe()) == (
        "2025–35", False, 2024, "EP 2025–35 (expected about 2026-08-27, not verified)")
    assert cal.due("ep", dt.date(2026, 8, 26)) is None
    nxt = cal.due("oews", dt.date(2027, 5, 15))
    assert (nxt.release.key, nxt.release.date, nxt.out) == (2026, dt.date(2027, 5, 15), False)
    # someone whose data stops at May 2023
    old = cal.due("oews", dt.date(2026, 11, 22), have=2023)
    assert (old.release.key, old.out) == (2025, True)


def test_calendar_due_picks_the_newest_release_out():
    cal = store.default().calendar()
    assert cal.due("oews", dt.date(2025, 5, 1), have=2022).release.key == 2024
    assert cal.due("oews", dt.date(2025, 3, 1), have=2022).release.key == 2023
    assert cal.due("oews", dt.date(2024, 1, 1), have=2022) is None
    with pytest.raises(ValueError, match="unknown release kind 'ces'"):
        cal.latest("ces", dt.date(2026, 1, 1))


@pytest.mark.parametrize("meta, soc, problem", [
    ({"careerlint:occupation": "29-2072"}, "29-2072", None),
    ({"careerlint:occupation": "29-2072.00"}, "29-2072", None),
    ({"soc": "472111"}, "47-2111", None),
    ({"careerlint:occupation": "Electricians"}, "47-2111", None),
    ({"careerlint:occupation": "medical billing specialists"}, None,
     "'medical billing specialists' names several occupations (29-2072 Medical Records Specialists, "
     "43-3021 Billing and Posting Clerks): declare one SOC code, e.g. content=\"29-2072\""),
    ({"careerlint:occupation": "55-1011"}, None, "SOC 55-1011 is not an occupation in BLS's OEWS or projections data"),
    ({"careerlint:occupation": "Dragon tamer"}, None,
     "'Dragon tamer' is neither a SOC code (like 29-2072) nor an occupation title careerlint knows"),
])
def test_page_declarations(meta, soc, problem):
    d = ref.page_declaration(meta)
    assert (d.soc, d.problem) == (soc, problem)


def test_no_declaration():
    assert ref.page_declaration({"description": "x", "careerlint:occupation": "  "}) is None


def test_occupation_title_prefers_the_newest_release():
    assert ref.occupation_title("53-1047") == ("First-Line Supervisors of Transportation and Material Moving Workers, "
                                               "Except Aircraft Cargo Handling")
    assert ref.occupation_title("45-3031") == "Fishing and hunting workers"   # projections only
    assert ref.occupation_title("99-9999") is None


def test_lookups_read_only_the_files_they_need():
    r = store.default()
    ref.figure("47-2111", 2024, "median", "year")
    assert set(r._loaded) == {("oews", 2024)}
    ref.growth("47-2111", "2024-34")
    assert set(r._loaded) == {("oews", 2024), ("ep", 2024)}
    assert r._titles is None and r._calendar is None


def test_importing_the_package_reads_no_data_and_loads_no_submodule():
    code = ("import sys\n"
            "import careerlint.reference\n"
            "mods = sorted(m for m in sys.modules if m.startswith('careerlint.reference.'))\n"
            "print(mods)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_check_run_that_needs_no_reference_data_never_loads_it(tmp_path):
    """The laziness contract: a page with no figure and no occupation name never touches the data."""
    page = tmp_path / "p.html"
    page.write_text("<html><body><p>Our team reviews every guide twice a year.</p></body></html>")
    code = ("import sys\nfrom careerlint.cli import main\n"
            "try:\n    main(['check', '--no-cache', '-j', '1', '--as-of', '2026-11-22', sys.argv[1]])\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('careerlint.reference.')))\n")
    out = subprocess.run([sys.executable, "-c", code, str(page)], capture_output=True, text=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_damaged_user_file_is_a_one_line_error(tmp_path):
    folder = tmp_path / "user-data"
    folder.mkdir(exist_ok=True)
    bad = folder / "oews-2026.json.gz"
    bad.write_bytes(b"not gzip")
    r = store.configure(folder)
    assert r.oews_years() == [2024, 2025, 2026]
    with pytest.raises(ref.ReferenceDataError) as e:
        ref.figure("47-2111", 2026, "median", "year")
    assert str(e.value).startswith(f"{bad}: error: damaged reference data (")
    assert "\n" not in str(e.value)


def test_titles_of_an_imported_release_are_official_names(tmp_path):
    from careerlint.reference import importer
    from test_reference_import import national_rows, write_csv

    rows = national_rows(2026)
    rows[-1][9] = "Software Developers"       # 53-7xxx: the title of 15-1252 in the bundled data
    rows[-2][9] = "Carpet Wranglers"          # a new title
    rows[-3][9] = "Appraisers and Assessors of Real Estate"   # only an OOH slug name so far (13-2020)
    rec, _ = importer.read_file(str(write_csv(tmp_path / "national_M2026_dl.csv", rows)))
    folder = tmp_path / "imported"
    store.write_atomic(folder / "oews-2026.json.gz", store.encode(rec))
    assert ref.match_occupation("appraisers and assessors of real estate") == "13-2020"   # before: the slug
    store.configure(folder)
    new = {r[1]: r[0] for r in rec["rows"]}
    assert ref.match_occupation("carpet wranglers") == new["Carpet Wranglers"]
    assert ref.match_occupation("Software Developers") == Ambiguous(
        "Software Developers", tuple(sorted(("15-1252", new["Software Developers"]))))
    assert ref.match_occupation("appraisers and assessors of real estate") == \
        new["Appraisers and Assessors of Real Estate"]
    assert ref.match_occupation("Electricians") == "47-2111"


def test_fingerprint_changes_with_user_data(tmp_path):
    before = ref.fingerprint()
    folder = tmp_path / "user-data"
    folder.mkdir(exist_ok=True)
    (folder / "oews-2026.json.gz").write_bytes(b"x")
    store.configure(folder)
    assert ref.fingerprint() != before
