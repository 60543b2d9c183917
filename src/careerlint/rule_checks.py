"""What a rule pack or configuration may say of a rule: its options (types, bounds, growth scales),
the sources it adds, and its message template. Each check raises ConfigError naming file:line."""

from __future__ import annotations

import math
import string

from careerlint import rxcache
from careerlint.errors import ConfigError


def check_options(where: str, kind: str, defaults: dict, options, located, types: dict | None = None) -> dict:
    if not isinstance(options, dict):
        raise ConfigError(f"{where}: options must be a mapping")
    out = dict(defaults)
    for k, v in options.items():
        w = located.where(k) if hasattr(located, "where") else where
        if k not in defaults:
            known = ", ".join(sorted(defaults)) or "none"
            raise ConfigError(f"{w}: unknown option '{k}' for kind '{kind}' (known: {known})")
        d = defaults[k]
        want = (types or {}).get(k) or (type(d) if d is not None else None)
        if v is not None and want is not None:
            wants = want if isinstance(want, tuple) else (want,)
            if float in wants:
                wants = wants + (int,)
            if isinstance(v, bool) and bool not in wants or not isinstance(v, wants):
                raise ConfigError(f"{w}: option '{k}' must be {_type_name(wants[0]())}, not {_type_name(v)}")
        _check_value(w, k, v)
        out[k] = v
    return out


# Values an option may take: a policy of -1 or 10**9 years is a typo, not a setting.
_BOUNDS = {"max-age-years": (0, 100), "min": (0, 1e9), "max": (0, 1e9)}


def _check_value(where: str, name: str, v) -> None:
    if isinstance(v, float) and not math.isfinite(v):
        raise ConfigError(f"{where}: option '{name}' must be a finite number, not {v}")
    lo_hi = _BOUNDS.get(name)
    if lo_hi is not None and isinstance(v, (int, float)) and not isinstance(v, bool) and not lo_hi[0] <= v <= lo_hi[1]:
        raise ConfigError(f"{where}: option '{name}' must be between {lo_hi[0]:g} and {lo_hi[1]:g}, not {v}")
    if isinstance(v, list) and not all(isinstance(x, str) for x in v):
        raise ConfigError(f"{where}: option '{name}' must be a list of strings")
    if name == "scales" and isinstance(v, dict):
        _check_scales(where, v)


_BANDS = ("much faster", "faster", "as fast", "slower", "little or no change", "decline")


def _check_scales(where: str, scales: dict) -> None:
    """growth-descriptor's scales: cycle ("2024-2034") -> band name -> {min, max} whole percentages."""
    for cycle, bands in scales.items():
        if not isinstance(bands, dict):
            raise ConfigError(f"{where}: option 'scales': cycle '{cycle}' must be a mapping of band -> "
                              f"{{min, max}}, not {_type_name(bands)}")
        for band, lim in bands.items():
            if band not in _BANDS:
                raise ConfigError(f"{where}: option 'scales': cycle '{cycle}': unknown band '{band}' "
                                  f"(known: {', '.join(_BANDS)})")
            if not isinstance(lim, dict) or set(lim) - {"min", "max"}:
                raise ConfigError(f"{where}: option 'scales': cycle '{cycle}': band '{band}' must be a mapping "
                                  "with min and/or max")
            for k, x in lim.items():
                if x is not None and (isinstance(x, bool) or not isinstance(x, (int, float)) or not math.isfinite(x)):
                    raise ConfigError(f"{where}: option 'scales': cycle '{cycle}': band '{band}': {k} must be "
                                      f"a number, not {_type_name(x)}")


_SOURCE_KEYS = {"title", "names", "kinds", "max-age-years", "family"}
_SOURCE_KINDS = {"wage", "employment", "projection"}


def check_source(where: str, sid, spec) -> None:
    """A source added by a configuration: known keys, lists where lists belong, sane values."""
    if not isinstance(spec, dict):
        raise ConfigError(f"{where}: source '{sid}' must be a mapping")
    w = spec.where if hasattr(spec, "where") else (lambda k=None: where)
    unknown = sorted(set(spec) - _SOURCE_KEYS, key=str)
    if unknown:
        raise ConfigError(f"{w(unknown[0])}: source '{sid}': unknown key '{unknown[0]}' "
                          f"(known: {', '.join(sorted(_SOURCE_KEYS))})")
    names = spec.get("names")
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
        raise ConfigError(f"{w('names') if 'names' in spec else where}: source '{sid}' needs 'names', "
                          "a list of names")
    kinds = spec.get("kinds", [])
    if not isinstance(kinds, list) or not all(k in _SOURCE_KINDS for k in kinds):
        raise ConfigError(f"{w('kinds')}: source '{sid}': kinds must be a list of "
                          f"{', '.join(sorted(_SOURCE_KINDS))}")
    age = spec.get("max-age-years", 2)
    if not isinstance(age, int) or isinstance(age, bool) or not 0 <= age <= 100:
        raise ConfigError(f"{w('max-age-years')}: source '{sid}': max-age-years must be a whole number "
                          "from 0 to 100")
    for key in ("title", "family"):
        if key in spec and not isinstance(spec[key], str):
            raise ConfigError(f"{w(key)}: source '{sid}': {key} must be a string")


def _type_name(v) -> str:
    for t, name in ((bool, "true or false"), (int, "a whole number"), (float, "a number"), (str, "a string"),
                    (list, "a list"), (dict, "a mapping")):
        if isinstance(v, t):   # a mapping read from YAML is a dict that remembers its lines
            return name
    return type(v).__name__


# A format spec within reason: "{age:>3}", "{value:,.2f}", "{share:.1%}"; never "{age:>200000000}"
# (a 200 MB string per finding). [[fill]align][sign][#][0][width][grouping][.precision][type]
_SPEC = rxcache.compile(r"(?:.?[<>=^])?[+\- ]?#?0?(?:\d{1,2})?[,_]?(?:\.\d{1,2})?[bcdeEfFgGnosxX%]?")
_FIELD = rxcache.compile(r"[A-Za-z_]\w*")  # a plain name: no "{x.__class__}", no "{x[0]}"
MAX_MESSAGE = 500


def check_message(where: str, message, kind: str = "", module=None) -> None:
    """A message template is checked when it loads, not when a finding formats it."""
    if not isinstance(message, str) or not message:
        raise ConfigError(f"{where}: needs a message")
    if len(message) > MAX_MESSAGE:
        raise ConfigError(f"{where}: message longer than {MAX_MESSAGE} characters")
    if not message.isprintable():
        raise ConfigError(f"{where}: message has control characters or line breaks")
    try:
        fields = list(string.Formatter().parse(message))
    except ValueError as e:
        raise ConfigError(f"{where}: bad message template: {e}") from None
    for _, name, spec, conversion in fields:
        if name is None:
            continue
        if not _FIELD.fullmatch(name):
            raise ConfigError(f"{where}: bad message template: '{{{name}}}' (a field is a plain name, "
                              "like {age})")
        if conversion not in (None, "s", "r"):
            raise ConfigError(f"{where}: bad message template: conversion '!{conversion}'")
        if spec and not _SPEC.fullmatch(spec):
            raise ConfigError(f"{where}: bad message template: format '{{{name}:{spec}}}' (at most 2 digits "
                              "of width or precision, no nested fields)")
    from careerlint.message_fields import check_template

    if kind:
        check_template(where, kind, [name for _, name, _, _ in fields if name is not None], module)
