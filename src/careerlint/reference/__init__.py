"""What BLS published: OEWS national wages, Employment Projections, release dates, growth wording,
and the names of occupations. Loaded lazily: importing this package reads no data file; each
lookup reads only the file it needs, once per process.

    from careerlint import reference as ref

    ref.match_occupation("Electricians")             # '47-2111'
    ref.match_occupation("medical billing specialists")  # Ambiguous(candidates=('29-2072', '43-3021')): falsy
    ref.match_occupation("unicorn wranglers")        # None
    ref.figure("47-2111", 2024, "median", "year")    # Figure(value=62350, flag=None, ...)
    ref.values("47-2111", 2024)                      # every exact wage figure of that release
    ref.published_as("47-2111", 62350)               # [Figure(... 2024, 'median', 'year' ...)]
    ref.growth("47-2111", "2024-34")                 # 9
    ref.projection("47-2111", 2024)                  # Projection(base=..., target=..., pct=9, change=...)
    ref.scale("2024–34")                             # Scale(bands=..., verified=True)
    ref.calendar.latest("oews", date(2026, 11, 22))  # Release(kind='oews', key=2025, date=2026-05-15)
    ref.calendar.due("ep", date(2026, 11, 22))       # Due(release=EP 2025–35 expected 2026-08-27, out=False)
    ref.resolve_declaration("29-2072")               # Declaration(soc='29-2072', problem=None)

Releases are named by number: OEWS by the May reference year (2024 = May 2024), projection cycles
by their base year (2024 = 2024–34); parse_release("May 2024") and cycle_key("2024–2034") convert.
A configuration's ``reference-data:`` folder is set with configure(path) before the first lookup.
Damaged data files raise ReferenceDataError (a CareerlintError with a one-line message).
"""

from __future__ import annotations

import re
TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (3 ms)

if TYPE_CHECKING:  # pragma: no cover - names for type checkers; at run time they load on first use
    from collections.abc import Iterable, Mapping

    from careerlint.reference.oews import Figure
    from careerlint.reference.projections import Projection
    from careerlint.reference.scales import Scale
    from careerlint.reference.titles import Ambiguous

__all__ = [
    "Ambiguous", "Band", "Declaration", "Due", "Figure", "PERS", "Projection", "Release", "ReferenceDataError",
    "STATS", "Scale", "calendar", "configure", "cycle_key", "cycle_label", "ep_cycles", "figure", "fingerprint",
    "growth", "match_occupation", "occupation_title", "oews_releases", "page_declaration", "parse_release",
    "projection", "published_as", "resolve_declaration", "scale", "use", "values",
]

# Importing careerlint.reference costs next to nothing: these names load their module on first use.
_LAZY = {
    "calendar": ("careerlint.reference.calendar", None),
    "Due": ("careerlint.reference.calendar", "Due"),
    "Release": ("careerlint.reference.calendar", "Release"),
    "Declaration": ("careerlint.reference.declare", "Declaration"),
    "page_declaration": ("careerlint.reference.declare", "page_declaration"),
    "resolve_declaration": ("careerlint.reference.declare", "resolve_declaration"),
    "Figure": ("careerlint.reference.oews", "Figure"),
    "PERS": ("careerlint.reference.oews", "PERS"),
    "STATS": ("careerlint.reference.oews", "STATS"),
    "Projection": ("careerlint.reference.projections", "Projection"),
    "cycle_key": ("careerlint.reference.projections", "cycle_key"),
    "cycle_label": ("careerlint.reference.projections", "cycle_label"),
    "Band": ("careerlint.reference.scales", "Band"),
    "Scale": ("careerlint.reference.scales", "Scale"),
    "ReferenceDataError": ("careerlint.reference.store", "ReferenceDataError"),
    "configure": ("careerlint.reference.store", "configure"),
    "use": ("careerlint.reference.store", "use"),
    "Ambiguous": ("careerlint.reference.titles", "Ambiguous"),
}


def __getattr__(name: str):
    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'careerlint.reference' has no attribute '{name}'") from None
    import importlib

    mod = importlib.import_module(module)
    value = mod if attr is None else getattr(mod, attr)
    globals()[name] = value
    return value


def default():
    """The Reference in use (bundled data overlaid by the user's folder)."""
    if not _STORE:   # imported on first use, then kept: rules call this for every figure
        from careerlint.reference import store

        _STORE.append(store)
    return _STORE[0].default()


