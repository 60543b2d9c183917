"""SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning, Azure DevOps, ...)."""

from __future__ import annotations

import json
from urllib.parse import quote

from careerlint import __version__

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    p = path.replace("\\", "/")
    if p.startswith("./"):
        p = p[2:]
    return quote(p, safe="/:")


def render(report) -> str:
    rules = sorted(report.rules, key=lambda r: r.id)
    index = {r.id: i for i, r in enumerate(rules)}
    sarif_rules = []
    for r in rules:
        doc = r.doc or {}
        full = " ".join(str(doc.get("checks") or r.summary).split())
        help_text = full + ("\n\nWhy: " + " ".join(str(doc["why"]).split()) if doc.get("why") else "")
        help_text += f"\n\nRun 'careerlint rule {r.id}' for examples and options."
        sarif_rules.append({
            "id": r.id,
            "name": "".join(w.capitalize() for w in r.id.split("-")),
            "shortDescription": {"text": r.summary or r.id},
            "fullDescription": {"text": full or r.id},
            "defaultConfiguration": {"level": _LEVEL[r.severity]},
            "help": {"text": help_text},
            "properties": {"kind": r.kind},
        })
    results = []
    for f in report.findings:
        loc = {"physicalLocation": {"artifactLocation": {"uri": _uri(f.path)},
                                    "region": {"startLine": f.line, "startColumn": max(f.column, 1)}}}
        res = {"ruleId": f.rule, "level": _LEVEL[f.severity], "message": {"text": f.message}, "locations": [loc]}
        if f.rule in index:
            res["ruleIndex"] = index[f.rule]
        if f.related:
            res["relatedLocations"] = [
                {"id": i, "message": {"text": r.text},
                 "physicalLocation": {"artifactLocation": {"uri": _uri(f.path)}, "region": {"startLine": r.line}}}
                for i, r in enumerate(f.related)]
        results.append(res)
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "careerlint", "version": __version__, "semanticVersion": __version__,
                                "informationUri": "https://pypi.org/project/careerlint/", "rules": sarif_rules}},
            "artifacts": [{"location": {"uri": _uri(p)}} for p in report.paths],
            "results": results,
        }],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
