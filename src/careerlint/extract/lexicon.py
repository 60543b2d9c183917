"""The lexicon (rules/lexicon.yaml): cue words, compiled once, shared by every step of extraction.

``LEX.<list>`` is a compiled pattern for a list (``LEX.forecast``); ``LEX.stat`` is the list of
(statistic, pattern) pairs in the order the file gives them; ``LEX.per`` and ``LEX.descriptors``
likewise. Nothing else in careerlint holds a cue word.
"""

from __future__ import annotations

import re

from careerlint import rxcache
from careerlint.extract.phrase import compile_list, compile_phrase

_NAMED_GROUPS = ("statistics", "per", "domains", "descriptors")


def build_cues(data: dict) -> dict[str, str]:
    """The pattern (source) of every list of the lexicon, by name: every flat list, every entry of the
    grouped lists, and "<group>_all" for any entry of a group ({cue:statistics_all})."""
    cues: dict[str, str] = {}
    pending = []
    for key, value in data.items():
        if isinstance(value, list):
            pending.append((key, value))
        elif isinstance(value, dict):
            for sub, phrases in value.items():
                pending.append((sub, phrases))
    # lists may refer to lists defined before them (statistics before domains)
    for key, phrases in pending:
        cues[key] = compile_list([str(p) for p in phrases], cues)
    for key, value in data.items():
        if isinstance(value, dict):
            cues[key + "_all"] = "|".join(f"(?:{cues[sub]})" for sub in value)
    return cues


class Lexicon:
    def __init__(self, data: dict, cues: dict[str, str] | None = None) -> None:
        """``cues``: build_cues(data), when the caller has it already (the start cache)."""
        self.data = data
        self.cues = cues if cues is not None else build_cues(data)
        self._compiled: dict[str, re.Pattern] = {}
        # what is read from the lexicon alone, made once for every page (extract.labels keeps its
        # head nouns, place pattern and page-free label meanings here)
        self.shared: dict = {}
        self.stat = self._pairs("statistics")
        self.per = self._pairs("per")
        self.domains = self._pairs("domains")
        self.descriptors = self._pairs("descriptors")
        self.level_groups = self._pairs("level_groups")
        self.stat_any = rxcache.compile("|".join(f"(?P<{_g(n)}>{p.pattern})" for n, p in self.stat), re.I)

    def level_group(self, level: str) -> str:
        """The band of experience a level's words name ("Junior" -> "entry"), or the words themselves."""
        for name, pat in self.level_groups:
            if pat.fullmatch(level):
                return name
        return level

    def _pairs(self, group: str) -> list[tuple[str, re.Pattern]]:
        return [(name, rxcache.compile(self.cues[name], re.I)) for name in (self.data.get(group) or {})]

    def __getattr__(self, name: str) -> re.Pattern:
        compiled = self.__dict__.get("_compiled")
        if compiled is None or name.startswith("_"):
            raise AttributeError(name)
        pat = compiled.get(name)
        if pat is None:
            if name not in self.cues:
                raise AttributeError(f"no lexicon list '{name}'")
            pat = compiled[name] = rxcache.compile(self.cues[name], re.I)
        self.__dict__[name] = pat  # an attribute now: later reads never come here (~700 a page)
        return pat

    def pattern(self, phrase: str) -> re.Pattern:
        """A phrase of the lexicon's syntax, compiled (for code that needs one extra cue)."""
        return rxcache.compile(compile_phrase(phrase, self.cues), re.I)


def _g(name: str) -> str:
    return "s_" + re.sub(r"\W", "_", name)


def statistic_at(lex: Lexicon, m: re.Match) -> str:
    """The statistic a match of ``lex.stat_any`` names."""
    for name, _p in lex.stat:
        if m.group(_g(name)) is not None:
            return name
    return ""


_LEX: list[Lexicon] = []


def lexicon() -> Lexicon:
    """The bundled lexicon; its cue patterns come from the start cache when this file and this code
    built them before (building them is ~13 ms of a fresh process)."""
    if not _LEX:
        import careerlint.extract.lexicon as me
        import careerlint.extract.phrase as phrase
        from careerlint import startcache, yamlfile
        from careerlint.resources import rules_dir

        path = rules_dir() / "lexicon.yaml"
        data = dict(yamlfile.load_remembered(path))
        name = startcache.key("cues", str(path))
        try:
            stamp = startcache.key("bytes", path.read_bytes(), startcache.code_of(me, phrase))
        except OSError:
            stamp = None
        cues = startcache.get_stamped(name, stamp) if stamp else None
        ok = isinstance(cues, dict) and all(isinstance(v, str) for v in cues.values())
        lx = Lexicon(data, cues if ok else None)
        if stamp and not ok:
            startcache.put_stamped(name, stamp, lx.cues)
        _LEX.append(lx)
    return _LEX[0]
