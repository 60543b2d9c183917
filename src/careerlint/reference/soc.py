"""SOC codes (Standard Occupational Classification, as BLS uses them): format, levels, nesting."""

from __future__ import annotations

import re

# "29-2072"; also accepted on input: "29-2072.00" (O*NET-SOC) and "292072" (BLS time-series files)
_CODE = re.compile(r"^(\d\d)-?(\d{4})(?:\.00)?$")

LEVELS = ("total", "major", "minor", "broad", "detailed")


def parse_code(text: str) -> str | None:
    """'29-2072', ' 29-2072.00 ', '292072' -> '29-2072'; anything else -> None."""
    m = _CODE.match(text.strip())
    return f"{m.group(1)}-{m.group(2)}" if m else None


def _prefix(code: str) -> str | None:
    """The prefix every code under ``code`` starts with: major '11-0000' -> '11-', minor '11-1000'
    -> '11-10' and '51-5100' -> '51-51', broad '11-1010' -> '11-101'; None for a code that cannot
    have codes under it ('11-1011')."""
    if code == "00-0000":
        return ""
    if code.endswith("0000"):
        return code[:3]
    if code.endswith("00"):
        return code[:5]
    if code.endswith("0"):
        return code[:6]
    return None


def contains(group: str, code: str) -> bool:
    """Whether ``code`` is ``group`` or an occupation under it ('47-2020' contains '47-2022')."""
    if group == code:
        return True
    p = _prefix(group)
    return p is not None and code.startswith(p)


def nominal_level(code: str) -> int:
    """How detailed a code is by its digits (0 total ... 4 detailed). BLS gives a few broad groups a
    detailed row under the same code ('13-2020'); the data files carry the level BLS published."""
    if code == "00-0000":
        return 0
    if code.endswith("0000"):
        return 1
    if code.endswith("00"):
        return 2
    if code.endswith("0"):
        return 3
    return 4
