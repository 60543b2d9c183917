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

    def column(self, line: int, needle: str, nth: int = 0) -> int:
        """1-based column of the nth occurrence of ``needle`` in text (not tags) on ``line``."""
        if not needle or line < 1 or line > len(self.source):
            return 1
        src = self.source[line - 1]
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
