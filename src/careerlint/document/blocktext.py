"""The text of one block as the walker collects it: whitespace collapsed as a browser shows it,
and the source line of every offset kept, so a figure found in it is reported where it is."""

from __future__ import annotations


class BlockText:
    """The text of one block being collected: whitespace collapsed, the line of each offset kept.
    It also carries what the block will be: its tag, table cell and header flag, and how many
    element keys were open when it was (its ancestors: a prefix that holds while it is open).

    Text arrives in pieces (an element's text, a tail) with the line each starts on. While each
    piece starts on the line where the one before it ended, the pieces are kept as a run and
    collapsed in one go when the block is emitted: collapsing "a\n b" + " c" gives the same words
    and line markers as collapsing each piece in turn (a marker at the first word of every line).
    A piece that starts elsewhere (a line the walker learnt from the next element) ends the run."""

    __slots__ = ("parts", "length", "offsets", "lines", "space", "tag", "depth", "cell", "header",
                 "run", "base", "expect")

    def __init__(self, tag: str, depth: int, cell=None, header: bool = False) -> None:
        # parts, offsets and lines are made with the first words: most elements that open a
        # block hold only other blocks
        self.length = 0
        self.space = False
        self.run: list[str] | None = None  # pieces not yet collapsed: the first holds a word
        self.tag = tag
        self.depth = depth
        self.cell = cell
        self.header = header

    def piece(self, s: str, line: int, newlines: int) -> None:
        """Add the non-empty text ``s`` that starts on ``line`` and holds ``newlines``."""
        run = self.run
        if run is None:
            if s.isspace():  # nothing to show: a space, if words came before and come after
                if self.length:
                    self.space = True
                return
            self.run = [s]
            self.base = line
            self.expect = line + newlines
        elif line == self.expect or s.isspace():  # a space's own line does not matter
            run.append(s)
            self.expect += newlines
        else:
            self.settle()
            self.run = [s]
            self.base = line
            self.expect = line + newlines

    def soft_break(self) -> None:
        """A break between words (a <br>, a block inside a cell): a space if words follow."""
        if self.run is not None:
            self.run.append(" ")
        elif self.length:
            self.space = True

    def settle(self) -> None:
        """Collapse the run into the block's text and line markers."""
        s = "".join(self.run)
        self.run = None
        line = self.base
        content = s.strip()
        length = self.length
        lead = s[0].isspace()
        if not length:
            self.parts = []
            self.offsets = []
            self.lines = []
        elif lead or self.space:
            self.parts.append(" ")
            length += 1
        # the line of the first word: the newlines of the leading whitespace ("\n  Median")
        ln = line + s.count("\n", 0, s.index(content[0])) if lead else line
        lines = self.lines
        if "\n" not in content:
            text = " ".join(content.split())
            if not lines or lines[-1] != ln:
                self.offsets.append(length)
                lines.append(ln)
        else:
            # one marker per source line of the text, so every offset maps to its line
            chunks = []
            off = length
            for i, piece in enumerate(content.split("\n")):
                words = piece.split()
                if not words:
                    continue
                if chunks:
                    off += 1
                if not lines or lines[-1] != ln + i:
                    self.offsets.append(off)
                    lines.append(ln + i)
                chunk = " ".join(words)
                chunks.append(chunk)
                off += len(chunk)
            text = " ".join(chunks)
        self.parts.append(text)
        self.length = length + len(text)
        self.space = s[-1].isspace()
