"""`careerlint check`'s arguments read without click, for the common command lines.

Importing click costs more than a third of a one-page check's start (28 ms of 75 on the machine
of issue 15). A check from a pre-commit hook or an editor's save has a plain command line:
`check`, known options with their values, paths. This reads exactly those, into the values click
would pass to the command; anything else (help, an unknown or misspelt option, a cluster of
short options, `--`, a value click would refuse, an unreadable path) returns None, and click
reads the command line as always, with its messages. tests/test_cli_args.py checks that the two
agree on every command line this accepts and that the options are click's own.
"""

from __future__ import annotations

import os

# option -> parameter name, for options that take a value (click: the next argument, whatever
# it looks like, or what follows "=")
VALUE_OPTIONS = {
    "--as-of": "as_of", "--format": "fmt", "--select": "select", "--ignore": "ignore",
    "--config": "config_path", "--fail-on": "fail_on", "--output-file": "output_file",
    "--baseline": "baseline_path", "--write-baseline": "write_baseline", "--max-size": "max_size",
    "--jobs": "jobs", "-j": "jobs", "--stdin-filename": "stdin_filename", "--color": "color",
    "--dask-scheduler": "dask_scheduler",
}
# flag -> (parameter name, value when given)
FLAGS = {
    "--exit-zero": ("exit_zero", True), "--no-cache": ("no_cache", True),
    "--force-exclude": ("force_exclude", True), "--show-settings": ("show_settings", True),
    "--verbose": ("verbose", True), "-v": ("verbose", True), "--statistics": ("statistics", True),
    "--show-source": ("show_source", True), "--no-show-source": ("show_source", False),
    "-q": ("quiet", True), "--quiet": ("quiet", True), "--no-site": ("no_site", True),
}
DEFAULTS = {
    "paths": (), "as_of": None, "fmt": "text", "select": None, "ignore": None, "config_path": None,
    "fail_on": "warning", "exit_zero": False, "output_file": None, "baseline_path": None,
    "write_baseline": None, "max_size": "10MB", "jobs": 0, "no_cache": False, "force_exclude": False,
    "show_settings": False, "verbose": False, "stdin_filename": None, "statistics": False,
    "color": "auto", "show_source": None, "quiet": False, "no_site": False, "dask_scheduler": None,
}
COLORS = ("auto", "always", "never")


def parse_check(args: list[str]) -> dict | None:
    """The check command's parameters from ``args`` (the command line after the program name), as
    click would pass them; None when this is not a plain `check` command line."""
    if not args or args[0] != "check":
        return None
    params = dict(DEFAULTS)
    paths: list[str] = []
    rest = args[1:]
    i = 0
    while i < len(rest):
        arg = rest[i]
        i += 1
        if arg[:1] != "-" or arg == "-":
            paths.append(arg)
            continue
        name, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in FLAGS and not eq:
            key, flag = FLAGS[name]
            params[key] = flag
            continue
        if name == "-j" or (name.startswith("-j") and name[2:].isdigit() and name[2:].isascii()):
            name, value, eq = "-j", name[2:], "=" if len(name) > 2 else ""
        if name not in VALUE_OPTIONS:
            return None  # help, an unknown option, "--", a cluster like -qv: click's to read
        if not eq:
            if i >= len(rest):
                return None  # the value is missing: click says so
            value = rest[i]
            i += 1
        key = VALUE_OPTIONS[name]
        if key == "jobs":
            if not (value.isdigit() and value.isascii()):
                return None  # click converts "+2", " 2" or "2_0" too, and refuses "-1": let it
            params[key] = int(value)
        elif key == "color" and value not in COLORS:
            return None
        else:
            params[key] = value
    for p in paths:
        # click.Path() stats each path: one that exists but cannot be read is a usage error there
        try:
            os.stat(p)
        except OSError:
            continue
        except ValueError:
            return None  # a NUL in a path: click's error
        if not os.access(p, os.R_OK):
            return None
    params["paths"] = tuple(paths)
    return params
