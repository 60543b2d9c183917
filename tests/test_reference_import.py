"""Reading BLS's national OEWS files: xlsx, its CSV export, and the OE time-series pair.

The files here are small synthetic releases in BLS's own layouts (built in the test); the real
May 2024 CSV in ../shared/reference adds coverage when it is present.
"""

import csv
import gzip
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from careerlint.reference import importer
from careerlint.reference.importer import DataFileError
from careerlint.reference.oews import OewsRelease
from careerlint.reference.xlsx import Workbook
from conftest import ROOT

SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), None)

BLS_COLUMNS = ["AREA", "AREA_TITLE", "AREA_TYPE", "PRIM_STATE", "NAICS", "NAICS_TITLE", "I_GROUP", "OWN_CODE",
               "OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "EMP_PRSE", "JOBS_1000", "LOC_QUOTIENT", "PCT_TOTAL",
               "PCT_RPT", "H_MEAN", "A_MEAN", "MEAN_PRSE", "H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90",
               "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90", "ANNUAL", "HOURLY"]

# code, title, group, employment, hourly (mean, p10, p25, median, p75, p90), annual (the same), ANNUAL, HOURLY
NAMED = [
    ("00-0000", "All Occupations", "total", 155000000, (33.10, 14.9, 18.0, 24.2, 38.3, 61.1),
     (68850, 30990, 37440, 50340, 79660, 127090), "", ""),
    ("11-0000", "Management Occupations", "major", 11000000, (69.0, 28.0, 39.0, 60.0, 84.0, "#"),
     (143520, 58240, 81120, 124800, 174720, "#"), "", ""),
    ("11-1010", "Chief Executives", "broad", 205000, (128.0, 36.0, 61.0, 101.0, "#", "#"),
     (266240, 74880, 126880, 210080, "#", "#"), "", ""),
    ("11-1011", "Chief Executives", "detailed", 205000, (128.0, 36.0, 61.0, 101.0, "#", "#"),
     (266240, 74880, 126880, 210080, "#", "#"), "", ""),
    ("27-2011", "Actors", "detailed", 39000, (45.1, 14.5, 17.2, 23.9, 42.0, 98.5),
     ("*", "*", "*", "*", "*", "*"), "", "TRUE"),
    ("25-2021", "Elementary School Teachers, Except Special Education", "detailed", 1400000,
     ("*", "*", "*", "*", "*", "*"), (70000, 47000, 55000, 64000, 80000, 100000), "TRUE", ""),
    ("47-2111", "Electricians", "detailed", 790000, (31.5, 19.2, 23.4, 30.4, 37.9, 48.6),
     (65520, 39940, 48670, 63190, 78830, 101090), "", ""),
]


def national_rows(year: int = 2026, detailed: int = 320, drop: tuple = ()) -> list[list]:
    """A national release in BLS's columns: the named rows, then filler detailed occupations."""
    rows = []
    for code, title, group, emp, hourly, annual, a_only, h_only in NAMED:
        if code in drop:
            continue
        rows.append(["99", "U.S.", 1, "US", "000000", "Cross-industry", "cross-industry", 1235, code, title, group,
                     emp, 1.0, "", "", "", "", hourly[0], annual[0], 0.5, *hourly[1:], *annual[1:], a_only, h_only])
    for i in range(detailed - sum(1 for n in NAMED if n[2] == "detailed")):
        code = f"53-{7001 + i + i // 9:04d}"   # skips codes ending in 0
        h = 18.0 + i / 100
        rows.append(["99", "U.S.", 1, "US", "000000", "Cross-industry", "cross-industry", 1235, code,
                     f"Filler Workers {i}", "detailed", 1000 + i, 2.0, "", "", "", "", round(h + 1, 2),
                     round((h + 1) * 2080, -1), 1.0, round(h - 4, 2), round(h - 2, 2), h, round(h + 2, 2),
                     round(h + 6, 2), round((h - 4) * 2080, -1), round((h - 2) * 2080, -1), round(h * 2080, -1),
                     round((h + 2) * 2080, -1), round((h + 6) * 2080, -1), "", ""])
    return rows


