"""The phrase syntax of rules/lexicon.yaml and rules/phrasings.yaml, compiled to regular expressions.

    median [annual] wage        words; [optional part], [a|b] optional alternatives
    (lowest|bottom) {pct:10}    (alternatives); a percentage written any way
    earn* between               a word and any ending
    entry-level                 a hyphen also matches a space or nothing
    {cue:median}                every phrase of a lexicon list
    {money} {occupation}        slots (phrasings only): compiled by the caller's ``slot`` function
    # years                     '#' is a number ("3 years", "2.5 years")
    \\(decline\\)               a backslash makes the next character literal

Every pattern this produces is a plain alternation of literals with bounded slots: no nested
quantifiers over overlapping classes, so matching is linear in the text.
"""

from __future__ import annotations

import re
from typing import Callable

from careerlint import rxcache

_NUMBER_WORDS = {"10": "ten", "25": "twenty-five", "50": "fifty", "75": "seventy-five", "90": "ninety"}
# "{pct:10}" -> 10%, 10 percent, 10 per cent, 10-percent, ten percent
_PCT = r"(?:{n}\s?(?:%|-?percent\b|per\s?cent\b)|{w}\s+percent\b)"
_TOKEN = rxcache.compile(r"\{[^{}]*\}|[\[\]()|]|\s+|(?:\\.|[^\s\[\]()|{}\\])+")


# punctuation that follows a word without a space: "{occupation}, with a median"
_PUNCT_ATOMS = frozenset({",", ".", ";", ":", "!", "?", "\\,", "\\.", "\\;", "\\:", "\\!", "\\?"})


class PhraseError(ValueError):
    """A phrase that does not compile; the message says what is wrong."""


def compile_phrase(phrase: str, cues: dict[str, str], slot: Callable[[str], str] | None = None) -> str:
    """The regular expression (source) for one phrase, with word boundaries at its ends."""
    tokens = _TOKEN.findall(phrase.strip())
    pos = 0

    def seq(stop: str) -> str:
        nonlocal pos
        items: list[tuple[str, bool]] = []   # (regex, optional)
        while pos < len(tokens):
            t = tokens[pos]
            if t in stop:
                break
            pos += 1
            if t.isspace():
                continue
            if t == "[":
                alts = [seq("|]")]
                while pos < len(tokens) and tokens[pos] == "|":
                    pos += 1
                    alts.append(seq("|]"))
                _expect("]")
                items.append(("(?:" + "|".join(alts) + ")" if len(alts) > 1 else alts[0], True))
            elif t == "(":
                alts = [seq("|)")]
                while pos < len(tokens) and tokens[pos] == "|":
                    pos += 1
                    alts.append(seq("|)"))
                _expect(")")
                items.append(("(?:" + "|".join(alts) + ")", False))
            elif t in "])|":
                raise PhraseError(f"unbalanced '{t}' in {phrase!r}")
            else:
                items.append((_atom(t, cues, slot, phrase), False))
        # each item but the first is joined by its own leading space, which is part of it when it is
        # optional; while every item before it is optional, that space may be missing (they may all be)
        out = ""
        for i, (rx, optional) in enumerate(items):
            if i == 0:
                sep = ""
            elif all(opt for _, opt in items[:i]) or rx[:2] in _PUNCT_ATOMS:
                sep = r"\s*"
            else:
                sep = r"\s+"
            out += f"(?:{sep}{rx})?" if optional else f"{sep}{rx}"
        return out

    def _expect(ch: str) -> None:
        nonlocal pos
        if pos >= len(tokens) or tokens[pos] != ch:
            raise PhraseError(f"missing '{ch}' in {phrase!r}")
        pos += 1

    body = seq("")
    if pos != len(tokens):
        raise PhraseError(f"unbalanced '{tokens[pos]}' in {phrase!r}")
    head = _first_char(phrase)
    tail = phrase.rstrip().rstrip(")]")[-1:] if phrase.strip() else ""  # "level (i|ii)": its last word
    left = r"(?<![\w])" if head.isalnum() else ""
    right = r"(?![\w])" if tail.isalnum() or tail in "*#" else ""
    return f"{left}(?:{body}){right}"


