"""The fast path of `careerlint check`'s command line (cli_args): where it reads a command line, it
reads it as click does; everything else is left to click."""

import os
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from careerlint.cli_app import cli
from careerlint.cli_args import COLORS, DEFAULTS, FLAGS, VALUE_OPTIONS, parse_check
from conftest import SAMPLES

CHECK = cli.commands["check"]


def click_params(args):
    """What click passes to the check command for ``args`` (after 'check')."""
    return CHECK.make_context("check", list(args)).params


def test_the_fast_path_knows_exactly_clicks_options_and_defaults():
    params = {p.name: p for p in CHECK.params}
    assert set(params) == set(DEFAULTS)
    assert click_params([]) == DEFAULTS  # what click passes when no option is given
    options = {o: p.name for p in CHECK.params for o in p.opts + p.secondary_opts if o.startswith("-")}
    assert options == {**{o: k for o, k in VALUE_OPTIONS.items()}, **{o: k for o, (k, _) in FLAGS.items()}}
    for o, (name, value) in FLAGS.items():
        assert params[name].is_flag and click_params([o])[name] is value
    for o, name in VALUE_OPTIONS.items():
        assert not params[name].is_flag
    assert tuple(params["color"].type.choices) == COLORS


def test_plain_command_lines_are_read_as_click_reads_them(tmp_path):
    page = str(tmp_path / "a.html")
    open(page, "w").close()
    for args in (
        [page],
        ["--force-exclude", page, "b.md"],                      # the pre-commit hook
        ["--no-cache", "--format", "json", "--as-of", "2026-11-22", page],
        ["--format=sarif", "-j2", "--select", "stale-source,wage-conversion", "-q", page, "-v"],
        ["-j", "0", "--jobs=7", "--color", "never", "--no-show-source", "--show-source", page],
        ["--as-of", "--no-cache"],                              # a value that looks like an option
        ["-", "--stdin-filename", "x/y.md", "--max-size", "2MiB", "--fail-on", "error"],
        ["--output-file", "r.json", "--baseline", "b.json", "--write-baseline", "c.json", "--statistics",
         "--exit-zero", "--show-settings", "--verbose", "--config", "c.yaml", "--ignore", "x", ""],
        [],
    ):
        fast = parse_check(["check", *args])
        assert fast is not None, args
        assert fast == click_params(args), args


def test_anything_unusual_is_left_to_click():
    for args in (["-h"], ["--help"], ["--version"], ["--no-such-flag"], ["-qv"], ["--", "a.html"],
                 ["--no-cache=1"], ["--jobs", "-1"], ["--jobs", "+2"], ["-j=2"], ["--color", "red"],
                 ["--format"], ["-x"], ["--colour", "never"]):
        assert parse_check(["check", *args]) is None, args
    assert parse_check(["rules"]) is None and parse_check([]) is None
    assert parse_check(["--version", "check"]) is None


TOKENS = sorted(VALUE_OPTIONS) + sorted(FLAGS) + [
    "-h", "--", "-qv", "-vq", "-j2", "-j", "-jx", "--jobs=3", "--as-of=2026-01-01", "--no-cache=1", "--color=never",
    "--colour", "2026-11-22", "json", "0", "12", "-1", "+2", " 3", "auto", "never", "always", "x,y", "", "-",
    "a.html", "samples", "n.md", "--format=", "=", "-q", "--show-source"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=8))
def test_whatever_the_fast_path_reads_click_reads_the_same(args):
    fast = parse_check(["check", *args])
    if fast is not None:
        assert fast == click_params(args)


def test_a_one_page_check_imports_neither_click_nor_bs4(tmp_path):
    code = ("import sys\nfrom careerlint.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n"
            "    print(e.code, sorted(m for m in ('click', 'bs4', 'lxml.html') if m in sys.modules))\n")
    page = str(SAMPLES / "seed-000-medical-billing-specialist.html")
    p = subprocess.run([sys.executable, "-c", code, "check", "--no-cache", "--as-of", "2026-11-22", page],
                       capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "NO_COLOR": "1"})
    assert p.stdout.splitlines()[-1] == "0 []" and p.stderr == ""
    # with something to say on stderr, click says it (the same bytes as always)
    p = subprocess.run([sys.executable, "-c", code, "check", "--no-cache", "--as-of", "2026-11-22", page, "nope.html"],
                       capture_output=True, text=True, cwd=tmp_path)
    assert p.stdout.splitlines()[-1] == "2 ['click']"
    assert p.stderr == "nope.html: error: no such file or directory\n"
