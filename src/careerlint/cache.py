"""The result cache: per-file findings keyed by the page's bytes, the plan and careerlint's code."""

from __future__ import annotations

import hashlib
import json
import os

from careerlint.errors import CareerlintError
from careerlint.findings import Finding

CACHE_DIR = ".careerlint_cache"


_CODE: list[str] = []


def code_fingerprint() -> str:
    """A hash of careerlint's own code, so a changed checker never reuses old results."""
    if not _CODE:
        h = hashlib.sha256()
        pkg = os.path.dirname(os.path.abspath(__file__))
        for root, dirs, files in os.walk(pkg):
            dirs.sort()
            for name in sorted(files):
                if name.endswith((".py", ".yaml")):
                    with open(os.path.join(root, name), "rb") as f:
                        h.update(name.encode() + b"\0" + f.read())
        _CODE.append(h.hexdigest())
    return _CODE[0]


class Cache:
    """Per-file results keyed by the page's bytes, its type, the plan and careerlint's code.

    Two kinds of file under .careerlint_cache/v2/: an index of path -> (size, mtime, content
    hash), so unchanged pages are not even read, and one results file per plan fingerprint.
    Files are merged with what is on disk and written atomically, so concurrent runs can share
    the folder (at worst one run's new entries are lost); a damaged file is treated as empty."""

    def __init__(self, root: str) -> None:
        self.root = os.path.join(root, CACHE_DIR, "v2")
        self._index = self._load("index.json")
        self._index_new: dict[str, list] = {}
        self._results: dict[str, dict] = {}
        self._results_new: dict[str, dict] = {}

    def _load(self, name: str) -> dict:
        try:
            with open(os.path.join(self.root, name), encoding="utf-8") as f:
                data = json.load(f)
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def key(self, path: str) -> str | None:
        """The content key of a page: from the index when size and mtime are unchanged."""
        try:
            st = os.stat(path)
        except OSError:
            return None
        apath = os.path.abspath(path)
        ext = os.path.splitext(path)[1].lower()
        known = self._index.get(apath)
        if isinstance(known, list) and len(known) == 3 and known[0] == st.st_size and known[1] == st.st_mtime_ns:
            return f"{known[2]}{ext}"
        try:
            with open(path, "rb") as f:
                digest = hashlib.sha256(f.read()).hexdigest()
        except OSError:
            return None
        self._index_new[apath] = [st.st_size, st.st_mtime_ns, digest]
        return f"{digest}{ext}"

    def _table(self, plan) -> dict:
        if plan.fingerprint not in self._results:
            self._results[plan.fingerprint] = self._load(f"results-{plan.fingerprint[:32]}.json")
        return self._results[plan.fingerprint]

    def get(self, key: str, plan, path: str) -> list[Finding] | None:
        rows = self._table(plan).get(key)
        if not isinstance(rows, list):
            return None
        try:
            return [Finding.from_record(path, r) for r in rows]
        except (KeyError, TypeError):
            return None

    def put(self, key: str, plan, findings: list[Finding]) -> None:
        rows = [f.to_record() for f in findings]
        self._results_new.setdefault(plan.fingerprint, {})[key] = rows

    def save(self) -> None:
        from careerlint.fileio import atomic_write

        try:
            os.makedirs(self.root, exist_ok=True)
            tag = os.path.join(os.path.dirname(self.root), "CACHEDIR.TAG")
            if not os.path.exists(tag):
                with open(tag, "w") as f:
                    f.write("Signature: 8a477f597d28d172789f06886806bc55\n# careerlint's cache; safe to delete.\n")
            if self._index_new:
                merged = self._load("index.json")
                merged.update(self._index_new)
                atomic_write(os.path.join(self.root, "index.json"), json.dumps(merged, ensure_ascii=False))
            for fp, new in self._results_new.items():
                name = f"results-{fp[:32]}.json"
                merged = self._load(name)
                merged.update(new)
                atomic_write(os.path.join(self.root, name), json.dumps(merged, ensure_ascii=False))
        except (OSError, CareerlintError):
            pass  # a cache that cannot be written only costs time
