"""{"version": 1, "findings": [...], "files": N, "errors": [...]}; docs/report.schema.json is its shape."""

from __future__ import annotations

import json


def render(report) -> str:
    doc = {"version": 1, "findings": [f.to_dict() for f in report.findings], "files": report.files}
    if report.errors:
        doc["errors"] = [{"path": e.path, "message": e.message} for e in report.errors]
    if report.baseline_matched or report.baseline_stale:
        doc["baseline"] = {"matched": report.baseline_matched, "stale": report.baseline_stale}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
