"""Document -> Claims.

    mentions   a pure lexer: money, percent, count, period, vintage, year (with offsets)
    units      where a figure sits: card, key-value table, table cell, list, definition, headings
    phrasings  sentence shapes with named slots (rules/phrasings.yaml)
    resolve    every attribute of a figure decided by named steps in a declared order
    citations  which vintages and periods date data, and their sources

Cue words for all of them live in rules/lexicon.yaml (extract.lexicon).
"""

from __future__ import annotations

from careerlint.claims import Claim
from careerlint.document import Document
from careerlint.sources import Registry


def extract(doc: Document, registry: Registry) -> list[Claim]:
    from careerlint.extract.reader import Reader

    return Reader(doc, registry).run()
