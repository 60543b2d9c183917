"""Hostile input: pages, configurations, caches and command lines made by someone the repository
does not trust. Each case runs careerlint in a subprocess under an address-space limit, must end
in seconds with the documented exit code and message, and the good page beside it is still
reported. Every hostile page is made here; nothing binary is committed."""

import datetime as dt
import hashlib
import hmac
import json
import os
import resource
import shutil
import stat
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

import pytest

LIMIT_AS = 1 << 30  # 1 GiB: careerlint needs about 200 MB; the bombs below needed 3 to 24 GB
GOOD = ("<html><body><h1>Nurses</h1><p>The median annual wage for nurses was $93,600 in May 2023, "
        "says the BLS.</p></body></html>")
STALE = "warning stale-source May 2023 wage data"


def _limit():
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_AS, LIMIT_AS))


def careerlint(*args, cwd, env=None, command="check", timeout=60):
    """(exit code, stdout, stderr, seconds) of careerlint run under the address-space limit."""
    extra = ["--no-cache", "--as-of", "2026-11-22"] if command == "check" and "--cache" not in args else []
    args = [a for a in args if a != "--cache"]
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "careerlint", command, *extra, *args], capture_output=True,
                       text=True, cwd=cwd, env=env, timeout=timeout, preexec_fn=_limit)
    return p.returncode, p.stdout, p.stderr, time.perf_counter() - t0


@pytest.fixture
def good(tmp_path):
    (tmp_path / "good.html").write_text(GOOD)
    return "good.html"


# -- bounded time and memory ----------------------------------------------------------------------

def test_span_bombs_are_refused_quickly(tmp_path, good):
    cells = "<tr><td colspan=1000 rowspan=1000>x</td>"
    (tmp_path / "bomb1k.html").write_text("<table>" + cells * 30 + "</table>")      # took 3 GB
    (tmp_path / "bomb10k.html").write_text("<table>" + cells * 300 + "</table>")    # took 24 GB, killed
    code, out, err, took = careerlint("bomb1k.html", "bomb10k.html", good, cwd=tmp_path)
    assert code == 2 and took < 15
    assert err.splitlines() == [
        "bomb1k.html: error: table at line 1 spans more than 130,000 grid cells with 30 cells (colspan/rowspan); "
        "page not checked",
        "bomb10k.html: error: table at line 1 spans more than 400,000 grid cells with 300 cells "
        "(colspan/rowspan); page not checked"]
    assert STALE in out and out.endswith("in 1 file; 2 files could not be checked.\n")


def test_clamped_spans_still_read_the_table(tmp_path):
    (tmp_path / "wide.html").write_text(  # one row: the rowspans end at the table's last row
        "<table><tr>" + "<td colspan=99999 rowspan=99999>Median annual $50,000 in May 2013 (BLS)</td>" * 30
        + "</tr></table>")
    sections = "".join("<tr><td colspan=1000>State</td></tr><tr><td>Ohio</td><td>$50,000</td></tr>"
                       for _ in range(300))  # the full-width-row idiom, 300 times
    (tmp_path / "idiom.html").write_text(f"<table>{sections}</table>")
    code, out, err, took = careerlint("wide.html", "idiom.html", cwd=tmp_path)
    assert (code, err) == (1, "") and took < 15
    assert "wide.html:1:" in out and out.endswith("in 2 files.\n")


def _section(i):
    return (f"<h2>Region {i}</h2>\n<p>In region {i} the median annual wage for welders was ${40_000 + i:,} "
            "in May 2013, says the BLS.</p>\n")


