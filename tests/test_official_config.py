"""The reference rules under a configuration: occupations: names, a reference-data: folder, worker
processes, the result cache, and a run that needs no reference data never reading any."""

import subprocess
import sys

import pytest

from careerlint.reference import store
from careerlint.reference.oews import COLUMNS
from conftest import ROOT

PAGE = """<!DOCTYPE html>
<html><head><title>Medical Billing Specialist Salary</title></head>
<body><h1>Medical Billing Specialist Salary</h1>
<p>Medical billing specialists earned a median annual wage of $48,200 in May 2024, according to the
U.S. Bureau of Labor Statistics.</p>
<p>The median annual wage for electricians was $62,530 in May 2024, according to the BLS.</p>
</body></html>
"""
RULES = "official-figure,official-statistic"


def check(*args, cwd):
    p = subprocess.run([sys.executable, "-m", "careerlint", "check", "--as-of", "2026-11-22", *args],
                       capture_output=True, text=True, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def site(tmp_path, config: str, pages: int = 1):
    (tmp_path / "careerlint.yaml").write_text(config)
    for i in range(pages):
        (tmp_path / f"p{i:02d}.html").write_text(PAGE)
    return tmp_path


def electricians_median(folder, value: int):
    """A May 2024 release in ``folder`` that is BLS's but for electricians' median annual wage."""
    data = store.read_json(ROOT / "rules" / "reference" / "oews-2024.json.gz")
    col = COLUMNS.index("a_median")
    for row in data["rows"]:
        if row[0] == "47-2111":
            row[col] = value
    store.write_atomic(folder / "oews-2024.json.gz", store.encode(data))


@pytest.mark.parametrize("jobs", ["1", "4"])
def test_configured_occupations_and_reference_data_reach_every_page(tmp_path, jobs):
    # 16 pages: with -j 4 they are checked in worker processes
    site(tmp_path, "occupations:\n  medical billing specialists: 43-3021\n", pages=16)
    code, out, err = check("--no-cache", "-j", jobs, "--select", RULES, ".", cwd=tmp_path)
    lines = out.splitlines()
    assert (code, err, len(lines)) == (1, "", 33)
    assert lines[:2] == [
        "./p00.html:4:63: error official-figure median annual wage for billing and posting clerks, May 2024: "
        "page $48,200, OEWS May 2024 $47,170",
        "./p00.html:6:48: error official-figure median annual wage for electricians, May 2024: page $62,530, "
        "OEWS May 2024 $62,350"]
    # a release in the configuration's reference-data folder replaces the bundled one of its year
    electricians_median(tmp_path / "bls", 62530)
    (tmp_path / "careerlint.yaml").write_text("occupations:\n  medical billing specialists: 43-3021\n"
                                              "reference-data: bls\n")
    code, out, err = check("--no-cache", "-j", jobs, "--select", RULES, ".", cwd=tmp_path)
    assert (code, err) == (1, "")
    assert [l for l in out.splitlines() if "electricians" in l] == []
    assert len(out.splitlines()) == 17


def test_without_the_configuration_the_name_stays_ambiguous(tmp_path):
    site(tmp_path, "as-of: 2026-11-22\n")
    code, out, _ = check("--no-cache", "--select", RULES, ".", cwd=tmp_path)
    assert out.splitlines() == [
        "./p00.html:6:48: error official-figure median annual wage for electricians, May 2024: page $62,530, "
        "OEWS May 2024 $62,350",
        "Found 1 problem (1 error) in 1 file."]


def test_an_import_changes_cached_results(tmp_path):
    site(tmp_path, "reference-data: bls\n")
    (tmp_path / "bls").mkdir()
    code, out, _ = check("--select", RULES, ".", cwd=tmp_path)
    assert "electricians, May 2024: page $62,530, OEWS May 2024 $62,350" in out
    electricians_median(tmp_path / "bls", 62530)
    code, out, _ = check("--select", RULES, ".", cwd=tmp_path)   # same page, same cache: new data
    assert (code, out) == (0, "No problems found in 1 file.\n")
    electricians_median(tmp_path / "bls", 62000)
    code, out, _ = check("--select", RULES, ".", cwd=tmp_path)
    assert "electricians, May 2024: page $62,530, OEWS May 2024 $62,000" in out


@pytest.mark.parametrize("config, message", [
    ("occupations: [electricians]\n", "careerlint.yaml:1: occupations must map names to SOC codes or names"),
    ("occupations:\n  sparkies: 47-211\n",
     "careerlint.yaml:2: occupations: 'sparkies' must name a SOC code like 47-2111, a list of them, or another occupation's name"),
    ("occupations:\n  billers: [29-2072, x]\n",
     "careerlint.yaml:2: occupations: 'billers' must name a SOC code like 47-2111, a list of them, or another occupation's name"),
])
def test_bad_occupations_are_one_line_config_errors(tmp_path, config, message):
    site(tmp_path, config)
    code, out, err = check(".", cwd=tmp_path)
    assert (code, out, err) == (2, "", f"{message}\n")


def test_a_list_of_codes_keeps_a_name_ambiguous_on_purpose(tmp_path):
    site(tmp_path, "occupations:\n  medical billing specialists: [29-2072, 43-3021]\n  sparkies: 47-2111\n")
    (tmp_path / "p00.html").write_text(PAGE.replace("for electricians", "for sparkies"))
    code, out, _ = check("--no-cache", "--select", RULES, ".", cwd=tmp_path)
    assert out.splitlines() == [
        "./p00.html:6:44: error official-figure median annual wage for electricians, May 2024: page $62,530, "
        "OEWS May 2024 $62,350",
        "Found 1 problem (1 error) in 1 file."]


def test_show_settings_lists_the_occupations(tmp_path):
    site(tmp_path, "occupations:\n  sparkies: 47-2111\n  billers: [29-2072, 43-3021]\n")
    p = subprocess.run([sys.executable, "-m", "careerlint", "check", "--show-settings", "."], capture_output=True,
                       text=True, cwd=tmp_path)
    assert "  occupations: sparkies -> 47-2111" in p.stdout + p.stderr
    assert "  occupations: billers -> 29-2072, 43-3021" in p.stdout + p.stderr


@pytest.mark.parametrize("html", [
    "<html><body><p>Our team reviews every guide twice a year.</p></body></html>",
    "<html><body><h1>Electricians</h1><p>Electricians install and repair wiring; most learn in an "
    "apprenticeship of four or five years.</p></body></html>",
    "<html><body><h1>Bootcamp costs</h1><p>Tuition is $4,950 and payment plans are available.</p></body></html>",
])
def test_pages_without_wage_or_growth_figures_never_load_reference_data(tmp_path, html):
    page = tmp_path / "p.html"
    page.write_text(html)
    code = ("import sys\nfrom careerlint.cli import main\n"
            "try:\n    main(['check', '--no-cache', '-j', '1', '--as-of', '2026-11-22', sys.argv[1]])\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('careerlint.reference.')))\n")
    out = subprocess.run([sys.executable, "-c", code, str(page)], capture_output=True, text=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
