"""Sizes as the user writes them (--max-size 500KB), and messages in the unit the user gave."""

from __future__ import annotations

import math
import re

from careerlint import rxcache

# "10MB", "500 kb", "1.5G", "2MiB", "1048576" (bytes)
_SIZE = rxcache.compile(r"\s*(\d+(?:\.\d+)?)\s*(b|kb|k|kib|mb|m|mib|gb|g|gib)?\s*", re.I)
_UNITS = {None: (1, "bytes"), "b": (1, "bytes"), "k": (1000, "KB"), "kb": (1000, "KB"), "kib": (1024, "KiB"),
          "m": (10**6, "MB"), "mb": (10**6, "MB"), "mib": (2**20, "MiB"),
          "g": (10**9, "GB"), "gb": (10**9, "GB"), "gib": (2**30, "GiB")}


class Size(int):
    """A number of bytes that remembers the unit it was given in (it pickles as one)."""

    factor: int = 10**6
    unit: str = "MB"
    given: str = ""      # the number as the user wrote it ("0.5" of "0.5MB")

    def __new__(cls, n: int, factor: int = 10**6, unit: str = "MB", given: str = "") -> "Size":
        obj = super().__new__(cls, n)
        obj.factor, obj.unit, obj.given = factor, unit, given
        return obj

    def __reduce__(self):
        return (Size, (int(self), self.factor, self.unit, self.given))

    def describe(self, n: int | None = None) -> str:
        """``n`` bytes (default: this size, as given) in this size's unit: '1.2 MB', '0.0073 MiB',
        '10,000 bytes'. A size just over the limit gets the decimals that tell them apart."""
        if n is None:
            if self.factor == 1:
                return _bytes(int(self))
            v = int(self) / self.factor
            return f"{self.given or (f'{v:,.0f}' if v.is_integer() else f'{v:,g}')} {self.unit}"
        if self.factor == 1:
            return _bytes(n)
        v = n / self.factor
        places = 1 if v >= 1 or v == 0 else 1 - math.floor(math.log10(v))   # 0.00728 -> 4: '0.0073'
        limit = float(self.given) if self.given else int(self) / self.factor
        text = f"{v:,.{places}f}"
        while float(text.replace(",", "")) <= limit and n > int(self) and places < 12:
            places += 1   # never '10.0 MB, larger than the limit of 10 MB'
            text = f"{v:,.{places}f}"
        return f"{text} {self.unit}"


def _bytes(n: int) -> str:
    return f"{n:,} byte" + ("" if n == 1 else "s")


def parse_size(value: str) -> Size | None:
    """A Size, or None when ``value`` is not a size."""
    m = _SIZE.fullmatch(value)
    if not m:
        return None
    factor, unit = _UNITS[m.group(2).lower() if m.group(2) else None]
    return Size(int(float(m.group(1)) * factor), factor, unit, m.group(1))


def too_big(size: int, limit: int, grew: bool = False) -> str:
    """The message for a page over the limit, in the unit the limit was given in ("more than" when
    it was read only up to the limit: it grew while being read, or stat did not tell its size)."""
    lim = limit if isinstance(limit, Size) else Size(limit)
    more = "more than " if grew else ""
    return (f"page is {more}{lim.describe(size)}, larger than the limit of {lim.describe()} "
            f"(raise it with --max-size)")