def test_a_page_on_one_line_costs_what_it_costs_in_lines(tmp_path):
    body = "<h1>Welders</h1>\n" + "".join(_section(i) for i in range(3000))   # ~350 KB, 3,000 findings
    (tmp_path / "lines.html").write_text(body)
    (tmp_path / "one.html").write_text(body.replace("\n", " "))
    code, lines_out, _, t_lines = careerlint("lines.html", cwd=tmp_path)
    code2, one_out, _, t_one = careerlint("one.html", cwd=tmp_path)
    assert code == code2 == 1 and t_one < 2 * t_lines + 1, (t_one, t_lines)
    assert lines_out.count("stale-source") == one_out.count("stale-source") == 3000
    # columns on the long line are where each figure is
    one = body.replace("\n", " ")
    first, last = one_out.splitlines()[0], one_out.splitlines()[-2]
    assert first.startswith(f"one.html:1:{one.index('May 2013') + 1}: warning stale-source")
    assert last.startswith(f"one.html:1:{one.rindex('May 2013') + 1}: warning stale-source")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifos_devices_and_sockets_are_not_read(tmp_path, good):
    os.mkfifo(tmp_path / "fifo.html")
    (tmp_path / "site").mkdir()
    os.mkfifo(tmp_path / "site" / "inner.html")
    (tmp_path / "site" / "page.html").write_text(GOOD)
    (tmp_path / "zero.html").symlink_to("/dev/zero")
    code, out, err, took = careerlint("fifo.html", "zero.html", "site", good, cwd=tmp_path, timeout=30)
    assert code == 2 and took < 15
    assert err.splitlines() == ["fifo.html: error: a named pipe, not a regular file",
                                "zero.html: error: a character device, not a regular file",
                                "site/inner.html: error: a named pipe, not a regular file"]
    assert out.count(STALE) == 2


def test_the_size_limit_is_on_bytes(tmp_path, good):
    (tmp_path / "at.html").write_bytes(b"<p>" + b"x" * 996 + b"</p>")       # 1,003 bytes
    code, out, err, _ = careerlint("--max-size", "1003", "at.html", good, cwd=tmp_path)
    assert (code, err) == (1, "")
    code, out, err, _ = careerlint("--max-size", "1002", "at.html", good, cwd=tmp_path)
    assert code == 2 and err == ("at.html: error: page is 1,003 bytes, larger than the limit of 1,002 bytes "
                                 "(raise it with --max-size)\n") and STALE in out


def test_jobs_are_capped(tmp_path):
    from careerlint.runner import MAX_JOBS, workers_for

    cores = os.cpu_count() or 1
    assert workers_for(100_000, 20) == min(2, 4 * cores) and workers_for(1000, 164) == min(20, 4 * cores)
    assert workers_for(10**30, 10**6) == min(4 * cores, MAX_JOBS) and workers_for(8, 15) == 1
    site = tmp_path / "site"
    site.mkdir()
    for i in range(24):
        (site / f"p{i:02d}.html").write_text(GOOD.replace("nurses", f"nurses ({i})"))
    one = careerlint("--jobs", "1", "site", cwd=tmp_path)
    many = careerlint("--jobs", "100000000000000000000", "site", cwd=tmp_path)
    assert one[:3] == many[:3] and one[0] == 1 and many[3] < 30
    code, out, err, _ = careerlint("--jobs", "1e20", "site", cwd=tmp_path)
    assert (code, out) == (2, "") and "'1e20' is not a valid integer" in err and "Traceback" not in err


def _children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="needs Linux /proc")
def test_workers_die_with_the_parent(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    body = "<h1>Welders</h1>" + "".join(_section(i) for i in range(1500))
    for i in range(40):
        (site / f"p{i:02d}.html").write_text(body + f"<!-- {i} -->")
    proc = subprocess.Popen([sys.executable, "-m", "careerlint", "check", "--no-cache", "--jobs", "2", "site"],
                            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers = []
    deadline = time.time() + 30
    while time.time() < deadline and len(workers) < 2:
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the pool did not start"
    proc.kill()
    proc.wait()
    deadline = time.time() + 10
    while time.time() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers)


# -- configurations: plain data only, checked when they load ---------------------------------------

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
    for p, n in zip("abcdefgh", "bcdefghi"))


