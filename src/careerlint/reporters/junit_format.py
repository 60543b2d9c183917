"""JUnit XML: one test case per page. A page fails only with findings at or above --fail-on;
lower ones are printed in its <system-out>. A page that could not be read is an <error>."""

from __future__ import annotations

import re
from collections import defaultdict
from xml.sax.saxutils import escape, quoteattr

# characters XML 1.0 forbids (C0 controls but tab, CR, LF; lone surrogates; U+FFFE/U+FFFF), e.g. "\x1b"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _x(s: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group(0)):02x}", s)


def _lines(found) -> str:
    return "\n".join(f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}" for f in found)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def render(report) -> str:
    by_path = defaultdict(list)
    for f in report.findings:
        by_path[f.path].append(f)
    failing = sum(1 for p in report.paths if any(report.fails(f) for f in by_path.get(p, ())))
    errors = len(report.errors)
    tests = report.files + errors
    counts = f'tests="{tests}" failures="{failing}" errors="{errors}"'
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuites name="careerlint" {counts}>',
           f'  <testsuite name="careerlint" {counts} skipped="0">']
    for p in report.paths:
        found = by_path.get(p, [])
        failed = [f for f in found if report.fails(f)]
        other = [f for f in found if not report.fails(f)]
        if not found:
            out.append(f"    <testcase classname=\"careerlint\" name={quoteattr(_x(p))}/>")
            continue
        out.append(f"    <testcase classname=\"careerlint\" name={quoteattr(_x(p))}>")
        if failed:
            out.append(f"      <failure message={quoteattr(_plural(len(failed), 'problem'))} "
                       f"type=\"careerlint\">{escape(_x(_lines(failed)))}</failure>")
        if other:
            out.append(f"      <system-out>{escape(_x(_lines(other)))}</system-out>")
        out.append("    </testcase>")
    for e in report.errors:
        out.append(f"    <testcase classname=\"careerlint\" name={quoteattr(_x(e.path))}>")
        out.append(f"      <error message={quoteattr(_x(e.message))} type=\"unreadable\">"
                   f"{escape(_x(f'{e.path}: error: {e.message}'))}</error>")
        out.append("    </testcase>")
    out += ["  </testsuite>", "</testsuites>"]
    return "\n".join(out) + "\n"
