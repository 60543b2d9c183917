"""Markdown -> Document: rendered to HTML whose blocks carry their Markdown source line."""

from __future__ import annotations

import re

from careerlint import rxcache
from careerlint.document.html import parse_html
from careerlint.document.model import Document

MAX_NESTING = 100  # markdown-it's default is 20: 20 nested quotes were dropped silently
_FRONT_MATTER = rxcache.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def parse_markdown(text: str, path: str = "<string>") -> Document:
    """Build a Document from Markdown (CommonMark with tables) and its YAML front matter.

    The Markdown is rendered to HTML whose block elements carry their source line
    (data-md-line), so findings are reported at lines of the Markdown file."""
    meta: dict[str, str] = {}
    body = text
    m = _FRONT_MATTER.match(text)
    if m:
        meta = _front_matter(m.group(1) or "")
        # keep every line where it is: the front matter becomes blank lines
        body = "\n" * m.group(0).count("\n") + text[m.end():]
    md = _renderer()
    tokens = md.parse(body)
    if any(t.level >= MAX_NESTING - 1 for t in tokens):
        # markdown-it stops reading at its nesting limit and drops the rest of the page
        from careerlint.errors import InputError

        raise InputError(f"{path}: error: quotes or lists nested more than {MAX_NESTING - 2} deep; "
                         "page not checked")
    tokens = _prose_directives(md, tokens)
    tokens = [t for t in tokens if t.type not in _CODE_BLOCKS]  # code is not prose
    for t in tokens:
        if t.map is not None and t.nesting == 1:
            t.attrSet("data-md-line", str(t.map[0] + 1))
        elif t.type == "html_block" and t.map is not None:
            # raw HTML takes no attribute: an empty marker before it carries its line
            t.content = _marker(t.map[0] + 1, block=True) + t.content
        elif t.type == "inline" and t.children and t.map is not None:
            t.children = _inline_children(t)
    html = md.renderer.render(tokens, md.options, {})
    title = meta.get("title", "")
    head = "<html><head>" + (f"<title>{_escape(title)}</title>" if title else "")
    for k in ("occupation", "careerlint:occupation"):
        if meta.get(k):
            head += f'<meta name="careerlint:occupation" content="{_escape(meta[k])}">'
    for k in ("soc", "careerlint:soc"):  # front matter "soc: 29-2021": the page's SOC code
        if meta.get(k):
            head += f'<meta name="careerlint:soc" content="{_escape(meta[k])}">'
    doc = parse_html(head + "</head><body>" + html + "</body></html>", path, source=text.split("\n"), markdown=True)
    if not doc.h1 and title:
        doc.h1 = title
    return doc


_CODE_BLOCKS = frozenset({"fence", "code_block"})
# a MyST directive whose body is Markdown prose, written as a fence: "```{note}", "```{admonition} Why now?"
# (not "```{code-cell}", "```{math}", "```{mermaid}": those are code)
_PROSE_DIRECTIVE = rxcache.compile(r"\{(?:admonition|note|tip|hint|important|warning|caution|attention|danger|error|"
                              r"seealso|topic|sidebar|margin|dropdown|epigraph|pull-quote|highlights|"
                              r"card|grid-item-card|tab-item|div|aside)\}", re.I)
# a directive's option line: ":class: tip", ":open:"
_DIRECTIVE_OPTION = rxcache.compile(r"^[ \t]*:[\w-]+:.*$", re.M)


def _prose_directives(md, tokens: list) -> list:
    """Fences that are MyST directives with a Markdown body, replaced by that body's tokens (their
    lines kept: the body is parsed after as many blank lines as precede it in the page). The
    directive's title ("{admonition} Why now?") is read as a paragraph when a blank or option line
    parts it from the body; options are not read."""
    if not any(t.type == "fence" and t.info.startswith("{") for t in tokens):
        return tokens
    out = []
    for t in tokens:
        m = _PROSE_DIRECTIVE.match(t.info.strip()) if t.type == "fence" and t.map else None
        if m is None:
            out.append(t)
            continue
        title = t.info.strip()[m.end():].strip()
        body = _DIRECTIVE_OPTION.sub("", t.content)
        # the title on the fence's line, when a blank (or option) line parts it from the body
        head = title if title and body[:1] == "\n" else ""
        text = "\n" * t.map[0] + head + "\n" + body
        out.extend(_prose_directives(md, md.parse(text)))
    return out
_MD: list = []


def _renderer():
    """The one MarkdownIt of the process (a tenth of a small page's time to make; it keeps no
    state between pages: each parse and render starts from fresh tokens and env)."""
    if not _MD:
        from markdown_it import MarkdownIt

        _MD.append(MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable("table"))
    return _MD[0]


def _marker(line: int, block: bool = False) -> str:
    """An empty element that tells the HTML walker the Markdown line of what follows it (and,
    before a raw HTML block, that the block's own lines follow verbatim)."""
    return f'<careerlint-line data-md-line="{line}"{" data-md-block" if block else ""}></careerlint-line>'


def _inline_children(inline) -> list:
    """The inline tokens of a paragraph, heading or cell, with code spans left out (code is not
    prose) and a line marker after each token whose source spans lines that the rendered HTML
    does not show as line breaks: a code span (its line breaks render as spaces) or raw inline
    HTML (a tag or comment written over several lines). Soft and hard breaks render as
    newlines, which the walker counts itself.

    ``inline.content`` is the source of the block, one line per source line (quote and list
    prefixes removed), so the line after a token is the block's first line plus the newlines
    before the token's end in it."""
    from markdown_it.token import Token

    content = inline.content
    first = inline.map[0] + 1
    pos = 0
    out = []
    for child in inline.children:
        kind = child.type
        end = None
        if kind == "code_inline":
            span = _code_span(content, child.markup, pos)
            if span is not None:
                end = span[1]
            gap = Token("text", "", 0)
            gap.content = " "  # "a `b` c" reads "a c", not "ac"
            out.append(gap)
        else:
            out.append(child)
            if kind in ("softbreak", "hardbreak"):
                i = content.find("\n", pos)
                pos = i + 1 if i >= 0 else pos
            elif kind in ("text", "html_inline") and child.content:
                i = content.find(child.content, pos)
                if i >= 0:
                    end = i + len(child.content)
                    if kind == "text":
                        pos, end = end, None
        if end is not None:
            breaks = content.count("\n", pos, end)
            pos = end
            if breaks:
                marker = Token("html_inline", "", 0)
                marker.content = _marker(first + content.count("\n", 0, end))
                out.append(marker)
    return out


def _code_span(content: str, ticks: str, pos: int) -> tuple[int, int] | None:
    """Where the code span opened by ``ticks`` (a run of backticks) starts and ends in ``content``,
    searching from ``pos``: the first run of exactly that many backticks, and the next one."""
    n = len(ticks)
    # "`` a ` b ``": runs of another length inside the span do not close it
    run = re.compile(r"(?<!`)" + "`" * n + r"(?!`)")
    m = run.search(content, pos)
    if m is None:
        return None
    close = run.search(content, m.end())
    return (m.start(), close.end()) if close is not None else None


def _front_matter(block: str) -> dict[str, str]:
    """The front matter's plain values (its title names the page's occupation). Read like a
    configuration file, so an alias bomb or a tag in a page costs nothing; front matter that is
    not plain YAML is not read."""
    from careerlint import yamlfile
    from careerlint.errors import ConfigError

    try:
        data = yamlfile.load("<front matter>", block)
    except ConfigError:
        return {}
    return {str(k).lower(): str(v) for k, v in data.items() if isinstance(v, (str, int, float))}


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")

