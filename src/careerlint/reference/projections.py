"""Employment Projections (EP): one ten-year cycle's national projections per occupation."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

FORMAT = 1
COLUMNS = ("soc", "title", "emp_base", "emp_target", "pct", "change", "ooh_slug")

# "2024-34", "2024–2034", "2024 to 2034", "2024—34"
_CYCLE = re.compile(r"^\s*((?:19|20)\d\d)\s*(?:-|–|—|to|through)\s*(\d{2}|\d{4})\s*$")


def cycle_key(cycle) -> int | None:
    """The base year of a ten-year projection cycle: '2024-34', '2024–2034', (2024, 2034) or 2024 -> 2024.

    Spans other than ten years ('2025-2030') are not BLS projection cycles: None."""
    if isinstance(cycle, int) and not isinstance(cycle, bool):
        return cycle if 1900 <= cycle <= 2099 else None
    if isinstance(cycle, tuple) and len(cycle) == 2:
        base, end = cycle
    elif isinstance(cycle, str):
        m = _CYCLE.match(cycle)
        if not m:
            return None
        base, end = int(m.group(1)), m.group(2)
        end = int(end) if len(end) == 4 else base // 100 * 100 + int(end)
    else:
        return None
    try:
        base, end = int(base), int(end)
    except (TypeError, ValueError):
        return None
    return base if end - base == 10 else None


def cycle_label(base: int) -> str:
    """2024 -> '2024–34' (BLS's own style, with an en dash)."""
    return f"{base}–{(base + 10) % 100:02d}"


@dataclass(frozen=True)
class Projection:
    soc: str
    cycle: int            # base year: 2024 for 2024–34
    title: str
    base: int             # employment in the base year
    target: int           # projected employment ten years on
    pct: int              # percent change, rounded as BLS prints it
    change: int           # numeric change
    ooh_slug: str = ""

    @property
    def label(self) -> str:
        return cycle_label(self.cycle)


class EpCycle:
    def __init__(self, data: dict, origin: str = "") -> None:
        if data.get("format") != FORMAT or data.get("kind") != "ep" or tuple(data.get("columns", ())) != COLUMNS:
            raise ValueError("not a careerlint Employment Projections file (or one written by a newer careerlint)")
        self.cycle: int = int(data["cycle"])
        self.label = cycle_label(self.cycle)
        released = data.get("released")
        self.released: _dt.date | None = _dt.date.fromisoformat(released) if released else None
        self.source: str = data.get("source", "")
        self.origin = origin
        self.rows: dict[str, list] = {}   # soc -> the row as stored (COLUMNS); Projection objects on demand
        for r in data["rows"]:
            if len(r) != len(COLUMNS):
                raise ValueError(f"row {r[:1]} has {len(r)} fields, not {len(COLUMNS)}")
            self.rows[r[0]] = r

    def __contains__(self, soc: str) -> bool:
        return soc in self.rows

    def get(self, soc: str) -> Projection | None:
        r = self.rows.get(soc)
        return Projection(r[0], self.cycle, *r[1:]) if r is not None else None

    def projections(self) -> list[Projection]:
        return [Projection(r[0], self.cycle, *r[1:]) for r in self.rows.values()]
