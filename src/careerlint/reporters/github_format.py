"""GitHub Actions workflow commands: one ::error/::warning/::notice line per finding."""

from __future__ import annotations

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render(report) -> str:
    return "".join(chunks(report))


def chunks(report):
    """A line per finding, made as it is written."""
    for f in report.findings:
        yield f"::{_COMMAND[f.severity]} file={_prop(f.path)},line={f.line},col={f.column},title={_prop(f.rule)}::" \
              f"{_data(f.message)}\n"
