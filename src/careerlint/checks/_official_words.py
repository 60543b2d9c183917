"""How the rules against BLS's figures name them in messages: "median annual wage", "electricians",
"$62,350", "May 2024"; and which release is the newest one out."""

from __future__ import annotations

from careerlint.checks._official import reference
from careerlint.claims import Claim

_PER_WORDS = {"year": "annual", "hour": "hourly"}
STAT_WORDS = {"p10": "10th percentile", "p25": "25th percentile", "median": "median", "mean": "mean",
              "p75": "75th percentile", "p90": "90th percentile"}


def stat_words(stat: str, per: str | None) -> str:
    """('median', 'year') -> 'median annual wage'; ('p90', 'hour') -> '90th percentile hourly wage'."""
    return f"{STAT_WORDS.get(stat, stat)} {_PER_WORDS.get(per or '', '')} wage".replace("  ", " ")


def occupation_words(soc: str, c: Claim | None = None) -> str:
    """BLS's title for ``soc``, in lower case as prose writes it ('electricians'); the page's own name
    when careerlint has no title."""
    title = reference().occupation_title(soc)
    if not title:
        return c.scope.name if c is not None and c.scope.name else soc
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in title.split())


def money(v: float, per: str | None) -> str:
    if per == "hour" or not float(v).is_integer():
        return f"${v:,.2f}"
    return f"${int(v):,}"


def oews_label(year: int) -> str:
    return f"May {year}"


def latest_release(kind: str, as_of) -> tuple[int, object] | None:
    """(key, publication date or None) of the newest release of ``kind`` ('oews' or 'ep') out by
    ``as_of``: the calendar's newest verified one, or a newer one installed with `careerlint data
    import` (out by its own date; without one, from the year after its reference year on). An
    entry the calendar marks unverified is not out, whatever is installed."""
    ref = reference()
    store = ref.default()
    cal = store.calendar()
    entry = cal.latest(kind, as_of)
    best = (entry.key, entry.date) if entry is not None else None
    for key in (store.oews_years() if kind == "oews" else store.ep_cycles()):
        if best is not None and key <= best[0]:
            continue
        if cal.get(kind, key) is not None:
            continue   # the calendar knows it, and said above whether it is out
        rel = store.oews(key) if kind == "oews" else store.ep(key)
        released = getattr(rel, "released", None)
        if (released is not None and released <= as_of) or (released is None and as_of.year > key):
            best = (key, released)
    return best
