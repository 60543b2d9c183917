"""The result cache's tables (careerlint.cache_table): a signed line per entry, read an entry at a
time, the run's new entries kept in its temporary file until they are saved, so a run's memory does
not grow with the site; damage costs an entry, never the table; an older cache's files are removed."""

import os
import shutil
import subprocess
import sys

from careerlint.cache_table import HEADER, LineTable
from careerlint.spool import Spool

from conftest import SAMPLES

SECRET = b"k" * 32


def _table(path, secret=SECRET):
    spool = Spool()
    return LineTable(str(path), secret, lambda: spool)


def test_entries_read_back_one_at_a_time_and_saving_merges_with_the_file(tmp_path):
    path = tmp_path / "results-x.lines"
    t = _table(path)
    t.put("aa.html", [[3, 1, "stale-source"]])
    t.put("bb.md", {"v": 1, "text": "a\nline break, “quotes” and \u2028"})
    assert t.get("aa.html") == [[3, 1, "stale-source"]]            # this run's, before saving
    assert all(isinstance(ref, tuple) for ref in t._new.values())   # kept in the temporary file, not as values
    t.save()
    lines = path.read_bytes().split(b"\n")
    assert lines[0] + b"\n" == HEADER and len(lines) == 4 and lines[-1] == b""
    again = _table(path)
    assert again.get("bb.md") == {"v": 1, "text": "a\nline break, “quotes” and \u2028"}
    again.put("aa.html", [])           # replaced
    again.put("cc.html", [[1, 1, "x"]])
    again.save()
    last = _table(path)
    assert (last.get("aa.html"), last.get("bb.md")["v"], last.get("cc.html"), last.get("zz")) == (
        [], 1, [[1, 1, "x"]], None)
    assert len(path.read_bytes().splitlines()) == 1 + 3


def test_a_damaged_forged_or_moved_line_is_a_missing_entry_and_the_rest_still_reads(tmp_path):
    path = tmp_path / "results-x.lines"
    t = _table(path)
    for k in ("a", "b", "c", "d"):
        t.put(k, [k])
    t.save()
    head, a, b, c, d, _ = path.read_bytes().split(b"\n")
    mac, key_hex, _ = a.split(b" ", 2)
    edited = b" ".join([mac, key_hex, b'["changed"]'])                    # the value changed, not its MAC
    b_as_c = b" ".join([b.split(b" ")[0], c.split(b" ")[1], b.split(b" ", 2)[2]])   # b's line under c's key
    path.write_bytes(b"\n".join([head, edited, b, b_as_c, b"zz not-hex []", d[:-4]]))   # d cut short, no newline
    damaged = _table(path)
    assert [damaged.get(k) for k in "abcd"] == [None, ["b"], None, None]
    # moved to another table (same key, same value): its MAC names the table it was written for
    path.write_bytes(b"\n".join([head, a, b, c, d, b""]))
    other = tmp_path / "facts-x.lines"
    shutil.copy(path, other)
    assert _table(path).get("a") == ["a"] and _table(other).get("a") is None
    assert _table(path, secret=b"another key" * 3).get("a") is None      # another user's key
    path.write_bytes(b"{\"a\": [\"a\"]}")                                  # not a table at all
    assert _table(path).get("a") is None


def test_saving_keeps_what_another_run_saved_meanwhile(tmp_path):
    path = tmp_path / "facts-x.lines"
    mine, theirs = _table(path), _table(path)
    mine.put("mine", 1)
    assert mine.get("theirs") is None      # read the file before the other run saved
    theirs.put("theirs", 2)
    theirs.save()
    mine.save()
    t = _table(path)
    assert (t.get("mine"), t.get("theirs")) == (1, 2)


