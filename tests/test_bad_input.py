"""Bad input: one clear line naming the file, the other files still checked, exit code 2."""

import os
import subprocess
import sys
import time

import pytest

GOOD = ("<html><body><h1>Nurses</h1><p>The median annual wage for nurses was $93,600 in May 2023, "
        "says the BLS.</p></body></html>")
STALE = "warning stale-source May 2023 wage data"


def careerlint(*args, cwd=None):
    p = subprocess.run([sys.executable, "-m", "careerlint", "check", "--as-of", "2026-11-22", *args],
                       capture_output=True, text=True, cwd=cwd, timeout=300)
    return p.returncode, p.stdout, p.stderr


@pytest.fixture
def good(tmp_path):
    f = tmp_path / "good.html"
    f.write_text(GOOD)
    return str(f)


def test_missing_path_and_the_rest_is_checked(tmp_path, good):
    code, out, err = careerlint(str(tmp_path / "missing.html"), good)
    assert code == 2 and err == f"{tmp_path}/missing.html: error: no such file or directory\n"
    assert STALE in out and out.endswith("in 1 file; 1 file could not be checked.\n")


def test_folder_without_pages(tmp_path, good):
    (tmp_path / "empty").mkdir()
    code, out, err = careerlint(str(tmp_path / "empty"), good)
    assert code == 1 and err == f"{tmp_path}/empty: warning: no pages found (.html, .htm, .md, .markdown)\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path, good):
    f = tmp_path / "secret.html"
    f.write_text(GOOD)
    f.chmod(0)
    code, out, err = careerlint(str(f), good)
    assert code == 2 and err == f"{f}: error: permission denied\n" and STALE in out


def test_symlink_loops(tmp_path, good):
    (tmp_path / "a.html").symlink_to(tmp_path / "b.html")
    (tmp_path / "b.html").symlink_to(tmp_path / "a.html")
    sub = tmp_path / "dir"
    sub.mkdir()
    (sub / "self").symlink_to(sub)          # a folder loop is not followed
    (sub / "p.html").write_text(GOOD)
    code, out, err = careerlint(str(tmp_path / "a.html"), str(sub))
    assert code == 2 and err == f"{tmp_path}/a.html: error: broken or looping symbolic link\n"
    assert out.count("stale-source") == 1


def test_empty_and_binary_files(tmp_path, good):
    (tmp_path / "empty.html").write_text("")
    (tmp_path / "binary.html").write_bytes(bytes(range(256)) * 64)
    code, out, err = careerlint(str(tmp_path / "empty.html"), str(tmp_path / "binary.html"), good)
    assert code == 2
    assert err == f"{tmp_path}/binary.html: error: not a text page (binary content)\n"
    assert out.splitlines()[-1] == "Found 1 problem (1 warning) in 2 files; 1 file could not be checked."


def test_page_above_the_size_limit(tmp_path, good):
    big = tmp_path / "big.html"
    big.write_text("<p>" + "x" * 2_000_000 + "</p>")
    code, out, err = careerlint("--max-size", "1MB", str(big), good)
    assert code == 2
    assert err == f"{big}: error: page is 2.0 MB, larger than the limit of 1 MB (raise it with --max-size)\n"
    assert careerlint("--max-size", "5MB", str(big))[0] == 0
    code, _, err = careerlint("--max-size", "lots", good)
    assert code == 2 and err == "careerlint: error: --max-size must be a size like 20MB or 500KB, not 'lots'\n"


@pytest.mark.parametrize("name,data", [
    ("meta-1252.html", ('<html><head><meta charset="windows-1252"></head><body><h1>Nurses</h1><p>The median '
                        "annual wage for nurses was $93,600 in May 2023 \u2014 says the BLS. Caf\u00e9</p></body></html>")
     .encode("cp1252")),
    ("latin1.html", "<h1>Nurses</h1><p>The median annual wage was $93,600 in May 2023, says the BLS. \u00e9t\u00e9</p>"
     .encode("latin-1")),
    ("utf16.html", ("\ufeff" + GOOD).encode("utf-16-le")),
    ("bad-utf8.html", b"<h1>Nurses</h1><p>The median annual wage \xff\xfe was $93,600 in May 2023, says the BLS \xc3</p>"),
])
def test_encodings_are_decoded_like_a_browser(tmp_path, name, data):
    f = tmp_path / name
    f.write_bytes(data)
    code, out, err = careerlint(str(f))
    assert (code, err) == (1, "")
    assert STALE in out


