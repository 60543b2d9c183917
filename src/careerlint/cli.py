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
@click.option("--format", "fmt", default="text", metavar="text|json|sarif|github|junit", help="Output format.")
@click.option("--select", metavar="RULE,...", help="Run only these rules.")
@click.option("--ignore", metavar="RULE,...", help="Do not run these rules.")
@click.option("--config", "config_path", metavar="FILE", help="Use this configuration for every page.")
@click.option("--fail-on", "fail_on", default="warning", metavar="error|warning|info",
              help="Exit 1 when a finding of this severity or worse is reported (default: warning).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported (2 still means an error).")
@click.option("--output-file", "output_file", metavar="FILE", help="Write the report to FILE (atomically).")
@click.option("--baseline", "baseline_path", metavar="FILE", help="Report only findings not recorded in FILE.")
@click.option("--write-baseline", "write_baseline", metavar="FILE", help="Record today's findings in FILE.")
@click.option("--max-size", "max_size", default="10MB", metavar="SIZE",
              help="Skip (with an error) pages larger than this, e.g. 10MB, 500KB; 0 for no limit.")
@click.option("--jobs", "-j", "jobs", type=click.IntRange(min=0), default=0, metavar="N",
              help="Check pages in N processes (default: the number of cores).")
@click.option("--no-cache", is_flag=True, help="Do not read or write .careerlint_cache/.")
def check(paths, as_of, fmt, select, ignore, config_path, fail_on, exit_zero, output_file, baseline_path,
          write_baseline, max_size, jobs, no_cache) -> int:
    """Check pages (files, or folders searched for .html/.htm) for problems."""
    from careerlint.errors import CareerlintError
    from careerlint.reporters import FORMATS, get as get_reporter

    if fmt not in FORMATS:
        raise click.UsageError(f"unknown --format '{fmt}' (choose from {', '.join(FORMATS)})")
    if fail_on not in _SEVERITY_RANK:
        raise click.UsageError(f"unknown --fail-on '{fail_on}' (choose from error, warning, info)")
    cli_date = _parse_as_of(as_of) if as_of is not None else None
    known = None
    if baseline_path:
        from careerlint import baseline as baseline_mod

        try:
            known = baseline_mod.load(baseline_path)
        except CareerlintError as e:
            click.echo(_error_line(e), err=True)
            return EXIT_ERROR
    from careerlint.loader import discover

    pages, errors, warnings = discover(list(paths) or ["."])
    max_bytes = _parse_size(max_size)
    try:
        plans = _plan(pages, paths, config_path, _split(select), _split(ignore), cli_date,
                      None if no_cache else os.getcwd())
    except CareerlintError as e:
        click.echo(_error_line(e), err=True)
        return EXIT_ERROR
    for e in errors + warnings:
        click.echo(e, err=True)
    from careerlint import runner
    from careerlint.cache import Cache
    from careerlint.pipeline import Plan

    findings = []
    checked: list[str] = []
    ran: dict[str, object] = {}
    plan_objects: dict[int, Plan] = {}
    work = []
    for path, plan in plans:
        rules, ruleset, date = plan
        for r in rules:
            ran.setdefault(r.id, r)
        key = id(plan)
        if key not in plan_objects:
            plan_objects[key] = Plan(rules, ruleset, date)
        work.append((path, plan_objects[key]))
    cache = None if no_cache else Cache(os.getcwd())
    for outcome in runner.run(work, jobs or (os.cpu_count() or 1), max_bytes, cache):
        if outcome.error is not None:
            click.echo(outcome.error, err=True)
            errors.append(outcome.error)
            continue
        findings.extend(outcome.findings)
        checked.append(outcome.path)
    findings.sort(key=lambda f: f.sort_key())
    from careerlint.reporters import Report

    report = Report(findings, checked, list(ran.values()))
    try:
        if write_baseline:
            from careerlint import baseline as baseline_mod

            baseline_mod.write(write_baseline, findings)
        if known is not None:
            report.findings, report.baseline_matched, report.baseline_stale = baseline_mod.apply(
                baseline_path, known, findings, set(checked))
        out = get_reporter(fmt)(report)
        if output_file:
            from careerlint.fileio import atomic_write

            atomic_write(output_file, out)
        else:
            sys.stdout.write(out)
    except CareerlintError as e:
        click.echo(_error_line(e), err=True)
        return EXIT_ERROR
    if errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    worst = _SEVERITY_RANK[fail_on]
    return EXIT_FINDINGS if any(_SEVERITY_RANK[f.severity] <= worst for f in report.findings) else EXIT_OK


