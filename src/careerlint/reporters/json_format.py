"""{"version": 1, "findings": [...], "files": N}"""

from __future__ import annotations

import json


def render(report) -> str:
    doc = {"version": 1, "findings": [f.to_dict() for f in report.findings], "files": report.files}
    if report.baseline_matched or report.baseline_stale:
        doc["baseline"] = {"matched": report.baseline_matched, "stale": report.baseline_stale}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
