"""Baselines: today's findings recorded so that later runs report only new ones.

Entries are keyed by page path (relative to the baseline file), rule and the text of the
claims involved, never by line: editing elsewhere in a page does not resurrect them.
"""

from __future__ import annotations

import json
import os
from collections import Counter

from careerlint.errors import ConfigError
from careerlint.fileio import atomic_write
from careerlint.findings import Finding


def _key(f: Finding, base: str) -> tuple:
    rel = os.path.relpath(os.path.abspath(f.path), base).replace(os.sep, "/")
    return (rel, f.rule, f.text, tuple(r.text for r in f.related))


def write(path: str, findings: list[Finding]) -> None:
    base = os.path.dirname(os.path.abspath(path))
    counts = Counter(_key(f, base) for f in findings)
    entries = [{"path": k[0], "rule": k[1], "text": k[2], "related": list(k[3]), "count": n}
               for k, n in sorted(counts.items())]
    atomic_write(path, json.dumps({"version": 1, "entries": entries}, indent=2, ensure_ascii=False) + "\n")


def load(path: str) -> Counter:
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such baseline file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read baseline: {e}") from None
    except json.JSONDecodeError as e:
        raise ConfigError(f"{path}:{e.lineno}: invalid baseline JSON: {e.msg}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid baseline JSON: nested too deeply") from None
    if not isinstance(doc, dict) or doc.get("version") != 1 or not isinstance(doc.get("entries"), list):
        raise ConfigError(f"{path}: not a careerlint baseline (version 1)")
    out: Counter = Counter()
    try:
        for e in doc["entries"]:
            out[(e["path"], e["rule"], e["text"], tuple(e.get("related", [])))] += int(e.get("count", 1))
    except (KeyError, TypeError, ValueError, OverflowError):
        raise ConfigError(f"{path}: malformed baseline entry") from None
    return out


def apply(path: str, known: Counter, findings: list[Finding], checked: set[str]) -> tuple[list[Finding], int, int]:
    """(new findings, findings matched by the baseline, baseline entries no longer found).
    Entries for pages not checked in this run are not counted as gone."""
    base = os.path.dirname(os.path.abspath(path))
    left = Counter(known)
    new = []
    matched = 0
    for f in findings:
        k = _key(f, base)
        if left[k] > 0:
            left[k] -= 1
            matched += 1
        else:
            new.append(f)
    checked_rel = {os.path.relpath(os.path.abspath(p), base).replace(os.sep, "/") for p in checked}
    stale = sum(n for k, n in left.items() if n > 0 and k[0] in checked_rel)
    return new, matched, stale
