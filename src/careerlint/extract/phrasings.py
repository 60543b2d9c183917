"""Sentence shapes careerlint understands (rules/phrasings.yaml), compiled once and matched per sentence.

A phrasing is a shape in the phrase syntax of rules/lexicon.yaml with named slots:

    the {stat} [{per}] (wage|salary|pay) for {occupation} was {money} in {vintage}

Figures, periods and vintages are matched as mentions the lexer already read (the sentence is
masked: "$62,350" becomes one marker), so a slot never splits a number. {occupation} and {place}
are bounded noun phrases. A phrasing is tried only when its anchor word is in the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from careerlint import rxcache
from careerlint.errors import ConfigError
from careerlint.extract.phrase import PhraseError, compile_phrase

MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
# mention kinds as masked in a sentence: "$62,350" -> "\ue000M3\ue001"
MASK = {"money": "M", "percent": "P", "count": "C", "period": "R", "vintage": "V", "year": "Y"}
_SLOT_MARKS = {"money": "M", "percent": "P", "count": "C", "period": "R", "vintage": "VY", "year": "Y"}
# an occupation: up to 12 words, commas allowed ("bus drivers, transit and intercity")
_OCCUPATION = (r"(?<![\w'’&/.-])(?!(?:was|is|were|are|and|or|the|a|an|data|figures|statistics|numbers|estimates|according|bls|"
               r"oews|oes|census|to|in|by|from|with|for|of|per|as|so|but|while|earn\w*|make\w*|made|take\w*|took|"
               r"receive\w*|get\w*|got|pay\w*|paid|ha[sd]|have)\b)[^\W\d][\w'’&/.-]*(?:(?:,\s*|\s+)(?!(?:was|is|were|are|earn\w*|made|make)\b)[\w'’&/.-]+){0,11}?"
               r"(?=[\s,]*(?:[.;:!?()\ue000]|$|(?:who|that|which|whose|in|at|on|is|was|were|are|earn\w*|made|make\w*|"
               r"took|take\w*|had|has|have|will|would|could|can|may|might|across|nationwide|nationally|from|with|"
               r"working|employed|as|to|by|for|of|during|between|over|and\s+(?:the|a|an|their|its)|jobs|employment|"
               r"positions|roles|is|are)\b))")
# a place: capitalised words ("Ohio", "New York", "the District of Columbia")
_PLACE = r"(?-i:[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*){0,3})"
_SLOT_KEYS = ("stat", "per", "domain", "bound", "population")


@dataclass
class Phrasing:
    """A sentence shape careerlint understands (rules/phrasings.yaml), with named slots."""

    id: str
    shape: str
    rx: str                               # the shape as a regular expression (compiled on first use)
    anchor: tuple[tuple[str, ...], ...]   # groups of words; the sentence must hold one word of each group
    sets: dict
    slots: dict[str, tuple[str, dict]]   # regex group -> (slot kind, attributes for that slot's figure)
    reads: list = field(default_factory=list)
    ignores: list = field(default_factory=list)
    _compiled: re.Pattern | None = field(default=None, repr=False, compare=False)

    @property
    def pattern(self) -> re.Pattern:
        """Compiled when a sentence first holds the shape's anchor words: a one-page check compiles
        only the shapes its page can match (compiling all of them is a third of a check's start)."""
        if self._compiled is None:
            self._compiled = rxcache.compile(self.rx, re.I)
        return self._compiled


@dataclass
class Reading:
    """One phrasing matched in one sentence: the mention indices of its figures and what it says of them."""

    phrasing: Phrasing
    figures: dict[int, dict]                  # mention index -> attributes (stat, per, ...)
    vintages: list[int]
    periods: list[int]
    occupation: str | None
    place: str | None
    stat: str | None
    per: str | None


def compile_phrasings(data: dict, cues: dict[str, str], where: str = "phrasings.yaml",
                      eager: bool = True) -> list[Phrasing]:
    """The phrasings of ``data``. ``eager``: compile every regular expression now, so a bad one is a
    ConfigError here; the bundled file (compiled whole by the tests) leaves that to first use."""
    entries = data.get("phrasings") or {}
    if not isinstance(entries, dict):
        raise ConfigError(f"{where}: 'phrasings' must be a mapping of id -> phrasing")
    out = []
    for pid, spec in entries.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("shape"), str):
            raise ConfigError(f"{where}: phrasing '{pid}' needs a 'shape'")
        slots: dict[str, tuple[str, dict]] = {}
        counter: dict[str, int] = {}

        def slot(name: str, _slots=slots, _counter=counter, _pid=pid) -> str:
            kind, _, attr = name.partition(":")
            kind = kind.strip()
            n = _counter[kind] = _counter.get(kind, 0) + 1
            group = f"{kind}_{n}"
            attrs = {"stat": attr.strip()} if attr.strip() else {}
            _slots[group] = (kind, attrs)
            if kind in _SLOT_MARKS:
                return f"{MARK_OPEN}[{_SLOT_MARKS[kind]}](?P<{group}>\\d+){MARK_CLOSE}"
            if kind == "occupation":
                return f"(?P<{group}>{_OCCUPATION})"
            if kind == "place":
                return f"(?P<{group}>{_PLACE})"
            if kind in ("stat", "per", "level"):
                src = cues.get({"stat": "statistics_all", "per": "per_all", "level": "levels"}[kind])
                return f"(?P<{group}>{src})"
            raise PhraseError(f"unknown slot {{{name}}} in phrasing '{_pid}'")

        try:
            rx = compile_phrase(spec["shape"], cues, slot)
            pattern = rxcache.compile(rx, re.I) if eager else None
        except (PhraseError, re.error) as e:
            raise ConfigError(f"{where}: phrasing '{pid}': {e}") from None
        sets = dict(spec.get("sets") or {})
        unknown = set(sets) - set(_SLOT_KEYS)
        if unknown:
            raise ConfigError(f"{where}: phrasing '{pid}': unknown key in 'sets': {sorted(unknown)[0]}")
        out.append(Phrasing(str(pid), spec["shape"], rx, _anchor(spec["shape"]), sets, slots,
                            list(spec.get("reads") or []), list(spec.get("ignores") or []), pattern))
    return out


