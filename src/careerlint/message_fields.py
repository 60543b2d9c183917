"""The fields each check kind gives its rules' messages ("{vintage} is {age} years old").

A message template may use only these; an unknown ``{placeholder}`` is a configuration error at
the message's file:line, not a literal "{placeholder}" in every finding. A check module may
declare its own ``FIELDS``; this table covers the kinds that do not.
tests/test_outputs.py checks that every finding in samples/ uses only the fields listed here."""

from __future__ import annotations

import difflib

from careerlint.errors import ConfigError

FIELDS: dict[str, tuple[str, ...]] = {
    "stale-source": ("vintage", "what", "source", "age", "max_age", "as_of_year", "newest", "latest", "latest_date"),
    "expired-projection": ("period", "end", "as_of_year", "figure"),
    "conflicting-growth": ("value", "other", "other_line", "period", "scope"),
    "conflicting-figure": ("stat", "value", "other", "other_line", "vintage", "scope"),
    "salary-order": ("low_stat", "low", "high_stat", "high", "where", "other_line"),
    "wage-conversion": ("stat", "hourly", "unit", "mult", "annual", "expected", "diff_pct", "where", "other_line"),
    "figure-outside-range": ("stat", "value", "range", "other_line"),
    "growth-descriptor": ("value", "period", "said", "expected", "band"),
    "unused-suppression": ("directive", "problem"),
    "mixed-vintage": ("stat", "value", "here", "other", "there", "other_line", "scope"),
    "dated-reference": ("text", "year", "as_of_year"),
    "unsourced-figure": ("stat", "value"),
    "figure-limit": ("stat", "value", "relation", "limit"),
    "official-figure": ("stat", "occupation", "soc", "release", "value", "official"),
    "official-statistic": ("value", "published", "occupation", "soc", "mislabel", "release", "stat", "official"),
    "official-growth": ("occupation", "soc", "cycle", "value", "official"),
    "newer-release": ("release", "date", "released", "what", "occupation", "soc", "value", "cited"),
    # cross-page (careerlint/sitewide/rules.py): {other_path}:{other_line} is the first other page that
    # states {other}; {more} is " and N more pages" or ""; {pages} how many other pages state it
    "site-conflicting-figure": ("stat", "occupation", "scope", "value", "other", "other_path", "other_line",
                                "more", "pages", "vintage"),
    "site-conflicting-growth": ("occupation", "scope", "value", "other", "other_path", "other_line", "more",
                                "pages", "period"),
    "site-mixed-vintage": ("stat", "occupation", "scope", "value", "here", "other", "there", "other_path",
                           "other_line", "more", "pages"),
}


def fields_of(kind: str, module=None) -> tuple[str, ...] | None:
    declared = getattr(module, "FIELDS", None) if module is not None else None
    return tuple(declared) if declared is not None else FIELDS.get(kind)


def check_template(where: str, kind: str, names: list[str], module=None) -> None:
    """ConfigError naming ``where`` when a message uses a field the kind does not provide. ``names``:
    the template's fields, already parsed and checked to be plain names (rule_checks.check_message)."""
    known = fields_of(kind, module)
    if known is None:
        return  # a kind that declares nothing: cannot tell
    for name in names:
        if name not in known:
            hint = difflib.get_close_matches(name, known, n=1)
            did = f" (did you mean '{{{hint[0]}}}'?)" if hint else ""
            raise ConfigError(f"{where}: unknown placeholder '{{{name}}}' in message for kind '{kind}'{did}; "
                              f"known: {', '.join('{' + k + '}' for k in known)}")
