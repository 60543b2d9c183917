"""OEWS national cross-industry figures for one release, and the Figure a lookup returns.

A release file (oews-YYYY.json.gz) holds one row per SOC code, with BLS's own markers kept:
"#" for a wage at or above the top-coding cap, "*" for a figure BLS did not publish.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

STATS = ("mean", "p10", "p25", "median", "p75", "p90")
PERS = ("hour", "year")
COLUMNS = ("soc", "title", "level", "emp", *(f"h_{s}" for s in STATS), *(f"a_{s}" for s in STATS), "only")
TOP_CODED, NOT_AVAILABLE = "#", "*"
FORMAT = 1

_STAT_NAMES = {"mean": "mean", "average": "mean", "median": "median", "p50": "median",
               "p10": "p10", "10th": "p10", "pct10": "p10", "p25": "p25", "25th": "p25", "pct25": "p25",
               "p75": "p75", "75th": "p75", "pct75": "p75", "p90": "p90", "90th": "p90", "pct90": "p90"}
_PER_NAMES = {"hour": "hour", "hourly": "hour", "h": "hour", "year": "year", "annual": "year", "yearly": "year",
              "a": "year", "yr": "year"}


def stat_name(stat: str) -> str:
    """'Median' -> 'median', '90th' -> 'p90', 'average' -> 'mean'; 'employment' stays. ValueError otherwise."""
    s = stat.strip().lower()
    if s == "employment":
        return s
    try:
        return _STAT_NAMES[s]
    except KeyError:
        raise ValueError(f"unknown statistic '{stat}' (use employment, {', '.join(STATS)})") from None


def per_name(per: str) -> str:
    """'annual' -> 'year', 'hourly' -> 'hour'. ValueError otherwise."""
    try:
        return _PER_NAMES[per.strip().lower()]
    except KeyError:
        raise ValueError(f"unknown unit '{per}' (use hour or year)") from None


@dataclass(frozen=True)
class Figure:
    """One published OEWS figure.

    ``value`` is the number BLS published; ``flag`` says when there is none or it is not exact:
    ``None`` an exact published figure; ``"top-coded"`` BLS published only "at or above" the cap
    (``value`` is the cap when the release file knows it, else None); ``"hourly-only"`` /
    ``"annual-only"`` BLS publishes this occupation's wages in the other unit only (value None);
    ``"not-available"`` BLS did not publish this figure (value None).
    """

    soc: str
    release: int
    stat: str                  # "employment", "mean", "median", "p10", "p25", "p75", "p90"
    per: str | None            # "hour" or "year"; None for employment
    value: float | int | None
    flag: str | None = None

    @property
    def exact(self) -> bool:
        """A number BLS published as it is (not capped, not missing)."""
        return self.value is not None and self.flag is None


class OewsRelease:
    """The national cross-industry estimates of one OEWS release (``year`` = the May reference month)."""

    def __init__(self, data: dict, origin: str = "") -> None:
        if data.get("format") != FORMAT or data.get("kind") != "oews":
            raise ValueError("not a careerlint OEWS release file (or one written by a newer careerlint)")
        if tuple(data.get("columns", ())) != COLUMNS:
            raise ValueError("unexpected columns")
        self.year: int = int(data["release"])
        self.label: str = data.get("label") or f"May {self.year}"
        released = data.get("released")
        self.released: _dt.date | None = _dt.date.fromisoformat(released) if released else None
        self.source: str = data.get("source", "")
        self.caps: dict[str, float] = dict(data.get("caps") or {})
        self.origin = origin
        self.rows: dict[str, list] = {}
        for row in data["rows"]:
            if len(row) != len(COLUMNS):
                raise ValueError(f"row {row[:1]} has {len(row)} fields, not {len(COLUMNS)}")
            self.rows[row[0]] = row

    def __contains__(self, soc: str) -> bool:
        return soc in self.rows

    def title(self, soc: str) -> str | None:
        row = self.rows.get(soc)
        return row[1] if row else None

    def level(self, soc: str) -> str | None:
        row = self.rows.get(soc)
        return row[2] if row else None

    def figure(self, soc: str, stat: str, per: str | None = None) -> Figure | None:
        """The published figure, or None when this release has no row for ``soc``."""
        row = self.rows.get(soc)
        if row is None:
            return None
        stat = stat_name(stat)
        if stat == "employment":
            v = row[3]
            return Figure(soc, self.year, stat, None, v if isinstance(v, int) else None,
                          None if isinstance(v, int) else "not-available")
        if per is None:
            raise ValueError("a wage figure needs per='hour' or per='year'")
        per = per_name(per)
        v = row[4 + STATS.index(stat) + (0 if per == "hour" else len(STATS))]
        if v == TOP_CODED:
            return Figure(soc, self.year, stat, per, self.caps.get(per), "top-coded")
        if v == NOT_AVAILABLE or v is None:
            only = row[-1]
            flag = "hourly-only" if only == "hourly" and per == "year" else \
                   "annual-only" if only == "annual" and per == "hour" else "not-available"
            return Figure(soc, self.year, stat, per, None, flag)
        return Figure(soc, self.year, stat, per, v)

    def values(self, soc: str) -> list[Figure]:
        """Every exact wage figure published for ``soc`` (mean and percentiles, hourly and annual)."""
        out = []
        for per in PERS:
            for stat in STATS:
                f = self.figure(soc, stat, per)
                if f is not None and f.exact:
                    out.append(f)
        return out