def _first_char(phrase: str) -> str:
    for ch in phrase.strip():
        if ch not in "[(":
            return ch
    return ""


def _atom(t: str, cues: dict[str, str], slot, phrase: str) -> str:
    if t.startswith("{"):
        name = t[1:-1].strip()
        if name.startswith("pct:"):
            n = name[4:].strip()
            return _PCT.format(n=re.escape(n), w=_NUMBER_WORDS.get(n, re.escape(n)))
        if name.startswith("cue:"):
            key = name[4:].strip()
            if key not in cues:
                raise PhraseError(f"unknown lexicon list '{key}' in {phrase!r}")
            return f"(?:{cues[key]})"
        if slot is None:
            raise PhraseError(f"slot {t} is not allowed here: {phrase!r}")
        return slot(name)
    out = []
    i = 0
    while i < len(t):
        ch = t[i]
        if ch == "\\" and i + 1 < len(t):
            out.append(re.escape(t[i + 1]))
            i += 2
            continue
        if ch == "*" and i == len(t) - 1:
            out.append(r"\w*")
        elif ch == "-" and 0 < i < len(t) - 1 and t[i - 1].isalnum() and t[i + 1].isalnum():
            out.append(r"[-\s]?")
        elif ch == "#":
            out.append(r"\d+(?:[.,]\d+)?")
        elif ch == "'":
            out.append("['’]")
        else:
            out.append(re.escape(ch))
        i += 1
    return "".join(out)


def compile_list(phrases: list[str], cues: dict[str, str]) -> str:
    """One pattern for a list of phrases. Plain phrases (words, hyphens, a trailing '*') are merged
    into a character trie, so the engine tries one branch per character instead of one per phrase;
    the others follow, longest first (so 'much faster' wins over 'faster')."""
    simple = [p for p in phrases if _SIMPLE.fullmatch(p.strip())]
    rest = [p for p in phrases if not _SIMPLE.fullmatch(p.strip())]
    parts = []
    if simple:
        trie: dict = {}
        for p in simple:
            node = trie
            for tok in _simple_tokens(p.strip()):
                node = node.setdefault(tok, {})
            node[""] = {}  # a phrase may end here
        parts.append(r"(?<![\w])(?:" + _trie_regex(trie) + r")(?![\w])")
    parts += [compile_phrase(p, cues) for p in sorted(rest, key=len, reverse=True)]
    return "|".join(parts) if parts else r"(?!x)x"


# a phrase with no optional part, alternative, slot or escape: "median pay", "entry-level", "earn*"
_SIMPLE = rxcache.compile(r"[A-Za-z0-9][\w'’.&/,-]*\*?(?:\s+[A-Za-z0-9][\w'’.&/,-]*\*?)*")
_TOKEN_RX = {" ": r"\s+", "-": r"[-\s]?", "*": r"\w*", "'": "['’]", "’": "['’]"}


def _simple_tokens(p: str) -> list[str]:
    """A plain phrase as trie tokens: lowercase characters, ' ' for a space, '-' inside a word, '*'."""
    out: list[str] = []
    words = p.split()
    for wi, w in enumerate(words):
        if wi:
            out.append(" ")
        for i, ch in enumerate(w):
            if ch == "*" and i == len(w) - 1:
                out.append("*")
            elif ch == "-" and 0 < i < len(w) - 1:
                out.append("-")
            else:
                out.append(ch.lower())
    return out


def _trie_regex(node: dict) -> str:
    """The regex of a trie: longer continuations first, so the longest phrase wins at a position."""
    ends = "" in node
    branches = []
    for tok in sorted((t for t in node if t), key=lambda t: (t in (" ", "-", "*"), t)):
        head = _TOKEN_RX.get(tok, re.escape(tok))
        branches.append(head + _trie_regex(node[tok]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body
