"""`careerlint data import` and `careerlint data status`."""

import json

import pytest

from careerlint.fileio import _umask
from careerlint.reference import store
from test_cli import run
from test_reference_import import SHARED, national_rows, national_xlsx, timeseries_pair, write_csv


@pytest.fixture(autouse=True)
def user_data(tmp_path, monkeypatch):
    """The user's data folder, under a temporary XDG_DATA_HOME."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(tmp_path)
    store.configure(None)
    yield tmp_path / "xdg" / "careerlint" / "reference"
    monkeypatch.undo()      # first: the store resolves the user's folder from XDG_DATA_HOME
    store.configure(None)


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir()} if folder.is_dir() else {}


def test_import_spreadsheet_into_the_user_data_folder(tmp_path, user_data):
    x = national_xlsx(tmp_path / "national_M2026_dl.xlsx")
    code, out, err = run("data", "import", str(x))
    assert (code, err) == (0, "")
    assert out == f"Installed OEWS May 2026 (323 occupations, 320 detailed) from {x} in {user_data / 'oews-2026.json.gz'}\n"
    rel = store.Reference(user_data).oews(2026)
    assert rel.figure("47-2111", "median", "year").value == 63190
    assert rel.released is None           # May 2026 is not in the calendar yet
    assert rel.caps == {"hour": 115.0, "year": 239200}
    assert [p.name for p in user_data.iterdir()] == ["oews-2026.json.gz"]   # no temporary file left
    assert oct((user_data / "oews-2026.json.gz").stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def test_import_csv_of_a_calendar_release_takes_its_date_and_cap(tmp_path, user_data):
    c = write_csv(tmp_path / "national_M2024_dl.csv", national_rows(2024))
    code, out, _ = run("data", "import", str(c))
    assert code == 0 and out.startswith("Installed OEWS May 2024 (323 occupations")
    rel = store.Reference(user_data).oews(2024)
    assert rel.released.isoformat() == "2025-04-02" and rel.caps == {"hour": 115.0, "year": 239200}
    # the user's May 2024 replaces the bundled one
    assert store.Reference(user_data).oews(2024).origin == str(user_data / "oews-2024.json.gz")
    code, out, _ = run("data", "import", str(c))
    assert out.startswith("Replaced OEWS May 2024")


def test_import_timeseries_pair(tmp_path, user_data):
    data, occ = timeseries_pair(tmp_path)
    code, out, err = run("data", "import", str(occ), str(data))
    assert (code, err) == (0, "")
    assert out == (f"Installed OEWS May 2026 (323 occupations, 320 detailed) from {data}, {occ} "
                   f"in {user_data / 'oews-2026.json.gz'}\n")


def test_bad_file_is_one_line_exit_2_and_installed_data_untouched(tmp_path, user_data):
    run("data", "import", str(national_xlsx(tmp_path / "national_M2026_dl.xlsx")))
    before = _snapshot(user_data)
    partial = write_csv(tmp_path / "national_M2026_dl.csv", national_rows(detailed=40))
    good = national_xlsx(tmp_path / "national_M2026_dl.xlsx")
    good.write_bytes(good.read_bytes()[:3000])
    code, out, err = run("data", "import", str(partial), str(good))
    assert (code, out) == (2, "")
    assert err == (f"{partial}: error: only 40 detailed occupations (a national release has several hundred): "
                   "a partial file?\n"
                   f"{good}: error: not an xlsx workbook (not a zip archive, or a truncated one)\n")
    assert _snapshot(user_data) == before


def test_one_bad_file_does_not_stop_the_others(tmp_path, user_data):
    bad = tmp_path / "notes.txt"
    bad.write_text("nothing here\n")
    good = write_csv(tmp_path / "national_M2026_dl.csv", national_rows())
    code, out, err = run("data", "import", str(bad), str(good))
    assert code == 2
    assert err == f"{bad}: error: not a national OEWS table: no column OCC_CODE\n"
    assert out.startswith("Installed OEWS May 2026")


def test_missing_file_and_lonely_occupation_file(tmp_path):
    code, _, err = run("data", "import", str(tmp_path / "national_M2026_dl.xlsx"))
    assert (code, err) == (2, f"{tmp_path / 'national_M2026_dl.xlsx'}: error: cannot read: No such file or directory\n")
    occ = tmp_path / "oe.occupation"
    occ.write_text("occupation_code\toccupation_name\tdisplay_level\n")
    code, _, err = run("data", "import", str(occ))
    assert (code, err) == (2, f"{occ}: error: an oe.occupation file needs its oe.data file (oe.data.0.Current)\n")
    code, _, err = run("data", "import")
    assert code == 2 and "Missing argument 'FILES...'" in err


def test_unwritable_data_folder(tmp_path):
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the folder should be")
    x = national_xlsx(tmp_path / "national_M2026_dl.xlsx")
    code, out, err = run("data", "import", "--data-dir", str(blocker / "reference"), str(x))
    assert code == 2 and out == ""
    assert err.startswith(f"{blocker / 'reference' / 'oews-2026.json.gz'}: error: cannot write: ")
    assert err.count("\n") == 1


def test_config_reference_data_folder(tmp_path):
    (tmp_path / "careerlint.yaml").write_text("reference-data: data/bls\n")
    x = national_xlsx(tmp_path / "national_M2026_dl.xlsx")
    code, out, _ = run("data", "import", str(x))
    assert code == 0 and out.endswith(f"in {tmp_path / 'data' / 'bls' / 'oews-2026.json.gz'}\n")
    code, out, _ = run("data", "status", "--as-of", "2026-11-22", "--format", "json")
    report = json.loads(out)
    assert report["user_dir"] == str(tmp_path / "data" / "bls")
    assert [(r["label"], r["origin"]) for r in report["releases"]][:2] == [("May 2026", "user"), ("May 2025", "bundled")]


def test_bad_config_value(tmp_path):
    (tmp_path / "careerlint.yaml").write_text("reference-data: [a, b]\n")
    code, _, err = run("data", "status")
    assert (code, err) == (2, f"{tmp_path / 'careerlint.yaml'}:1: reference-data must be a folder path\n")


def test_status_text(user_data):
    code, out, err = run("data", "status", "--as-of", "2026-11-22")
    assert (code, err) == (0, "")
    assert out == (
        "Reference data in use (as of 2026-11-22):\n"
        "  OEWS May 2025   published 2026-05-15   1,104 occupations   bundled\n"
        "  OEWS May 2024   published 2025-04-02   1,396 occupations   bundled\n"
        "  EP 2024–34      published 2025-08-28     645 occupations   bundled\n"
        f"User data folder: {user_data} (nothing installed)\n"
        "OEWS: up to date; the next release, May 2026, is expected about 2027-05-15\n"
        "EP 2025–35 is due: expected about 2026-08-27 (date not verified); when it is out, a newer careerlint ships it\n")


def test_status_before_and_after_a_release(tmp_path):
    code, out, _ = run("data", "status", "--as-of", "2026-05-01")
    assert out.splitlines()[-2:] == [
        "OEWS: up to date; the next release, May 2026, is expected about 2027-05-15",
        "EP: up to date; the next release, 2025–35, is expected about 2026-08-27"]
    code, out, _ = run("data", "status", "--as-of", "2027-06-01")
    assert out.splitlines()[-2] == (
        "OEWS May 2026 is due: expected about 2027-05-15 (date not verified); when it is out, download it from "
        "https://www.bls.gov/oes/tables.htm and run careerlint data import")


def test_status_json_and_errors(user_data):
    code, out, _ = run("data", "status", "--as-of", "2026-11-22", "--format", "json")
    report = json.loads(out)
    assert report["due"] == [
        {"kind": "oews", "have": 2025, "due": False, "key": 2026, "label": "May 2026", "date": "2027-05-15",
         "out": False, "verified": False},
        {"kind": "ep", "have": 2024, "due": True, "key": 2025, "label": "2025–35", "date": "2026-08-27",
         "out": False, "verified": False}]
    assert run("data", "status", "--as-of", "yesterday")[2] == (
        "careerlint: error: --as-of must be a date as YYYY-MM-DD, not 'yesterday'\n")
    assert run("data", "status", "--format", "xml")[0] == 2


def test_status_reports_a_damaged_installed_file(user_data):
    user_data.mkdir(parents=True)
    (user_data / "oews-2026.json.gz").write_bytes(b"\x1f\x8b\x08\x00broken")
    code, out, err = run("data", "status", "--as-of", "2026-11-22")
    assert code == 2 and out == ""
    assert err.startswith(f"{user_data / 'oews-2026.json.gz'}: error: damaged reference data (")
    assert err.count("\n") == 1


@pytest.mark.skipif(SHARED is None, reason="../shared/reference is not present")
def test_import_bls_may_2024_csv(user_data):
    src = SHARED / "reference" / "oews-national-2024.csv"
    code, out, _ = run("data", "import", str(src))
    assert (code, out) == (0, f"Installed OEWS May 2024 (1396 occupations, 831 detailed) from {src} "
                              f"in {user_data / 'oews-2024.json.gz'}\n")
    mine, shipped = store.Reference(user_data).oews(2024), store.Reference(user_data / "x").oews(2024)
    assert mine.rows == shipped.rows and mine.caps == shipped.caps and mine.released == shipped.released
