"""The start cache (careerlint.startcache): what a fresh process makes of YAML files and of the
lexicon is kept between runs, keyed by the files' bytes and the code, never trusted when it does not
match, and never needed."""

import json
import os
import re
import subprocess
import sys

import pytest

from careerlint import rxcache, startcache, yamlfile
from careerlint.errors import ConfigError

from conftest import ROOT

PAGE = ROOT / "samples" / "clean-markup-variety.html"
PROBE = ("import sys; from careerlint.cli import main; sys.argv = ['careerlint', 'check', '--no-cache', '--as-of', "
         "'2026-11-22', sys.argv[1]]\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
         "print('yaml imported' if 'yaml' in sys.modules else 'no yaml', file=sys.stderr)")


def _run(cwd, home, page=PAGE, extra_env=None):
    env = dict(os.environ, XDG_CACHE_HOME=str(home), **(extra_env or {}))
    env.pop("CAREERLINT_NO_START_CACHE", None)
    p = subprocess.run([sys.executable, "-c", PROBE, str(page)], capture_output=True, text=True, cwd=cwd, env=env)
    return p.stdout, p.stderr


def test_a_second_run_reads_the_bundled_files_without_yaml_and_says_the_same(tmp_path):
    first = _run(tmp_path, tmp_path / "home")
    second = _run(tmp_path, tmp_path / "home")
    assert first[1].splitlines()[-1] == "yaml imported" and second[1].splitlines()[-1] == "no yaml"
    assert first[0] == second[0] and "newer-release" in first[0]
    names = sorted(os.listdir(tmp_path / "home" / "careerlint" / "start"))
    # the lexicon's cues, the code of the fixed patterns, and core, sources, lexicon, phrasings and the
    # samples' configuration
    assert [n.split("-")[0] for n in names] == ["cues", "regex"] + ["yaml"] * 5
    assert oct(os.stat(tmp_path / "home" / "careerlint" / "start").st_mode & 0o777) == "0o700"


def test_an_edited_configuration_replaces_its_entry_and_an_error_is_never_kept(tmp_path):
    home = tmp_path / "home"
    cfg = tmp_path / "careerlint.yaml"
    page = tmp_path / "p.html"
    page.write_text(PAGE.read_text())
    cfg.write_text("rules:\n  newer-release:\n    severity: warning\n")
    assert " warning newer-release " in _run(tmp_path, home, page)[0]
    cfg.write_text("rules:\n  newer-release:\n    severity: error\n")
    assert " error newer-release " in _run(tmp_path, home, page)[0]
    assert len([n for n in os.listdir(home / "careerlint" / "start") if n.startswith("yaml-")]) == 5
    cfg.write_text("rules:\n  newer-release:\n    severity: [\n")
    for _ in range(2):
        out, err = _run(tmp_path, home, page)
        assert "careerlint.yaml:4: invalid YAML" in err


def test_damaged_or_foreign_entries_are_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("CAREERLINT_NO_START_CACHE", raising=False)
    f = tmp_path / "x.yaml"
    f.write_text("a: 1\n2024: [x, {b: true}]\n")
    data = yamlfile.load_remembered(f)
    assert data == {"a": 1, 2024: ["x", {"b": True}]} and data.where(2024) == f"{f}:2"
    again = yamlfile.load_remembered(f)  # from the entry: same data, same lines
    assert again == data and again.where(2024) == f"{f}:2" and again[2024][1].where("b") == f"{f}:2"
    entry = os.path.join(startcache.folder(), startcache.key("yaml", str(f)))
    for damage in (b"{not json", json.dumps({"stamp": "other", "data": {"m": [str(f), 1, [["a", 1, 99]]]}}).encode()):
        with open(entry, "wb") as fh:
            fh.write(damage)
        assert yamlfile.load_remembered(f) == data  # read again from the file, and kept again
    assert startcache.get(startcache.key("yaml", str(f)))["data"]["m"][2][0] == ["a", 1, 1]


def test_a_date_is_not_kept_and_an_unwritable_cache_is_no_error(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o500)
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv("CAREERLINT_NO_START_CACHE", raising=False)
    f = tmp_path / "d.yaml"
    f.write_text("when: 2024-05-01\n")
    assert str(yamlfile.load_remembered(f)["when"]) == "2024-05-01"
    home.chmod(0o700)
    assert not (home / "careerlint").exists() or os.getuid() == 0  # root writes anyway
    with pytest.raises(ConfigError, match=r"x\.yaml: cannot read"):
        yamlfile.load_remembered(tmp_path / "x.yaml")


