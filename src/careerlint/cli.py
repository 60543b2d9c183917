"""The careerlint command line's entry point.

A plain `careerlint check ...` (what a pre-commit hook or an editor's save runs) is read without
importing click (cli_args), which is more than a third of a one-page check's start; every other
command line, and any `check` command line that is not plain, goes to click (cli_app). Both end
in the same function with the same values, and errors are reported the same way."""

from __future__ import annotations

import errno
import os
import sys

EXIT_ERROR = 2


def console() -> None:
    """The `careerlint` command (and `python -m careerlint`): main, ended without Python's teardown."""
    main(leave=True)


def main(argv: list[str] | None = None, *, leave: bool = False) -> None:
    args = sys.argv[1:] if argv is None else list(argv)
    if argv is None and args[:1] == ["check"]:  # a running check server (careerlint.server) runs it warm
        from careerlint.client import run_on_server

        code = run_on_server(args)
        if code is not None:
            sys.exit(code)
    try:
        from careerlint.cli_args import parse_check

        params = parse_check(args) if "_CAREERLINT_COMPLETE" not in os.environ else None  # click completes
        if params is not None:
            from careerlint.cli_check import check

            try:
                rv = check(**params)
            except (EOFError, KeyboardInterrupt):
                import click

                click.echo(file=sys.stderr)  # as click does: a blank line after the terminal's ^C
                sys.exit(130)
            except OSError as e:
                if e.errno != errno.EPIPE:
                    raise
                # the reader went away (| head): as click does, no error at exit, exit 1
                import click.utils

                pacify = getattr(click.utils, "_PacifyFlushWrapper", None) or click.utils.PacifyFlushWrapper
                sys.stdout = pacify(sys.stdout)
                sys.stderr = pacify(sys.stderr)
                sys.exit(1)
        else:
            from careerlint.cli_app import cli

            rv = cli.main(args=argv, prog_name="careerlint", standalone_mode=False)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(EXIT_ERROR)
    except Exception as e:  # never a traceback, never exit 1 (which means findings)
        click = sys.modules.get("click")  # a click exception comes with click imported
        if click is not None and isinstance(e, click.exceptions.Abort):
            sys.exit(130)
        if click is not None and isinstance(e, click.ClickException):  # UsageError is one
            _echo_err(f"careerlint: error: {e.format_message()}")
            sys.exit(EXIT_ERROR)
        from careerlint.errors import CareerlintError, printable

        if isinstance(e, CareerlintError):
            from careerlint.cli_check import _error_line

            _echo_err(printable(_error_line(e)))
        else:
            what = "input nested too deeply" if isinstance(e, RecursionError) else f"{type(e).__name__}: {e}"
            _echo_err(printable(f"careerlint: internal error: {what} (please report)"[:2000]))
        sys.exit(EXIT_ERROR)
    code = rv if isinstance(rv, int) else 0
    if leave and params is not None:
        _leave(code)
    sys.exit(code)


def _leave(code: int) -> None:
    """End a console `check` without Python's teardown, which frees every object the run made one
    by one (~7 ms of a one-page check's ~100), as Mercurial does. Everything careerlint writes is
    written and closed by now (reports and caches atomically, the pool and Dask shut down, the
    temporary file has no name); what is left is flushed here. Not when something may still need its
    exit hooks (coverage, a Dask client) or when a flush fails (a closed pipe): then a plain exit."""
    if any(m in sys.modules for m in ("coverage", "distributed")):
        sys.exit(code)
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:  # None: started with that descriptor closed
                stream.flush()
    except (OSError, ValueError):
        sys.exit(code)
    os._exit(code)


def _echo_err(message: str) -> None:
    import click

    click.echo(message, err=True)


def __getattr__(name: str):
    """careerlint.cli.cli: the click group (for tools and tests that invoke it)."""
    if name == "cli":
        from careerlint.cli_app import cli

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
