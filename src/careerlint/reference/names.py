"""Occupation names made comparable: the one normalisation every title, alias and page name goes through.

Exact matching only: two names match when their keys are equal. The key folds case, accents,
punctuation (hyphens and commas included), "&" versus "and", possessive "'s" and regular plurals,
and nothing else: no stemming beyond plurals, no word reordering, no dropped words.
"""

from __future__ import annotations

import re
import unicodedata

# "workers'" / "children's" -> the apostrophe and a possessive s go: "children's librarians" -> "children librarian"
_POSSESSIVE = re.compile(r"['’]s\b")
# any run of characters that are not letters or digits: "First-Line Supervisors, Retail" -> "First Line Supervisors Retail"
_NON_WORD = re.compile(r"[\W_]+")


def singular(word: str) -> str:
    """'secretaries' -> 'secretary', 'waitresses' -> 'waitress', 'aides' -> 'aide', 'analysis' stays."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    return word[:-1]


def name_key(name: str) -> str:
    """The comparison key of an occupation name.

    'Barbers, Hairstylists, & Cosmetologists' -> 'barber hairstylist and cosmetologist'
    'first-line supervisors of retail sales workers' -> 'first line supervisor of retail sale worker'
    """
    s = name
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = _POSSESSIVE.sub("", s.casefold().replace("&", " and "))
    return " ".join([singular(w) for w in _NON_WORD.sub(" ", s).split()])


def slug_name(slug: str) -> str:
    """An OOH profile's URL slug as a name: 'barbers-hairstylists-and-cosmetologists' -> 'barbers hairstylists and
    cosmetologists'."""
    return slug.replace("-", " ").strip()
