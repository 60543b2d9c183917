"""The walk of a parsed HTML tree into a Document: one pass over lxml's events.

This is careerlint's hottest loop after extraction (a page has about 1,400 nodes), so it is one
function with local variables: no method call per element, each attribute read only where it
matters, and the text of a node waits for the event that follows it, which tells its line (the
line of the next node, less the newlines in the text), so no neighbour is looked up.
"""

from __future__ import annotations


from careerlint import rxcache
from careerlint.document.directives import Directive, UnknownDirective, close_ranges, parse_directive
from careerlint.document.blocktext import BlockText
from careerlint.document.model import Block, Document
from careerlint.document.tables import BLOCK, CELL, NOTHING, SOFT, end_part, start_part

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
# tags a table gives a meaning of its own (while a table is open and no cell is)
_TABLE_PARTS = frozenset({"thead", "tr", "td", "th", "caption"})

# what a tag may open (a tag not here opens nothing), or what else it is: one lookup instead of a
# chain of tests (meta and what comes after it in this list hold no text the reader sees)
_K_BLOCK, _K_BR, _K_TABLE, _K_PART, _K_LINK, _K_META, _K_SKIP, _K_TITLE = range(8)
_KIND = {**{t: _K_BLOCK for t in BLOCK_TAGS}, **{t: _K_PART for t in _TABLE_PARTS}, "table": _K_TABLE,
         "br": _K_BR, "a": _K_LINK, "meta": _K_META, **{t: _K_SKIP for t in SKIP_TAGS}, "title": _K_TITLE}

# "data-careerlint-ignore="stale-source, unsourced-figure"" -> ["stale-source", "unsourced-figure"]
_RULE_SEP = rxcache.compile(r"[\s,]+")

_XPATHS: dict[str, object] = {}


def _xpath(expr: str):
    """A compiled XPath, made on first use (lxml is imported only when a page is parsed)."""
    xp = _XPATHS.get(expr)
    if xp is None:
        from lxml import etree

        xp = _XPATHS[expr] = etree.XPath(expr, smart_strings=False)
    return xp


