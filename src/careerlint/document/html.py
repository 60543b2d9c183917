"""HTML -> Document.

We parse with lxml's plain etree.HTMLParser: BeautifulSoup's tree built by the lxml parser
carries no source lines, and those are what every finding is reported at; lxml.html's parser
would add a Python-level element class lookup for every node, which we do not use.
"""

from __future__ import annotations

import re

from careerlint import rxcache
from careerlint.document.model import Document
from careerlint.document.walker import BLOCK_TAGS, CELL_TAGS, HEADING_TAGS, SKIP_TAGS, walk
from careerlint.errors import InputError

__all__ = ["BLOCK_TAGS", "CELL_TAGS", "HEADING_TAGS", "SKIP_TAGS", "parse_html"]

_WS_ONLY = rxcache.compile(r"\s*$")


def parse_html(text: str, path: str = "<string>", source: list[str] | None = None,
               markdown: bool = False) -> Document:
    """Build a Document from decoded HTML text (or from HTML rendered from Markdown)."""
    from lxml import etree

    source = text.split("\n") if source is None else source
    if _WS_ONLY.match(text):
        return Document(path, [], [], "", "", source, [])
    parser = etree.HTMLParser(encoding="utf-8", huge_tree=True, remove_comments=False)
    try:
        root = _parse(etree, text, parser)
        for tags in (_CONTAINER_TAG, _ALL_BUT_STRUCTURE):
            if not _too_deep(parser):
                break
            # libxml2 drops whatever is nested deeper than it allows (2048). Generic containers
            # carry no meaning for us: drop their tags (keeping their newlines, so every line
            # stays where it was) and parse again; then every tag but tables, headings and
            # elements whose content is never shown (lists and quotes become plain text).
            text = tags.sub(lambda m: "\n" * m.group(0).count("\n") or " ", text)
            root = _parse(etree, text, parser)
        else:
            if _too_deep(parser):
                raise InputError(f"{path}: error: elements nested more than 2048 deep even without "
                                 "lists, quotes and containers; page not checked")
    except (etree.ParserError, ValueError):
        return Document(path, [], [], "", "", source, [])
    return walk(root, path, source, markdown)


def _parse(etree, text: str, parser):
    root = etree.fromstring(text.encode("utf-8", "surrogatepass"), parser)
    if root is None:
        raise etree.ParserError("Document is empty")
    return root


def _too_deep(parser) -> bool:
    return any("depth" in e.message.lower() for e in parser.error_log)


# "<div class=x>", "</span>": tags of elements that only group others
_CONTAINER_TAG = rxcache.compile(r"</?(?:div|span|section|article|font|center|b|i|em|strong)(?:\s[^<>]*)?>", re.I)
# "<ul>", "<li class=x>", "</blockquote>": every tag but tables, headings and hidden content
_ALL_BUT_STRUCTURE = rxcache.compile(
    r"</?(?!(?:table|thead|tbody|tfoot|tr|td|th|caption|h[1-6]|html|head|body|title|meta|"
    + "|".join(sorted(SKIP_TAGS)) + r")\b)[a-z][\w-]*(?:\s[^<>]*)?/?>", re.I)
