"""{"version": 1, "findings": [...], "files": N, "errors": [...]}; docs/report.schema.json is its shape."""

from __future__ import annotations

import json

_SLOT = "\x00findings\x00"  # where the findings go in the document's text (no finding holds a NUL)


def render(report) -> str:
    return "".join(chunks(report))


def chunks(report):
    """The report as ``json.dumps(doc, indent=2)`` writes it, in pieces made one finding at a time: on
    a large site a finding's text is all that exists at once, not the report or a dict of every one."""
    doc = {"version": 1, "findings": _SLOT, "files": report.files}
    if report.errors:
        doc["errors"] = [{"path": e.path, "message": e.message} for e in report.errors]
    if report.baseline_matched or report.baseline_stale:
        doc["baseline"] = {"matched": report.baseline_matched, "stale": report.baseline_stale}
    head, tail = json.dumps(doc, indent=2, ensure_ascii=False).split(json.dumps(_SLOT), 1)
    yield head
    sep = "[\n"
    for f in report.findings:
        yield sep + "    " + json.dumps(f.to_dict(), indent=2, ensure_ascii=False).replace("\n", "\n    ")
        sep = ",\n"
    yield ("[]" if sep == "[\n" else "\n  ]") + tail + "\n"
