"""`careerlint check` itself, without click: the command line's fast path (cli_args) calls it
directly, and click's `check` command calls it with what click read. Messages on stderr still go
through click.echo (imported only when there is something to say), so they are the same bytes."""

from __future__ import annotations

import datetime as _dt
import os
import sys

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def echo_err(message: str) -> None:
    import click

    click.echo(message, err=True)


def usage_error(message: str) -> Exception:
    """click's UsageError (exit 2, 'careerlint: error: ...'), to raise."""
    import click

    return click.UsageError(message)


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
        raise usage_error(f"--as-of must be a date as YYYY-MM-DD, not '{value}'") from None


from careerlint.loader import PAGE_SUFFIXES  # noqa: E402  (cheap: no third-party import)


def check(paths, as_of, fmt, select, ignore, config_path, fail_on, exit_zero, output_file, baseline_path,
          write_baseline, max_size, jobs, no_cache, force_exclude, show_settings, verbose, stdin_filename,
          statistics, color, show_source, quiet, no_site=False, dask_scheduler=None) -> int:
    """Check pages (files, or folders searched for .html, .htm, .md and .markdown) for problems; '-' reads
    standard input."""
    from careerlint import report_options as ro
    from careerlint.errors import CareerlintError, printable
    from careerlint.findings import InReportOrder
    from careerlint.reporters import FORMATS, SEVERITY_RANK, PageError, Report, get_chunks as get_reporter

    if fmt not in FORMATS:
        raise usage_error(f"unknown --format '{fmt}' (choose from {', '.join(FORMATS)})")
    if fail_on not in SEVERITY_RANK:
        raise usage_error(f"unknown --fail-on '{fail_on}' (choose from error, warning, info)")
    if statistics and fmt not in ("text", "json"):
        raise usage_error("--statistics works with --format text or json")
    if "-" in paths and len(paths) > 1:
        raise usage_error("'-' (standard input) cannot be given with other paths")
    use_stdin = paths == ("-",) or (not paths and stdin_filename is not None)
    if use_stdin and stdin_filename is not None and not stdin_filename.lower().endswith(PAGE_SUFFIXES):
        raise usage_error(f"--stdin-filename {stdin_filename}: careerlint reads .html, .htm, .md and .markdown "
                          "pages; name the page with one of those")
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
        echo_err(printable(_error_line(e)))
        return EXIT_ERROR
    if show_settings or verbose:
        tell_settings(used, pages, show_settings, config_path is not None)
        if show_settings:
            return EXIT_OK
    page_errors = [PageError.parse(e, next((p for p in paths if e.startswith(p + ": ")), "")) for e in errors]
    for e in errors + ([] if quiet else warnings):
        echo_err(printable(e))

    def plan_for(rest):  # the rest of a site, from the cache: planned as if it were checked here
        return _plan(rest, [], config_path, _split(select), _split(ignore), cli_date, None if no_cache else os.getcwd())

    outcomes, texts, ran = ro.run(plans, use_stdin, jobs, max_bytes, no_cache, quiet, not no_site, config_path,
                                  plan_for, dask_scheduler)
    if "careerlint.rxcache" in sys.modules:  # keep the code of patterns this run compiled first (next start)
        sys.modules["careerlint.rxcache"].save()
    parts, checked = [], []
    problems = []
    for outcome in outcomes:
        if outcome.error is not None:
            echo_err(printable(outcome.error))
            page_errors.append(PageError.parse(outcome.error, outcome.path))
            continue
        for problem in getattr(outcome, "problems", ()):  # the page was checked, but is wrong somewhere: exit 2
            echo_err(printable(problem))
            problems.append(problem)
        parts.append(outcome.findings)
        checked.append(printable(outcome.path))
    findings = InReportOrder.of(parts)   # read back from the run's spool a page at a time
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
        echo_err(_error_line(e))
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
        raise usage_error(f"--max-size must be a size like 20MB or 500KB, not '{value}'")
    return size


def _error_line(e) -> str:
    """An error as one line: "FILE:LINE: message" when it names its file, which is shown relative to
    the current folder when it is inside it (a configuration careerlint found by walking up is named
    by its absolute path), else "careerlint: error: message"."""
    msg = str(e)
    here = os.getcwd().rstrip(os.sep) + os.sep
    if msg.startswith(here) and len(msg) > len(here):
        msg = msg[len(here):]
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