def write_csv(path: Path, rows: list[list], header=BLS_COLUMNS) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    """A minimal xlsx (the parts Excel and BLS's files have), with shared strings for text cells."""
    strings: list[str] = []

    def col(i: int) -> str:
        s = ""
        i += 1
        while i:
            i, r = divmod(i - 1, 26)
            s = chr(65 + r) + s
        return s

    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    parts = {}
    for n, rows in enumerate(sheets.values(), 1):
        out = [f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><sheetData>']
        for r, row in enumerate(rows, 1):
            out.append(f'<row r="{r}">')
            for c, v in enumerate(row):
                ref = f"{col(c)}{r}"
                if isinstance(v, (int, float)):
                    out.append(f'<c r="{ref}"><v>{v!r}</v></c>')
                elif v != "":
                    strings.append(str(v))
                    out.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
            out.append("</row>")
        out.append("</sheetData></worksheet>")
        parts[f"xl/worksheets/sheet{n}.xml"] = "".join(out)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types '
                   'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook {ns} {rns}><sheets>' + "".join(
            f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>' for i, name in enumerate(sheets, 1))
            + "</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships '
                   'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + "".join(
                       f'<Relationship Id="rId{i}" Target="worksheets/sheet{i}.xml"/>'
                       for i in range(1, len(sheets) + 1)) + "</Relationships>")
        z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst {ns}>'
                   + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>")
        for name, text in parts.items():
            z.writestr(name, text)
    return path


NOTES = [["May 2026 National Occupational Employment and Wage Estimates"],
         ["#  = indicates a wage equal to or greater than $115.00 per hour or $239,200 per year"]]


def national_xlsx(path: Path, year: int = 2026, **kw) -> Path:
    return write_xlsx(path, {f"national_M{year}_dl": [BLS_COLUMNS] + national_rows(year, **kw),
                             "Field Descriptions": NOTES})


# the OE time series: datatype per column of NAMED's figures
_TS_TYPES = ["03", "06", "07", "08", "09", "10", "04", "11", "12", "13", "14", "15"]


def timeseries_pair(folder: Path, year: int = 2026, detailed: int = 320) -> tuple[Path, Path]:
    """oe.data.0.Current and oe.occupation for the same release as national_rows()."""
    levels = {"total": "0", "major": "0", "minor": "1", "broad": "2", "detailed": "3"}
    occ = ["occupation_code\toccupation_name\tdisplay_level\tselectable\tsort_sequence"]
    data = ["series_id                     \tyear\tperiod\t       value\tfootnote_codes"]
    seen = set()
    for r in national_rows(year, detailed):
        code, title, group = r[8], r[9], r[10]
        if code in seen:
            continue
        seen.add(code)
        occ.append(f"{code.replace('-', '')}\t{title}\t{levels[group]}\tT\t{len(seen)}")
        sid = "OEUN" + "0000000" + "000000" + code.replace("-", "")
        data.append(f"{sid}01\t{year}\tA01\t{r[11]:>12}\t")
        figures = [r[17], *r[20:25], r[18], *r[25:30]]
        only = "4" if r[30] or r[31] else ""
        for dt, v in zip(_TS_TYPES, figures):
            if v == "#":
                data.append(f"{sid}{dt}\t{year}\tA01\t{'-':>12}\t5")
            elif v == "*":
                data.append(f"{sid}{dt}\t{year}\tA01\t{'-':>12}\t{only}")
            else:
                data.append(f"{sid}{dt}\t{year}\tA01\t{v:>12}\t")
        # a state series, which the importer must skip
        data.append(f"OEUS0100000000000{code.replace('-', '')}01\t{year}\tA01\t{1:>12}\t")
    (folder / "oe.occupation").write_text("\n".join(occ) + "\n", encoding="utf-8")
    (folder / "oe.data.0.Current").write_text("\n".join(data) + "\n", encoding="utf-8")
    return folder / "oe.data.0.Current", folder / "oe.occupation"


def _release(rec: dict) -> OewsRelease:
    return OewsRelease(rec)


def test_xlsx_reader_reads_shared_strings_numbers_and_sparse_rows(tmp_path):
    p = write_xlsx(tmp_path / "book.xlsx", {"Data": [["A", "", "C"], [1, 2.5, "x"]], "Notes": [["hello"]]})
    with Workbook(str(p)) as book:
        assert list(book.sheets) == ["Data", "Notes"]
        assert list(book.rows("Data")) == [["A", "", "C"], ["1", "2.5", "x"]]
        assert list(book.text()) == ["A", "C", "1", "2.5", "x", "hello"]


def test_xlsx_import_detects_release_and_cap_from_the_workbook(tmp_path):
    rec, sources = importer.read_file(str(national_xlsx(tmp_path / "download.xlsx")))
    assert (rec["release"], rec["label"], rec["caps"]) == (2026, "May 2026", {"hour": 115.0, "year": 239200})
    assert sources == [str(tmp_path / "download.xlsx")]
    rel = _release(rec)
    assert rel.figure("47-2111", "median", "year").value == 63190
    assert rel.figure("47-2111", "median", "hour").value == 30.4
    assert rel.figure("00-0000", "employment").value == 155000000
    capped = rel.figure("11-1011", "p90", "year")
    assert (capped.value, capped.flag) == (239200, "top-coded")
    # the broad row repeated as a detailed one is kept once, as detailed
    assert rel.level("11-1011") == "detailed" and rel.level("11-1010") == "broad"


