"""The lexicon (rules/lexicon.yaml): cue words, compiled once, shared by every step of extraction.

``LEX.<list>`` is a compiled pattern for a list (``LEX.forecast``); ``LEX.stat`` is the list of
(statistic, pattern) pairs in the order the file gives them; ``LEX.per`` and ``LEX.descriptors``
likewise. Nothing else in careerlint holds a cue word.
"""

from __future__ import annotations

import re

from careerlint.extract.phrase import compile_list, compile_phrase

_NAMED_GROUPS = ("statistics", "per", "domains", "descriptors")


class Lexicon:
    def __init__(self, data: dict) -> None:
        self.data = data
        # sources for {cue:name}: every flat list, and every entry of the grouped lists
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
        for key, value in data.items():  # "{cue:statistics_all}": any statistic
            if isinstance(value, dict):
                cues[key + "_all"] = "|".join(f"(?:{cues[sub]})" for sub in value)
        self.cues = cues
        self._compiled: dict[str, re.Pattern] = {}
        # what is read from the lexicon alone, made once for every page (extract.labels keeps its
        # head nouns, place pattern and page-free label meanings here)
        self.shared: dict = {}
        self.stat = self._pairs("statistics")
        self.per = self._pairs("per")
        self.domains = self._pairs("domains")
        self.descriptors = self._pairs("descriptors")
        self.level_groups = self._pairs("level_groups")
        self.stat_any = re.compile("|".join(f"(?P<{_g(n)}>{p.pattern})" for n, p in self.stat), re.I)

    def level_group(self, level: str) -> str:
        """The band of experience a level's words name ("Junior" -> "entry"), or the words themselves."""
        for name, pat in self.level_groups:
            if pat.fullmatch(level):
                return name
        return level

    def _pairs(self, group: str) -> list[tuple[str, re.Pattern]]:
        return [(name, re.compile(self.cues[name], re.I)) for name in (self.data.get(group) or {})]

    def __getattr__(self, name: str) -> re.Pattern:
        compiled = self.__dict__.get("_compiled")
        if compiled is None or name.startswith("_"):
            raise AttributeError(name)
        pat = compiled.get(name)
        if pat is None:
            if name not in self.cues:
                raise AttributeError(f"no lexicon list '{name}'")
            pat = compiled[name] = re.compile(self.cues[name], re.I)
        return pat

    def pattern(self, phrase: str) -> re.Pattern:
        """A phrase of the lexicon's syntax, compiled (for code that needs one extra cue)."""
        return re.compile(compile_phrase(phrase, self.cues), re.I)


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
    if not _LEX:
        from careerlint import yamlfile
        from careerlint.resources import rules_dir

        _LEX.append(Lexicon(dict(yamlfile.load(rules_dir() / "lexicon.yaml"))))
    return _LEX[0]
