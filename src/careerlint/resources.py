"""Where the bundled rule pack lives: inside the installed package, or in a source checkout."""

from __future__ import annotations

from pathlib import Path


def rules_dir() -> Path:
    here = Path(__file__).resolve().parent
    bundled = here / "bundled_rules"
    if bundled.is_dir():
        return bundled
    checkout = here.parent.parent / "rules"  # src/careerlint -> repository root
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("careerlint's rule pack is missing from this installation")