def test_hourly_only_and_annual_only_occupations_keep_their_flags(tmp_path):
    rel = _release(importer.read_file(str(national_xlsx(tmp_path / "national_M2026_dl.xlsx")))[0])
    actors = rel.figure("27-2011", "median", "year")
    assert (actors.value, actors.flag) == (None, "hourly-only")
    assert rel.figure("27-2011", "median", "hour").value == 23.9
    teachers = rel.figure("25-2021", "mean", "hour")
    assert (teachers.value, teachers.flag) == (None, "annual-only")


def test_csv_export_reads_the_same_as_the_spreadsheet(tmp_path):
    x = importer.read_file(str(national_xlsx(tmp_path / "national_M2026_dl.xlsx")))[0]
    c = importer.read_file(str(write_csv(tmp_path / "national_M2026_dl.csv", national_rows())))[0]
    assert c["rows"] == x["rows"]
    assert c["caps"] == {}   # a CSV does not carry the notes sheet


def test_csv_with_thousands_separators_and_lowercase_headers(tmp_path):
    rows = national_rows()
    for r in rows:
        r[11] = f"{r[11]:,}"
    p = write_csv(tmp_path / "oews_2026.csv", rows, [h.lower() for h in BLS_COLUMNS])
    rel = _release(importer.read_file(str(p))[0])
    assert rel.figure("00-0000", "employment").value == 155000000


def test_timeseries_pair_reads_national_series_only(tmp_path):
    data, occ = timeseries_pair(tmp_path)
    rec, sources = importer.read_file(str(data), str(occ))
    assert rec["release"] == 2026 and sources == [str(data), str(occ)]
    ts = _release(rec)
    xl = _release(importer.read_file(str(national_xlsx(tmp_path / "national_M2026_dl.xlsx")))[0])
    for code in ("00-0000", "47-2111", "27-2011", "25-2021", "53-7001"):
        for per in ("hour", "year"):
            for stat in ("mean", "p10", "median", "p90"):
                assert ts.figure(code, stat, per) == xl.figure(code, stat, per), (code, stat, per)
    assert ts.figure("11-1011", "p90", "year").flag == "top-coded"


def test_other_areas_industries_and_ownerships_are_left_out(tmp_path):
    rows = national_rows()
    extra = []
    for r in rows[:7]:
        state = list(r)
        state[0], state[2], state[11] = "01", 2, 5          # a state row
        industry = list(r)
        industry[4], industry[11] = "621000", 7             # an industry row
        extra += [state, industry]
    numeric = [list(r) for r in rows]
    for r in numeric:
        r[4], r[2], r[7] = 0, 1.0, 1235                      # codes stored as numbers by a spreadsheet
    p = write_xlsx(tmp_path / "national_M2026_dl.xlsx", {"data": [BLS_COLUMNS] + numeric + extra})
    rel = _release(importer.read_file(str(p))[0])
    assert rel.figure("47-2111", "employment").value == 790000
    assert len(rel.rows) == len(national_rows())            # no state or industry row came in


def test_release_from_file_name_sheet_or_option(tmp_path):
    assert importer.year_from_name("national_M2024_dl.xlsx") == 2024
    assert importer.year_from_name("oews-national-2025.csv") == 2025
    assert importer.year_from_name("wages.csv") is None
    p = write_csv(tmp_path / "wages.csv", national_rows())
    with pytest.raises(DataFileError) as e:
        importer.read_file(str(p))
    assert str(e.value) == (f"{p}: error: cannot tell which release this is (no year in its name or sheets); "
                            "name it with --release YEAR")
    assert importer.read_file(str(p), release=2026)[0]["release"] == 2026
    q = write_csv(tmp_path / "national_M2026_dl.csv", national_rows())
    with pytest.raises(DataFileError, match=r"national_M2026_dl.csv: error: the file holds May 2026, not May 2025$"):
        importer.read_file(str(q), release=2025)


