"""JUnit XML: one test case per page; its findings are the test case's failure."""

from __future__ import annotations

from collections import defaultdict
from xml.sax.saxutils import escape, quoteattr


def render(report) -> str:
    by_path = defaultdict(list)
    for f in report.findings:
        by_path[f.path].append(f)
    failing = sum(1 for p in report.paths if by_path.get(p))
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuites name="careerlint" tests="{report.files}" failures="{failing}" errors="0">',
           f'  <testsuite name="careerlint" tests="{report.files}" failures="{failing}" errors="0" skipped="0">']
    for p in report.paths:
        found = by_path.get(p, [])
        if not found:
            out.append(f"    <testcase classname=\"careerlint\" name={quoteattr(p)}/>")
            continue
        n = len(found)
        body = "\n".join(f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}" for f in found)
        out.append(f"    <testcase classname=\"careerlint\" name={quoteattr(p)}>")
        out.append(f"      <failure message={quoteattr(f'{n} problem' + ('' if n == 1 else 's'))} "
                   f"type=\"careerlint\">{escape(body)}</failure>")
        out.append("    </testcase>")
    out += ["  </testsuite>", "</testsuites>"]
    return "\n".join(out) + "\n"
