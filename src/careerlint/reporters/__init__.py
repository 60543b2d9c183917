"""Reporters turn a Report into text. They never check anything."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from careerlint.findings import Finding

FORMATS = ("text", "json", "sarif", "github", "junit", "html")
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class PageError:
    """A page that could not be checked: its path and the problem, without the path."""

    path: str
    message: str

    @classmethod
    def parse(cls, line: str, path: str) -> "PageError":
        """From a one-line error 'path: error: problem' (or 'path: internal error in ...')."""
        rest = line[len(path) + 2:] if line.startswith(path + ": ") else line
        if rest.startswith("error: "):
            rest = rest[len("error: "):]
        return cls(path, rest)


@dataclass
class Report:
    """What the reporters write: a run's findings, the pages checked, errors and baseline counts."""

    findings: list[Finding]
    paths: list[str]                     # every page checked, in order
    rules: list = field(default_factory=list)   # the rules that ran (careerlint.ruleset.Rule)
    baseline_matched: int = 0            # findings hidden because the baseline has them
    baseline_stale: int = 0              # baseline entries that no longer match anything
    errors: list[PageError] = field(default_factory=list)   # pages that could not be checked
    fail_on: str = "warning"             # findings at or above this severity fail the run
    texts: dict[str, str] = field(default_factory=dict)     # page text already in memory (stdin)
    options: dict = field(default_factory=dict)              # format options (color, show_source, ...)
    _lines: dict = field(default_factory=dict, repr=False)

    @property
    def files(self) -> int:
        return len(self.paths)

    def fails(self, f: Finding) -> bool:
        return SEVERITY_RANK[f.severity] <= SEVERITY_RANK[self.fail_on]

    def source_lines(self, path: str) -> list[str]:
        """The page's decoded source, in lines ([] when it cannot be read again)."""
        if path not in self._lines:
            self._lines.clear()   # findings come a page at a time: one page's lines are kept
            text = self.texts.get(path)
            if text is None:
                from careerlint.errors import CareerlintError
                from careerlint.loader import read_page

                try:
                    text = read_page(path, 0)
                except CareerlintError:
                    text = ""
            self._lines[path] = text.splitlines()
        return self._lines[path]

    def source_line(self, path: str, line: int) -> str | None:
        lines = self.source_lines(path)
        return lines[line - 1] if 0 < line <= len(lines) else None


def repository_root(start: str | None = None) -> str:
    """The nearest folder holding .git, from ``start`` (the current folder) up; else ``start``."""
    here = os.path.abspath(start or os.getcwd())
    d = here
    while True:
        if os.path.exists(os.path.join(d, ".git")):
            return d
        parent = os.path.dirname(d)
        if parent == d:
            return here
        d = parent


def get(name: str):
    if name not in FORMATS:
        raise KeyError(name)
    import importlib

    module = importlib.import_module(f"careerlint.reporters.{name}_format")
    return module.render


def get_chunks(name: str):
    """The reporter ``name`` as a function giving the report's text in pieces, to be written as they
    come: the text and JSON reports of a large site are never whole in memory."""
    import importlib

    render = get(name)
    chunks = getattr(importlib.import_module(f"careerlint.reporters.{name}_format"), "chunks", None)
    return chunks or (lambda report: (render(report),))
