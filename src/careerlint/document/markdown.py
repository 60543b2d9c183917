"""Markdown -> Document: rendered to HTML whose blocks carry their Markdown source line."""

from __future__ import annotations

import re

from careerlint.document.html import parse_html
from careerlint.document.model import Document

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def parse_markdown(text: str, path: str = "<string>") -> Document:
    """Build a Document from Markdown (CommonMark with tables) and its YAML front matter.

    The Markdown is rendered to HTML whose block elements carry their source line
    (data-md-line), so findings are reported at lines of the Markdown file."""
    from markdown_it import MarkdownIt

    meta: dict[str, str] = {}
    body = text
    m = _FRONT_MATTER.match(text)
    if m:
        meta = _front_matter(m.group(1) or "")
        # keep every line where it is: the front matter becomes blank lines
        body = "\n" * m.group(0).count("\n") + text[m.end():]
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    tokens = md.parse(body)
    for t in tokens:
        if t.map is not None and t.nesting == 1:
            t.attrSet("data-md-line", str(t.map[0] + 1))
        elif t.type == "html_block" and t.map is not None:
            # raw HTML takes no attribute: an empty marker before it carries its line
            t.content = f'<careerlint-line data-md-line="{t.map[0] + 1}"></careerlint-line>' + t.content
    html = md.renderer.render(tokens, md.options, {})
    title = meta.get("title", "")
    head = "<html><head>" + (f"<title>{_escape(title)}</title>" if title else "")
    for k in ("occupation", "careerlint:occupation"):
        if meta.get(k):
            head += f'<meta name="careerlint:occupation" content="{_escape(meta[k])}">'
    doc = parse_html(head + "</head><body>" + html + "</body></html>", path, source=text.split("\n"), markdown=True)
    if not doc.h1 and title:
        doc.h1 = title
    return doc


def _front_matter(block: str) -> dict[str, str]:
    import yaml

    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k).lower(): str(v) for k, v in data.items() if isinstance(v, (str, int, float))}


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")

