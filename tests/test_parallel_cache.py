"""--jobs gives the same output as one process; the cache is reused and invalidated correctly."""

import os
import subprocess
import sys

from conftest import CORPUS, SAMPLES


def careerlint(*args, cwd):
    p = subprocess.run([sys.executable, "-m", "careerlint", "check", *args], capture_output=True, text=True, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def signed_json(path):
    """The JSON of a cache file (its first line is the MAC)."""
    import json

    head, body = path.read_text().split("\n", 1)
    assert head.startswith("careerlint-cache ")
    return json.loads(body)


def site(tmp_path, n=40):
    """n distinct pages: the samples (and some corpus pages when ../shared is there), each copy made
    unique by a trailing comment, so the cache holds one entry per page whatever the source count."""
    pages = tmp_path / "site"
    pages.mkdir()
    src = sorted(SAMPLES.glob("*.html")) + (sorted(CORPUS.glob("*.html"))[:10] if CORPUS.is_dir() else [])
    for i in range(n):
        f = src[i % len(src)]
        (pages / f"{i:03d}-{f.name}").write_bytes(f.read_bytes() + f"\n<!-- copy {i} -->\n".encode())
    return pages


def test_parallel_output_is_identical_to_one_process(tmp_path):
    pages = site(tmp_path)
    one = careerlint("--no-cache", "--jobs", "1", "--as-of", "2026-11-22", "--format", "json", str(pages), cwd=tmp_path)
    two = careerlint("--no-cache", "--jobs", "2", "--as-of", "2026-11-22", "--format", "json", str(pages), cwd=tmp_path)
    assert one == two and one[0] == 1 and '"files": 40' in one[1]


def test_cache_is_reused_and_gives_the_same_output(tmp_path):
    pages = site(tmp_path, 20)
    first = careerlint("--as-of", "2026-11-22", str(pages), cwd=tmp_path)
    cache = tmp_path / ".careerlint_cache"
    import json
    results = [p.read_bytes().splitlines() for p in cache.glob("v4/results-*.lines")]
    assert len(results) == 1 and len(results[0]) == 1 + 20 and (cache / "CACHEDIR.TAG").is_file()
    assert len(signed_json(cache / "v4" / "index.json")) == 20
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"  # never in git status
    assert careerlint("--as-of", "2026-11-22", str(pages), cwd=tmp_path) == first


def test_changing_as_of_or_a_rule_option_invalidates_the_cache(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<h1>Nurses</h1><p>The median annual wage for nurses was $93,600 in May 2024, says the BLS.</p>")
    assert careerlint("--as-of", "2026-11-22", str(page), cwd=tmp_path)[0] == 0
    assert careerlint("--as-of", "2027-11-22", str(page), cwd=tmp_path)[0] == 1       # new date: new result
    (tmp_path / "careerlint.yaml").write_text("stale-source.max-age-years: 5\n")
    assert careerlint("--as-of", "2027-11-22", str(page), cwd=tmp_path)[0] == 0       # new option: new result
    (tmp_path / "careerlint.yaml").write_text("stale-source.severity: error\nstale-source.max-age-years: 1\n")
    code, out, _ = careerlint("--as-of", "2026-11-22", str(page), cwd=tmp_path)
    assert code == 1 and " error stale-source " in out                                # new severity too


def test_edited_page_is_checked_again(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<h1>Nurses</h1><p>The median annual wage for nurses was $93,600 in May 2024, says the BLS.</p>")
    assert careerlint("--as-of", "2026-11-22", str(page), cwd=tmp_path)[0] == 0
    page.write_text(page.read_text().replace("May 2024", "May 2013"))
    assert careerlint("--as-of", "2026-11-22", str(page), cwd=tmp_path)[0] == 1


def test_no_cache_writes_nothing(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<h1>Nurses</h1><p>Nothing here.</p>")
    careerlint("--no-cache", str(page), cwd=tmp_path)
    assert not (tmp_path / ".careerlint_cache").exists()


def test_damaged_cache_entries_are_ignored(tmp_path):
    pages = site(tmp_path, 4)
    first = careerlint("--as-of", "2026-11-22", str(pages), cwd=tmp_path)
    for root, _, files in os.walk(tmp_path / ".careerlint_cache"):
        for f in files:
            if f.endswith(".json"):
                with open(os.path.join(root, f), "w") as fh:
                    fh.write("{trunc")
            elif f.endswith(".lines"):  # every line cut short
                with open(os.path.join(root, f), "r+b") as fh:
                    lines = fh.read().split(b"\n")
                    fh.seek(0)
                    fh.write(b"\n".join(line[:-9] if i else line for i, line in enumerate(lines)))
                    fh.truncate()
    assert careerlint("--as-of", "2026-11-22", str(pages), cwd=tmp_path) == first


def test_validated_rule_set_is_cached_as_json_and_revalidated_on_edit(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<h1>Nurses</h1><p>The median annual wage for nurses was $93,600 in May 2023, says the BLS.</p>")
    (tmp_path / "careerlint.yaml").write_text("stale-source.severity: error\n")
    code, out, _ = careerlint("--as-of", "2026-11-22", str(page), cwd=tmp_path)
    assert code == 1 and " error stale-source " in out
    assert len(list((tmp_path / ".careerlint_cache" / "v4").glob("ruleset-*.json"))) == 1
    assert careerlint("--as-of", "2026-11-22", str(page), cwd=tmp_path) == (code, out, "")
    (tmp_path / "careerlint.yaml").write_text("stale-source.severity: fatal\n")   # now invalid
    code, _, err = careerlint("--as-of", "2026-11-22", str(page), cwd=tmp_path)
    assert code == 2 and "severity must be one of" in err


def test_the_cache_never_shows_in_git_status(tmp_path):
    import shutil

    if shutil.which("git") is None:
        import pytest

        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    page = tmp_path / "p.html"
    page.write_text("<h1>Nurses</h1><p>Nothing here.</p>")
    careerlint(str(page), cwd=tmp_path)
    assert (tmp_path / ".careerlint_cache").is_dir()
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=tmp_path,
                            capture_output=True, text=True, check=True).stdout
    assert status == "?? p.html\n"