_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def _parse_size(value: str) -> int:
    import re

    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*", value.lower())
    if not m:
        raise click.UsageError(f"--max-size must be a size like 20MB or 500KB, not '{value}'")
    unit = {"b": 1, None: 1, "kb": 1e3, "k": 1e3, "mb": 1e6, "m": 1e6, "gb": 1e9, "g": 1e9}[m.group(2)]
    return int(float(m.group(1)) * unit)


def _error_line(e) -> str:
    msg = str(e)
    return msg if ":" in msg.split(" ", 1)[0] else f"careerlint: error: {msg}"


def _plan(pages, explicit, config_path, select, ignore, cli_date, cache_root=None):
    """Each page with its rules, rule set and as-of date. Loads and validates every configuration
    first, so a bad one stops the run before any page is checked."""
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
            plan = memo[key] = (ruleset.select(sel, sorted(ign)), ruleset, date)
        plans.append((path, plan))
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
    """List every rule: id, severity, summary (with the configuration's rules and settings)."""
    from careerlint.errors import CareerlintError

    try:
        ruleset = _ruleset_here(config_path)
    except CareerlintError as e:
        click.echo(_error_line(e), err=True)
        return EXIT_ERROR
    width = max(len(r) for r in ruleset.rules)
    for r in ruleset.rules.values():
        click.echo(f"{r.id:<{width}}  {r.severity:<7}  {r.summary}")
    return EXIT_OK


@cli.command()
@click.argument("rule_id", metavar="RULE-ID")
@click.option("--config", "config_path", metavar="FILE", help="Use this configuration (default: the nearest one).")
def rule(rule_id, config_path) -> int:
    """Explain one rule: what it checks, why, a failing and a passing example, its options."""
    import textwrap

    import yaml

    from careerlint.errors import CareerlintError

    try:
        ruleset = _ruleset_here(config_path)
    except CareerlintError as e:
        click.echo(_error_line(e), err=True)
        return EXIT_ERROR
    r = ruleset.rules.get(rule_id)
    if r is None:
        click.echo(f"careerlint: error: unknown rule id '{rule_id}' (see 'careerlint rules')", err=True)
        return EXIT_ERROR
    out = [f"{r.id} ({r.severity}; check kind {r.kind})", f"  {r.summary}", ""]
    for key, title in (("checks", "What it checks"), ("why", "Why it matters"),
                       ("fail", "Fails (as of 2026-11-22)"), ("pass", "Passes")):
        text = str(r.doc.get(key) or "").rstrip()
        if text:
            out.append(title)
            if key in ("checks", "why"):
                out.extend(textwrap.wrap(text, 92, initial_indent="  ", subsequent_indent="  "))
            else:
                out.extend("  " + line for line in text.splitlines())
            out.append("")
    out.append("Options (with their values here)")
    if r.options:
        dumped = yaml.safe_dump(r.options, sort_keys=False, allow_unicode=True, default_flow_style=False)
        out.extend("  " + line for line in dumped.rstrip().splitlines())
    else:
        out.append("  none")
    out.append("")
    out.append(f"Message: {r.message}")
    click.echo("\n".join(out))
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
    except CareerlintError as e:
        click.echo(str(e) if str(e).startswith(page) else f"careerlint: error: {e}", err=True)
        return EXIT_ERROR
    from careerlint.document import parse_markdown
    from careerlint.loader import is_markdown

    doc = parse_markdown(text, page) if is_markdown(page) else parse_html(text, page)
    claims = extract(doc, ruleset.registry)
    claims.sort(key=lambda c: (c.line, c.block, c.start))
    for c in claims:
        anchor, nth = c.groups.get("anchor", (c.text, 0))
        c.column = doc.column(c.line, anchor, nth)
    if fmt == "json":
        sys.stdout.write(json.dumps({"version": 1, "claims": [c.to_dict() for c in claims]},
                                    indent=2, ensure_ascii=False) + "\n")
    else:
        for c in claims:
            d = c.to_dict()
            extra = " ".join(f"{k}={d[k]}" for k in ("stat", "domain", "per", "bound", "vintage", "period",
                                                      "source", "vkind") if d.get(k))
            scope = d.get("scope")
            sc = ""
            if scope and (scope["occupation"] != "(page)" or scope["qualifier"]):
                sc = f" scope={scope['occupation']}|{scope['qualifier']}"
            click.echo(f"{page}:{c.line}:{c.column}: {c.kind} {c.text!r} {extra}{sc}")
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
    except BrokenPipeError:
        sys.exit(EXIT_ERROR)
    sys.exit(rv if isinstance(rv, int) else 0)