@pytest.mark.parametrize("config,message", [
    (BOMB, "careerlint.yaml:1: YAML anchors and aliases (&name, *name) are not allowed in careerlint files"),
    ("rules:\n  <<: {stale-source: {severity: info}}\n",
     "careerlint.yaml:2: YAML merge keys (<<) are not allowed in careerlint files"),
    ("as-of: !foo x\n", "careerlint.yaml:1: YAML tag '!foo' is not allowed (plain values, lists and mappings only)"),
    ("as-of: !!python/name:os.system\n", "careerlint.yaml:1: YAML tag 'tag:yaml.org,2002:python/name:os.system' "
                                         "is not allowed (plain values, lists and mappings only)"),
    ("as-of: 2026-02-30\n", "careerlint.yaml:1: invalid value '2026-02-30': day is out of range for month"),
    ("x: " + "[" * 500 + "]" * 500 + "\n", "careerlint.yaml:1: nested more than 64 levels deep"),
    ('rules: {stale-source: {message: "{age:>200000000}"}}\n',
     "careerlint.yaml:1: bad message template: format '{age:>200000000}' (at most 2 digits of width or "
     "precision, no nested fields)"),
    ('rules: {stale-source: {message: "{age.__class__.__mro__}"}}\n',
     "careerlint.yaml:1: bad message template: '{age.__class__.__mro__}' (a field is a plain name, like {age})"),
    ("stale-source.max-age-years: -1\n", "careerlint.yaml:1: option 'max-age-years' must be between 0 and 100, "
                                         "not -1"),
    ("stale-source.max-age-years: 1000000000\n", "careerlint.yaml:1: option 'max-age-years' must be between 0 "
                                                 "and 100, not 1000000000"),
    ("sources:\n  lmi:\n    names: State LMI\n", "careerlint.yaml:3: source 'lmi' needs 'names', a list of names"),
    ("sources:\n  lmi:\n    names: [State LMI]\n    url: x\n",
     "careerlint.yaml:4: source 'lmi': unknown key 'url' (known: family, kinds, max-age-years, names, title)"),
    ('rules:\n  floor: {kind: figure-limit, message: "low {value}", options: {min: .inf}}\n',
     "careerlint.yaml:2: option 'min' must be a finite number, not inf"),
])
def test_bad_configs_are_one_line_errors(tmp_path, good, config, message):
    (tmp_path / "careerlint.yaml").write_text(config)
    code, out, err, took = careerlint(good, cwd=tmp_path)
    assert (code, out, err) == (2, "", f"{message}\n") and took < 10  # careerlint.yaml of the current folder


def test_a_rule_pack_and_front_matter_get_the_same_treatment(tmp_path, good):
    (tmp_path / "pack.yaml").write_text("rules:\n" + BOMB.replace("\n", "\n  ").replace("a: &a", "  a: &a", 1))
    (tmp_path / "careerlint.yaml").write_text("rule-packs: [pack.yaml]\n")
    code, out, err, _ = careerlint(good, cwd=tmp_path)
    assert code == 2 and "pack.yaml:" in err and "anchors and aliases" in err
    (tmp_path / "careerlint.yaml").unlink()
    (tmp_path / "bomb.md").write_text("---\n" + BOMB + "---\n\n# Nurses\n\nThe median annual wage for nurses "
                                      "was $93,600 in May 2023, says the BLS.\n")
    code, out, err, took = careerlint("bomb.md", good, cwd=tmp_path)
    assert (code, err) == (1, "") and out.count(STALE) == 2 and took < 10


def test_a_config_above_the_repository_is_not_applied(tmp_path):
    (tmp_path / "careerlint.yaml").write_text("ignore: [stale-source]\n")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "good.html").write_text(GOOD)
    code, out, err, _ = careerlint("-v", "good.html", cwd=repo)
    assert code == 1 and STALE in out
    assert err.splitlines() == [
        "careerlint: no configuration file (defaults) applies to 1 page(s)",
        f"careerlint: {tmp_path}/careerlint.yaml is above the repository root: not applied "
        "(name it with --config to use it)"]
    code, out, _, _ = careerlint("--config", "../careerlint.yaml", "good.html", cwd=repo)
    assert (code, out) == (0, "No problems found in 1 file.\n")
    code, out, _, _ = careerlint("--show-settings", "--config", "../careerlint.yaml", "good.html", cwd=repo)
    assert code == 0 and "  ignore: stale-source\n" in out and "  pages: 1\n" in out


# -- never overwrite what the user owns ----------------------------------------------------------

@pytest.mark.parametrize("args,message", [
    (["--output-file", "good.html"], "good.html: error: --output-file would overwrite a page being checked; "
                                     "choose another file"),
    (["--write-baseline", "./good.html"], "./good.html: error: --write-baseline would overwrite a page being "
                                          "checked; choose another file"),
    (["--output-file", "careerlint.yaml"], "careerlint.yaml: error: --output-file would overwrite a "
                                           "configuration or rule file in use; choose another file"),
    (["--output-file", "r.txt", "--write-baseline", "r.txt"],
     "r.txt: error: --output-file and --write-baseline name the same file"),
])
def test_a_write_target_that_is_an_input_is_refused(tmp_path, good, args, message):
    (tmp_path / "careerlint.yaml").write_text("as-of: 2026-11-22\n")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    code, out, err, _ = careerlint(*args, good, cwd=tmp_path)
    assert (code, out, err) == (2, "", message + "\n")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


