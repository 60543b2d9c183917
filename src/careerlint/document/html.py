"""HTML -> Document.

We parse with lxml.html directly: BeautifulSoup's tree built by the lxml parser
carries no source lines, and those are what every finding is reported at.
"""

from __future__ import annotations

import re

from careerlint.document.directives import Directive, UnknownDirective, close_ranges, parse_directive
from careerlint.document.model import Block, Document, Table
from careerlint.document.tables import build_grid
from careerlint.errors import InputError

# Elements whose text is never shown to a reader.
SKIP_TAGS = frozenset({"script", "style", "template", "noscript", "title", "svg", "math", "iframe",
                       "object", "link"})

# Elements that start a new block of text. Everything else is inline.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "nav", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "label", "output", "option", "select", "textarea", "button",
})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
CELL_TAGS = frozenset({"td", "th"})

_NONSPACE = re.compile(r"\S+")


class _Builder:
    """Collects the text of one block, collapsing whitespace and remembering lines."""

    __slots__ = ("parts", "length", "offsets", "lines", "space")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.offsets: list[int] = []
        self.lines: list[int] = []
        self.space = False

    def add(self, s: str, line: int) -> None:
        if not s:
            return
        content = s.strip()
        if not content:
            if self.length:
                self.space = True
            return
        if (self.space or s[0].isspace()) and self.length:
            self.parts.append(" ")
            self.length += 1
        ln = line + s.count("\n", 0, len(s) - len(s.lstrip()))
        if "\n" not in content:
            text = " ".join(content.split())
            self._mark(self.length, ln)
        else:
            # one marker per source line of the text, so every offset maps to its line
            words_so_far = []
            off = self.length
            for i, piece in enumerate(content.split("\n")):
                words = piece.split()
                if not words:
                    continue
                if words_so_far:
                    off += 1
                self._mark(off, ln + i)
                chunk = " ".join(words)
                words_so_far.append(chunk)
                off += len(chunk)
            text = " ".join(words_so_far)
        self.parts.append(text)
        self.length += len(text)
        self.space = s[-1].isspace()

    def _mark(self, offset: int, line: int) -> None:
        if not self.lines or self.lines[-1] != line:
            self.offsets.append(offset)
            self.lines.append(line)

    def soft_break(self) -> None:
        if self.length:
            self.space = True


_WS_ONLY = re.compile(r"\s*$")

def parse_html(text: str, path: str = "<string>", source: list[str] | None = None,
               markdown: bool = False) -> Document:
    """Build a Document from decoded HTML text (or from HTML rendered from Markdown)."""
    from lxml import etree, html as lhtml

    source = text.split("\n") if source is None else source
    if _WS_ONLY.match(text):
        return Document(path, [], [], "", "", source, [])
    parser = lhtml.HTMLParser(encoding="utf-8", huge_tree=True, remove_comments=False)
    data = text.encode("utf-8", "surrogatepass")
    try:
        root = lhtml.document_fromstring(data, parser=parser)
        for tags in (_CONTAINER_TAG, _ALL_BUT_STRUCTURE):
            if not any("depth" in e.message.lower() for e in parser.error_log):
                break
            # libxml2 drops whatever is nested deeper than it allows (2048). Generic containers
            # carry no meaning for us: drop their tags (keeping their newlines, so every line
            # stays where it was) and parse again; then every tag but tables, headings and
            # elements whose content is never shown (lists and quotes become plain text).
            text = tags.sub(lambda m: "\n" * m.group(0).count("\n") or " ", text)
            root = lhtml.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
        else:
            if any("depth" in e.message.lower() for e in parser.error_log):
                raise InputError(f"{path}: error: elements nested more than 2048 deep even without "
                                 "lists, quotes and containers; page not checked")
    except (etree.ParserError, ValueError):
        return Document(path, [], [], "", "", source, [])
    return _Walker(path, source, markdown).run(root)


# "<div class=x>", "</span>": tags of elements that only group others
_CONTAINER_TAG = re.compile(r"</?(?:div|span|section|article|font|center|b|i|em|strong)(?:\s[^<>]*)?>", re.I)
# "<ul>", "<li class=x>", "</blockquote>": every tag but tables, headings and hidden content
_ALL_BUT_STRUCTURE = re.compile(
    r"</?(?!(?:table|thead|tbody|tfoot|tr|td|th|caption|h[1-6]|html|head|body|title|meta|"
    + "|".join(sorted(SKIP_TAGS)) + r")\b)[a-z][\w-]*(?:\s[^<>]*)?/?>", re.I)


