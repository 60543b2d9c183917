"""The command line: exit codes, formats, rule selection, errors."""

import json
import os
import shlex
import subprocess
import sys

import click
from click.testing import CliRunner

from careerlint import __version__
from careerlint.cli import main
from conftest import SAMPLES

CLEAN = str(SAMPLES / "seed-000-medical-billing-specialist.html")
BROKEN = str(SAMPLES / "seed-002-billing-and-coding.html")


def run(*args, input=None, env=None):
    """Run careerlint in-process the way the console script does: (exit code, stdout, stderr)."""
    runner = CliRunner()
    result = runner.invoke(main_wrapper, list(args), catch_exceptions=False, input=input, env=env)
    return result.exit_code, result.stdout, result.stderr


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True,
                                 "help_option_names": []})
@click.pass_context
def main_wrapper(ctx):
    main(list(ctx.args))


def test_clean_page_exits_0():
    code, out, err = run("check", "--as-of", "2026-11-22", CLEAN)
    assert (code, out, err) == (0, "No problems found in 1 file.\n", "")


def test_findings_exit_1_in_text_format():
    code, out, err = run("check", "--as-of", "2026-11-22", BROKEN)
    assert code == 1
    assert out.splitlines() == [
        f"{BROKEN}:33:68: warning stale-source May 2013 wage data from U.S. Bureau of Labor Statistics is 13 years old in 2026 (policy: at most 2); "
        "May 2025 was released 2026-05-15",
        f"{BROKEN}:39:51: error expired-projection projection for 2012–2022 ended in 2022 but is stated as a forecast (18% growth)",
        "Found 2 problems (1 error, 1 warning) in 1 file.",
    ]


def test_json_format():
    code, out, _ = run("check", "--as-of", "2026-11-22", "--format", "json", str(SAMPLES / "seed-001-medical-billing-career-guide.html"))
    assert code == 1
    doc = json.loads(out)
    assert doc["version"] == 1 and doc["files"] == 1
    growth = [f for f in doc["findings"] if f["rule"] == "conflicting-growth"]
    assert growth == [{
        "path": str(SAMPLES / "seed-001-medical-billing-career-guide.html"), "line": 92, "column": 88,
        "rule": "conflicting-growth", "severity": "error",
        "message": "growth rate 7% here vs 6% at line 25 for 2022–2032",
        "related": [{"line": 25, "text": "6%"}],
    }]


def test_select_and_ignore():
    code, out, _ = run("check", "--as-of", "2026-11-22", "--select", "expired-projection", BROKEN)
    assert code == 1 and [l.split(" ")[2] for l in out.splitlines()[:-1]] == ["expired-projection"]
    code, out, _ = run("check", "--as-of", "2026-11-22", "--ignore", "expired-projection,stale-source", BROKEN)
    assert (code, out) == (0, "No problems found in 1 file.\n")


def test_unknown_rule_id_is_a_usage_error():
    code, out, err = run("check", "--select", "no-such-rule", CLEAN)
    assert code == 2 and out == ""
    assert err == "careerlint: error: unknown rule id 'no-such-rule' (see 'careerlint rules')\n"


def test_bad_as_of_and_format_are_one_line_usage_errors():
    code, _, err = run("check", "--as-of", "22/11/2026", CLEAN)
    assert (code, err) == (2, "careerlint: error: --as-of must be a date as YYYY-MM-DD, not '22/11/2026'\n")
    code, _, err = run("check", "--format", "xml", CLEAN)
    assert (code, err) == (2, "careerlint: error: unknown --format 'xml' (choose from text, json, sarif, github, junit, html)\n")
    code, _, err = run("check", "--no-such-flag")
    assert code == 2 and err.count("\n") == 1 and err.startswith("careerlint: error: ")


def test_missing_path_is_reported_and_the_rest_is_checked(tmp_path):
    missing = str(tmp_path / "nope.html")
    code, out, err = run("check", "--as-of", "2026-11-22", missing, CLEAN)
    assert code == 2
    assert err == f"{missing}: error: no such file or directory\n"
    assert out == "No problems found in 1 file; 1 file could not be checked.\n"