# -- the cache: keyed by the bytes checked, authenticated, cleaned ----------------------------------

def _env(tmp_path, who="me"):
    return dict(os.environ, XDG_CACHE_HOME=str(tmp_path / f"home-{who}"))


def test_a_forged_or_foreign_cache_is_ignored(tmp_path, good):
    from conftest import SAMPLES

    shutil.copy(SAMPLES / "seed-002-billing-and-coding.html", tmp_path / "broken.html")
    first = careerlint("--cache", "broken.html", good, cwd=tmp_path, env=_env(tmp_path))
    assert first[0] == 1 and " error expired-projection " in first[1]
    key = tmp_path / "home-me" / "careerlint" / "key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    cache = tmp_path / ".careerlint_cache" / "v4"

    def emptied(f, sign):  # every entry of a results table made [], each line signed by ``sign``
        head, *lines = f.read_bytes().split(b"\n")
        out = [head]
        for line in filter(None, lines):
            mac, key_hex, _ = line.split(b" ", 2)
            out.append(b" ".join([sign(mac, key_hex, b"[]"), key_hex, b"[]"]))
        f.write_bytes(b"\n".join(out) + b"\n")

    tables = sorted(cache.glob("results-*.lines"))
    assert tables and all(f.read_bytes().startswith(b"careerlint-cache-lines 1\n") for f in tables)
    for f in tables:   # entries edited to [] with the MAC left as it was
        emptied(f, lambda mac, key_hex, body: mac)
    for f in cache.glob("ruleset-*.json"):   # every severity lowered
        f.write_text(f.read_text().replace('"severity": "error"', '"severity": "info"')
                     .replace('"severity": "warning"', '"severity": "info"'))
    assert careerlint("--cache", "broken.html", good, cwd=tmp_path, env=_env(tmp_path))[:3] == first[:3]
    # a cache forged by someone with a key of their own, committed to the repository
    shutil.rmtree(tmp_path / ".careerlint_cache")
    careerlint("--cache", "broken.html", good, cwd=tmp_path, env=_env(tmp_path, "them"))
    their_key = (tmp_path / "home-them" / "careerlint" / "key").read_bytes().strip()
    for f in cache.glob("results-*.lines"):
        name = f.name.encode()
        emptied(f, lambda mac, key_hex, body: hmac.new(their_key, name + b"\0" + key_hex + b"\0" + body,
                                                       hashlib.sha256).hexdigest().encode())
    assert careerlint("--cache", "broken.html", good, cwd=tmp_path, env=_env(tmp_path, "them"))[:2] == (
        0, "No problems found in 2 files.\n")  # the forgery is good enough to fool its maker
    assert careerlint("--cache", "broken.html", good, cwd=tmp_path, env=_env(tmp_path))[:3] == first[:3]


def test_links_in_a_cache_from_a_repository_are_neither_read_through_nor_written_through(tmp_path, good):
    """A repository may hold .careerlint_cache/ (forced past its .gitignore): a table or index that is a
    link to /dev/zero is not read (it would never end), a link to a file of the project is replaced
    by the cache's file (the project's file untouched), and a cache folder that is a link is not used."""
    env = _env(tmp_path)
    first = careerlint("--cache", good, cwd=tmp_path, env=env)
    cache = tmp_path / ".careerlint_cache" / "v4"
    project_file = tmp_path / "keep.txt"
    project_file.write_text("the project's own\n")
    for f in cache.iterdir():
        if f.suffix in (".json", ".lines"):
            f.unlink()
            f.symlink_to("/dev/zero" if f.name.startswith(("results-", "index")) else project_file)
    (tmp_path / "good.html").write_text(GOOD + " ")  # something new to store
    again = careerlint("--cache", good, cwd=tmp_path, env=env)
    assert again[:3] == first[:3] and again[3] < 30
    assert project_file.read_text() == "the project's own\n"
    assert not any(f.is_symlink() for f in cache.iterdir())          # the links were replaced by files
    shutil.rmtree(tmp_path / ".careerlint_cache")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / ".careerlint_cache").symlink_to(elsewhere)
    assert careerlint("--cache", good, cwd=tmp_path, env=env)[:3] == first[:3]
    assert list(elsewhere.iterdir()) == []
    # an older careerlint's cache folder that is a link: its files are someone else's, never removed
    (tmp_path / ".careerlint_cache").unlink()
    (tmp_path / ".careerlint_cache").mkdir()
    victim = tmp_path / "victim"
    victim.mkdir()
    for name in ("index.json", "results-0123.json", "facts-2024.json", "notes.txt"):
        (victim / name).write_text("{}")
    (tmp_path / ".careerlint_cache" / "v3").symlink_to(victim)
    assert careerlint("--cache", good, cwd=tmp_path, env=env)[:3] == first[:3]
    assert sorted(p.name for p in victim.iterdir()) == ["facts-2024.json", "index.json", "notes.txt",
                                                         "results-0123.json"]