class _Walker:
    def __init__(self, path: str, source: list[str], markdown: bool = False) -> None:
        self.path = path
        self.source = source
        self.markdown = markdown  # lines come from data-md-line, not from the rendered HTML
        self.blocks: list[Block] = []
        self.tables: list[Table] = []
        self.tags: list[str] = []
        self.title = ""
        self.h1 = ""
        self.meta: dict[str, str] = {}
        self.section = -1
        # open block builders: (builder, tag, ancestors, cell, header)
        self.builders: list[tuple[_Builder, str, tuple[int, ...], tuple | None, bool]] = []
        self.path_keys: list[int] = []
        self.cell_depth = 0
        # open tables: dict with rows being built
        self.open_tables: list[dict] = []
        self.opened: list[str] = []
        self.directives: list[Directive] = []
        self.problems: list[str] = []  # one-line errors about the page (an unknown directive)
        self._ignores: dict[int, Directive] = {}
        # Markdown: inside a raw HTML block, (Markdown line, rendered line) of the block's start,
        # so an element's rendered line maps back to the Markdown source
        self._md_block: tuple[int, int] | None = None

    def _line_of(self, el) -> int | None:
        """The source line an element starts on, when it is known."""
        if not self.markdown:
            return el.sourceline
        if self._md_block is not None and el.sourceline:
            return self._md_block[0] + el.sourceline - self._md_block[1]
        return None

    # -- blocks -----------------------------------------------------------------
    def _open(self, tag: str, cell=None, header=False) -> None:
        self.builders.append((_Builder(), tag, tuple(self.path_keys[-10:]), cell, header))

    def _flush_top(self) -> int | None:
        """Emit the top builder as a block (if it has text) and replace it with an empty one."""
        b, tag, anc, cell, header = self.builders[-1]
        bid = self._emit(b, tag, anc, cell, header)
        self.builders[-1] = (_Builder(), tag if tag != "#anon" else "#anon", anc, cell, header)
        return bid

    def _close(self) -> int | None:
        b, tag, anc, cell, header = self.builders.pop()
        return self._emit(b, tag, anc, cell, header)

    def _emit(self, b: _Builder, tag, anc, cell, header) -> int | None:
        if not b.length:
            return None
        bid = len(self.blocks)
        text = "".join(b.parts)
        section = self.section
        if tag in HEADING_TAGS:
            self.section = bid
            section = bid
            if tag == "h1" and not self.h1:
                self.h1 = text
        self.blocks.append(Block(bid, text, tag, b.offsets, b.lines, anc, section, cell, header))
        return bid

    def _add_text(self, s: str | None, line: int) -> None:
        if s and self.builders:
            self.builders[-1][0].add(s, line)

    # -- walk -------------------------------------------------------------------
    def run(self, root) -> Document:
        self._open("#root")
        cur = 1
        stack: list[tuple[object, int]] = [(root, 0)]
        # state: 0 = start, 1 = end (content walked), 2 = end of a skipped element
        while stack:
            el, state = stack.pop()
            tag = el.tag
            if state == 0:
                if not isinstance(tag, str):  # comment or processing instruction
                    cur = self._line_of(el) or cur
                    try:
                        d = parse_directive(el.text, cur)
                    except UnknownDirective as e:
                        self.problems.append(f"{self.path}:{cur}: error: {e}")
                        d = None
                    if d is not None:
                        self.directives.append(d)
                    stack.append((el, 2))
                    continue
                tag = tag.lower()
                ml = el.get("data-md-line") if self.markdown else None
                if ml:
                    cur = int(ml)
                    if el.get("data-md-block") is not None:
                        self._md_block = (cur, el.sourceline or 0)
                    elif tag != "careerlint-line":
                        self._md_block = None  # a rendered Markdown block: the raw HTML block is over
                else:
                    cur = self._line_of(el) or cur
                if tag == "title" and not self.title:
                    self.title = " ".join((el.text_content() or "").split())
                if tag == "meta":
                    name = (el.get("name") or el.get("property") or "").lower()
                    if name:
                        self.meta[name] = el.get("content") or ""
                if tag in SKIP_TAGS or el.get("hidden") is not None:
                    stack.append((el, 2))
                    continue
                key = len(self.tags)
                self.tags.append(tag)
                ignore = el.get("data-careerlint-ignore")
                if ignore is not None:
                    rules = tuple(r for r in re.split(r"[\s,]+", ignore.strip()) if r)
                    d = Directive("ignore", rules, cur,
                                  text='data-careerlint-ignore="' + " ".join(rules) + '"')
                    self.directives.append(d)
                    self._ignores[key] = d
                self._start(el, tag, key)
                self.path_keys.append(key)
                # text before the first child starts right where that child's text ends
                text = el.text
                if text and self.markdown and text.isspace() and tag in BLOCK_TAGS:
                    text = None  # the renderer's own line breaks between block tags
                if text:
                    line = cur
                    first = el[0] if len(el) else None
                    first_line = self._line_of(first) if first is not None else None
                    if first_line:
                        line = max(cur, first_line - text.count("\n"))
                    self._add_text(text, line)
                    cur = line + text.count("\n")
                stack.append((el, 1))
                for child in reversed(el):
                    stack.append((child, 0))
            else:
                if state == 1:
                    key = self.path_keys.pop()
                    self._end(el, tag.lower())
                    if key in self._ignores:
                        self._ignores.pop(key).end = cur
                tail = el.tail
                if tail and self.markdown and tail.isspace() and (
                        not isinstance(el.tag, str) or el.tag.lower() in BLOCK_TAGS or el.tag == "careerlint-line"):
                    tail = None
                if tail:
                    line = cur
                    nxt = el.getnext()
                    next_line = self._line_of(nxt) if nxt is not None else None
                    if next_line:
                        line = max(cur, next_line - tail.count("\n"))
                    self._add_text(tail, line)
                    cur = line + tail.count("\n")
        while self.builders:
            self._close()
        close_ranges(self.directives, len(self.source))
        return Document(self.path, self.blocks, self.tables, self.title, self.h1,
                        self.source, self.tags, self.meta, self.directives, self.problems)

    def _start(self, el, tag: str, key: int) -> None:
        """Open what ``el`` opens and remember it, so that ``_end`` closes exactly that."""
        self.opened.append(self._open_for(el, tag, key))

    def _open_for(self, el, tag: str, key: int) -> str:
        if tag == "br":
            if self.builders:
                self.builders[-1][0].soft_break()
            return ""
        if self.cell_depth:
            # inside a table cell everything (even a nested table) reads as one unit
            if tag in BLOCK_TAGS and self.builders:
                self.builders[-1][0].soft_break()
                return "soft"
            return ""
        if tag == "table":
            self._flush_top()
            self.open_tables.append({"key": key, "line": el.sourceline or 1, "rows": [],
                                     "caption": None, "in_head": 0})
            return "table"
        if self.open_tables:
            t = self.open_tables[-1]
            if tag == "thead":
                t["in_head"] += 1
                return "thead"
            if tag == "tr":
                t["rows"].append({"cells": [], "head": t["in_head"] > 0})
                return ""
            if tag in CELL_TAGS and _is_layout_cell(el):
                # a page laid out with a table: its cells hold ordinary blocks
                if not t["rows"]:
                    t["rows"].append({"cells": [], "head": t["in_head"] > 0})
                t["rows"][-1]["cells"].append({"bid": None, "th": False, "colspan": _span(el.get("colspan")),
                                               "rowspan": _span(el.get("rowspan"))})
                self._flush_top()
                self._open("div")
                return "block"
            if tag in CELL_TAGS:
                if not t["rows"]:
                    t["rows"].append({"cells": [], "head": t["in_head"] > 0})
                t["rows"][-1]["cells"].append({"bid": None, "th": tag == "th",
                                               "colspan": _span(el.get("colspan")),
                                               "rowspan": _span(el.get("rowspan"))})
                self.cell_depth += 1
                self._flush_top()
                self._open(tag, cell=(-1, -1, -1), header=(tag == "th" or t["in_head"] > 0))
                return "cell"
            if tag == "caption":
                self._flush_top()
                self._open(tag)
                return "caption"
        if tag in BLOCK_TAGS or (tag == "a" and _is_card_link(el)):
            self._flush_top()
            self._open(tag)
            return "block"
        return ""

    def _end(self, el, tag: str) -> None:
        what = self.opened.pop()
        if what == "block":
            self._close()
        elif what == "soft":
            self.builders[-1][0].soft_break()
        elif what == "cell":
            self.cell_depth -= 1
            bid = self._close()
            t = self.open_tables[-1]
            t["rows"][-1]["cells"][-1]["bid"] = bid
        elif what == "caption":
            self.open_tables[-1]["caption"] = self._close()
        elif what == "thead":
            self.open_tables[-1]["in_head"] -= 1
        elif what == "table":
            self._flush_top()
            self._finish_table(self.open_tables.pop())

    def _finish_table(self, info: dict) -> None:
        tid = len(self.tables)
        table = Table(tid, info["key"], info["line"], caption=info["caption"])
        table.grid, table.header_rows = build_grid(info["rows"], self.path, info["line"])
        for r, row in enumerate(table.grid):
            for c, bid in enumerate(row):
                if bid is not None and self.blocks[bid].cell is not None and self.blocks[bid].cell[1] < 0:
                    blk = self.blocks[bid]
                    blk.cell = (tid, r, c)
                    if r < table.header_rows:
                        blk.header = True
        self.tables.append(table)


_LAYOUT_EVIDENCE = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "section",
                              "article", "main", "nav", "form", "blockquote"})


def _is_layout_cell(el) -> bool:
    """A cell used for page layout: it holds headings, lists, tables or several paragraphs."""
    paragraphs = 0
    for n, d in enumerate(el.iterdescendants()):
        if n > 400:
            return True
        tag = d.tag
        if not isinstance(tag, str):
            continue
        if tag in _LAYOUT_EVIDENCE:
            return True
        if tag == "p":
            paragraphs += 1
            if paragraphs > 1:
                return True
    return False


def _is_card_link(el) -> bool:
    """A link laid out as a card ("<a class=card><span>Electrician</span><span>$62,350</span>..."):
    two or more child elements make it a unit of its own, as a browser's CSS would show it."""
    n = 0
    for child in el:
        if isinstance(child.tag, str):
            n += 1
            if n >= 2:
                return True
    return False


def _span(value: str | None) -> int:
    try:
        n = int((value or "1").strip())
    except ValueError:
        return 1
    return n if n > 0 else 1
