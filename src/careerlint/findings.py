"""A Finding: one problem at one place, as plain data. Reporters format these; nothing else does."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Related:
    line: int
    text: str


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    rule: str
    severity: str
    message: str
    related: tuple[Related, ...] = field(default=())
    text: str = field(default="", compare=False)   # the claim's text, for baselines (not reported)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.message)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "related": [{"line": r.line, "text": r.text} for r in self.related],
        }
