"""{"version": 1, "findings": [...], "files": N}"""

from __future__ import annotations

import json

from careerlint.findings import Finding


def render(findings: list[Finding], files: int) -> str:
    doc = {"version": 1, "findings": [f.to_dict() for f in findings], "files": files}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
