"""Suppression directives written in a page: comments and data-careerlint-ignore attributes."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(eq=False)
class Directive:
    """A suppression written in the page: a comment or a data-careerlint-ignore attribute."""

    kind: str               # disable | enable | disable-next-line | ignore (attribute)
    rules: tuple[str, ...]  # empty: every rule
    line: int
    end: int | None = None  # last line covered (disable ranges and attributes)
    text: str = ""


_DIRECTIVE = re.compile(r"^\s*careerlint-(disable-next-line|disable|enable)\b(.*)$", re.S)


def parse_directive(comment: str, line: int) -> Directive | None:
    m = _DIRECTIVE.match(comment or "")
    if not m:
        return None
    rules = tuple(r for r in re.split(r"[\s,]+", m.group(2).strip()) if r)
    return Directive(m.group(1), rules, line, text=f"careerlint-{m.group(1)}" + (" " + " ".join(rules) if rules else ""))


def close_ranges(directives: list[Directive], last_line: int) -> None:
    """A disable runs to the next enable of the same rules (or of all rules), else to the end."""
    for i, d in enumerate(directives):
        if d.kind != "disable":
            continue
        d.end = last_line
        for e in directives[i + 1:]:
            if e.kind == "enable" and (not e.rules or set(d.rules) <= set(e.rules)):
                d.end = e.line
                break