def _anchor(shape: str) -> tuple[tuple[str, ...], ...]:
    """What a sentence must hold for the shape to be tried (a cheap pre-filter): every plain word
    outside optional parts, and one first word of each required (a|b|c) group."""
    groups: list[tuple[str, ...]] = []
    depth = 0
    alts: list[str] = []
    fresh = False  # at the start of an alternative of a required group
    for tok in re.findall(r"\{[^}]*\}|[\[\]()|]|[A-Za-z]{3,}\*?|\S", shape):
        if tok == "(" and depth == 0:
            depth, alts, fresh = 1, [], True
        elif tok in "[(":
            depth += 1
            fresh = False
        elif tok == ")" and depth == 1:
            depth = 0
            if alts and all(alts):
                groups.append(tuple(dict.fromkeys(alts)))
        elif tok in "])":
            depth -= 1
        elif tok == "|" and depth == 1:
            fresh = True
        elif depth == 0 and tok[:1].isalpha() and len(tok) >= 3:
            groups.append((tok.rstrip("*").lower(),))
        elif depth == 1 and fresh:
            alts.append(tok.rstrip("*").lower() if tok[:1].isalpha() and len(tok) >= 2 else "")
            fresh = False
    return tuple(groups)


_ANCHOR_WORDS: dict[int, tuple[list, list[str]]] = {}  # id(phrasings) -> (them, every anchor word)


def read(phrasings: list[Phrasing], masked: str, lowered: str, stat_of, per_of) -> list[Reading]:
    """Every phrasing that matches the masked sentence. ``stat_of``/``per_of`` name the statistic
    and unit of time of a {stat}/{per} slot's words."""
    out = []
    low = masked.lower()
    words = _ANCHOR_WORDS.get(id(phrasings))
    if words is None or words[0] is not phrasings:
        words = _ANCHOR_WORDS[id(phrasings)] = (phrasings, sorted({w for ph in phrasings for g in ph.anchor for w in g}))
    here = {w for w in words[1] if w in lowered}  # each anchor word looked for once, not once per phrasing
    for ph in phrasings:
        if any(here.isdisjoint(group) for group in ph.anchor):
            continue
        # a shape is matched near its words: start a little before the first of them
        first = min((i for group in ph.anchor for w in group for i in (low.find(w),) if i >= 0), default=0)
        for m in ph.pattern.finditer(masked, max(0, first - 200)):
            r = Reading(ph, {}, [], [], None, None, None, None)
            for group, (kind, attrs) in ph.slots.items():
                val = m.group(group)
                if val is None:
                    continue
                if kind in ("money", "percent", "count"):
                    r.figures[int(val)] = dict(attrs)
                elif kind in ("vintage", "year"):
                    r.vintages.append(int(val))
                elif kind == "period":
                    r.periods.append(int(val))
                elif kind == "occupation":
                    r.occupation = val.strip(" ,.;:")
                elif kind == "place":
                    r.place = val.strip()
                elif kind == "stat":
                    r.stat = stat_of(val)
                elif kind == "per":
                    r.per = per_of(val)
            out.append(r)
    return out