def walk(root, path: str, source: list[str], markdown: bool = False) -> Document:
    """The Document of the tree under ``root`` (parsed by lxml's plain HTMLParser).

    In Markdown mode lines come from data-md-line attributes, not from the rendered HTML; inside
    a raw HTML block (after a marker with data-md-block) an element's rendered line is mapped
    back to the Markdown source."""
    from lxml import etree

    blocks: list[Block] = []
    tables: list = []
    tags: list[str] = []
    title = ""
    h1 = ""
    meta: dict[str, str] = {}
    directives: list[Directive] = []
    problems: list[str] = []
    ignores: dict[int, Directive] = {}
    section = -1
    cell_depth = 0
    open_tables: list[dict] = []
    opened: list[int] = []     # what each open element opened, so that its end closes that
    path_keys: list[int] = []  # the keys of the open elements
    builders = [BlockText("#root", 0)]
    md_block: tuple[int, int] | None = None  # (Markdown line, rendered line) of a raw HTML block
    # the rare elements with an attribute that matters anywhere: found by one XPath query (a
    # fifth of the cost of reading both attributes of every element, or of a predicate)
    flagged = set(_xpath("descendant-or-self::*/@hidden/.. | descendant-or-self::*/@data-careerlint-ignore/..")(root))

    def emit(b: BlockText) -> int | None:
        nonlocal section, h1
        if b.run is not None:
            b.settle()
        elif not b.length:
            return None
        bid = len(blocks)
        text = "".join(b.parts)
        tag = b.tag
        if tag in HEADING_TAGS:
            section = bid
            if tag == "h1" and not h1:
                h1 = text
        depth = b.depth
        blocks.append(Block(bid, text, tag, b.offsets, b.lines, tuple(path_keys[max(depth - 10, 0):depth]),
                            section, b.cell, b.header))
        return bid

    cur = 1
    pending = None  # text with words (an element's text or tail) waiting for the line of the next node
    pending_nl = 0
    skipping = False
    events = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for ev, el in events:
        if ev == "end":
            if pending is not None:  # nothing follows the text inside its parent: it ends here
                builders[-1].piece(pending, cur, pending_nl)
                cur += pending_nl
                pending = None
            if skipping:
                skipping = False
            else:
                key = path_keys.pop()
                what = opened.pop()
                if what == BLOCK:
                    b = builders.pop()
                    if b.run is not None or b.length:
                        emit(b)
                elif what:
                    cell_depth -= end_part(what, builders, open_tables, tables, blocks, emit, path)
                if ignores and key in ignores:
                    ignores.pop(key).end = cur
            text = el.tail
            if not text:
                continue
            if text.isspace():
                if markdown and (el.tag.lower() in BLOCK_TAGS or el.tag == "careerlint-line"):
                    continue  # the renderer's own line breaks between block tags are not text
                # only a space between words: it needs no line (the next node's line, if it has
                # one, replaces the walk's line anyway), so it is added now
                top = builders[-1]
                if top.run is not None:
                    top.run.append(text)
                    top.expect += text.count("\n")
                elif top.length:
                    top.space = True
                cur += text.count("\n")
            else:
                pending = text
                pending_nl = text.count("\n")
            continue
        # the start of an element, a comment or a processing instruction: the line it starts on
        if not markdown:
            line = el.sourceline
        elif md_block is not None and el.sourceline:
            line = md_block[0] + el.sourceline - md_block[1]
        else:
            line = None
        if pending is not None:
            # the text before this node ends where the node starts: the node's line, less the
            # text's newlines (never before the line the walk is at)
            at = line - pending_nl if line and line - pending_nl > cur else cur
            top = builders[-1]
            if top.run is not None and at == top.expect:  # the run goes on (BlockText.piece, inlined)
                top.run.append(pending)
                top.expect += pending_nl
            else:
                top.piece(pending, at, pending_nl)
            cur = at + pending_nl
            pending = None
        if ev != "start":  # a comment (or processing instruction): maybe a directive
            cur = line or cur
            try:
                d = parse_directive(el.text, cur)
            except UnknownDirective as e:
                problems.append(f"{path}:{cur}: error: {e}")
                d = None
            if d is not None:
                directives.append(d)
            text = el.tail
            if not text:
                continue
            if text.isspace():
                if markdown:
                    continue
                top = builders[-1]
                if top.run is not None:
                    top.run.append(text)
                    top.expect += text.count("\n")
                elif top.length:
                    top.space = True
                cur += text.count("\n")
            else:
                pending = text
                pending_nl = text.count("\n")
            continue
        tag = el.tag.lower()
        if markdown and (ml := el.get("data-md-line")):
            cur = int(ml)
            if el.get("data-md-block") is not None:
                md_block = (cur, el.sourceline or 0)
            elif tag != "careerlint-line":
                md_block = None  # a rendered Markdown block: the raw HTML block is over
        else:
            cur = line or cur
        kind = _KIND.get(tag)
        if kind is not None and kind >= _K_META:
            if kind == _K_TITLE and not title:
                title = " ".join((_xpath("string()")(el) or "").split())
            elif kind == _K_META:
                name = (el.get("name") or el.get("property") or "").lower()
                if name:
                    meta[name] = el.get("content") or ""
            if kind != _K_META:  # never shown
                events.skip_subtree()
                skipping = True
                continue
        key = len(tags)
        if flagged and el in flagged:
            if el.get("hidden") is not None:
                events.skip_subtree()
                skipping = True
                continue
            if (ignore := el.get("data-careerlint-ignore")) is not None:
                rules = tuple(r for r in _RULE_SEP.split(ignore.strip()) if r)
                d = Directive("ignore", rules, cur, text='data-careerlint-ignore="' + " ".join(rules) + '"')
                directives.append(d)
                ignores[key] = d
        tags.append(tag)
        # what the element opens
        if kind is None or kind == _K_META:
            what = NOTHING
        elif kind == _K_BLOCK and not cell_depth:
            top = builders[-1]
            if top.run is not None or top.length:
                emit(top)
                top.length = 0
                top.space = False
            builders.append(BlockText(tag, len(path_keys)))
            what = BLOCK
        elif kind == _K_BR:
            builders[-1].soft_break()
            what = NOTHING
        elif cell_depth:
            # inside a table cell everything (even a nested table) reads as one unit
            if kind != _K_LINK:
                builders[-1].soft_break()
                what = SOFT
            else:
                what = NOTHING
        elif kind == _K_TABLE or (kind == _K_PART and open_tables):
            what = start_part(el, tag, key, builders, open_tables, len(path_keys), emit)
            cell_depth += what == CELL
        elif kind != _K_LINK or (len(el) > 1 and _is_card_link(el)):
            top = builders[-1]
            if top.run is not None or top.length:
                emit(top)
                top.length = 0
                top.space = False
            builders.append(BlockText(tag, len(path_keys)))
            what = BLOCK
        else:
            what = NOTHING
        opened.append(what)
        path_keys.append(key)
        text = el.text
        if not text:
            continue
        if text.isspace():
            if markdown and tag in BLOCK_TAGS:
                continue  # the renderer's own line breaks between block tags are not text
            top = builders[-1]
            if top.run is not None:
                top.run.append(text)
                top.expect += text.count("\n")
            elif top.length:
                top.space = True
            cur += text.count("\n")
        else:
            pending = text
            pending_nl = text.count("\n")
    if pending is not None:  # the root's tail: libxml2 leaves none, but no text is ever dropped
        builders[-1].piece(pending, cur, pending_nl)
    while builders:
        emit(builders.pop())
    close_ranges(directives, len(source))
    return Document(path, blocks, tables, title, h1, source, tags, meta, directives, problems)


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
