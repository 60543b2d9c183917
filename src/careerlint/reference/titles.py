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
    """Builds the name table from records (at build time, and for releases a user imported)."""

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

    def weak(self) -> set[str]:
        """Keys known only from slugs."""
        return {k for k, recs in self._records.items() if all(s in _WEAK for s, _ in recs)}

    def names(self) -> dict[str, str | tuple[str, ...]]:
        """Every known key with its resolution (a code, or the candidates of an ambiguous name)."""
        if self._index is None:
            index: dict[str, str | tuple[str, ...]] = {}
            for key, recs in self._records.items():
                strong = [t for s, t in recs if s not in _WEAK]
                index[key] = _resolve(set(strong or [t for _, t in recs]), self.same)
            self._index = index
        return self._index

    def match(self, name: str, aliases: Mapping[str, str | Iterable[str]] | None = None) -> str | Ambiguous | None:
        return _match(self.names(), self.same, name, aliases)


def _match(index, same, name, aliases) -> str | Ambiguous | None:
    key = name_key(name)
    if not key:
        return None
    if aliases:
        for alias, target in aliases.items():
            if name_key(alias) == key:
                codes = (target,) if isinstance(target, str) else tuple(target)
                got = _resolve({codes}, same)
                return got if isinstance(got, str) else Ambiguous(name, got)
    got = index.get(key)
    if got is None or isinstance(got, str):
        return got
    return Ambiguous(name, tuple(got))


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
    """The name table in use: resolved at build time (names.json.gz), plus the titles of releases in
    the user's folder."""

    def __init__(self, index: dict, weak: set[str], same: set[tuple[str, str]], profiles: list) -> None:
        self.index = index
        self.weak = weak
        self.same = same
        self._profiles = profiles

    def match(self, name: str, aliases: Mapping[str, str | Iterable[str]] | None = None) -> str | Ambiguous | None:
        """The SOC code ``name`` names, Ambiguous, or None when careerlint does not know the name.

        ``aliases`` (a configuration's: name -> SOC code, or several codes for a name the site
        uses ambiguously) are consulted first and win over the built-in names."""
        return _match(self.index, self.same, name, aliases)

    def add_official(self, titles: dict[str, str], same: set[tuple[str, str]]) -> None:
        """Add a release's titles (code -> key): official names, as strong as the bundled ones."""
        self.same |= same
        by_key: dict[str, set[tuple[str, ...]]] = {}
        for code, key in titles.items():
            by_key.setdefault(key, set()).add((code,))
        for key, targets in by_key.items():
            old = self.index.get(key)
            if old is not None and key not in self.weak:
                targets.add((old,) if isinstance(old, str) else tuple(old))
            self.index[key] = _resolve(targets, self.same)
            self.weak.discard(key)

    @property
    def profiles(self) -> list[Profile]:
        return [Profile(s, t, tuple(c), tuple(g)) for s, t, c, g in self._profiles]

    def profiles_for(self, code: str) -> list[Profile]:
        return [p for p in self.profiles if code in p.codes or code in p.target]


KEY_VERSION = 1   # bump when names.name_key changes: names.json.gz is rebuilt with it


def same_occupations(releases, titles: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """(group, code) pairs with the same title key (``titles``: (code, key) pairs) where the group
    holds only that occupation: the same employment in every release that has both, and one does."""
    by_key: dict[str, list[str]] = {}
    for code, key in titles:
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
    """The bundled name table (names.json.gz, aliases included) and the titles of releases in the
    user's folder."""
    from careerlint.reference.store import ReferenceDataError, read_json

    path = ref.bundled_dir / "names.json.gz"
    data = read_json(path)
    try:
        if data["format"] != 1 or data["key-version"] != KEY_VERSION:
            raise ValueError("written for another careerlint; run tools/build_reference.py")
        names = Names(data["index"], set(data["weak"]), {tuple(p) for p in data["same"]}, data["profiles"])
    except (KeyError, TypeError, ValueError) as e:
        raise ReferenceDataError(f"{path}: error: damaged reference data ({e})") from None
    for kind, keys in (("oews", ref.oews_years()), ("ep", ref.ep_cycles())):
        for k in keys:
            if ref.is_user_file(ref.files(kind)[k]):
                rel = ref.oews(k) if kind == "oews" else ref.ep(k)
                titles = {code: name_key(row[1]) for code, row in rel.rows.items()}
                names.add_official(titles, same_occupations([rel], titles.items()) if kind == "oews" else set())
    return names
