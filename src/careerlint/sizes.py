"""Sizes as the user writes them (--max-size 500KB), and messages in the unit the user gave."""

from __future__ import annotations

import re

# "10MB", "500 kb", "1.5G", "2MiB", "1048576" (bytes)
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(b|kb|k|kib|mb|m|mib|gb|g|gib)?\s*", re.I)
_UNITS = {None: (1, "bytes"), "b": (1, "bytes"), "k": (1000, "KB"), "kb": (1000, "KB"), "kib": (1024, "KiB"),
          "m": (10**6, "MB"), "mb": (10**6, "MB"), "mib": (2**20, "MiB"),
          "g": (10**9, "GB"), "gb": (10**9, "GB"), "gib": (2**30, "GiB")}


class Size(int):
    """A number of bytes that remembers the unit it was given in (it pickles as one)."""

    factor: int = 10**6
    unit: str = "MB"

    def __new__(cls, n: int, factor: int = 10**6, unit: str = "MB") -> "Size":
        obj = super().__new__(cls, n)
        obj.factor, obj.unit = factor, unit
        return obj

    def __reduce__(self):
        return (Size, (int(self), self.factor, self.unit))

    def describe(self, n: int | None = None) -> str:
        """``n`` bytes (default: this size) in this size's unit: '1.2 MB', '512 KB', '10,000 bytes'.
        A size just over the limit gets the decimals that tell them apart ('10.000001 MB')."""
        n = int(self) if n is None else n
        if self.factor == 1:
            return f"{n:,} byte" + ("" if n == 1 else "s")
        v = n / self.factor
        for places in range(1, 10):
            text = f"{v:,.{places}f}"
            if n == int(self) or float(text.replace(",", "")) != int(self) / self.factor:
                break
        if n != int(self) or not float(v).is_integer():
            return f"{text.rstrip('0').rstrip('.') if places > 1 else text} {self.unit}"
        return f"{v:,.0f} {self.unit}"


def parse_size(value: str) -> Size | None:
    """A Size, or None when ``value`` is not a size."""
    m = _SIZE.fullmatch(value)
    if not m:
        return None
    factor, unit = _UNITS[m.group(2).lower() if m.group(2) else None]
    return Size(int(float(m.group(1)) * factor), factor, unit)


def too_big(size: int, limit: int) -> str:
    """The message for a page over the limit, in the unit the limit was given in."""
    lim = limit if isinstance(limit, Size) else Size(limit)
    return (f"page is {lim.describe(size)}, larger than the limit of {lim.describe()} "
            f"(raise it with --max-size)")