def test_folder_is_searched_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.htm").write_text(open(BROKEN, encoding="cp1252").read(), encoding="utf-8")
    (tmp_path / "a.html").write_text(open(BROKEN, encoding="cp1252").read(), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("May 2013 $1")
    code, out, _ = run("check", "--as-of", "2026-11-22", "--select", "expired-projection", str(tmp_path))
    paths = [l.split(":")[0] for l in out.splitlines()[:-1]]
    assert code == 1 and paths == [str(tmp_path / "a.html"), str(tmp_path / "b" / "z.htm")]
    assert out.splitlines()[-1] == "Found 2 problems (2 errors) in 2 files."


def test_no_path_means_current_folder(tmp_path, monkeypatch):
    (tmp_path / "p.html").write_text(open(BROKEN, encoding="cp1252").read(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("check", "--as-of", "2026-11-22", "--select", "expired-projection")
    assert code == 1 and out.startswith("./p.html:39:")


def test_rules_lists_every_rule():
    code, out, _ = run("rules")
    ids = [l.split()[0] for l in out.splitlines()[:-1]]
    assert code == 0
    assert ids == ["stale-source", "expired-projection", "conflicting-growth", "conflicting-figure",
                   "salary-order", "wage-conversion", "figure-outside-range", "growth-descriptor",
                   "unused-suppression", "mixed-vintage", "dated-reference", "unsourced-figure", "official-figure",
                   "official-statistic", "official-growth", "newer-release",
                   "site-conflicting-figure", "site-conflicting-growth", "site-mixed-vintage"]
    assert out.splitlines()[0].split()[1] == "warning"


def test_version():
    code, out, _ = run("--version")
    assert (code, out) == (0, f"careerlint {__version__}\n")


def test_output_is_deterministic():
    a = run("check", "--as-of", "2026-11-22", "--format", "json", str(SAMPLES))
    b = run("check", "--as-of", "2026-11-22", "--format", "json", str(SAMPLES))
    assert a == b


def test_python_dash_m_and_console_script_agree():
    env = dict(os.environ)
    proc = subprocess.run([sys.executable, "-m", "careerlint", "check", "--as-of", "2026-11-22", BROKEN],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[-1] == "Found 2 problems (1 error, 1 warning) in 1 file."


# --- ergonomics (issue 13) ------------------------------------------------------------------------

GUIDE = str(SAMPLES / "seed-001-medical-billing-career-guide.html")
MD_PAGE = (
    "---\ntitle: Licensed Practical Nurses\n---\n# Licensed Practical Nurses\n\n"
    "The BLS projects 18% growth for these nurses between 2012 and 2022.\n"
)


def test_stdin_is_checked_as_the_named_page(tmp_path):
    name = str(tmp_path / "guide.md")
    code, out, err = run("check", "--as-of", "2026-11-22", "--stdin-filename", name, "-", input=MD_PAGE.encode())
    assert (code, err) == (1, "")
    # read as Markdown because of its name: the front matter is not prose, line 6 is the paragraph
    # the page's occupation resolves (29-2061, a reviewed alias): the current projection is named too
    assert out.splitlines() == [
        f"{name}:6:18: info newer-release EP 2024–34 is out (2025-08-28): projected growth for licensed practical "
        "and licensed vocational nurses 3%",
        f"{name}:6:46: error expired-projection projection for 2012–2022 ended in 2022 but is stated as a forecast "
        "(18% growth)",
        "Found 2 problems (1 error, 1 info) in 1 file."]
    # without a name the page is '-': HTML, unless it has Markdown's structure and no HTML's
    code, out, _ = run("check", "--as-of", "2026-11-22", "-", input=open(BROKEN, "rb").read())
    assert code == 1 and out.splitlines()[0].startswith("-:33:68: warning stale-source")
    code, out, _ = run("check", "--as-of", "2026-11-22", "-", input=MD_PAGE.encode())
    assert code == 1 and out.splitlines()[1].startswith("-:6:46: error expired-projection")


def test_stdin_filename_of_a_kind_careerlint_does_not_read_is_a_usage_error():
    code, out, err = run("check", "--stdin-filename", "notes.txt", "-", input=MD_PAGE.encode())
    assert (code, out) == (2, "")
    assert err == ("careerlint: error: --stdin-filename notes.txt: careerlint reads .html, .htm, .md and .markdown "
                   "pages; name the page with one of those\n")


def test_stdin_takes_configuration_and_excludes_from_its_name(tmp_path):
    (tmp_path / "careerlint.yaml").write_text("ignore: [expired-projection]\nexclude: [drafts]\n")
    page = open(BROKEN, "rb").read()
    code, out, _ = run("check", "--as-of", "2026-11-22", "--stdin-filename", str(tmp_path / "p.html"), input=page)
    assert code == 1 and [l.split(" ")[2] for l in out.splitlines()[:-1]] == ["stale-source"]
    code, out, err = run("check", "--as-of", "2026-11-22", "--stdin-filename", str(tmp_path / "drafts" / "p.html"),
                         "-", input=page)
    assert (code, out, err) == (0, "No problems found in 0 files.\n", "")


def test_stdin_errors_are_one_line(tmp_path):
    code, out, err = run("check", "-", CLEAN)
    assert code == 2 and err == "careerlint: error: '-' (standard input) cannot be given with other paths\n"
    code, out, err = run("check", "--max-size", "1KB", "--stdin-filename", "big.html", input=b"<p>x</p>" * 500)
    assert code == 2
    assert err == "big.html: error: page is larger than the limit of 1 KB (raise it with --max-size)\n"
    code, out, err = run("check", "-", input=b"\x7fELF\x00\x01\x00\x00" * 10)
    assert (code, err) == (2, "-: error: not a text page (binary content)\n")


def test_statistics_counts_rules_and_stale_citations_by_source_and_vintage():
    code, out, err = run("check", "--as-of", "2026-11-22", "--statistics", CLEAN, GUIDE, BROKEN)
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        "4  stale-source        warning  on 2 pages",
        "1  conflicting-growth  error    on 1 page",
        "1  dated-reference     info     on 1 page",
        "1  expired-projection  error    on 1 page",
        "1  growth-descriptor   warning  on 1 page",
        "",
        "Stale citations by source and vintage:",
        "  U.S. Bureau of Labor Statistics 2022–2032: 2 citations on 1 page",
        "  U.S. Bureau of Labor Statistics May 2013: 1 citation on 1 page",
        "  U.S. Bureau of Labor Statistics May 2023: 1 citation on 1 page",
        "",
        "Found 8 problems (2 errors, 5 warnings, 1 info) in 3 files.",
    ]
    code, out, _ = run("check", "--as-of", "2026-11-22", "--statistics", "--format", "json", BROKEN)
    assert json.loads(out)["statistics"]["stale_sources"] == [
        {"source": "U.S. Bureau of Labor Statistics", "vintage": "May 2013", "count": 1, "pages": 1}]
    code, _, err = run("check", "--statistics", "--format", "sarif", BROKEN)
    assert (code, err) == (2, "careerlint: error: --statistics works with --format text or json\n")


def test_statistics_count_custom_stale_source_rules_and_cached_runs(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    for i in range(3):
        (site / f"p{i}.html").write_bytes(open(BROKEN, "rb").read())
    (site / "careerlint.yaml").write_text(
        "rules:\n  old-wages:\n    kind: stale-source\n    severity: error\n    options: {max-age-years: 5}\n")
    for _ in range(2):   # the second run comes from the cache: the same statistics
        p = subprocess.run([sys.executable, "-m", "careerlint", "check", "--as-of", "2026-11-22", "--statistics",
                            "--select", "old-wages", "site"], capture_output=True, text=True, cwd=tmp_path)
        assert p.stdout.splitlines() == [
            "3  old-wages  error    on 3 pages",
            "",
            "Stale citations by source and vintage:",
            "  U.S. Bureau of Labor Statistics May 2013: 3 citations on 3 pages",
            "",
            "Found 3 problems (3 errors) in 3 files."]
    assert (tmp_path / ".careerlint_cache").is_dir()


def test_color_auto_always_never_and_no_color():
    from careerlint.report_options import use_color

    class Tty:
        def isatty(self):
            return True

    assert use_color("auto", Tty(), {}) is True
    assert use_color("auto", Tty(), {"NO_COLOR": "1"}) is False
    assert use_color("auto", Tty(), {"NO_COLOR": ""}) is True      # empty means unset (no-color.org)
    assert use_color("auto", Tty(), {"TERM": "dumb"}) is False
    assert use_color("auto", None, {}) is False                    # not a terminal
    assert use_color("always", None, {"NO_COLOR": "1"}) is True    # an explicit flag wins
    assert use_color("never", Tty(), {}) is False
    code, out, _ = run("check", "--as-of", "2026-11-22", "--color", "always", BROKEN)
    assert out.splitlines()[0] == (
        f"\x1b[1m{BROKEN}:33:68:\x1b[0m \x1b[1;33mwarning\x1b[0m \x1b[35mstale-source\x1b[0m May 2013 wage data from "
        "U.S. Bureau of Labor Statistics is 13 years old in 2026 (policy: at most 2); May 2025 was released 2026-05-15")
    code, out, _ = run("check", "--as-of", "2026-11-22", BROKEN)   # CliRunner's stdout is no terminal
    assert "\x1b[" not in out
    code, _, err = run("check", "--color", "sometimes", BROKEN)
    assert code == 2 and err.startswith("careerlint: error: Invalid value for '--color'")


def test_show_source_puts_a_caret_under_the_figure():
    code, out, _ = run("check", "--as-of", "2026-11-22", "--show-source", GUIDE)
    lines = out.splitlines()
    assert lines[:8] == [
        f"{GUIDE}:20:47: warning stale-source May 2023 wage data from U.S. Bureau of Labor Statistics is 3 years "
        "old in 2026 (policy: at most 2); May 2025 was released 2026-05-15",
        "   |",
        '20 | <p class="small">(U.S. national median, May 2023, U.S. Bureau of Labor Statistics)</p>',
        "   |                                         ^^^^^^^^",
        f"{GUIDE}:26:77: warning stale-source 2022–2032 projection from U.S. Bureau of Labor Statistics is 4 years "
        "old in 2026 (policy: at most 2); 2024–34 was released 2025-08-28",
        "   |",
        '26 | …fast as average (U.S. Bureau of Labor Statistics, 2022-2032)</p>',
        "   |                                                    ^^^^^^^^^",
    ]
    # the caret is under the figure the message is about
    assert lines[2].index("May 2023") == lines[3].index("^")


def test_show_source_cuts_long_lines_and_escapes_control_characters():
    from careerlint.reporters.text_format import snippet

    line = "<p>" + "x" * 300 + " median $47,190 in May 2023\x1b[2J " + "y" * 300 + "</p>"
    col = line.index("$47,190") + 1
    shown, offset, width = snippet(line, col, "$47,190")
    assert len(shown) < 120 and shown.startswith("…") and shown.endswith("…")
    assert shown[offset:offset + width] == "$47,190" and "\x1b" not in shown
    # a wide character before the figure moves the caret by two columns
    shown, offset, width = snippet("<td>中文 $5</td>", 8, "$5")
    assert (offset, width) == (9, 2)   # '<td>' 4 + '中文' 4 + ' ' 1


def test_show_source_from_config_and_no_show_source(tmp_path):
    page = tmp_path / "p.html"
    page.write_bytes(open(BROKEN, "rb").read())
    (tmp_path / "careerlint.yaml").write_text("show-source: true\n")
    p = subprocess.run([sys.executable, "-m", "careerlint", "check", "--as-of", "2026-11-22", "p.html"],
                       capture_output=True, text=True, cwd=tmp_path)
    assert p.stdout.splitlines()[1:4] == [
        "   |",
        "33 | …nd coding specialists) was $33,820 per year as of May 2013. The lowest 10%",
        "   |                                                    ^^^^^^^^"]
    p = subprocess.run([sys.executable, "-m", "careerlint", "check", "--as-of", "2026-11-22", "--no-show-source",
                        "p.html"], capture_output=True, text=True, cwd=tmp_path)
    assert len(p.stdout.splitlines()) == 3
    (tmp_path / "careerlint.yaml").write_text("show-source: yes please\n")
    p = subprocess.run([sys.executable, "-m", "careerlint", "check", "p.html"], capture_output=True, text=True,
                       cwd=tmp_path)
    assert (p.returncode, p.stderr) == (2, "careerlint.yaml:1: show-source must be true or false\n")  # as seen from here


def test_quiet_prints_findings_only(tmp_path):
    code, out, err = run("check", "-q", "--as-of", "2026-11-22", BROKEN, str(tmp_path))
    assert code == 1 and err == "" and len(out.splitlines()) == 2 and "Found" not in out
    code, out, err = run("check", "--quiet", "--as-of", "2026-11-22", CLEAN)
    assert (code, out) == (0, "")


def test_progress_bar_only_on_a_terminal_and_only_after_a_moment():
    import io

    from careerlint.report_options import Progress

    class Tty(io.StringIO):
        def isatty(self):
            return True

    now = [0.0]
    stream = Tty()
    bar = Progress(100, stream, delay=2.0, clock=lambda: now[0])
    for i in range(10):
        bar()
    assert stream.getvalue() == ""                # a short run draws nothing
    now[0] = 2.5
    bar(40)
    assert stream.getvalue() == "\r[" + "#" * 15 + "." * 15 + "] 50/100 pages  20/s  2s left "
    now[0] = 2.55
    bar()
    assert stream.getvalue().count("\r[") == 1    # at most ten redraws a second
    bar.close()
    assert stream.getvalue().endswith("\r\x1b[K")  # erased at the end
    plain = io.StringIO()
    quiet = Progress(100, plain, delay=0, clock=lambda: 5.0)
    quiet(100)
    assert plain.getvalue() == ""                 # stderr is not a terminal: nothing


def test_unknown_rule_ids_get_a_suggestion(tmp_path):
    code, _, err = run("check", "--select", "stale-sorce", CLEAN)
    assert (code, err) == (2, "careerlint: error: unknown rule id 'stale-sorce' (did you mean 'stale-source'?)\n")
    code, _, err = run("rule", "wage-convresion")
    assert (code, err) == (2, "careerlint: error: unknown rule id 'wage-convresion' (did you mean 'wage-conversion'?)\n")
    cfg = tmp_path / "careerlint.yaml"
    cfg.write_text("as-of: 2026-11-22\nignore:\n  - mixed-vintages\n")
    code, _, err = run("check", "--config", str(cfg), CLEAN)
    assert (code, err) == (2, f"{cfg}:2: unknown rule id 'mixed-vintages' (did you mean 'mixed-vintage'?)\n")
    cfg.write_text("rules:\n  stale-sources:\n    severity: error\n")
    code, _, err = run("check", "--config", str(cfg), CLEAN)
    assert (code, err) == (2, f"{cfg}:2: unknown rule id 'stale-sources' (did you mean 'stale-source'?)\n")


def test_a_configuration_error_names_the_file_as_the_user_sees_it(tmp_path, monkeypatch):
    """A configuration found by walking up is named relative to the current folder when it is inside
    it (not by the absolute path careerlint found it by); a folder given to --config is said to be one."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "p.html").write_text((SAMPLES / "seed-000-medical-billing-specialist.html").read_text())
    (tmp_path / "careerlint.yaml").write_text("rules:\n  stale-sources:\n    severity: error\n")
    monkeypatch.chdir(tmp_path)
    code, _, err = run("check", "docs/p.html")
    assert (code, err) == (2, "careerlint.yaml:2: unknown rule id 'stale-sources' (did you mean 'stale-source'?)\n")
    monkeypatch.chdir(tmp_path / "docs")  # above the current folder: the whole path
    code, _, err = run("check", "p.html")
    assert (code, err) == (2, f"{tmp_path}/careerlint.yaml:2: unknown rule id 'stale-sources' "
                              "(did you mean 'stale-source'?)\n")
    monkeypatch.chdir(tmp_path)
    code, _, err = run("check", "--config", "docs", "docs/p.html")
    assert (code, err) == (2, "docs: is a folder, not a configuration file (name the file, e.g. "
                              "docs/careerlint.yaml)\n")


def test_rules_marks_what_the_configuration_enables(tmp_path, monkeypatch):
    (tmp_path / "careerlint.yaml").write_text("ignore: [dated-reference, unsourced-figure]\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("rules")
    lines = out.splitlines()
    marks = {l.split()[0]: l.split()[2] for l in lines[:-1]}
    assert code == 0 and marks["dated-reference"] == "off" and marks["unsourced-figure"] == "off"
    assert [k for k, v in marks.items() if v == "on"][:2] == ["stale-source", "expired-projection"]
    assert lines[-1] == f"17 of 19 rules enabled under {tmp_path / 'careerlint.yaml'}."


def test_unknown_placeholder_in_a_message_is_a_config_error(tmp_path):
    cfg = tmp_path / "careerlint.yaml"
    cfg.write_text("rules:\n  stale-source:\n    message: \"{vintage} is {age} old (max {max_ages})\"\n")
    code, _, err = run("check", "--config", str(cfg), CLEAN)
    assert (code, err) == (2, f"{cfg}:3: unknown placeholder '{{max_ages}}' in message for kind 'stale-source' "
                              "(did you mean '{max_age}'?); known: {vintage}, {what}, {source}, {age}, {max_age}, "
                              "{as_of_year}, {newest}, {latest}, {latest_date}\n")
    cfg.write_text("rules:\n  mine:\n    kind: dated-reference\n    message: \"{text:>99999} old\"\n")
    code, _, err = run("check", "--config", str(cfg), CLEAN)
    assert (code, err) == (2, f"{cfg}:4: bad message template: format '{{text:>99999}}' (at most 2 digits of "
                              "width or precision, no nested fields)\n")
    cfg.write_text("rules:\n  mine:\n    kind: dated-reference\n    message: \"'{text}' is from {year:>4}\"\n")
    assert run("check", "--as-of", "2026-11-22", "--config", str(cfg), CLEAN)[0] == 0   # a small spec is fine


def test_max_size_is_reported_in_the_unit_given(tmp_path):
    code, _, err = run("check", "--max-size", "5KB", CLEAN)
    assert (code, err) == (2, f"{CLEAN}: error: page is 7.6 KB, larger than the limit of 5 KB (raise it with --max-size)\n")
    code, _, err = run("check", "--max-size", "7000", CLEAN)
    assert err == f"{CLEAN}: error: page is 7,631 bytes, larger than the limit of 7,000 bytes (raise it with --max-size)\n"
    code, _, err = run("check", "--max-size", "0.005MiB", CLEAN)
    assert err == f"{CLEAN}: error: page is 0.0073 MiB, larger than the limit of 0.005 MiB (raise it with --max-size)\n"
    from careerlint.sizes import parse_size, too_big

    limit = parse_size("10MB")   # just over the limit: never "10.0 MB, larger than the limit of 10 MB"
    assert too_big(10_000_001, limit).startswith("page is 10.000001 MB, larger than the limit of 10 MB")


def test_rule_page_explains_null_options_and_nested_options_print(tmp_path, monkeypatch):
    code, out, _ = run("rule", "stale-source")
    assert code == 0
    assert "  null means the option is not set:" in out.splitlines()
    assert ("    max-age-years: not set: each source's own max-age-years from the source registry" in out.splitlines())
    (tmp_path / "careerlint.yaml").write_text('rules:\n  growth-descriptor:\n    options:\n      scales:\n'
                                              '        "2024–2034": {much faster: {min: 7}, faster: {min: 5, max: 6}}\n')
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("rule", "growth-descriptor")   # nested options used to be a traceback
    assert code == 0 and "  scales:" in out.splitlines() and "        min: 7" in out.splitlines()


def test_wage_conversion_percentage_stays_readable():
    from careerlint.checks.wage_conversion import percent_apart

    assert [percent_apart(x) for x in (3.44, 18.94, 340.2, 4350.4, 435248.8)] == [
        "3.4%", "18.9%", "340%", "4,350%", "over 10,000%"]


def test_the_console_command_ends_without_teardown_and_writes_everything(tmp_path):
    """`careerlint check` ends with os._exit (no teardown: an exit hook never runs), yet every report
    byte reaches a pipe and a file, with the exit code of the findings; a closed stdout is still a
    one-line error (exit 2); main() called by a program returns through SystemExit, teardown intact."""
    pages = sorted(str(p) for p in SAMPLES.glob("*.html"))
    hook = "import atexit, sys\natexit.register(lambda: sys.stderr.write('teardown ran\\n'))\n"
    console = [sys.executable, "-c", hook + "from careerlint.cli import console\nconsole()"]
    args = ["check", "--no-cache", "--as-of", "2026-11-22", "--format", "json"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("COV_")}   # no coverage in the child
    env["CAREERLINT_NO_SERVER"] = "1"
    piped = subprocess.run(console + args + pages, capture_output=True, text=True, env=env)
    doc = json.loads(piped.stdout)  # the whole report: json.loads fails on a cut one
    assert (piped.returncode, piped.stderr) == (1, "") and doc["files"] == len(pages) and len(doc["findings"]) > 20
    out = tmp_path / "report.json"
    to_file = subprocess.run(console + args + ["--output-file", str(out)] + pages, capture_output=True, text=True,
                             env=env)
    assert (to_file.returncode, to_file.stdout, to_file.stderr) == (1, "", "") and json.loads(out.read_text()) == doc
    closed = subprocess.run(" ".join(map(shlex.quote, console + args + [CLEAN])) + " >&-", shell=True,
                            capture_output=False, stderr=subprocess.PIPE, text=True, env=env)
    assert (closed.returncode, closed.stderr) == (2, "careerlint: error: standard output is closed: nowhere to write "
                                                     "the report (use --output-file)\n")
    program = subprocess.run([sys.executable, "-c", hook + "from careerlint.cli import main\ntry:\n    main()\n"
                              "except SystemExit as e:\n    print('exit', e.code)", "check", "--no-cache",
                              "--as-of", "2026-11-22", CLEAN], capture_output=True, text=True, env=env)
    assert (program.stdout, program.stderr) == ("No problems found in 1 file.\nexit 0\n", "teardown ran\n")
