"""The words BLS's Occupational Outlook Handbook uses for a projected growth rate, per cycle.

A scale is verified when its bands were checked against BLS's own publications for that cycle;
an unverified scale is a best reading, good enough to catch wording two or more steps away.
"""

from __future__ import annotations

from dataclasses import dataclass

ORDER = ("much faster", "faster", "as fast", "slower", "little or no change", "decline")


@dataclass(frozen=True)
class Band:
    words: str                # one of ORDER
    min: int | None = None    # rounded percent, inclusive
    max: int | None = None

    def holds(self, pct: int) -> bool:
        return (self.min is None or pct >= self.min) and (self.max is None or pct <= self.max)


@dataclass(frozen=True)
class Scale:
    cycle: int
    bands: tuple[Band, ...]
    verified: bool
    average: int | None = None    # the all-occupations growth rate of the cycle, when known
    note: str = ""

    def band(self, pct: int) -> Band | None:
        """The band for a rounded percent change."""
        return next((b for b in self.bands if b.holds(pct)), None)

    def steps(self, words_a: str, words_b: str) -> int:
        """How many bands apart two descriptors are ('much faster' vs 'slower' -> 3)."""
        return abs(ORDER.index(words_a) - ORDER.index(words_b))


def scales_from(data: dict) -> dict[int, Scale]:
    if data.get("format") != 1:
        raise ValueError("not a careerlint growth-scale file")
    out = {}
    for s in data["scales"]:
        bands = tuple(Band(b["words"], b.get("min"), b.get("max")) for b in s["bands"])
        if [b.words for b in bands] != list(ORDER):
            raise ValueError(f"scale {s['cycle']}: bands must be {', '.join(ORDER)} in that order")
        out[int(s["cycle"])] = Scale(int(s["cycle"]), bands, bool(s["verified"]), s.get("average"), s.get("note", ""))
    return out
