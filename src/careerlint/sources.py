"""The source registry (rules/sources.yaml): source names, vintage kinds, staleness policy."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from careerlint import rxcache


def literal_trie(words: list[str]) -> str:
    """One regex for a list of literal strings, as a character trie (longest first at each branch)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in (w.lower() if not w.isupper() else w):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


@dataclass
class Source:
    """A data source careerlint knows (BLS OEWS, Employment Projections...): its names, kinds and age limit."""

    id: str
    title: str
    names: list[str]
    kinds: list[str]
    max_age_years: int
    family: str = ""


@dataclass
class Registry:
    """The sources in use (bundled and configured), and the pattern that finds their names in text."""

    sources: dict[str, Source]
    default_max_age: int = 2
    default_title: str = "an unnamed source"
    _pattern: re.Pattern | None = field(default=None, repr=False)
    _by_name: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for src in self.sources.values():
            for name in src.names:
                self._by_name[name.lower()] = src.id

    def _compile(self) -> re.Pattern:
        """The pattern of every name (compiled on first use: a fully cached run never needs it): two
        character tries, one for names in any case and one for all-capitals aliases ("OES", "BLS"),
        which only match in capitals."""
        names = {n for src in self.sources.values() for n in src.names}
        caps = sorted(n for n in names if n.isupper())
        other = sorted(n for n in names if not n.isupper())
        parts = ([f"(?i:{literal_trie(other)})"] if other else []) + ([literal_trie(caps)] if caps else [])
        return rxcache.compile(r"(?<![\w])(?:" + ("|".join(parts) or "(?!x)x") + r")(?![\w])")

    def pattern(self) -> re.Pattern:
        """The pattern of every source name."""
        if self._pattern is None:
            self._pattern = self._compile()
        return self._pattern

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, source id) of every source named in ``text``."""
        if self._pattern is None:
            self._pattern = self._compile()
        return [(m.start(), m.end(), self._source_named(m.group(0))) for m in self._pattern.finditer(text)]

    def _source_named(self, found: str) -> str:
        """The source a matched name belongs to. A case-insensitive match is not always a
        lower-case one: "Statiſtics" (long s) matches "statistics" but lowers to itself."""
        sid = self._by_name.get(found.lower())
        if sid is None:
            sid = next((v for k, v in self._by_name.items() if re.fullmatch(re.escape(k), found, re.I)), "")
            self._by_name[found.lower()] = sid
        return sid

    def policy(self, source_id: str | None) -> tuple[int, str]:
        src = self.sources.get(source_id or "")
        if src is None:
            return self.default_max_age, self.default_title
        return src.max_age_years, src.title

    def title(self, source_id: str | None) -> str:
        return self.policy(source_id)[1]

    def family(self, source_id: str | None) -> str | None:
        src = self.sources.get(source_id or "")
        return (src.family or src.id) if src is not None else None


def registry_from_data(data: dict) -> Registry:
    sources = {}
    for sid, spec in (data.get("sources") or {}).items():
        sources[sid] = Source(
            id=sid,
            title=str(spec.get("title", sid)),
            names=[str(n) for n in spec.get("names", [])],
            kinds=[str(k) for k in spec.get("kinds", [])],
            max_age_years=int(spec.get("max-age-years", 2)),
            family=str(spec.get("family") or sid),
        )
    default = data.get("default") or {}
    return Registry(sources, int(default.get("max-age-years", 2)), str(default.get("title", "an unnamed source")))
