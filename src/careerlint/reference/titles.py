"""Occupation names -> SOC codes, by exact match only.

Every name careerlint knows is reduced to a key (names.name_key) and recorded with the occupation
it names and where the name comes from:

  official  a SOC title in an OEWS release or in Employment Projections ("Electricians")
  ooh       an Occupational Outlook Handbook profile title ("Masonry Workers")
  alias     a reviewed alias in rules/reference/aliases.json
  slug      an OOH profile's URL slug, for a profile that covers exactly one occupation

A name resolves when all its records (official, ooh and alias first; slugs only when nothing
else has the name) point at one occupation. Two codes with the same title, one inside the other,
are one occupation when the data shows it ("Chief Executives" is broad group 11-1010 and its only
occupation 11-1011, with the same employment): the detailed code is kept. "Cashiers" is not (broad
group 41-2010 also holds gambling change persons): Ambiguous. Anything else with more than one
meaning is Ambiguous too, and an OOH profile
that covers several occupations without a BLS group code for them is Ambiguous as well: it names no
single series BLS publishes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from careerlint.reference import soc
from careerlint.reference.names import name_key

SOURCES = ("official", "ooh", "alias", "slug")
_WEAK = {"slug"}


@dataclass(frozen=True)
class Ambiguous:
    """A name that BLS or careerlint's aliases use for several occupations; never resolved by guessing.

    Falsy, so ``if soc := match_occupation(name):`` proceeds only for a single SOC code."""

    name: str
    candidates: tuple[str, ...]     # every SOC code the name is used for, sorted

    def __bool__(self) -> bool:
        return False


def profile_target(codes: Iterable[str], known: Iterable[str] = ()) -> tuple[str, ...]:
    """The occupation an OOH profile covers, from the SOC codes of its projections table.

    One code: that code. A code that contains all the others (33-3010 with 33-3011 and 33-3012):
    that code. A known group code whose occupations are exactly the profile's (51-2000 for the
    assemblers and fabricators profile): that code. Otherwise the codes not inside another listed
    code, sorted: several occupations. ``known`` are every code in the data."""
    codes = sorted(set(codes))
    top = [c for c in codes if not any(o != c and soc.contains(o, c) for o in codes)]
    if len(top) <= 1:
        return tuple(top)
    known = set(known) | set(codes)
    leaves = {c for c in known if not any(o != c and soc.contains(c, o) for o in known)}
    covered = {leaf for leaf in leaves if any(soc.contains(m, leaf) for m in top)}
    groups = [g for g in known if g not in top and all(soc.contains(g, m) for m in top)]
    for g in sorted(groups, key=soc.nominal_level, reverse=True):
        if {leaf for leaf in leaves if soc.contains(g, leaf)} == covered:
            return (g,)
    return tuple(top)


class TitleIndex:
    def __init__(self, same: Iterable[tuple[str, str]] = ()) -> None:
        self._records: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        self._index: dict[str, str | tuple[str, ...]] | None = None
        self.same: set[tuple[str, str]] = set(same)   # (group, code inside it): one occupation

    def add(self, key: str, target: tuple[str, ...], source: str) -> None:
        """Record that the name with ``key`` is used (by ``source``) for ``target``."""
        if source not in SOURCES:
            raise ValueError(f"unknown name source '{source}'")
        if key and target:
            self._records.setdefault(key, []).append((source, tuple(target)))
            self._index = None

    def add_name(self, name: str, target: tuple[str, ...], source: str) -> None:
        self.add(name_key(name), target, source)

    def records(self, name: str) -> list[tuple[str, tuple[str, ...]]]:
        """Where a name comes from: [(source, codes), ...] (for explaining a match)."""
        return list(self._records.get(name_key(name), []))

    def _build(self) -> dict[str, str | tuple[str, ...]]:
        index: dict[str, str | tuple[str, ...]] = {}
        for key, recs in self._records.items():
            strong = [t for s, t in recs if s not in _WEAK]
            targets = {t for t in (strong or [t for _, t in recs])}
            index[key] = _resolve(targets, self.same)
        return index

    def match(self, name: str, aliases: Mapping[str, str | Iterable[str]] | None = None) -> str | Ambiguous | None:
        """The SOC code ``name`` names, Ambiguous, or None when careerlint does not know the name.

        ``aliases`` (a configuration's: name -> SOC code, or several codes for a name the site
        uses ambiguously) are consulted first and win over the built-in names."""
        key = name_key(name)
        if not key:
            return None
        if aliases:
            for alias, target in aliases.items():
                if name_key(alias) == key:
                    codes = (target,) if isinstance(target, str) else tuple(target)
                    got = _resolve({codes}, self.same)
                    return got if isinstance(got, str) else Ambiguous(name, got)
        if self._index is None:
            self._index = self._build()
        got = self._index.get(key)
        if got is None or isinstance(got, str):
            return got
        return Ambiguous(name, got)

    def names(self) -> dict[str, str | tuple[str, ...]]:
        """Every known key with its resolution (a code, or the candidates of an ambiguous name)."""
        if self._index is None:
            self._index = self._build()
        return dict(self._index)


def _resolve(targets: set[tuple[str, ...]], same: set[tuple[str, str]]) -> str | tuple[str, ...]:
    """One code, or the sorted candidate codes when the targets are not one occupation."""
    singles = {t[0] for t in targets if len(t) == 1}
    multi = [t for t in targets if len(t) != 1]
    # a group and the occupation inside it that the data shows are the same: keep the detailed code
    kept = {c for c in singles if not any((c, o) in same for o in singles)}
    if not multi and len(kept) == 1:
        return kept.pop()
    return tuple(sorted(kept.union(*multi)))


@dataclass(frozen=True)
class Profile:
    """An Occupational Outlook Handbook profile: its URL slug, page title (when known), the SOC codes
    of its projections table and the occupation it covers (profile_target)."""

    slug: str
    title: str | None
    codes: tuple[str, ...]
    target: tuple[str, ...]


class Names:
    """The title index with the OOH profiles it was built from."""

    def __init__(self, index: TitleIndex, profiles: list[Profile]) -> None:
        self.index = index
        self.profiles = profiles

    def profiles_for(self, code: str) -> list[Profile]:
        return [p for p in self.profiles if code in p.codes or code in p.target]


KEY_VERSION = 1   # bump when names.name_key changes: names.json.gz is rebuilt with it


def same_occupations(releases, keys: dict[str, str]) -> set[tuple[str, str]]:
    """(group, code) pairs with the same title key (``keys``: code -> key) where the group holds only
    that occupation: the same employment in every release that has both, and at least one does."""
    by_key: dict[str, list[str]] = {}
    for code, key in keys.items():
        by_key.setdefault(key, []).append(code)
    out = set()
    for codes in by_key.values():
        for a in codes:
            for b in codes:
                if a == b or not soc.contains(a, b):
                    continue
                both = [r for r in releases if a in r and b in r]
                if both and all(r.figure(a, "employment").value == r.figure(b, "employment").value for r in both):
                    out.add((a, b))
    return out


def load_titles(ref) -> Names:
    """The bundled name table (names.json.gz), the reviewed aliases, and the titles of releases in
    the user's folder."""
    from careerlint.reference.store import ReferenceDataError, read_json

    path = ref.bundled_dir / "names.json.gz"
    data = read_json(path)
    try:
        index = TitleIndex(tuple(p) for p in data["same"])
        fresh = data["format"] == 1 and data["key-version"] == KEY_VERSION
        for source in ("official", "ooh", "slug"):
            for key, name, codes in data[source]:
                index.add(key if fresh else name_key(name), tuple(codes), source)
        profiles = [Profile(s, t, tuple(c), tuple(g)) for s, t, c, g in data["profiles"]]
    except (KeyError, TypeError, ValueError) as e:
        raise ReferenceDataError(f"{path}: error: damaged reference data ({e})") from None
    apath = ref.bundled_dir / "aliases.json"
    try:
        for a in read_json(apath)["aliases"]:
            index.add_name(a["name"], tuple(a["soc"]), "alias")
    except (KeyError, TypeError) as e:
        raise ReferenceDataError(f"{apath}: error: damaged aliases ({e})") from None
    for kind, keys in (("oews", ref.oews_years()), ("ep", ref.ep_cycles())):
        for k in keys:
            if ref.is_user_file(ref.files(kind)[k]):
                rel = ref.oews(k) if kind == "oews" else ref.ep(k)
                titles = {code: name_key(row[1] if kind == "oews" else row.title) for code, row in rel.rows.items()}
                for code, key in titles.items():
                    index.add(key, (code,), "official")
                if kind == "oews":
                    index.same |= same_occupations([rel], titles)
                    index._index = None
    return Names(index, profiles)
