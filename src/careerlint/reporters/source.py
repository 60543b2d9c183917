"""The part of a page's source line to show under a finding, with the figure picked out."""

from __future__ import annotations

import re
from dataclasses import dataclass

# text of a figure at its column: "$47,190", "7.1%", "May", "2022–2032"
_FIGURE = re.compile(r"[\w$£€.,%+–-]+")
# C0/C1 controls and DEL, e.g. "\x1b" of an ANSI escape in a page
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
WINDOW = 100  # characters of a long (minified) line shown around the figure


@dataclass(frozen=True)
class Window:
    """The text around a figure that --show-source prints: before it, the figure, after it."""

    cut_before: bool      # text was cut before ``before`` (show "…")
    before: str
    figure: str
    after: str
    cut_after: bool


def window(line_text: str, column: int, figure: str, width: int = WINDOW) -> Window:
    """The line without its indentation, cut to ``width`` characters around the figure that starts
    at ``column`` (1-based); control characters become '?'."""
    start = min(max(column - 1, 0), len(line_text))
    if figure and line_text.startswith(figure, start):
        length = len(figure)
    else:
        m = _FIGURE.match(line_text, start)
        length = len(m.group(0)) if m else 1
    text = line_text.replace("\t", " ")
    lead = len(text) - len(text.lstrip())
    lo = min(lead, start)
    if start - lo > width // 2:
        lo = start - width // 2
    hi = max(start + length, lo + width)
    end = len(text.rstrip())

    def clean(s: str) -> str:
        return CONTROL.sub("?", s)

    return Window(lo > lead, clean(text[lo:start]), clean(text[start:start + length]),
                  clean(text[start + length:min(hi, end)]), hi < end)
