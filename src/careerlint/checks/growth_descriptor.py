"""growth-descriptor: the words next to a growth rate disagree with BLS's scale for that cycle.

The scales are BLS's, per projection cycle, from the reference data (rules/reference/scales.json):
on a verified cycle any disagreement is reported; on an unverified one only words two or more bands
away ("much faster" for 1%), never a one-band difference. A configuration's ``scales`` option
replaces the scale of the cycles it lists, and is taken as verified.
"""

from __future__ import annotations

from careerlint.checks import Hit
from careerlint.claims import period_text

KIND = "growth-descriptor"
OPTIONS = {"scales": {}}

_WORDING = {
    "much faster": "much faster than average", "faster": "faster than average", "as fast": "as fast as average",
    "slower": "slower than average", "little or no change": "little or no change", "decline": "decline",
}
_ORDER = tuple(_WORDING)  # bands from fastest to decline, as BLS orders them


def _category(value: float, bands: dict) -> str | None:
    v = round(value)  # BLS describes the rounded rate
    for name, band in bands.items():
        lo, hi = band.get("min"), band.get("max")
        if (lo is None or v >= lo) and (hi is None or v <= hi):
            return name
    return None


def _band_text(lo, hi) -> str:
    if lo is None:
        return f"{hi}% or less"
    if hi is None:
        return f"{lo}% or more"
    return f"{lo}%" if lo == hi else f"{lo}–{hi}%"


def _expected(c, configured: dict) -> tuple[str, str, bool] | None:
    """(the words BLS uses for this rate, their band, verified) from the configured scale of the
    rate's cycle, else the reference scale; None for a cycle with no scale (skipped, never guessed)."""
    bands = configured.get(period_text(c.period)) or configured.get(f"{c.period[0]}-{c.period[1]}")
    if bands:
        expected = _category(c.value, bands)
        if expected is None:
            return None
        return expected, _band_text(bands[expected].get("min"), bands[expected].get("max")), True
    from careerlint.reference import scale

    sc = scale(c.period)
    band = sc.band(round(c.value)) if sc is not None else None
    if band is None:
        return None
    return band.words, _band_text(band.min, band.max), sc.verified


def check(page, rule):
    configured = rule.options.get("scales") or {}
    for c in page.figures("growth"):
        desc = c.descriptor
        if desc is None or c.period is None or c.value is None:
            continue
        said, phrase = desc
        got = _expected(c, configured)
        if got is None:
            continue
        expected, band, verified = got
        if said == expected:
            continue
        if phrase.lower().startswith("better") and expected in ("faster", "much faster"):
            continue
        if not verified and said in _ORDER and abs(_ORDER.index(said) - _ORDER.index(expected)) < 2:
            continue  # an unverified scale is good enough for words two bands away, not for one
        yield Hit(c, dict(value=c.display(), period=period_text(c.period), said=phrase.strip("()").lower(),
                          expected=_WORDING[expected], band=band))