def test_results_are_stored_under_the_bytes_checked(tmp_path, monkeypatch):
    """A page edited while it is checked: what was checked is stored under its own hash, so the
    edit and a later revert are both checked right (one edit-and-revert gave 301 wrong errors)."""
    from careerlint import pipeline, runner
    from careerlint.cache import Cache
    from careerlint.ruleset import load_ruleset

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    page = tmp_path / "p.html"
    old, new = GOOD, GOOD.replace("May 2023", "May 2025")
    page.write_text(old)
    real = pipeline.analyse

    def edit_while_checking(*args, **kw):
        result = real(*args, **kw)
        page.write_text(new)   # the editor saves while careerlint is busy
        return result

    monkeypatch.setattr(pipeline, "analyse", edit_while_checking)
    rs = load_ruleset()
    plan = pipeline.Plan(rs.select(None, None), rs, dt.date(2026, 11, 22))
    cache = Cache(str(tmp_path))
    (outcome,) = runner.run([(str(page), plan)], 1, 10**7, cache)
    assert [f.rule for f in outcome.findings] == ["stale-source"]
    assert outcome.content_hash == hashlib.sha256(old.encode()).hexdigest()
    monkeypatch.setattr(pipeline, "analyse", real)
    env = _env(tmp_path).copy()
    env["XDG_CACHE_HOME"] = str(tmp_path / "home")
    assert careerlint("--cache", "p.html", cwd=tmp_path, env=env)[:2] == (0, "No problems found in 1 file.\n")
    page.write_text(old)
    code, out, _, _ = careerlint("--cache", "p.html", cwd=tmp_path, env=env)
    assert code == 1 and STALE in out


def test_stale_temporary_files_are_removed(tmp_path, good):
    careerlint("--cache", good, cwd=tmp_path, env=_env(tmp_path))
    folder = tmp_path / ".careerlint_cache" / "v4"
    stale, fresh = folder / ".careerlint-killed.tmp", folder / ".careerlint-running.tmp"
    report_stale = tmp_path / ".careerlint-report.tmp"
    for f in (stale, fresh, report_stale):
        f.write_text("half")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    os.utime(report_stale, (old, old))
    (tmp_path / "good.html").write_text(GOOD + " ")  # something new to store
    careerlint("--cache", "--output-file", "report.txt", good, cwd=tmp_path, env=_env(tmp_path))
    assert not stale.exists() and fresh.exists() and not report_stale.exists()


# -- every error a clear one, every page accounted for ------------------------------------------

def test_bad_baselines_are_one_line_errors(tmp_path, good):
    (tmp_path / "big.json").write_text('{"version": 1, "entries": [{"path": "good.html", "rule": "x", '
                                       '"text": "t", "count": 1e400}]}')
    (tmp_path / "deep.json").write_text('{"version": 1, "entries": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert careerlint("--baseline", "big.json", good, cwd=tmp_path)[:3] == (
        2, "", "big.json: malformed baseline entry\n")
    assert careerlint("--baseline", "deep.json", good, cwd=tmp_path)[:3] == (
        2, "", "deep.json: invalid baseline JSON: nested too deeply\n")


