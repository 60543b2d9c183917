"""path:line:col: severity rule-id message, then one summary line.

Options (report.options): ``color`` (ANSI colours), ``show_source`` (the page's line under each
finding with a caret under the figure, as ruff shows it), ``quiet`` (no summary line) and
``statistics`` (counts per rule and stale citations per source and vintage instead of findings)."""

from __future__ import annotations

import unicodedata

from careerlint.reporters.source import CONTROL, window

_SEVERITY_COLOR = {"error": "1;31", "warning": "1;33", "info": "1;36"}


def _paint(on: bool, code: str, text: str) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on and text else text


def _safe(text: str) -> str:
    """Control characters from pages and file names shown escaped, never sent to the terminal."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else
               0 if unicodedata.combining(ch) else 1 for ch in text)


def snippet(line_text: str, column: int, figure: str) -> tuple[str, int, int]:
    """(the line as shown, the display offset of the figure, its display width)."""
    w = window(line_text, column, figure)
    before = ("…" if w.cut_before else "") + w.before
    shown = before + w.figure + w.after.rstrip() + ("…" if w.cut_after else "")
    return shown, _width(before), max(_width(w.figure), 1)


def _source_block(report, f, color: bool) -> list[str]:
    line_text = report.source_line(f.path, f.line)
    if line_text is None or not line_text.strip():
        return []
    shown, offset, width = snippet(line_text, f.column, f.text)
    gutter = " " * len(str(f.line))
    bar = _paint(color, "1;34", "|")
    caret = _paint(color, _SEVERITY_COLOR[f.severity], "^" * width)
    return [f"{gutter} {bar}", f"{_paint(color, '1;34', str(f.line))} {bar} {shown}",
            f"{gutter} {bar} {' ' * offset}{caret}"]


def finding_line(f, color: bool = False) -> str:
    where = _paint(color, "1", f"{_safe(f.path)}:{f.line}:{f.column}:")
    sev = _paint(color, _SEVERITY_COLOR[f.severity], f.severity)
    rule = _paint(color, "35", f.rule)
    return f"{where} {sev} {rule} {_safe(f.message)}"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def summary(report) -> str:
    findings = report.findings
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    noun = "file" if report.files == 1 else "files"
    if findings:
        parts = [f"{n} {s}{'' if n == 1 else 's'}" for s, n in counts.items() if n]
        total = len(findings)
        text = f"Found {total} problem{'' if total == 1 else 's'} ({', '.join(parts)}) in {report.files} {noun}."
    else:
        text = f"No problems found in {report.files} {noun}."
    if report.baseline_matched or report.baseline_stale:
        text = text[:-1] + (f"; {report.baseline_matched} known from the baseline, "
                            f"{report.baseline_stale} baseline entries no longer found.")
    failed = len(report.errors)
    if failed:  # "No problems found in 0 files." alone reads as a pass
        text = text[:-1] + f"; {failed} {'file' if failed == 1 else 'files'} could not be checked."
    return text


def statistics_lines(report, color: bool = False) -> list[str]:
    from careerlint.reporters.stats import describe_stale, rule_counts, stale_counts

    rows = rule_counts(report.findings)
    out = []
    if rows:
        width = max(len(r.rule) for r in rows)
        num = max(len(f"{r.count:,}") for r in rows)
        for r in rows:
            sev = _paint(color, _SEVERITY_COLOR[r.severity], f"{r.severity:<7}")
            out.append(f"{r.count:>{num},}  {_paint(color, '35', f'{r.rule:<{width}}')}  {sev}  "
                       f"on {_plural(r.pages, 'page')}")
    stale = stale_counts(report.findings, {r.id: r.kind for r in report.rules})
    if stale:
        out.append("")
        out.append("Stale citations by source and vintage:")
        out.extend(f"  {_safe(describe_stale(s))}" for s in stale)
    return out


def render(report) -> str:
    return "".join(chunks(report))


def chunks(report):
    """The report's lines, a finding at a time."""
    opts = report.options
    color = bool(opts.get("color"))
    if opts.get("statistics"):
        stats = statistics_lines(report, color)
        yield "".join(line + "\n" for line in stats + ([""] if stats and not opts.get("quiet") else []))
    else:
        source = opts.get("show_source")
        for f in report.findings:
            yield finding_line(f, color) + "\n"
            if source:
                yield "".join(line + "\n" for line in _source_block(report, f, color))
    if not opts.get("quiet"):
        yield summary(report) + "\n"
