"""Check kinds: the Python behind the rules in rules/*.yaml.

A check kind is a module with ``KIND`` (its name in YAML), ``OPTIONS`` (option names and
their defaults) and ``check(page, rule)``, which yields Hits. Checks never print and never
format output; the engine turns Hits into Findings using the rule's message.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from careerlint.claims import Claim


@dataclass
class Hit:
    """What a check found, before its rule's message and severity make it a Finding."""

    claim: Claim | None                # where the finding is reported
    fields: dict                       # values for the rule's message template
    related: list[Claim] = field(default_factory=list)
    line: int = 0                      # a location without a claim (a suppression comment)
    column: int = 1


def kinds() -> dict:
    from careerlint.checks import (conflicting_figure, conflicting_growth, dated_reference, expired_projection,
                                   figure_limit, figure_outside_range, growth_descriptor, mixed_vintage,
                                   newer_release, official_figure, official_growth, official_statistic,
                                   salary_order, stale_source, unsourced_figure, unused_suppression,
                                   wage_conversion)
    mods = (stale_source, expired_projection, conflicting_growth, conflicting_figure, salary_order,
            wage_conversion, figure_outside_range, growth_descriptor, mixed_vintage, dated_reference,
            unsourced_figure, unused_suppression, figure_limit, official_figure, official_statistic,
            official_growth, newer_release)
    from careerlint.sitewide.rules import kinds as site_kinds  # cross-page kinds (SITE = True)

    return {m.KIND: m for m in mods} | site_kinds()
