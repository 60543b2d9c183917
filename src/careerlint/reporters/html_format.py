"""One self-contained HTML file for editors: a summary, then pages ranked by their errors, warnings and
infos, each problem with its source line and links to the lines it conflicts with.

Everything taken from pages (paths, messages, source lines) is escaped; a Content Security Policy
allows only the report's own style sheet and script (by hash) and no network at all."""

from __future__ import annotations

import base64
import hashlib
import html
from collections import defaultdict

from careerlint import __version__
from careerlint.reporters.html_assets import CSS, JS
from careerlint.reporters.source import CONTROL, window
from careerlint.reporters.stats import rule_counts, stale_counts

SEVERITIES = ("error", "warning", "info")


def _e(value) -> str:
    """Text for HTML: escaped, with control characters shown as \\xNN."""
    text = CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", str(value))
    return html.escape(text, quote=True)


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def _sha(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


class _Anchors:
    """Ids for pages (p1, p2, ...) and their lines (p1-L25), so related lines link within the report."""

    def __init__(self, pages: list[str]) -> None:
        self.page = {p: f"p{i}" for i, p in enumerate(pages, 1)}

    def line(self, path: str, line: int) -> str | None:
        pid = self.page.get(path)
        return f"{pid}-L{line}" if pid else None


def _source(report, path: str, line: int, column: int | None, figure: str) -> str:
    text = report.source_line(path, line)
    if text is None or not text.strip():
        return ""
    if column is None:  # a related claim: find its text on the line
        found = text.find(figure) if figure else -1
        column = found + 1 if found >= 0 else 1
        if found < 0:
            figure = ""
    w = window(text, column, figure)
    mark = f"<mark>{_e(w.figure)}</mark>" if figure or w.figure.strip() else _e(w.figure)
    return (f'<pre class="src"><span class="ln">{line}</span>{"…" if w.cut_before else ""}{_e(w.before)}'
            f'{mark}{_e(w.after)}{"…" if w.cut_after else ""}</pre>')


def _summary(report, by_path) -> list[str]:
    sev = {s: sum(1 for f in report.findings if f.severity == s) for s in SEVERITIES}
    out = ['<section id="summary">', '<div class="cards">',
           f'<div class="card"><b>{report.files:,}</b>pages checked</div>',
           f'<div class="card"><b>{sum(1 for p in report.paths if by_path.get(p)):,}</b>pages with problems</div>',
           f'<div class="card"><b>{len(report.findings):,}</b>problems: '
           + ", ".join(f'<span class="{s}">{n:,} {s}{"" if n == 1 else "s"}</span>' for s, n in sev.items())
           + "</div>"]
    if report.errors:
        out.append(f'<div class="card"><b>{len(report.errors):,}</b>pages could not be checked</div>')
    out.append("</div>")
    out.append('<div class="tables">')
    rows = rule_counts(report.findings)
    if rows:
        out += ['<div><h2>Problems by rule</h2><table id="by-rule">',
                '<tr><th>rule</th><th>severity</th><th class="n">problems</th><th class="n">pages</th></tr>']
        out += [f'<tr><td><code>{_e(r.rule)}</code></td><td class="sev {_e(r.severity)}">{_e(r.severity)}</td>'
                f'<td class="n">{r.count:,}</td><td class="n">{r.pages:,}</td></tr>' for r in rows]
        out.append("</table></div>")
    stale = stale_counts(report.findings, {r.id: r.kind for r in report.rules})
    if stale:
        out += ['<div><h2>Stale citations by source and vintage</h2><table id="stale">',
                '<tr><th>source</th><th>vintage</th><th class="n">citations</th><th class="n">pages</th></tr>']
        out += [f'<tr><td>{_e(s.source)}</td><td class="v">{_e(s.vintage)}</td><td class="n">{s.count:,}</td>'
                f'<td class="n">{s.pages:,}</td></tr>' for s in stale]
        out.append("</table></div>")
    out.append("</div>")
    if report.errors:
        out += ["<h2>Pages that could not be checked</h2>", '<ul id="errors">']
        out += [f"<li><code>{_e(e.path)}</code>: {_e(e.message)}</li>" for e in report.errors]
        out.append("</ul>")
    out.append("</section>")
    return out


def _filters(report) -> list[str]:
    sev = {s: sum(1 for f in report.findings if f.severity == s) for s in SEVERITIES}
    rules = sorted({f.rule for f in report.findings})
    out = ['<section id="filters" aria-label="Filters">', "<fieldset><legend>Severity</legend>"]
    out += [f'<label><input type="checkbox" data-filter="severity" value="{s}" checked> {s} ({n:,})</label>'
            for s, n in sev.items()]
    out.append('<span id="shown"></span></fieldset><fieldset><legend>Rule</legend>')
    counts = defaultdict(int)
    for f in report.findings:
        counts[f.rule] += 1
    out += [f'<label><input type="checkbox" data-filter="rule" value="{_e(r)}" checked> {_e(r)} ({counts[r]:,})'
            f"</label>" for r in rules]
    out.append('<button type="button" id="show-all">Show all</button></fieldset></section>')
    return out


def _problem(report, f, fid: str, anchors: _Anchors) -> list[str]:
    out = [f'<li class="problem sev-{_e(f.severity)}" id="{fid}" data-rule="{_e(f.rule)}" '
           f'data-severity="{_e(f.severity)}">',
           f'<div><span class="sev">{_e(f.severity)}</span> <code class="rule">{_e(f.rule)}</code> '
           f'<span class="loc">line {f.line}, column {f.column}</span></div>',
           f'<p class="msg">{_e(f.message)}</p>', _source(report, f.path, f.line, f.column, f.text)]
    if f.related:
        links = []
        for r in f.related:
            path = r.path or f.path
            target = anchors.line(path, r.line)
            where = f"line {r.line}" if path == f.path else f"{_e(path)}:{r.line}"
            label = f'{where} (<code>{_e(r.text)}</code>)'
            links.append(f'<a href="#{target}">{label}</a>' if target else label)
        out.append(f'<p class="rel">Conflicts with {", ".join(links)}</p>')
    out.append("</li>")
    return out


def render(report) -> str:
    by_path: dict[str, list] = defaultdict(list)
    for f in report.findings:
        by_path[f.path].append(f)
    # lines other problems point at, per page: each gets an anchor
    wanted: dict[str, dict[int, list]] = defaultdict(dict)
    for f in report.findings:
        for r in f.related:
            wanted[r.path or f.path].setdefault(r.line, []).append((f, r))
    shown_pages = [p for p in report.paths if by_path.get(p) or wanted.get(p)]
    # the pages with the most errors first, then warnings, then infos (a page of eleven 'newer-release'
    # notes is not worse than one with a wrong figure)
    def weight(p):
        fs = by_path.get(p, ())
        return tuple(-sum(1 for f in fs if f.severity == s) for s in ("error", "warning", "info"))

    shown_pages.sort(key=lambda p: (weight(p), p))
    quiet_pages = [p for p in report.paths if p not in set(shown_pages)]
    anchors = _Anchors(shown_pages)
    body = [f"<header><h1>careerlint report</h1><p class=\"meta\">{_plural(report.files, 'page')} checked, "
            f"{_plural(len(report.findings), 'problem')} found by careerlint {_e(__version__)}.</p></header>",
            "<main>"]
    body += _summary(report, by_path)
    body += _filters(report)
    body.append('<section id="pages"><h2>Pages by number of problems</h2>')
    for p in shown_pages:
        pid = anchors.page[p]
        found = by_path.get(p, [])
        body.append(f'<article class="page" id="{pid}" data-problems="{len(found)}">')
        body.append(f'<header><h3><a href="#{pid}">{_e(p)}</a></h3>'
                    f'<span class="count">{_plural(len(found), "problem") if found else "no problems"}</span></header>')
        used: set[int] = set()
        if found:
            body.append('<ol class="problems">')
            for f in found:
                fid = anchors.line(p, f.line)
                if f.line in used:
                    fid = f"{fid}-{sum(1 for g in found[:found.index(f)] if g.line == f.line)}"
                used.add(f.line)
                body += _problem(report, f, fid, anchors)
            body.append("</ol>")
        for line in sorted(set(wanted.get(p, {})) - used):
            (f0, r0), *_ = wanted[p][line]
            back = ", ".join(f'<a href="#{anchors.line(f.path, f.line)}">{_e(f.rule)} at '
                             f'{"line " if f.path == p else _e(f.path) + ":"}{f.line}</a>' for f, _r in wanted[p][line])
            body.append(f'<div class="ref" id="{anchors.line(p, line)}">'
                        f'<span class="loc">line {line}, compared by</span> {back}'
                        f'{_source(report, p, line, None, r0.text)}</div>')
        body.append("</article>")
    if quiet_pages:
        body.append(f"<details><summary>{_plural(len(quiet_pages), 'page')} without problems</summary><ul>")
        body += [f"<li><code>{_e(p)}</code></li>" for p in quiet_pages]
        body.append("</ul></details>")
    body.append("</section></main>")
    body.append(f"<footer>Generated by careerlint {_e(__version__)}. This file is self-contained: it loads "
                "nothing from the network.</footer>")
    csp = (f"default-src 'none'; style-src '{_sha(CSS)}'; script-src '{_sha(JS)}'; img-src data:; "
           "base-uri 'none'; form-action 'none'")
    title = f"careerlint report: {_plural(len(report.findings), 'problem')} in {_plural(report.files, 'page')}"
    head = ['<!DOCTYPE html>', '<html lang="en">', "<head>", '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">', f"<title>{title}</title>",
            f"<style>{CSS}</style>", "</head>", "<body>"]
    return "\n".join(head + body + [f"<script>{JS}</script>", "</body>", "</html>"]) + "\n"
