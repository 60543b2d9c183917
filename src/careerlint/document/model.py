"""The Document model: visible text blocks and tables, each with its source line.

The Document is the only thing extraction reads. It knows nothing about salaries or
growth rates; it only keeps text in reading order, where it came from, and the page
structure that gives numbers their meaning (table grids, definition lists, cards,
headings).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from careerlint import rxcache
from careerlint.document.directives import Directive

@dataclass(eq=False, slots=True)
class Block:
    """A run of visible text that a reader sees as one unit (a paragraph, item, cell...)."""

    id: int
    text: str
    tag: str
    offsets: list[int]          # block-text offsets where a new source line starts
    lines: list[int]            # the source line for each entry of ``offsets``
    ancestors: tuple[int, ...]  # element keys, outermost first (nearest few only)
    section: int                # block id of the heading in force, -1 before any
    cell: tuple[int, int, int] | None = None  # (table id, row, column) for table cells
    header: bool = False        # a th, or a cell in a header row

    def line_at(self, offset: int) -> int:
        i = bisect_right(self.offsets, offset) - 1
        return self.lines[max(i, 0)]

    @property
    def line(self) -> int:
        return self.lines[0]


@dataclass(eq=False)
class Table:
    """A table of the page: its grid of block ids (spans filled in) and where it starts."""

    id: int
    key: int                      # element key of the <table>
    line: int
    grid: list[list[int | None]] = field(default_factory=list)  # block ids per row/column
    header_rows: int = 0
    caption: int | None = None    # block id of the caption

    def column_header(self, col: int, doc: "Document") -> str:
        parts: list[str] = []
        for r in range(self.header_rows):
            row = self.grid[r]
            if col < len(row) and row[col] is not None:
                t = doc.blocks[row[col]].text
                if t and (not parts or parts[-1] != t):
                    parts.append(t)
        return " ".join(parts)


@dataclass(eq=False)
class Document:
    """A page read into blocks, tables and cards, each with its source lines."""

    path: str
    blocks: list[Block]
    tables: list[Table]
    title: str
    h1: str
    source: list[str]            # the decoded source, split in lines (for columns)
    tags: list[str]              # element key -> tag name
    meta: dict[str, str] = field(default_factory=dict)
    directives: list[Directive] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one-line errors: the page is read, but wrong
    _word_index: dict[int, dict[str, list[int]]] = field(default_factory=dict, repr=False)

    def column(self, line: int, needle: str, nth: int = 0) -> int:
        """1-based column of the nth occurrence of ``needle`` in text (not tags) on ``line``."""
        if not needle or line < 1 or line > len(self.source):
            return 1
        src = self.source[line - 1]
        if len(src) > LONG_LINE:
            return self._long_line_column(line, src, needle, nth)
        if needle not in src:
            # the source may spell part of it as an entity ("2024&ndash;34"): use its
            # leading run of plain characters
            m = re.match(r"[\w$.,%+-]+", needle) or re.search(r"\d[\d,.]*", needle)
            if not m or m.group(0) not in src:
                m = re.search(r"\d[\d,.]*", needle)
                if not m or m.group(0) not in src:
                    return 1
            needle = m.group(0)
        start = 0
        seen = 0
        while True:
            i = src.find(needle, start)
            if i < 0:
                return 1
            if src.rfind("<", 0, i) <= src.rfind(">", 0, i):  # not inside a tag
                if seen == nth:
                    return i + 1
                seen += 1
            start = i + 1

    def _long_line_column(self, line: int, src: str, needle: str, nth: int) -> int:
        """column() on a very long line (a minified page): one pass indexes every word of the
        line's text, so each finding costs a lookup, not a scan from the line's start (which
        made a 1 MB page on one line quadratic). Words are runs of letters, digits and
        $.,%+- ("$47,190", "6%", "U.S."); a needle that is no such word is looked up by its
        leading run ("2022–2032" by "2022")."""
        index = self._word_index.get(line)
        if index is None:
            index = self._word_index[line] = _index_words(src)
        positions = index.get(needle)
        if positions is None:
            m = _WORD.match(needle) or _WORD.search(needle)
            positions = index.get(m.group(0)) if m else None
        if not positions:
            return 1
        return positions[min(nth, len(positions) - 1)] + 1


LONG_LINE = 20_000  # characters: a line longer than this is indexed once instead of scanned per finding

# "$47,190", "6%", "U.S.", "2022" (from "2022&ndash;2032"), "May": the words of a line's text
_WORD = rxcache.compile(r"[\w$£€%.,+-]+")
# "<p class=x>" or a run of text between tags
_TAG_OR_TEXT = rxcache.compile(r"<[^>]*>?|[^<]+")


def _index_words(src: str) -> dict[str, list[int]]:
    """Where each word of the text (not the tags) of one line starts, in order; a word with
    trailing sentence punctuation ("$50,000.") is indexed with and without it."""
    index: dict[str, list[int]] = {}
    for part in _TAG_OR_TEXT.finditer(src):
        if part.group(0).startswith("<"):
            continue
        base = part.start()
        for m in _WORD.finditer(part.group(0)):
            word = m.group(0)
            at = base + m.start()
            index.setdefault(word, []).append(at)
            bare = word.rstrip(".,")
            if bare and bare != word:
                index.setdefault(bare, []).append(at)
    return index