def test_an_older_caches_files_are_removed_but_nothing_else(tmp_path):
    shutil.copy(SAMPLES / "seed-002-billing-and-coding.html", tmp_path / "p.html")
    old = tmp_path / ".careerlint_cache" / "v3"
    old.mkdir(parents=True)
    for name in ("index.json", "results-0123.json", "facts-0123.json", "ruleset-0123.json"):
        (old / name).write_text("careerlint-cache 00\n{}")
    env = dict(os.environ, CAREERLINT_NO_SERVER="1")
    cmd = [sys.executable, "-m", "careerlint", "check", "--as-of", "2026-11-22", "p.html"]
    first = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, env=env)
    assert first.returncode == 1 and not old.exists()
    names = sorted(n.split("-")[0] for n in os.listdir(tmp_path / ".careerlint_cache" / "v4"))
    assert names == ["facts", "index.json", "results", "ruleset"]
    old.mkdir()
    (old / "notes.txt").write_text("mine")   # not a file careerlint made: left, with its folder
    assert subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, env=env).stdout == first.stdout
    assert (old / "notes.txt").read_text() == "mine"


def test_a_table_rewritten_in_place_never_gives_one_key_anothers_entry(tmp_path):
    """A reader indexed the file, then it was rewritten in place (cp, rsync --inplace) with the lines
    in another order: the line now where A's was is B's, and is not taken for A's."""
    path = tmp_path / "results-x.lines"
    t = _table(path)
    t.put("aaaa.html", ["findings of A"])
    t.put("bbbb.html", ["findings of B"])
    t.save()
    head, a, b, _ = path.read_bytes().split(b"\n")
    reader = _table(path)
    assert reader.get("aaaa.html") == ["findings of A"]
    with open(path, "r+b") as fh:   # the same inode: the reader's descriptor sees the new bytes
        fh.write(b"\n".join([head, b, a, b""]))
    assert len(a) == len(b) and reader.get("aaaa.html") is None and reader.get("bbbb.html") is None


def test_a_long_key_and_a_line_longer_than_any_entry(tmp_path, monkeypatch):
    import careerlint.cache_table as ct

    path = tmp_path / "facts-x.lines"
    t = _table(path)
    long_key = "0" * 64 + "." + "x" * 200        # a page with a long extension
    t.put(long_key, {"v": 1})
    t.put("after", {"v": 2})
    t.save()
    head, first, second, _ = path.read_bytes().split(b"\n")
    monkeypatch.setattr(ct, "MAX_LINE", 2000)     # the first line is now longer than any entry
    path.write_bytes(b"\n".join([head, b"x" * 5000, first, second, b""]))
    r = _table(path)
    assert (r.get(long_key), r.get("after")) == ({"v": 1}, {"v": 2}) and len(r._index()) == 2
    monkeypatch.setattr(ct, "MAX_LINE", 64 << 20)
    assert _table(path).get(long_key) == {"v": 1}


def test_a_table_that_cannot_be_saved_does_not_keep_the_others_from_being_saved(tmp_path, monkeypatch):
    from careerlint.cache import Cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))

    class Plan:
        fingerprint, facts_fingerprint = "r" * 40, "f" * 40

    cache = Cache(str(tmp_path))
    (tmp_path / ".careerlint_cache" / "v4" / f"results-{'r' * 32}.lines").mkdir(parents=True)  # not a file
    cache.put("k.html", Plan, [])
    cache.put_facts("k.html", Plan, {"v": 1})
    cache.save()
    cache.close()
    again = Cache(str(tmp_path))
    assert again.get_facts("k.html", Plan) == {"v": 1} and again.get("k.html", Plan, "k.html") is None


def test_a_run_that_only_reads_the_cache_leaves_no_file_open(tmp_path, monkeypatch):
    fds = "/proc/self/fd"
    if not os.path.isdir(fds):
        import pytest
        pytest.skip("no /proc/self/fd here")
    from careerlint.cli import main

    shutil.copy(SAMPLES / "seed-002-billing-and-coding.html", tmp_path / "p.html")
    shutil.copy(SAMPLES / "seed-000-medical-billing-specialist.html", tmp_path / "q.html")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))

    def run():
        try:
            main(["check", "--as-of", "2026-11-22", "--jobs", "1", "--quiet", "p.html", "q.html"])
        except SystemExit as e:
            return e.code

    assert run() == 1            # fills the cache
    before = len(os.listdir(fds))
    for _ in range(3):
        assert run() == 1        # reads every page from it
    assert len(os.listdir(fds)) == before
