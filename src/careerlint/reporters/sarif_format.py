"""SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning, Azure DevOps, ...).

Artifact URIs are relative to the repository root (the nearest folder holding .git, else the
current folder), named by the uriBaseId SRCROOT; each result carries a partialFingerprint made
like a baseline key (path, rule, claim text), so it survives edits elsewhere in the page; pages
that could not be read are toolExecutionNotifications and make executionSuccessful false."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from urllib.parse import quote

from careerlint import __version__
from careerlint.reporters import repository_root

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
BASE_ID = "SRCROOT"
FINGERPRINT = "careerlintClaimHash/v1"


def docs_url() -> str | None:
    """Where the rules' documentation lives: the 'Documentation' URL of the installed package."""
    try:
        from importlib.metadata import PackageNotFoundError, metadata

        for entry in metadata("careerlint").get_all("Project-URL") or []:
            label, _, url = entry.partition(",")
            if label.strip().lower() == "documentation" and url.strip():
                return url.strip()
    except (ImportError, PackageNotFoundError):  # pragma: no cover - running from a bare source tree
        pass
    return None


def _location(path: str, root: str) -> dict:
    """An artifactLocation: relative to SRCROOT when the page is inside the repository."""
    full = os.path.abspath(path)
    rel = os.path.relpath(full, root)
    if rel == ".." or rel.startswith(".." + os.sep) or os.path.isabs(rel):
        return {"uri": Path(full).as_uri()}
    return {"uri": quote(rel.replace(os.sep, "/"), safe="/"), "uriBaseId": BASE_ID}


def _fingerprint(f, root: str) -> str:
    rel = os.path.relpath(os.path.abspath(f.path), root).replace(os.sep, "/")
    key = json.dumps([rel, f.rule, f.text, [r.text for r in f.related]], ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _bundled(r) -> bool:
    from careerlint.resources import rules_dir

    return (r.origin or "").startswith(str(rules_dir() / "core.yaml") + ":")


def _rule(r, docs: str | None) -> dict:
    doc = r.doc or {}
    full = " ".join(str(doc.get("checks") or r.summary).split())
    help_text = full + ("\n\nWhy: " + " ".join(str(doc["why"]).split()) if doc.get("why") else "")
    help_text += f"\n\nRun 'careerlint rule {r.id}' for examples and options."
    out = {
        "id": r.id,
        "name": "".join(w.capitalize() for w in r.id.split("-")),
        "shortDescription": {"text": r.summary or r.id},
        "fullDescription": {"text": full or r.id},
        "defaultConfiguration": {"level": _LEVEL[r.severity]},
        "help": {"text": help_text},
        "properties": {"kind": r.kind},
    }
    uri = doc.get("url") or (f"{docs}#{r.id}" if docs and _bundled(r) else None)
    if uri:
        out["helpUri"] = str(uri)
    return out


_SLOT = "\x00results\x00"  # where the results go in the document's text (no finding holds a NUL)


def render(report) -> str:
    return "".join(chunks(report))


def chunks(report):
    """The SARIF log as ``json.dumps(log, indent=2)`` writes it, in pieces made one result at a time:
    on a large site a result's text is all that exists at once, not the log."""
    root = repository_root()
    docs = docs_url()
    rules = sorted(report.rules, key=lambda r: r.id)
    invocation = {"executionSuccessful": not report.errors}
    if report.errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "descriptor": {"id": "unreadable-page"}, "message": {"text": e.message},
             "locations": [{"physicalLocation": {"artifactLocation": _location(e.path, root)}}]}
            for e in report.errors]
    driver = {"name": "careerlint", "version": __version__, "semanticVersion": __version__,
              "informationUri": "https://pypi.org/project/careerlint/", "rules": [_rule(r, docs) for r in rules]}
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "originalUriBaseIds": {BASE_ID: {"uri": Path(root).as_uri().rstrip("/") + "/"}},
            "invocations": [invocation],
            "artifacts": [{"location": _location(p, root)} for p in report.paths],
            "results": _SLOT,
        }],
    }
    head, tail = json.dumps(doc, indent=2, ensure_ascii=False).split(json.dumps(_SLOT), 1)
    yield head
    index = {r.id: i for i, r in enumerate(rules)}
    seen: dict[str, int] = {}
    sep = "[\n"
    for f in report.findings:
        # results sit four levels deep (runs, a run, results): eight spaces, as json.dumps indents them
        yield sep + "        " + json.dumps(_result(f, root, index, seen), indent=2,
                                            ensure_ascii=False).replace("\n", "\n        ")
        sep = ",\n"
    yield ("[]" if sep == "[\n" else "\n      ]") + tail + "\n"


def _result(f, root: str, index: dict, seen: dict) -> dict:
    loc = {"physicalLocation": {"artifactLocation": _location(f.path, root),
                                "region": {"startLine": f.line, "startColumn": max(f.column, 1)}}}
    res = {"ruleId": f.rule, "level": _LEVEL[f.severity], "message": {"text": f.message}, "locations": [loc]}
    if f.rule in index:
        res["ruleIndex"] = index[f.rule]
    fp = _fingerprint(f, root)
    seen[fp] = seen.get(fp, 0) + 1   # the same claim twice on a page: :1, :2
    res["partialFingerprints"] = {FINGERPRINT: f"{fp}:{seen[fp]}"}
    if f.related:
        res["relatedLocations"] = [
            {"id": i, "message": {"text": r.text},
             "physicalLocation": {"artifactLocation": _location(r.path or f.path, root),
                                  "region": {"startLine": r.line}}}
            for i, r in enumerate(f.related)]
    return res
