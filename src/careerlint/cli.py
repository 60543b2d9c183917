"""The careerlint command line. Heavy modules are imported only by the commands that need them."""

from __future__ import annotations

import datetime as _dt
import os
import sys

import click

from careerlint import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split(value: str | None) -> list[str] | None:
    if not value:
        return None
    return [v.strip() for v in value.split(",") if v.strip()]


def _parse_as_of(value: str | None) -> _dt.date:
    if value is None:
        return _dt.date.today()
    try:
        return _dt.date.fromisoformat(value.strip())
    except ValueError:
        raise click.UsageError(f"--as-of must be a date as YYYY-MM-DD, not '{value}'") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="careerlint", message="%(prog)s %(version)s")
def cli() -> None:
    """careerlint: find stale sources, conflicting growth rates and inconsistent salary figures
    in career-guide pages."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Judge staleness as of this date (default: config, else today).")
@click.option("--format", "fmt", default="text", metavar="text|json|sarif|github|junit|html", help="Output format.")
@click.option("--select", metavar="RULE,...", help="Run only these rules.")
@click.option("--ignore", metavar="RULE,...", help="Do not run these rules.")
@click.option("--config", "config_path", metavar="FILE", help="Use this configuration for every page.")
@click.option("--fail-on", "fail_on", default="warning", metavar="error|warning|info",
              help="Exit 1 when a finding of this severity or worse is reported (default: warning).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported (2 still means an error).")
@click.option("--output-file", "output_file", metavar="FILE", help="Write the report to FILE (atomically).")
@click.option("--baseline", "baseline_path", metavar="FILE", help="Report only findings not recorded in FILE.")
@click.option("--write-baseline", "write_baseline", metavar="FILE",
              help="Record today's findings in FILE (and exit 0 once it is written).")
@click.option("--max-size", "max_size", default="10MB", metavar="SIZE",
              help="Skip (with an error) pages larger than this, e.g. 10MB, 500KB, 2MiB; 0 for no limit.")
@click.option("--jobs", "-j", "jobs", type=click.IntRange(min=0), default=0, metavar="N",
              help="Check pages in N processes (default: the number of cores).")
@click.option("--no-cache", is_flag=True, help="Do not read or write .careerlint_cache/.")
@click.option("--force-exclude", is_flag=True,
              help="Skip files named on the command line when a folder walk or 'exclude' would skip them.")
@click.option("--show-settings", is_flag=True, help="Print the configuration in force for the pages, then stop.")
@click.option("--verbose", "-v", is_flag=True, help="Say on stderr which configuration applies to which pages.")
@click.option("--stdin-filename", "stdin_filename", metavar="PATH",
              help="Check standard input ('-') as the page PATH: its configuration, excludes, HTML or Markdown.")
@click.option("--statistics", is_flag=True,
              help="Print counts per rule, and stale citations per source and vintage, instead of each finding.")
@click.option("--color", "color", type=click.Choice(("auto", "always", "never")), default="auto",
              help="Colour text output: auto (a terminal without NO_COLOR), always, never.")
@click.option("--show-source/--no-show-source", "show_source", default=None,
              help="Show the page's line with a caret under the figure (default: on a terminal; config show-source).")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary, no warnings, no progress bar.")
@click.option("--no-site", is_flag=True, help="Do not run the cross-page rules (site-*).")
@click.option("--dask-scheduler", "dask_scheduler", metavar="ADDRESS",
              help="Check pages on a Dask cluster: tcp://HOST:PORT, or local:N for N local workers.")
def check(paths, as_of, fmt, select, ignore, config_path, fail_on, exit_zero, output_file, baseline_path,
          write_baseline, max_size, jobs, no_cache, force_exclude, show_settings, verbose, stdin_filename,
          statistics, color, show_source, quiet, no_site, dask_scheduler) -> int:
    """Check pages (files, or folders searched for .html, .htm, .md and .markdown) for problems; '-' reads
    standard input."""
    from careerlint import report_options as ro
    from careerlint.errors import CareerlintError, printable
    from careerlint.reporters import FORMATS, SEVERITY_RANK, PageError, Report, get as get_reporter

    if fmt not in FORMATS:
        raise click.UsageError(f"unknown --format '{fmt}' (choose from {', '.join(FORMATS)})")
    if fail_on not in SEVERITY_RANK:
        raise click.UsageError(f"unknown --fail-on '{fail_on}' (choose from error, warning, info)")
    if statistics and fmt not in ("text", "json"):
        raise click.UsageError("--statistics works with --format text or json")
    if "-" in paths and len(paths) > 1:
        raise click.UsageError("'-' (standard input) cannot be given with other paths")
    use_stdin = paths == ("-",) or (not paths and stdin_filename is not None)
    cli_date = _parse_as_of(as_of) if as_of is not None else None
    max_bytes = _parse_size(max_size)
    known = None
    try:
        if baseline_path:
            from careerlint import baseline as baseline_mod

            known = baseline_mod.load(baseline_path)
        if fmt == "text" and not statistics:
            to_terminal = not output_file and ro.isatty(sys.stdout)
            show_source = ro.show_source(show_source, config_path, to_terminal)
        if use_stdin:
            pages, errors, warnings = [stdin_filename or "-"], [], []
        else:
            from careerlint.loader import discover

            pages, errors, warnings = discover(list(paths) or ["."], force_exclude)
        used: dict = {}
        plans = _plan(pages, [] if use_stdin or force_exclude else paths, config_path, _split(select),
                      _split(ignore), cli_date, None if no_cache else os.getcwd(), used)
        from careerlint.preflight import refuse_overwrites, tell_settings

        refuse_overwrites(output_file, write_baseline, baseline_path, [] if use_stdin else pages, used)
    except CareerlintError as e:
        click.echo(printable(_error_line(e)), err=True)
        return EXIT_ERROR
    if show_settings or verbose:
        tell_settings(used, pages, show_settings, config_path is not None)
        if show_settings:
            return EXIT_OK
    page_errors = [PageError.parse(e, next((p for p in paths if e.startswith(p + ": ")), "")) for e in errors]
    for e in errors + ([] if quiet else warnings):
        click.echo(printable(e), err=True)
    def plan_for(rest):  # the rest of a site, from the cache: planned as if it were checked here
        return _plan(rest, [], config_path, _split(select), _split(ignore), cli_date, None if no_cache else os.getcwd())

    outcomes, texts, ran = ro.run(plans, use_stdin, jobs, max_bytes, no_cache, quiet, not no_site, config_path,
                                  plan_for, dask_scheduler)
    findings, checked = [], []
    problems = []
    for outcome in outcomes:
        if outcome.error is not None:
            click.echo(printable(outcome.error), err=True)
            page_errors.append(PageError.parse(outcome.error, outcome.path))
            continue
        for problem in getattr(outcome, "problems", ()):  # the page was checked, but is wrong somewhere: exit 2
            click.echo(printable(problem), err=True)
            problems.append(problem)
        findings.extend(outcome.findings)
        checked.append(printable(outcome.path))
    findings.sort(key=lambda f: f.sort_key())
    report = Report(findings, checked, ran, errors=page_errors, fail_on=fail_on, texts=texts,
                    options={"color": fmt == "text" and ro.use_color(color, None if output_file else sys.stdout),
                             "show_source": bool(show_source), "quiet": quiet, "statistics": statistics})
    try:
        if write_baseline:
            from careerlint import baseline as baseline_mod

            baseline_mod.write(write_baseline, findings)
        if known is not None:
            report.findings, report.baseline_matched, report.baseline_stale = baseline_mod.apply(
                baseline_path, known, findings, set(checked))
        if statistics and fmt == "json":
            out = ro.statistics_json(report)
        else:
            out = get_reporter(fmt)(report)
        ro.write_output(out, output_file)
    except CareerlintError as e:
        click.echo(_error_line(e), err=True)
        return EXIT_ERROR
    if page_errors or problems:
        return EXIT_ERROR
    if exit_zero or write_baseline:
        return EXIT_OK
    return EXIT_FINDINGS if any(report.fails(f) for f in report.findings) else EXIT_OK


def _parse_size(value: str) -> int:
    from careerlint.sizes import parse_size

    size = parse_size(value)
    if size is None:
        raise click.UsageError(f"--max-size must be a size like 20MB or 500KB, not '{value}'")
    return size


def _error_line(e) -> str:
    msg = str(e)
    return msg if ":" in msg.split(" ", 1)[0] else f"careerlint: error: {msg}"


def _plan(pages, explicit, config_path, select, ignore, cli_date, cache_root=None, used=None):
    """Each page with its rules, rule set and as-of date. Loads and validates every configuration
    first, so a bad one stops the run before any page is checked. ``used`` collects each
    configuration in force ("configs": path -> (config, rule set)) and its page count ("pages")."""
    from careerlint.config import Config, find_config, load_config
    from careerlint.ruleset import load_ruleset_cached

    explicit_files = {p for p in explicit if not _is_dir(p)}
    configs: dict[str | None, tuple] = {}
    fixed = load_config(config_path) if config_path else None

    def setup(cfg_path):
        if cfg_path not in configs:
            cfg = fixed if config_path else (load_config(cfg_path) if cfg_path else Config())
            ruleset = load_ruleset_cached(cfg if cfg_path else None, cache_root)
            cfg.check_ids(set(ruleset.rules))
            ruleset.select(select, ignore)  # CLI ids must exist too
            configs[cfg_path] = (cfg, ruleset)
        return configs[cfg_path]

    by_dir: dict[str, str | None] = {}
    memo: dict[tuple, tuple] = {}
    plans = []
    counts: dict[str | None, int] = {}
    if not pages:
        setup(config_path or find_config("."))
    for path in pages:
        if config_path:
            cfg_path = config_path
        else:
            d = os.path.dirname(os.path.abspath(path))
            if d not in by_dir:
                by_dir[d] = str(find_config(d) or "") or None
            cfg_path = by_dir[d]
        cfg, ruleset = setup(cfg_path)
        if path not in explicit_files and cfg.excluded(path):
            continue
        sel = select if select is not None else cfg.select
        ign = set(cfg.ignore or []) | set(ignore or []) | cfg.ignored_for(path)
        date = cli_date or cfg.as_of or _dt.date.today()
        key = (cfg_path, tuple(sel) if sel is not None else None, tuple(sorted(ign)), date)
        plan = memo.get(key)
        if plan is None:
            plan = memo[key] = (ruleset.select(sel, sorted(ign)), ruleset, date, cfg)
        plans.append((path, plan))
        counts[cfg_path] = counts.get(cfg_path, 0) + 1
    if used is not None:
        used["configs"], used["pages"] = configs, counts
    return plans


def _is_dir(p: str) -> bool:
    return os.path.isdir(p)


def _ruleset_here(config_path):
    from careerlint.config import find_config, load_config
    from careerlint.ruleset import load_ruleset

    path = config_path or find_config(".")
    return load_ruleset(load_config(path) if path else None)


@cli.command()
@click.option("--config", "config_path", metavar="FILE", help="Use this configuration (default: the nearest one).")
def rules(config_path) -> int:
    """List every rule: id, severity, on/off under the configuration in force, summary."""
    from careerlint.config import find_config, load_config
    from careerlint.errors import CareerlintError
    from careerlint.ruledoc import render_list

    try:
        path = config_path or find_config(".")
        cfg = load_config(path) if path else None
        ruleset = _ruleset_here(config_path)
        enabled = {r.id for r in ruleset.select(cfg.select if cfg else None, cfg.ignore if cfg else None)}
    except CareerlintError as e:
        click.echo(_error_line(e), err=True)
        return EXIT_ERROR
    click.echo(render_list(ruleset, enabled, str(path) if path else None), nl=False)
    return EXIT_OK


@cli.command()
@click.argument("rule_id", metavar="RULE-ID")
@click.option("--config", "config_path", metavar="FILE", help="Use this configuration (default: the nearest one).")
def rule(rule_id, config_path) -> int:
    """Explain one rule: what it checks, why, a failing and a passing example, its options."""
    from careerlint.errors import CareerlintError
    from careerlint.hints import did_you_mean
    from careerlint.ruledoc import render_text

    try:
        ruleset = _ruleset_here(config_path)
    except CareerlintError as e:
        click.echo(_error_line(e), err=True)
        return EXIT_ERROR
    r = ruleset.rules.get(rule_id)
    if r is None:
        hint = did_you_mean(rule_id, ruleset.rules) or " (see 'careerlint rules')"
        click.echo(f"careerlint: error: unknown rule id '{rule_id}'{hint}", err=True)
        return EXIT_ERROR
    click.echo(render_text(r), nl=False)
    return EXIT_OK


@cli.command()
@click.argument("page", type=click.Path())
@click.option("--format", "fmt", default="text", metavar="text|json", help="Output format.")
def facts(page, fmt) -> int:
    """Print every claim careerlint extracts from PAGE."""
    import json

    from careerlint.document import parse_html
    from careerlint.errors import CareerlintError
    from careerlint.extract import extract
    from careerlint.loader import read_page
    from careerlint.ruleset import load_ruleset

    if fmt not in ("text", "json"):
        raise click.UsageError(f"unknown --format '{fmt}' (choose from text, json)")
    try:
        ruleset = load_ruleset()
        text = read_page(page)
        from careerlint.facts import use_configuration

        use_configuration(page)
    except CareerlintError as e:
        click.echo(str(e) if str(e).startswith(page) else _error_line(e), err=True)
        return EXIT_ERROR
    from careerlint.document import parse_markdown
    from careerlint.facts import as_dict, describe, doc_occupation
    from careerlint.loader import is_markdown

    doc = parse_markdown(text, page) if is_markdown(page) else parse_html(text, page)
    claims = extract(doc, ruleset.registry)
    claims.sort(key=lambda c: (c.line, c.block, c.start))
    for c in claims:
        anchor, nth = c.anchor if c.anchor[0] else (c.text, 0)
        c.column = doc.column(c.line, anchor, nth)
    if fmt == "json":
        sys.stdout.write(json.dumps({"version": 2, "page_occupation": doc_occupation(doc), "claims":
                                     [as_dict(c) for c in claims]}, indent=2, ensure_ascii=False) + "\n")
    else:
        for c in claims:
            click.echo(f"{page}:{c.line}:{c.column}: {describe(c)}")
    return EXIT_OK


from careerlint.cli_data import data as _data_commands  # noqa: E402  (careerlint data import|status)
cli.add_command(_data_commands)


def main(argv: list[str] | None = None) -> None:
    try:
        rv = cli.main(args=argv, prog_name="careerlint", standalone_mode=False)
    except click.UsageError as e:
        click.echo(f"careerlint: error: {e.format_message()}", err=True)
        sys.exit(EXIT_ERROR)
    except click.ClickException as e:
        click.echo(f"careerlint: error: {e.format_message()}", err=True)
        sys.exit(EXIT_ERROR)
    except click.exceptions.Abort:
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(EXIT_ERROR)
    except Exception as e:  # never a traceback, never exit 1 (which means findings)
        from careerlint.errors import CareerlintError, printable

        if isinstance(e, CareerlintError):
            click.echo(printable(_error_line(e)), err=True)
        else:
            what = "input nested too deeply" if isinstance(e, RecursionError) else f"{type(e).__name__}: {e}"
            click.echo(printable(f"careerlint: internal error: {what} (please report)"[:2000]), err=True)
        sys.exit(EXIT_ERROR)
    sys.exit(rv if isinstance(rv, int) else 0)