def test_long_s_is_read_as_s(tmp_path):
    (tmp_path / "p.html").write_text("<h1>Nurses</h1><p>Bureau of Labor Statiſtics: the median annual wage for "
                                     "nurses was $93,600 in May 2013.</p>")
    code, out, err, _ = careerlint("p.html", cwd=tmp_path, command="facts")
    assert (code, err) == (0, "") and "p.html:1:19: source 'Bureau of Labor Statiſtics' source=bls" in out
    code, out, err, _ = careerlint("p.html", cwd=tmp_path)
    assert (code, err) == (1, "") and "from U.S. Bureau of Labor Statistics is 13 years old" in out


def test_an_unexpected_error_is_one_line_and_exit_2(monkeypatch, capsys):
    import careerlint.loader
    from careerlint.cli import main

    def boom(*a, **k):
        raise RuntimeError("boom")

    monkeypatch.setattr(careerlint.loader, "discover", boom)
    with pytest.raises(SystemExit) as e:
        main(["check", "--no-cache", "x.html"])
    assert e.value.code == 2
    assert capsys.readouterr().err == "careerlint: internal error: RuntimeError: boom (please report)\n"


def test_deep_nesting_is_read_or_reported(tmp_path):
    text = "The median annual wage for nurses was $93,600 in May 2023, says the BLS."
    (tmp_path / "lists.html").write_text("<h1>Nurses</h1>" + "<ul><li>" * 1500 + text + "</li></ul>" * 1500)
    (tmp_path / "quotes.md").write_text("# Nurses\n\n" + "> " * 20 + text + "\n")
    (tmp_path / "abyss.md").write_text("# Nurses\n\n" + "> " * 120 + text + "\n")
    (tmp_path / "tables.html").write_text("<table><tr><td>" * 1100 + text + "</td></tr></table>" * 1100)
    code, out, err, took = careerlint("lists.html", "quotes.md", "abyss.md", "tables.html", cwd=tmp_path)
    assert code == 2 and took < 20
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == ["lists.html", "quotes.md"]
    assert err.splitlines() == [
        "abyss.md: error: quotes or lists nested more than 98 deep; page not checked",
        "tables.html: error: elements nested more than 2048 deep even without lists, quotes and containers; "
        "page not checked"]


def test_binary_and_wide_encodings(tmp_path, good):
    elf = b"\x7fELF\x02\x01\x01" + bytes(9) + b"\x03\x00>\x00" + b"".join(
        bytes([i % 256, 0, 0, i % 7]) for i in range(4000)) + b"The median annual wage was $93,600 in May 2023."
    (tmp_path / "ls.html").write_bytes(elf)
    (tmp_path / "late-nul.html").write_bytes(GOOD.encode() * 300 + b"\x00")         # a stray NUL: read
    (tmp_path / "nuls.html").write_bytes(GOOD.encode() + b"\x00" * 40)                 # many: binary
    (tmp_path / "noise.html").write_bytes(GOOD.encode() + bytes(range(1, 32)) * 200)
    for name, enc in (("u16le.html", "utf-16-le"), ("u16be.html", "utf-16-be"), ("u32le.html", "utf-32-le")):
        (tmp_path / name).write_bytes(GOOD.encode(enc))
    names = ["ls.html", "nuls.html", "noise.html", "late-nul.html", "u16le.html", "u16be.html", "u32le.html"]
    code, out, err, _ = careerlint(*names, cwd=tmp_path)
    assert code == 2
    assert err.splitlines() == [f"{n}: error: not a text page (binary content)" for n in names[:3]]
    assert sorted({line.split(":")[0] for line in out.splitlines()[:-1]}) == sorted(names[3:])


def test_control_characters_never_reach_the_terminal_or_the_xml(tmp_path):
    evil = "evil\x1b[31m\x07.html"
    (tmp_path / evil).write_text("<h1>Nurses\x1b]0;owned\x07</h1><p>The median annual wage for nurses was "
                                 "$93,600 in May 2023\x01, says the BLS.\x0c</p>")
    code, out, err, _ = careerlint(evil, cwd=tmp_path)
    assert code == 1 and "\x1b" not in out + err and "\x07" not in out + err
    assert out.startswith("evil\\x1b[31m\\x07.html:1:") and STALE in out
    code, out, _, _ = careerlint("--format", "junit", evil, cwd=tmp_path)
    root = ET.fromstring(out)            # well-formed XML 1.0
    assert root.find(".//testcase").get("name") == "evil\\x1b[31m\\x07.html"
    code, out, _, _ = careerlint("--format", "github", evil, cwd=tmp_path)
    assert "\x1b" not in out and out.count("\n") == 1