@pytest.mark.parametrize("make, message", [
    (lambda d: write_csv(d / "national_M2026_dl.csv", national_rows(drop=("00-0000",))),
     "error: no All Occupations row (00-0000): not a national OEWS file, or a partial one"),
    (lambda d: write_csv(d / "national_M2026_dl.csv", national_rows(detailed=120)),
     "error: only 120 detailed occupations (a national release has several hundred): a partial file?"),
    (lambda d: write_csv(d / "national_M2026_dl.csv", [r[:8] for r in national_rows()], BLS_COLUMNS[:8]),
     "error: not a national OEWS table: no column OCC_CODE"),
    (lambda d: write_csv(d / "national_M2026_dl.csv", [r[:9] + ["x"] + r[10:] if r[8] == "47-2111" else r
                                                       for r in national_rows()]), None),
])
def test_incomplete_tables_are_refused_with_one_line(tmp_path, make, message):
    p = make(tmp_path)
    if message is None:   # a changed title is not an error: titles are data
        assert importer.read_file(str(p))[0]["release"] == 2026
        return
    with pytest.raises(DataFileError) as e:
        importer.read_file(str(p))
    assert str(e.value) == f"{p}: {message}"


def test_a_figure_that_is_not_a_number_names_row_and_code(tmp_path):
    rows = national_rows()
    rows[6][22] = "n/a"   # Electricians' H_MEDIAN
    p = write_csv(tmp_path / "national_M2026_dl.csv", rows)
    with pytest.raises(DataFileError) as e:
        importer.read_file(str(p))
    assert str(e.value) == f"{p}: error: row 8 (47-2111): 'n/a' is not a figure"


def test_truncated_and_non_zip_spreadsheets(tmp_path):
    good = national_xlsx(tmp_path / "national_M2026_dl.xlsx").read_bytes()
    cut = tmp_path / "national_M2026_cut.xlsx"
    cut.write_bytes(good[: len(good) // 2])
    with pytest.raises(DataFileError) as e:
        importer.read_file(str(cut))
    assert str(e.value) == f"{cut}: error: not an xlsx workbook (not a zip archive, or a truncated one)"
    fake = tmp_path / "national_M2026_fake.xlsx"
    fake.write_text("AREA,OCC_CODE\n")
    with pytest.raises(DataFileError, match="not a zip archive"):
        importer.read_file(str(fake))
    other = write_xlsx(tmp_path / "national_M2026_other.xlsx", {"Sheet1": [["Name", "Value"], ["a", 1]]})
    with pytest.raises(DataFileError) as e:
        importer.read_file(str(other))
    assert str(e.value) == f"{other}: error: no sheet with an OCC_CODE column: not a national OEWS spreadsheet"


def test_damaged_sheet_xml(tmp_path):
    p = national_xlsx(tmp_path / "national_M2026_dl.xlsx")
    with zipfile.ZipFile(p) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"][:5000]
    with zipfile.ZipFile(p, "w") as z:
        for n, b in parts.items():
            z.writestr(n, b)
    with pytest.raises(DataFileError, match=r"^.*national_M2026_dl.xlsx: error: damaged workbook: sheet "):
        importer.read_file(str(p))


def test_timeseries_needs_both_files_from_one_release(tmp_path):
    data, occ = timeseries_pair(tmp_path)
    with pytest.raises(DataFileError, match="needs its oe.occupation file"):
        importer.read_file(str(data))
    lines = occ.read_text().splitlines()
    occ.write_text("\n".join(line for line in lines if not line.startswith("472111")) + "\n")
    with pytest.raises(DataFileError) as e:
        importer.read_file(str(data), str(occ))
    assert str(e.value) == (f"{occ}: error: has no title for 47-2111, which oe.data.0.Current has figures for: "
                            "are the two files from the same release?")
    (tmp_path / "oe.occupation").write_text("code\tname\n")
    with pytest.raises(DataFileError, match="not an oe.occupation file"):
        importer.read_file(str(data), str(occ))


def test_unknown_file_types(tmp_path):
    for name, msg in (("page.html", "not a file careerlint can import"),
                      ("national_M2026_dl.xls", "an old-style .xls workbook: open it and save it as .xlsx or CSV")):
        p = tmp_path / name
        p.write_text("x")
        with pytest.raises(DataFileError, match=msg):
            importer.read_file(str(p))


@pytest.mark.skipif(SHARED is None, reason="../shared/reference is not present")
def test_bls_may_2024_csv_imports_as_the_bundled_release():
    rec, _ = importer.read_file(str(SHARED / "reference" / "oews-national-2024.csv"))
    bundled = gzip.decompress((ROOT / "rules" / "reference" / "oews-2024.json.gz").read_bytes())
    import json

    assert rec["rows"] == json.loads(bundled)["rows"]
    assert sum(1 for r in rec["rows"] if r[2] == "detailed") == 831
