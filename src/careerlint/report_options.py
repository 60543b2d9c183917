"""The output side of `careerlint check`: colour, source lines, quiet, progress, stdin and writing
the report. The CLI parses options; this module decides what they mean for one run."""

from __future__ import annotations

import os
import sys
import time

COLOR_CHOICES = ("auto", "always", "never")


def use_color(choice: str, stream, env=None) -> bool:
    """--color: 'always', 'never', or 'auto' (a terminal, and NO_COLOR unset or empty, TERM not dumb).
    NO_COLOR (no-color.org) is honoured by 'auto'; an explicit --color always wins over it."""
    env = os.environ if env is None else env
    if choice == "always":
        return True
    if choice == "never":
        return False
    if env.get("NO_COLOR") or env.get("TERM") == "dumb":
        return False
    return isatty(stream)


def isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def show_source(flag: bool | None, config_path: str | None, to_terminal: bool) -> bool:
    """--show-source/--no-show-source, else the config's show-source, else on a terminal only
    (piped output stays one line per finding, for editors and grep)."""
    if flag is not None:
        return flag
    from careerlint.config import find_config, load_config

    path = config_path or find_config(".")
    if path:
        setting = load_config(path).show_source
        if setting is not None:
            return setting
    return to_terminal


class Progress:
    """A progress bar on stderr for runs that take more than a moment (only on a terminal).

    Nothing is drawn for the first ``delay`` seconds, so short runs print nothing; the bar is
    redrawn at most 10 times a second and erased at the end."""

    def __init__(self, total: int, stream=None, delay: float = 2.0, enabled: bool | None = None,
                 clock=time.monotonic) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.clock = clock
        self.start = clock()
        self.delay = delay
        self.enabled = isatty(self.stream) if enabled is None else enabled
        self._drawn_at = 0.0
        self._drawn = False

    def __call__(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled or self.total <= 0:
            return
        now = self.clock()
        if now - self.start < self.delay or (now - self._drawn_at < 0.1 and self.done < self.total):
            return
        self._drawn_at = now
        self._draw(now)

    def _draw(self, now: float) -> None:
        width = 30
        filled = width * self.done // self.total
        rate = self.done / max(now - self.start, 1e-9)
        left = (self.total - self.done) / rate if rate else 0
        line = (f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done:,}/{self.total:,} pages"
                f"  {rate:,.0f}/s  {left:,.0f}s left ")
        self.stream.write(line)
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False


def read_stdin(name: str, max_bytes: int) -> tuple[str | None, str | None]:
    """(text, None) or (None, one-line error) for the page on standard input, named ``name``."""
    from careerlint.errors import CareerlintError
    from careerlint.loader import page_text

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return None, f"{name}: error: standard input is not available"
    data = stream.read(max_bytes + 1) if max_bytes else stream.read()
    if max_bytes and len(data) > max_bytes:  # read no further than the limit
        from careerlint.sizes import Size

        lim = max_bytes if isinstance(max_bytes, Size) else Size(max_bytes)
        return None, (f"{name}: error: page is larger than the limit of {lim.describe()} "
                      f"(raise it with --max-size)")
    try:
        return page_text(data, name), None  # binary content, UTF-16 without a BOM: as for a file
    except CareerlintError as e:
        return None, str(e)


def run(plans, use_stdin, jobs, max_bytes, no_cache, quiet, site=True, config_path=None, plan_for=None,
        scheduler=None):
    """(outcomes in page order, texts read from stdin, the rules that ran). With ``site``, the
    cross-page rules then compare the pages of each site (careerlint.sitewide); ``scheduler``
    (--dask-scheduler) checks the pages on a Dask cluster instead of local processes."""
    from careerlint import runner
    from careerlint.pipeline import Outcome, Plan

    ran: dict[str, object] = {}
    plan_objects: dict[int, Plan] = {}
    work = []
    for path, plan in plans:
        rules, ruleset, date, cfg = plan
        for r in rules:
            ran.setdefault(r.id, r)
        if id(plan) not in plan_objects:
            plan_objects[id(plan)] = Plan.of(plan)
        work.append((path, plan_objects[id(plan)]))
    if use_stdin:
        if not work:
            return [], {}, list(ran.values())  # excluded by its configuration
        (name, plan), = work
        text, error = read_stdin(name, max_bytes)
        if error is not None:
            return [Outcome(name, [], error)], {}, list(ran.values())
        return [check_stdin(text, name, plan)], {name: text}, list(ran.values())
    from careerlint.cache import Cache

    cache = None if no_cache else Cache(os.getcwd())
    for plan in plan_objects.values():
        plan.facts = site or cache is not None  # nothing reads a page's site facts otherwise
    progress = Progress(len(work), enabled=False if quiet else None)
    try:
        remote = None
        if scheduler:
            from careerlint.dask_runner import remote

            remote = remote(scheduler)
        outcomes = runner.run(work, jobs or (os.cpu_count() or 1), max_bytes, cache, progress, remote)
    finally:
        progress.close()
    try:
        if site:
            from careerlint.sitewide.phase import add_site_findings

            add_site_findings(work, outcomes, cache, config_path, plan_for, max_bytes)
    finally:
        if cache is not None:
            cache.close()
    return outcomes, {}, list(ran.values())


def check_stdin(text, name, plan):
    from careerlint.pipeline import Outcome, check_text

    try:
        plan.use_reference()
        return Outcome(name, check_text(text, name, plan.rules, plan.ruleset.registry, plan.date,
                                        set(plan.ruleset.rules)))
    except RecursionError:
        return Outcome(name, [], f"{name}: internal error in careerlint: page nested too deeply")
    except Exception as e:  # noqa: BLE001 - reported like any page careerlint cannot check
        return Outcome(name, [], f"{name}: internal error in careerlint: {type(e).__name__}: {e}")


def statistics_json(report) -> str:
    import json

    from careerlint.reporters.stats import as_dict

    doc = {"version": 1, "statistics": as_dict(report), "files": report.files}
    if report.errors:
        doc["errors"] = [{"path": e.path, "message": e.message} for e in report.errors]
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def write_output(text, output_file: str | None) -> None:
    """Write the report (a string, or its pieces as they are made) to ``output_file`` (atomically)
    or to standard output."""
    if isinstance(text, str):
        text = (text,)
    if output_file:
        from careerlint.fileio import atomic_write

        atomic_write(output_file, text)
    elif sys.stdout is None:  # started with its standard output closed (`>&-`)
        from careerlint.errors import CareerlintError

        raise CareerlintError("standard output is closed: nowhere to write the report (use --output-file)")
    else:
        for piece in text:
            sys.stdout.write(piece)
        sys.stdout.flush()


