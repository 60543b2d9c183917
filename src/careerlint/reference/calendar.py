"""The release calendar: when BLS published each OEWS and Employment Projections release, and
whether a newer one is due.

    from careerlint.reference import calendar
    calendar.latest("oews", as_of)   # the newest release published by as_of (verified dates only)
    calendar.due("ep", as_of)        # a release newer than the data in use that is out or expected

Dates come from rules/reference/calendar.json (BLS news releases). An entry marked unverified is an
expected date: never reported as "released", only as "expected".
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

KINDS = ("oews", "ep")


@dataclass(frozen=True)
class Release:
    """A BLS release (an OEWS year or an Employment Projections cycle) and its publication date."""

    kind: str                 # "oews" or "ep"
    key: int                  # OEWS: the May reference year; EP: the cycle's base year
    date: _dt.date            # publication date (expected, when not verified)
    verified: bool = True
    caps: tuple = ()          # OEWS: BLS's top-coding cap, (("hour", 115.0), ("year", 239200)), when known

    @property
    def label(self) -> str:
        return release_label(self.kind, self.key)

    def describe(self) -> str:
        """'OEWS May 2025 (2026-05-15)', 'EP 2025–35 (expected about 2026-08-27, not verified)'."""
        when = self.date.isoformat() if self.verified else f"expected about {self.date.isoformat()}, not verified"
        return f"{'OEWS' if self.kind == 'oews' else 'EP'} {self.label} ({when})"


@dataclass(frozen=True)
class Due:
    """A release newer than the data in use: ``out`` when the calendar has its publication date on or
    before as_of, otherwise it is expected by then (an unverified date, or a year after the last one)."""

    release: Release
    out: bool
    have: int | None          # the newest release of that kind in the data in use


def release_label(kind: str, key: int) -> str:
    """('oews', 2025) -> 'May 2025'; ('ep', 2024) -> '2024–34'."""
    if kind == "oews":
        return f"May {key}"
    from careerlint.reference.projections import cycle_label

    return cycle_label(key)


class Calendar:
    def __init__(self, data: dict) -> None:
        if data.get("format") != 1:
            raise ValueError("not a careerlint release calendar")
        self.entries: dict[str, list[Release]] = {}
        for kind in KINDS:
            out = []
            for e in data.get(kind, []):
                caps = tuple(sorted((e.get("caps") or {}).items()))
                out.append(Release(kind, int(e["key"]), _dt.date.fromisoformat(e["date"]), bool(e["verified"]), caps))
            self.entries[kind] = sorted(out, key=lambda r: r.key)
        self.cadence_days = int(data.get("cadence-days", 365))

    def releases(self, kind: str) -> list[Release]:
        return list(self.entries[_kind(kind)])

    def get(self, kind: str, key: int) -> Release | None:
        return next((r for r in self.entries[_kind(kind)] if r.key == key), None)

    def latest(self, kind: str, as_of: _dt.date) -> Release | None:
        """The newest release with a verified publication date on or before ``as_of``."""
        out = [r for r in self.entries[_kind(kind)] if r.verified and r.date <= as_of]
        return out[-1] if out else None

    def next_after(self, kind: str, have: int | None) -> Release | None:
        """The release after ``have``: the calendar's entry when it has one, else one expected a year
        after the last release it knows (unverified)."""
        kind = _kind(kind)
        known = self.entries[kind]
        newer = [r for r in known if have is None or r.key > have]
        if newer:
            return newer[0]
        if not known:
            return None
        anchor = known[-1]
        key = max(anchor.key, have) + 1
        return Release(kind, key, anchor.date + _dt.timedelta(days=self.cadence_days * (key - anchor.key)), False)

    def due(self, kind: str, as_of: _dt.date, have: int | None) -> Due | None:
        """A release newer than ``have`` that is out by ``as_of`` (the newest such), else one expected by
        then (an unverified calendar date, or a year after the last release); None when none is."""
        kind = _kind(kind)
        newer = [r for r in self.entries[kind] if have is None or r.key > have]
        out = [r for r in newer if r.verified and r.date <= as_of]
        if out:
            return Due(out[-1], True, have)
        expected = [r for r in newer if not r.verified and r.date <= as_of]
        if expected:
            return Due(expected[-1], False, have)
        nxt = self.next_after(kind, have)
        if nxt is not None and nxt not in newer and nxt.date <= as_of:
            return Due(nxt, False, have)
        return None


def _kind(kind: str) -> str:
    k = kind.strip().lower()
    if k not in KINDS:
        raise ValueError(f"unknown release kind '{kind}' (use oews or ep)")
    return k


def latest(kind: str, as_of: _dt.date) -> Release | None:
    """The newest release of ``kind`` published by ``as_of`` (verified dates only), from the default data."""
    from careerlint.reference import store

    return store.default().calendar().latest(kind, as_of)


_IN_USE = -1


def due(kind: str, as_of: _dt.date, have: int | None = _IN_USE) -> Due | None:
    """Whether a release newer than the data in use (or than ``have``) is out or expected by ``as_of``."""
    from careerlint.reference import store

    ref = store.default()
    if have == _IN_USE:
        keys = ref.oews_years() if _kind(kind) == "oews" else ref.ep_cycles()
        have = keys[-1] if keys else None
    return ref.calendar().due(kind, as_of, have)
