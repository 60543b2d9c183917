"""The careerlint command line as click reads it: every command, its options and its help.

careerlint.cli.main reads a plain `check` command line itself (cli_args) and comes here for
anything else. Heavy modules are imported only by the commands that need them."""

from __future__ import annotations

import sys

import click

from careerlint import __version__
from careerlint import cli_check as _check
from careerlint.cli_check import EXIT_ERROR, EXIT_OK, _error_line, _ruleset_here


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
    return _check.check(paths, as_of, fmt, select, ignore, config_path, fail_on, exit_zero, output_file,
                        baseline_path, write_baseline, max_size, jobs, no_cache, force_exclude, show_settings,
                        verbose, stdin_filename, statistics, color, show_source, quiet, no_site, dask_scheduler)


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
        from careerlint.cli_check import _error_line

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
from careerlint.cli_server import server as _server_commands  # noqa: E402  (careerlint server start|status|stop)
cli.add_command(_server_commands)
