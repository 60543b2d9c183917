"""'did you mean' suggestions for names a user mistyped."""

from __future__ import annotations

import difflib


def did_you_mean(name: str, choices) -> str:
    """' (did you mean 'stale-source'?)' for a close match, else ''."""
    found = difflib.get_close_matches(str(name), sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean '{found[0]}'?)" if found else ""
