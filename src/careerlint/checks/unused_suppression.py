"""unused-suppression: a careerlint-disable comment or data-careerlint-ignore that suppresses nothing.

The engine applies suppressions after every other rule has run and leaves the result in
``page.suppression``; this check reports the directives that matched no finding.
"""

from __future__ import annotations

from careerlint.checks import Hit

KIND = "unused-suppression"
OPTIONS: dict = {}


def check(page, rule):
    state = page.suppression
    if state is None:
        return
    for i, d in enumerate(page.doc.directives):
        if d.kind == "enable" or i in state.used:
            continue
        unknown = [r for r in d.rules if r not in state.known]
        if unknown:
            problem = "names unknown rule " + ", ".join(f"'{r}'" for r in unknown)
        elif d.rules and not any(r in state.ran for r in d.rules):
            continue  # its rules did not run: nothing to judge it by
        else:
            problem = "suppresses nothing"
        yield Hit(None, dict(directive=d.text, problem=problem), line=d.line)
