"""growth-descriptor: the words next to a growth rate disagree with BLS's scale for that cycle."""

from __future__ import annotations

from careerlint.checks import Hit
from careerlint.claims import period_text

KIND = "growth-descriptor"
OPTIONS = {"scales": {}}

_WORDING = {
    "much faster": "much faster than average", "faster": "faster than average", "as fast": "as fast as average",
    "slower": "slower than average", "little or no change": "little or no change", "decline": "decline",
}


def _category(value: float, bands: dict) -> str | None:
    v = round(value)  # BLS describes the rounded rate
    for name, band in bands.items():
        lo, hi = band.get("min"), band.get("max")
        if (lo is None or v >= lo) and (hi is None or v <= hi):
            return name
    return None


def _band_text(band: dict) -> str:
    lo, hi = band.get("min"), band.get("max")
    if lo is None:
        return f"{hi}% or less"
    if hi is None:
        return f"{lo}% or more"
    return f"{lo}%" if lo == hi else f"{lo}–{hi}%"


def check(page, rule):
    scales = rule.options.get("scales") or {}
    for c in page.figures("growth"):
        desc = c.descriptor
        if desc is None or c.period is None or c.value is None:
            continue
        bands = scales.get(period_text(c.period)) or scales.get(f"{c.period[0]}-{c.period[1]}")
        if not bands:
            continue  # a cycle whose scale we do not know is skipped, not guessed
        said, phrase = desc
        expected = _category(c.value, bands)
        if expected is None or said == expected:
            continue
        if phrase.lower().startswith("better") and expected in ("faster", "much faster"):
            continue
        yield Hit(c, dict(value=c.display(), period=period_text(c.period), said=phrase.strip("()").lower(),
                          expected=_WORDING[expected], band=_band_text(bands[expected])))
