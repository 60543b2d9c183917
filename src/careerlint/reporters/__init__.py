"""Reporters turn a Report into text. They never check anything."""

from __future__ import annotations

from dataclasses import dataclass, field

from careerlint.findings import Finding

FORMATS = ("text", "json", "sarif", "github", "junit")


@dataclass
class Report:
    findings: list[Finding]
    paths: list[str]                     # every page checked, in order
    rules: list = field(default_factory=list)   # the rules that ran (careerlint.ruleset.Rule)
    baseline_matched: int = 0            # findings hidden because the baseline has them
    baseline_stale: int = 0              # baseline entries that no longer match anything

    @property
    def files(self) -> int:
        return len(self.paths)


def get(name: str):
    if name not in FORMATS:
        raise KeyError(name)
    import importlib

    module = importlib.import_module(f"careerlint.reporters.{name}_format")
    return module.render