def test_malformed_html(tmp_path):
    pages = {
        "unclosed.html": "<table><tr><td>Median annual<td>$50,000<tr><td>Top 10%<td>$40,000",
        "stray.html": "</div></span></td><p>Median pay: $50,000 in May 2023 (BLS)</p></table></b>",
        "spans.html": "<table><tr><th rowspan=3 colspan=99999>State</th><th>Median</th></tr>"
                      "<tr><td rowspan=0>$1</td></tr></table>",
        "deep.html": "<div>" * 10000 + "<p>Median pay: $50,000 (BLS, May 2023)</p>" + "</div>" * 10000,
        "noheader.html": "<table><tr><td>Ohio</td><td>$51,420</td></tr></table>",
        "headonly.html": "<table><thead><tr><th>State</th><th>Median annual</th></tr></thead></table>",
    }
    for name, html in pages.items():
        (tmp_path / name).write_text(html)
    code, out, err = careerlint(str(tmp_path))
    assert err == "" and code in (0, 1)
    assert out.splitlines()[-1].endswith("in 6 files.")
    assert f"{tmp_path}/deep.html:1:" in out and f"{tmp_path}/stray.html:1:" in out


def test_odd_numbers_do_not_crash_or_mislead(tmp_path):
    f = tmp_path / "odd.html"
    f.write_text("<h1>Nurses</h1><p>Median pay $1,00,000 a year.</p><p>Top 10% $99999999999999999999.</p>"
                 "<p>Median $.50 an hour.</p><p>Growth −7% from 2024 to 2034.</p><p>Growth 1,000% from 2024 to "
                 "2034.</p><p>In May 0000, May 9999 and May 2O24 pay was low.</p><p>The BLS projects 5% growth "
                 "from 2030 to 2040.</p><p>The median salary was $50,000 in May 2027.</p>")
    code, out, err = careerlint("--select", "stale-source,expired-projection,salary-order", str(f))
    assert (code, out, err) == (0, "No problems found in 1 file.\n", "")
    from careerlint.document import parse_html
    from careerlint.extract import extract
    from careerlint.ruleset import load_ruleset

    claims = extract(parse_html(f.read_text()), load_ruleset().registry)
    money = [c.text for c in claims if c.kind == "money"]
    assert "$1" not in money            # "$1,00,000" is not read as $1
    assert [c.value for c in claims if c.kind == "percent"] == [-7, 1000, 5]


def test_usage_errors(good):
    code, out, err = careerlint("--format", "yaml", good)
    assert (code, out) == (2, "") and err.startswith("careerlint: error: unknown --format 'yaml'")
    p = subprocess.run([sys.executable, "-m", "careerlint", "check", "--as-of", "2026-13-45", good],
                       capture_output=True, text=True)
    assert (p.returncode, p.stdout, p.stderr) == (
        2, "", "careerlint: error: --as-of must be a date as YYYY-MM-DD, not '2026-13-45'\n")


ADVERSARIAL = {
    "dollars": "<p>" + "$" * 1_000_000 + "</p>",
    "commas": "<p>$" + "1," * 500_000 + "</p>",
    "years": "<p>" + "2024-" * 200_000 + "</p>",
    "percents": "<p>" + "1% " * 333_000 + "</p>",
    "months": "<p>" + "May 2024 " * 111_000 + "</p>",
    "ranges": "<p>" + "$1 - $2 - " * 100_000 + "</p>",
    "spaces": "<p>between " + " " * 1_000_000 + "and</p>",
    "periods": "<p>" + "from 2024 to 2034 " * 55_000 + "</p>",
}


def test_adversarial_pages_take_linear_time(tmp_path):
    para = ("<p>The median annual wage for carpenters was $59,310 in May 2024. Employment of carpenters is "
            "projected to grow 4 percent from 2024 to 2034.</p>\n<p>Carpenters build and repair frameworks and "
            "structures, such as stairways, doorframes, partitions, and rafters.</p>\n")
    normal = tmp_path / "normal.html"
    normal.write_text("<h1>Carpenters</h1>" + para * (1_000_000 // len(para)))

    def seconds(path):
        t0 = time.perf_counter()
        code, _, err = careerlint(str(path))
        assert code in (0, 1) and err == ""
        return time.perf_counter() - t0

    base = seconds(normal)
    for name, html in ADVERSARIAL.items():
        f = tmp_path / f"{name}.html"
        f.write_text(html)
        took = seconds(f)
        assert took <= 4 * base + 1, f"{name}: {took:.1f}s vs {base:.1f}s for a normal 1 MB page"
