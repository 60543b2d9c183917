"""careerlint server start|status|stop: the check server (careerlint.server)."""

from __future__ import annotations

import click

EXIT_OK, EXIT_ERROR = 0, 2


@click.group()
def server() -> None:
    """Keep a careerlint process warm, so that `careerlint check` starts fast (editors, pre-commit)."""


@server.command()
@click.option("--idle-timeout", "idle", type=click.FloatRange(min=1), default=3600, metavar="SECONDS",
              help="Stop after this long without a check (default 3600).")
def start(idle) -> int:
    """Start the server in the background (nothing to do if it runs already)."""
    from careerlint import server as srv

    try:
        pid, path = srv.start(idle)
    except OSError as e:
        click.echo(f"careerlint: error: {e}", err=True)
        return EXIT_ERROR
    click.echo(f"careerlint server running (pid {pid}, socket {path})")
    return EXIT_OK


@server.command()
def status() -> int:
    """Say whether a server runs for this Python; exit 1 when none does."""
    from careerlint import server as srv

    pid, path = srv.status()
    if pid is None:
        click.echo("no careerlint server is running" + ("" if path else " (it needs a POSIX system)"))
        return 1
    click.echo(f"careerlint server running (pid {pid}, socket {path})")
    return EXIT_OK


@server.command()
def stop() -> int:
    """Stop the server."""
    from careerlint import server as srv

    pid = srv.stop()
    click.echo("no careerlint server was running" if pid is None else f"careerlint server stopped (pid {pid})")
    return EXIT_OK
