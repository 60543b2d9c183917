"""Cross-page rules: which pages are compared, where findings are reported, and everything that works
for page rules (suppression, select/ignore, per-file-ignores, severities, baselines, the cache)."""

import json
import os
import textwrap

import click
import pytest
from click.testing import CliRunner

from careerlint.cli import main

AS_OF = ("--as-of", "2026-11-22")


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True,
                                 "help_option_names": []})
@click.pass_context
def main_wrapper(ctx):
    main(list(ctx.args))


# The pages below quote a wrong BLS figure on purpose: the rules that check BLS's figures are kept out
# of these tests, which are about the site rules.
OFFICIAL = "official-figure,official-statistic,official-growth,newer-release"


def run(*args):
    args = list(args)
    if args and args[0] == "check" and "--select" not in args:
        if "--ignore" in args:
            args[args.index("--ignore") + 1] += "," + OFFICIAL
        else:
            args[1:1] = ["--ignore", OFFICIAL]
    result = CliRunner().invoke(main_wrapper, args, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def html(h1, *paras):
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    return f"<!DOCTYPE html>\n<html><head><title>{h1}</title></head>\n<body>\n<h1>{h1}</h1>\n{body}\n</body></html>\n"


GUIDE = html("Electricians", "The median annual wage for electricians was $62,350 in May 2024, according to the BLS.")
STATE = html("Electrician Salary in Ohio",
             "Electricians in Ohio earned a median of $64,700 a year in May 2025, says the BLS.",
             "Nationally, the median annual wage for electricians was $62,350 in May 2024 (BLS).")
HUB = html("Best trade jobs", "The median annual wage for electricians was $63,350 in May 2024, according to the BLS.")


def site(root, pages, config=None):
    for name, text in pages.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    if config is not None:
        (root / "careerlint.yaml").write_text(textwrap.dedent(config), encoding="utf-8")
    return root


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def site_lines(out):
    return [l for l in out.splitlines() if " site-" in l]


def test_the_page_that_disagrees_with_most_pages_is_reported_naming_them(here):
    site(here, {"guides/electrician.html": GUIDE, "states/ohio.html": STATE, "hubs/trades.html": HUB})
    code, out, err = run("check", *AS_OF, "--no-cache", ".")
    assert code == 1 and err == ""
    assert site_lines(out) == [
        "./hubs/trades.html:5:48: error site-conflicting-figure median annual wage for electricians is $63,350 "
        "here but $62,350 at ./guides/electrician.html:5 and 1 more page (May 2024)"]
    code, out, _ = run("check", *AS_OF, "--no-cache", "--format", "json", ".")
    (f,) = [f for f in json.loads(out)["findings"] if f["rule"] == "site-conflicting-figure"]
    assert f["related"] == [{"line": 5, "text": "$62,350", "path": "./guides/electrician.html"},
                            {"line": 6, "text": "$62,350", "path": "./states/ohio.html"}]


def test_no_site_turns_them_off_and_one_page_alone_has_none(here):
    site(here, {"guides/electrician.html": GUIDE, "hubs/trades.html": HUB})
    assert site_lines(run("check", *AS_OF, "--no-cache", "--no-site", ".")[1]) == []
    assert site_lines(run("check", *AS_OF, "--no-cache", "hubs/trades.html")[1]) == []
    # two pages, two values, no majority: both are reported
    assert [l.split(":")[0] for l in site_lines(run("check", *AS_OF, "--no-cache", ".")[1])] == [
        "./guides/electrician.html", "./hubs/trades.html"]


def test_select_ignore_per_file_ignores_and_severity(here):
    site(here, {"guides/electrician.html": GUIDE, "states/ohio.html": STATE, "hubs/trades.html": HUB})
    assert site_lines(run("check", *AS_OF, "--no-cache", "--select", "stale-source", ".")[1]) == []
    assert site_lines(run("check", *AS_OF, "--no-cache", "--ignore", "site-conflicting-figure", ".")[1]) == []
    site(here, {}, config="""
        rules:
          site-conflicting-figure: {severity: warning}
        """)
    assert [l.split(" ")[1] for l in site_lines(run("check", *AS_OF, "--no-cache", ".")[1])] == ["warning"]
    # a page where the rule is off is neither reported nor counted: two pages left, no majority
    site(here, {}, config="""
        per-file-ignores:
          "hubs/**": [site-conflicting-figure]
        """)
    assert site_lines(run("check", *AS_OF, "--no-cache", ".")[1]) == []
    site(here, {}, config="""
        per-file-ignores:
          "states/**": [site-conflicting-figure]
        """)
    assert [l.split(":")[0] for l in site_lines(run("check", *AS_OF, "--no-cache", ".")[1])] == [
        "./guides/electrician.html", "./hubs/trades.html"]


def test_the_page_s_own_directives_suppress_a_site_finding_and_count_as_used(here):
    hub_comment = HUB.replace("<p>The median", "<!-- careerlint-disable-next-line site-conflicting-figure -->\n"
                                               "<p>The median")
    hub_blanket = HUB.replace("<p>The median", "<!-- careerlint-disable-next-line -->\n<p>The median")
    hub_attr = HUB.replace("<p>The median", '<p data-careerlint-ignore="site-conflicting-figure">The median')
    for hub in (hub_comment, hub_blanket, hub_attr):
        site(here, {"guides/electrician.html": GUIDE, "states/ohio.html": STATE, "hubs/trades.html": hub})
        code, out, _ = run("check", *AS_OF, "--no-cache", ".")
        assert (code, out) == (0, "No problems found in 3 files.\n")  # no 'suppresses nothing' either
    # with the site rules off, a directive naming one is not judged
    site(here, {"hubs/trades.html": hub_comment})
    assert run("check", *AS_OF, "--no-cache", "--no-site", ".")[1] == "No problems found in 3 files.\n"
    # with them on, one that hides nothing is unused (the page run alone cannot tell)
    site(here, {"hubs/trades.html": hub_comment.replace("$63,350", "$62,350")})
    assert run("check", *AS_OF, "--no-cache", ".")[1].splitlines() == [
        "./hubs/trades.html:5:1: info unused-suppression careerlint-disable-next-line site-conflicting-figure "
        "suppresses nothing", "Found 1 problem (1 info) in 3 files."]


def test_baseline_hides_site_findings_by_text_not_line(here):
    site(here, {"guides/electrician.html": GUIDE, "states/ohio.html": STATE, "hubs/trades.html": HUB})
    assert run("check", *AS_OF, "--no-cache", "--write-baseline", "baseline.json", ".")[0] == 0
    entry = [e for e in json.loads((here / "baseline.json").read_text())["entries"]
             if e["rule"] == "site-conflicting-figure"]
    assert entry == [{"path": "hubs/trades.html", "rule": "site-conflicting-figure", "text": "$63,350",
                      "related": ["$62,350", "$62,350"], "count": 1}]
    site(here, {"hubs/trades.html": HUB.replace("<h1>", "<p>New intro.</p>\n<h1>")})
    assert run("check", *AS_OF, "--no-cache", "--baseline", "baseline.json", ".")[:2] == (
        0, "No problems found in 3 files; 1 known from the baseline, 0 baseline entries no longer found.\n")


def test_sites_are_the_folders_of_their_configurations(here):
    # two sites side by side: never compared; then one site-root for both: compared
    site(here / "a", {"guides/electrician.html": GUIDE}, config="as-of: 2026-11-22\n")
    site(here / "b", {"hubs/trades.html": HUB}, config="as-of: 2026-11-22\n")
    assert site_lines(run("check", "--no-cache", ".")[1]) == []
    site(here / "b", {}, config="site-root: ..\n")
    site(here / "a", {}, config="site-root: ..\n")
    assert len(site_lines(run("check", "--no-cache", ".")[1])) == 2
    # site-root: false: the pages are unrelated (careerlint's own samples/)
    site(here / "a", {}, config="site-root: false\n")
    site(here / "b", {}, config="site-root: false\n")
    assert site_lines(run("check", "--no-cache", ".")[1]) == []


def test_aliases_and_declared_soc_codes_make_two_names_one_occupation(here):
    billing = html("Medical Billing Specialists",
                   "The median annual wage for medical billing specialists was $50,250 in May 2024 (BLS).")
    records = html("Medical Records Specialists",
                   "The median annual wage for medical records specialists was $50,520 in May 2024 (BLS).")
    site(here, {"billing.html": billing, "records.html": records})
    assert site_lines(run("check", *AS_OF, "--no-cache", ".")[1]) == []        # two occupations
    site(here, {}, config="""
        occupations:
          medical billing specialists: medical records specialists
        """)
    assert len(site_lines(run("check", *AS_OF, "--no-cache", ".")[1])) == 2    # one: two values, no majority
    os.remove(here / "careerlint.yaml")
    meta = '<meta name="careerlint:occupation" content="29-2072">\n</head>'
    site(here, {"billing.html": billing.replace("</head>", meta), "records.html": records.replace("</head>", meta)})
    assert len(site_lines(run("check", *AS_OF, "--no-cache", ".")[1])) == 2


def test_mixed_vintage_reports_the_page_left_behind_not_a_history(here):
    old_state = STATE.replace("$62,350 in May 2024", "$61,590 in May 2023")
    history = html("Electricians",
                   "The median annual wage for electricians was $61,590 in May 2023 and $62,350 in May 2024 (BLS).")
    site(here, {"guides/electrician.html": GUIDE, "states/ohio.html": old_state, "history.html": history})
    lines = site_lines(run("check", *AS_OF, "--no-cache", "--select", "site-mixed-vintage", ".")[1])
    assert lines == ["./states/ohio.html:6:60: warning site-mixed-vintage median annual wage for electrician is "
                     "$61,590 from May 2023 here, but $62,350 from May 2024 at ./guides/electrician.html:5"]


def test_a_changed_page_is_compared_with_the_rest_of_the_site_from_the_cache(here):
    """pre-commit passes only the changed files: the others come from the cache a full run filled."""
    site(here, {"guides/electrician.html": GUIDE, "states/ohio.html": STATE, "hubs/trades.html": GUIDE})
    assert run("check", *AS_OF, ".")[0] == 0                                # fills the cache
    site(here, {"hubs/trades.html": HUB})
    code, out, _ = run("check", *AS_OF, "hubs/trades.html")
    assert code == 1 and site_lines(out) == [
        "hubs/trades.html:5:48: error site-conflicting-figure median annual wage for electricians is $63,350 "
        "here but $62,350 at guides/electrician.html:5 and 1 more page (May 2024)"]
    # a page edited since (not passed) is read again; a page gone is left out; --no-cache: only the pages named
    site(here, {"states/ohio.html": STATE.replace("$62,350", "$63,350")})
    assert run("check", *AS_OF, "hubs/trades.html")[:2] == (0, "No problems found in 1 file.\n")  # now the majority
    os.remove(here / "guides" / "electrician.html")
    assert site_lines(run("check", *AS_OF, "hubs/trades.html")[1]) == []
    assert site_lines(run("check", *AS_OF, "--no-cache", "hubs/trades.html")[1]) == []


def test_a_new_careerlint_rereads_the_rest_of_the_site_once(here):
    """After an upgrade the cache's facts do not match the code: the pages the index knows are checked
    again (their findings not reported), so a partial run is never silently compared with nothing."""
    site(here, {"guides/electrician.html": GUIDE, "states/ohio.html": STATE, "hubs/trades.html": GUIDE})
    assert run("check", *AS_OF, ".")[0] == 0
    for f in (here / ".careerlint_cache").rglob("facts-*.lines"):
        f.unlink()                                                          # as after an upgrade
    site(here, {"hubs/trades.html": HUB})
    code, out, _ = run("check", *AS_OF, "hubs/trades.html")
    assert code == 1 and len(site_lines(out)) == 1 and "and 1 more page" in out
    assert len(list((here / ".careerlint_cache").rglob("facts-*.lines"))) == 1   # healed


def test_a_warm_run_reads_no_unchanged_page_and_still_runs_the_site_rules(here, monkeypatch):
    site(here, {"guides/electrician.html": GUIDE, "states/ohio.html": STATE, "hubs/trades.html": HUB})
    first = run("check", *AS_OF, "--jobs", "1", ".")
    import careerlint.loader

    def no_reading(*a, **k):
        raise AssertionError("a page was read")

    monkeypatch.setattr(careerlint.loader, "read_page_bytes", no_reading)
    assert run("check", *AS_OF, "--jobs", "1", ".") == first and len(site_lines(first[1])) == 1


def test_a_site_compared_a_few_occupations_at_a_time_finds_the_same(here, monkeypatch):
    """The site phase holds at most FACTS_AT_ONCE facts: past that, it compares the site an occupation
    batch at a time, reading each page's facts again. Every comparison is within one occupation, so
    the findings, their order and their suppressions are the same as when it holds them all."""
    import careerlint.sitewide.phase as phase

    nurse = html("Registered Nurses", "The median annual wage for registered nurses was $93,600 in May 2024 (BLS).",
                 "Employment of registered nurses is projected to grow 5 percent from 2024 to 2034.")
    site(here, {"guides/electrician.html": GUIDE, "states/ohio.html": STATE, "hubs/trades.html": HUB,
                "guides/nurse.html": nurse, "hubs/nursing.html": nurse.replace("$93,600", "$94,600"),
                "hubs/care.html": nurse.replace("5 percent", "6 percent").replace(
                    "<p>Employment", "<!-- careerlint-disable-next-line site-conflicting-growth -->\n<p>Employment"),
                "old/nurse.html": nurse.replace("May 2024", "May 2023").replace("$93,600", "$91,600")})
    whole = run("check", *AS_OF, "--no-cache", "--jobs", "1", ".")
    batches = []
    real = phase._compare
    monkeypatch.setattr(phase, "_compare", lambda batch, *a: batches.append(batch) or real(batch, *a))
    assert run("check", *AS_OF, "--no-cache", "--jobs", "1", ".") == whole and batches == [None]
    monkeypatch.setattr(phase, "FACTS_AT_ONCE", 1)
    batches.clear()
    assert run("check", *AS_OF, "--no-cache", "--jobs", "1", ".") == whole
    assert len(batches) > 1 and all(isinstance(b, set) and b for b in batches)
    assert site_lines(whole[1]) == [   # care.html's growth figure (6%) is hidden by its directive
        "./hubs/nursing.html:5:53: error site-conflicting-figure median annual wage for registered nurses is "
        "$94,600 here but $93,600 at ./guides/nurse.html:5 and 1 more page (May 2024)",
        "./hubs/trades.html:5:48: error site-conflicting-figure median annual wage for electricians is $63,350 "
        "here but $62,350 at ./guides/electrician.html:5 and 1 more page (May 2024)",
        "./old/nurse.html:5:53: warning site-mixed-vintage median annual wage for registered nurses is $91,600 "
        "from May 2023 here, but $93,600 from May 2024 at ./guides/nurse.html:5 and 2 more pages"]
    assert "unused-suppression" not in whole[1]
    # the rest of the site from the cache, a batch at a time too
    run("check", *AS_OF, "--jobs", "1", ".")
    monkeypatch.setattr(phase, "FACTS_AT_ONCE", 10 ** 6)
    alone = run("check", *AS_OF, "--jobs", "1", "hubs/nursing.html")
    monkeypatch.setattr(phase, "FACTS_AT_ONCE", 1)
    read = []
    real_facts = phase._Entry.facts
    monkeypatch.setattr(phase._Entry, "facts", lambda e, *a: read.append(e.path) or real_facts(e, *a))
    assert run("check", *AS_OF, "--jobs", "1", "hubs/nursing.html") == alone
    assert "site-conflicting-figure" in alone[1]
    # only pages with figures of the occupations of the page checked are read again
    assert sorted(set(read)) == ["guides/nurse.html", "hubs/care.html", "hubs/nursing.html", "old/nurse.html"], read