_STORE: list = []


# "May 2024", "may 2024", "2024"
_RELEASE = re.compile(r"^\s*(?:May\s+)?((?:19|20)\d\d)\s*$", re.I)


def parse_release(release) -> int | None:
    """'May 2024' or 2024 -> 2024 (an OEWS release); anything else -> None."""
    if isinstance(release, int) and not isinstance(release, bool):
        return release
    if isinstance(release, str):
        m = _RELEASE.match(release)
        return int(m.group(1)) if m else None
    return None


def match_occupation(name: str, aliases: Mapping[str, str | Iterable[str]] | None = None) -> str | Ambiguous | None:
    """The SOC code ``name`` names, exactly (case, plurals and punctuation aside; never fuzzy).

    Returns a code such as '47-2111'; an Ambiguous (falsy) when the name is used for several
    occupations; None when careerlint does not know the name. ``aliases`` are a configuration's
    (name -> code, or a list of codes) and win over the built-in names; by default, those given
    to configure() or use() (a configuration's ``occupations:``)."""
    ref = default()
    return ref.titles().match(name, ref.aliases if aliases is None else aliases)


def occupation_title(soc: str) -> str | None:
    """BLS's title for ``soc`` in the newest release (OEWS, else projections) that has it."""
    ref = default()
    for year in reversed(ref.oews_years()):
        t = ref.oews(year).title(soc)
        if t:
            return t
    for cycle in reversed(ref.ep_cycles()):
        p = ref.ep(cycle).get(soc)
        if p:
            return p.title
    return None


def oews_releases() -> list[int]:
    """The OEWS releases in use (bundled and imported), oldest first: [2024, 2025]."""
    return default().oews_years()


def ep_cycles() -> list[int]:
    """The projection cycles in use, oldest first: [2024]."""
    return default().ep_cycles()


def figure(soc: str, release, stat: str, per: str | None = None) -> Figure | None:
    """What BLS published for ``soc`` in OEWS ``release`` (2024 or 'May 2024'): ``stat`` is
    'employment', 'mean', 'median', 'p10', 'p25', 'p75' or 'p90'; ``per`` 'hour' or 'year' for wages.

    None when careerlint has no such release or the release has no row for ``soc``; otherwise a
    Figure whose ``flag`` says when BLS published no exact number (top-coded, hourly-only,
    annual-only, not-available)."""
    year = parse_release(release)
    rel = default().oews(year) if year is not None else None
    return rel.figure(soc, stat, per) if rel is not None else None


def values(soc: str, release=None) -> list[Figure]:
    """Every exact wage figure published for ``soc``: in one release, or in every release in use
    when ``release`` is None. Top-coded and missing figures are not values."""
    ref = default()
    years = ref.oews_years() if release is None else [parse_release(release)]
    out: list[Figure] = []
    for y in years:
        rel = ref.oews(y) if y is not None else None
        if rel is not None:
            out.extend(rel.values(soc))
    return out


def published_as(soc: str, value: float, tolerance: float = 0.0, release=None) -> list[Figure]:
    """The published figures of ``soc`` (in ``release``, or in every release in use) that ``value``
    equals within ``tolerance``: which statistic, unit and release a page's number could be. For a
    rounded figure pass half its rounding unit ('$62k' -> 62000, tolerance 500). Empty when none."""
    return [f for f in values(soc, release) if abs(f.value - value) <= tolerance + 1e-9]


def projection(soc: str, cycle) -> Projection | None:
    """The projection for ``soc`` in ``cycle`` ('2024–34', '2024-2034', 2024), or None."""
    from careerlint.reference.projections import cycle_key

    key = cycle_key(cycle)
    ep = default().ep(key) if key is not None else None
    return ep.get(soc) if ep is not None else None


def growth(soc: str, cycle) -> int | None:
    """The projected percent change (rounded, as BLS prints it) for ``soc`` in ``cycle``, or None."""
    p = projection(soc, cycle)
    return p.pct if p is not None else None


def scale(cycle) -> Scale | None:
    """The growth-word scale of ``cycle``, with whether it is verified; None for a cycle with none."""
    from careerlint.reference.projections import cycle_key

    key = cycle_key(cycle)
    return default().scales().get(key) if key is not None else None


def fingerprint() -> str:
    """A cheap key of the data files in use (names, sizes, times), for caches of results."""
    return default().fingerprint()
