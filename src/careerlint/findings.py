"""A Finding: one problem at one place, as plain data. Reporters format these; nothing else does."""

from __future__ import annotations

from dataclasses import dataclass, field
from sys import intern

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Related:
    line: int
    text: str
    path: str | None = None          # another page, for cross-page rules; None: the finding's own page


@dataclass(frozen=True, slots=True)  # a run keeps every finding until its report: no __dict__ each
class Finding:
    path: str
    line: int
    column: int
    rule: str
    severity: str
    message: str
    related: tuple[Related, ...] = field(default=())
    text: str = field(default="", compare=False)   # the claim's text, for baselines (not reported)
    # the values the message was made from ({"vintage": "May 2023", "source": ...}), for statistics
    # and reports; not part of a finding's identity and not in the JSON output
    fields: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

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
            "related": [_related_dict(r, self.path) for r in self.related],
        }

    def to_record(self) -> dict:
        """Everything in the finding but its path, as JSON-ready data (the cache stores these)."""
        d = self.to_dict()
        del d["path"]
        d["text"] = self.text
        if self.fields:
            d["fields"] = self.fields
        return d

    @classmethod
    def from_record(cls, path: str, r: dict) -> "Finding":
        """The inverse of to_record; KeyError or TypeError on a malformed record."""
        related = tuple(Related(x["line"], x["text"], x.get("path")) for x in r["related"])
        fields = r.get("fields") or {}
        if not isinstance(fields, dict):
            raise TypeError("fields")
        return cls(path, r["line"], r["column"], r["rule"], r["severity"], r["message"], related,
                   r.get("text", ""), fields)


def _related_dict(r: Related, path: str) -> dict:
    d = {"line": r.line, "text": r.text}
    if r.path is not None and r.path != path:
        d["path"] = r.path
    return d


def plain_fields(fields: dict) -> dict:
    """Message fields as JSON-ready values (numbers and strings)."""
    out = {}
    for k, v in fields.items():
        v = v if isinstance(v, (int, float, str)) and not isinstance(v, bool) else str(v)
        # a run keeps the fields of every finding; most values recur ("May 2023", a release date)
        out[intern(str(k))] = intern(v) if type(v) is str and len(v) <= 64 else v
    return out