def _fresh_rxcache(monkeypatch, home):
    """careerlint.rxcache as a fresh process finds it, with its entry in ``home``."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv("CAREERLINT_NO_START_CACHE", raising=False)
    monkeypatch.setattr(rxcache, "_known", None)
    monkeypatch.setattr(rxcache, "_new", {})
    monkeypatch.setattr(rxcache, "_engine", None)


PATTERNS = [(r"(?P<cur>\$)(?P<num>\d{1,3}(?:,\d{3})+)", 0),  # "$61,590"
            (r"(?<![\w])(?:much\s+faster|faster|about\s+as\s+fast)(?![\w])", re.I),  # "Much faster"
            (r"^\s*#{1,6}\s+(.*?)\s*$", re.M)]  # "## Pay"


def test_kept_regex_code_builds_the_very_patterns_re_compiles(tmp_path, monkeypatch):
    if rxcache._probe() is None:
        pytest.skip("this Python's re internals are not the ones careerlint knows: plain re.compile")
    _fresh_rxcache(monkeypatch, tmp_path / "home")
    first = [rxcache.compile(p, f) for p, f in PATTERNS]
    assert len(rxcache._new) == 3
    rxcache.save()
    _fresh_rxcache(monkeypatch, tmp_path / "home")
    again = [rxcache.compile(p, f) for p, f in PATTERNS]
    assert not rxcache._new  # all three from the entry
    # Pattern equality compares the pattern, the flags and the compiled code
    assert again == first == [re.compile(p, f) for p, f in PATTERNS]
    assert again[0].search("pay: $61,590").groupdict() == {"cur": "$", "num": "61,590"}
    assert again[1].search("grow MUCH faster than").group() == "MUCH faster"
    assert rxcache.compile(b"x+", 0) == re.compile(b"x+")  # bytes: compiled as usual, never kept


def _saved_entry(monkeypatch, home) -> str:
    """The path of the regex entry a run that compiled PATTERNS saved."""
    if rxcache._probe() is None:
        pytest.skip("this Python's re internals are not the ones careerlint knows: plain re.compile")
    _fresh_rxcache(monkeypatch, home)
    for p, f in PATTERNS:
        rxcache.compile(p, f)
    rxcache.save()
    return os.path.join(startcache.folder(), rxcache._name())


def test_a_damaged_regex_entry_is_compiled_as_usual(tmp_path, monkeypatch):
    entry = _saved_entry(monkeypatch, tmp_path / "home")
    known = rxcache.unpack(open(entry, "rb").read())
    assert sorted(known) == sorted(f"{int(f)}:{p}" for p, f in PATTERNS)
    for i, e in enumerate(known.values()):  # code that is not SRE code; a code of 3 bytes; a wrong shape
        e[4] = [b"\x07\x00\x00\x00" * 9, b"\x01\x02\x03", b""][i]
        if i == 2:
            e[2] = "not a mapping"
    with open(entry, "wb") as fh:
        fh.write(rxcache.pack(known))
    _fresh_rxcache(monkeypatch, tmp_path / "home")
    assert [rxcache.compile(p, f) for p, f in PATTERNS] == [re.compile(p, f) for p, f in PATTERNS]


@pytest.mark.parametrize("damage", [lambda b: b[:-7],                                  # cut short
                                    lambda b: b"x" + b,                                # not an entry
                                    lambda b: b[:17] + (10 ** 9).to_bytes(8, "little") + b[25:],  # header length
                                    lambda b: b""])
def test_a_cut_or_foreign_regex_entry_is_compiled_as_usual(tmp_path, monkeypatch, damage):
    entry = _saved_entry(monkeypatch, tmp_path / "home")
    blob = open(entry, "rb").read()
    assert blob.startswith(b"careerlint-sre-1\n") and len(rxcache._MAGIC) + 8 == 25
    with open(entry, "wb") as fh:
        fh.write(damage(blob))
    _fresh_rxcache(monkeypatch, tmp_path / "home")
    assert [rxcache.compile(p, f) for p, f in PATTERNS] == [re.compile(p, f) for p, f in PATTERNS]


def test_entries_no_run_reads_expire_and_entries_in_use_stay(tmp_path, monkeypatch):
    """Entries are named by the path of the file they are made from: a configuration moved or
    deleted leaves its entry behind. One that no run has read for 30 days is removed when an entry
    is written; one read since is kept (reading marks it used)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("CAREERLINT_NO_START_CACHE", raising=False)
    startcache.put("yaml-gone.json", {"a": 1})
    startcache.put("yaml-used.json", {"b": 2})
    folder = startcache.folder()
    with open(os.path.join(folder, "not-ours.txt"), "w") as fh:
        fh.write("a file of the user's")
    old = os.path.getmtime(os.path.join(folder, "yaml-gone.json")) - 40 * 86400
    for n in ("yaml-gone.json", "yaml-used.json", "not-ours.txt"):
        os.utime(os.path.join(folder, n), (old, old))
    assert startcache.get("yaml-used.json") == {"b": 2}          # read: marked as used
    startcache.put("cues-new.json", [1])                          # a write removes what expired
    assert sorted(os.listdir(folder)) == ["cues-new.json", "not-ours.txt", "yaml-used.json"]
    assert startcache.get("yaml-gone.json") is None
