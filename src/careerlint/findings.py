"""A Finding: one problem at one place, as plain data. Reporters format these; nothing else does."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Related:
    """A place a finding points to besides its own: the other figure of a conflict."""

    line: int
    text: str
    path: str | None = None          # another page, for cross-page rules; None: the finding's own page


@dataclass(frozen=True, slots=True)  # no __dict__: a page's findings are many, a page at a time
class Finding:
    """One problem a rule found: where it is, which rule, how severe, and its message."""

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


class InReportOrder:
    """Every page's findings in report order (``Finding.sort_key``) without holding them all: each
    page's list is in that order and names one page (careerlint.spool.Stored, ``path``), so the pages
    in path order, a page checked twice merged, give what sorting all of them gives. Read back a page
    at a time on each pass."""

    def __init__(self, parts: list) -> None:
        groups: dict[str, list] = {}
        for part in parts:
            groups.setdefault(part.path, []).append(part)
        self._groups = [groups[p] for p in sorted(groups)]
        self._len = sum(len(p) for p in parts)

    @classmethod
    def of(cls, parts: list):
        """The findings of ``parts`` (each a page's) in report order: an InReportOrder when each part
        says its path, else a sorted list."""
        parts = [p for p in parts if p]
        if all(isinstance(getattr(p, "path", None), str) for p in parts):
            return cls(parts)
        return sorted((f for p in parts for f in p), key=Finding.sort_key)

    def __iter__(self):
        from heapq import merge

        for group in self._groups:
            yield from group[0] if len(group) == 1 else merge(*group, key=Finding.sort_key)

    def __len__(self) -> int:
        return self._len

    def __bool__(self) -> bool:
        return self._len > 0


def to_rows(findings) -> list[tuple]:
    """Findings as plain tuples (what marshal writes: careerlint.spool); ``from_rows`` makes them again."""
    return [(f.path, f.line, f.column, f.rule, f.severity, f.message,
             tuple((r.line, r.text, r.path) for r in f.related), f.text, f.fields) for f in findings]


def from_rows(rows) -> list[Finding]:
    return [Finding(p, ln, col, rule, sev, msg, tuple(Related(*r) for r in rel), text, fields)
            for p, ln, col, rule, sev, msg, rel, text, fields in rows]


def _related_dict(r: Related, path: str) -> dict:
    d = {"line": r.line, "text": r.text}
    if r.path is not None and r.path != path:
        d["path"] = r.path
    return d


def plain_fields(fields: dict) -> dict:
    """Message fields as JSON-ready values (numbers and strings)."""
    out = {}
    for k, v in fields.items():
        # not interned: a run keeps its findings in its spool (careerlint.spool), and interned
        # strings would stay in memory for every distinct figure of the run
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            v = str(v)               # exactly int, float or str: what marshal writes (careerlint.spool)
        elif type(v) not in (int, float):
            v = int(v) if isinstance(v, int) else float(v)
        out[str(k)] = v
    return out
