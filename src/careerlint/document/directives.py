"""Suppression directives written in a page: comments and data-careerlint-ignore attributes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from careerlint import rxcache


@dataclass(eq=False)
class Directive:
    """A suppression written in the page: a comment or a data-careerlint-ignore attribute."""

    kind: str               # disable | enable | disable-line | disable-next-line | ignore (attribute)
    rules: tuple[str, ...]  # empty: every rule
    line: int
    end: int | None = None  # last line covered (disable ranges and attributes)
    text: str = ""


KINDS = ("disable", "enable", "disable-line", "disable-next-line")

# "careerlint-disable-next-line stale-source, expired-projection" -> ("disable-next-line", " stale-source, ...")
_DIRECTIVE = rxcache.compile(r"^\s*careerlint-(\S*)(.*)$", re.S)


class UnknownDirective(ValueError):
    """A comment that starts like a directive but is none: it must not be ignored silently."""


def parse_directive(comment: str, line: int) -> Directive | None:
    """The directive a comment holds, None for an ordinary comment; UnknownDirective for a
    comment that starts with ``careerlint-`` but names no directive (a typo such as
    ``careerlint-disable-nextline`` must not pass as a comment, nor as a disable)."""
    m = _DIRECTIVE.match(comment or "")
    if not m:
        return None
    kind = m.group(1)
    if kind not in KINDS:
        import difflib

        close = difflib.get_close_matches(kind, KINDS, n=1)
        hint = f"; did you mean 'careerlint-{close[0]}'?" if close else ""
        shown = kind if len(kind) <= 40 else kind[:40] + "..."
        raise UnknownDirective(f"unknown directive 'careerlint-{shown}' (known: "
                               + ", ".join(f"careerlint-{k}" for k in KINDS) + hint + ")")
    rules = tuple(r for r in re.split(r"[\s,]+", m.group(2).strip()) if r)
    return Directive(kind, rules, line, text=f"careerlint-{kind}" + (" " + " ".join(rules) if rules else ""))


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
