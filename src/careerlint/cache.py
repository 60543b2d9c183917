"""The result cache: per-file findings keyed by the page's bytes, the plan and careerlint's code.

The cache folder lives in the project (.careerlint_cache/), so it may come with a repository or
from another machine. Nothing in it is trusted: every file carries an HMAC-SHA256 made with a
key kept outside the repository, in the user's cache folder ($XDG_CACHE_HOME/careerlint/key or
~/.cache/careerlint/key, made on first use, readable by the user only), and a file that does
not verify is ignored. Without a usable key there is no cache.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat

from careerlint.cache_folder import CACHE_DIR, linked, make_cache_dir, remove_older_versions, remove_stale_temp
from careerlint.errors import CareerlintError
from careerlint.findings import Finding

VERSION = "v4"   # v4: results and facts tables are signed a line per entry (careerlint.cache_table)


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


_KEY: list[bytes | None] = []


def key_path() -> str:
    from careerlint.startcache import user_folder

    return os.path.join(user_folder(), "key")


def secret_key() -> bytes | None:
    """The user's cache key (made on first use); None when it cannot be read or made."""
    if not _KEY:
        _KEY.append(_load_or_make_key(key_path()))
    return _KEY[0]


def _load_or_make_key(path: str) -> bytes | None:
    for _ in range(2):
        try:
            with open(path, "rb") as f:
                key = f.read(256).strip()
            return key if len(key) >= 32 else None
        except FileNotFoundError:
            pass
        except OSError:
            return None
        try:
            os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue  # another run made it first: read theirs
        except OSError:
            return None
        with os.fdopen(fd, "wb") as f:
            f.write(os.urandom(32).hex().encode() + b"\n")
    return None


def _mac(key: bytes, name: str, body: bytes) -> str:
    return hmac.new(key, name.encode() + b"\0" + body, hashlib.sha256).hexdigest()


MAX_SIGNED = 256 << 20   # an index of ~1.7 million pages; a larger file is not one careerlint wrote


def read_signed(path: str):
    """The JSON value stored at ``path``, or None when it is missing, damaged or not signed with
    this user's key (forged, or made on another machine)."""
    key = secret_key()
    if key is None:
        return None
    from careerlint.fileio import open_own_file

    f = open_own_file(path)
    if f is None:
        return None
    try:
        with f:
            if os.fstat(f.fileno()).st_size > MAX_SIGNED:
                return None
            head = f.readline(200)
            body = f.read(MAX_SIGNED)
    except OSError:
        return None
    parts = head.split()
    if len(parts) != 2 or parts[0] != b"careerlint-cache":
        return None
    if not hmac.compare_digest(parts[1].decode("ascii", "replace"), _mac(key, os.path.basename(path), body)):
        return None
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        return None


def write_signed(path: str, value) -> None:
    """Store ``value`` as JSON at ``path`` with its MAC, atomically; nothing without a key."""
    from careerlint.fileio import atomic_write

    key = secret_key()
    if key is None or linked(os.path.dirname(path)):
        return
    body = json.dumps(value, ensure_ascii=False, default=str)
    mac = _mac(key, os.path.basename(path), body.encode("utf-8"))
    make_cache_dir(os.path.dirname(path))
    atomic_write(path, f"careerlint-cache {mac}\n{body}", follow_link=False)  # a link in a cache from a repository


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Cache:
    """Per-file results keyed by the hash of the exact bytes checked, the page's type, the plan
    and careerlint's code.

    Three kinds of file under .careerlint_cache/v4/: an index of path -> (size, mtime, content
    hash), so unchanged pages are not even read; one results table (findings) per plan
    fingerprint; and one facts table (each page's site facts, for the cross-page rules) per facts
    fingerprint, which leaves out the rules and the as-of date. A table is read an entry at a time
    and keeps the run's new entries in the run's temporary file (careerlint.cache_table), so memory
    does not grow with the site.
    Files are merged with what is on disk and written atomically, so concurrent runs can share
    the folder (at worst one run's new entries are lost); a damaged or forged entry is a missing one."""

    def __init__(self, root: str) -> None:
        self.root = os.path.join(root, CACHE_DIR, VERSION)
        self.usable = secret_key() is not None and not linked(self.root)
        self._index = self._load("index.json")
        self._index_new: dict[str, list] = {}
        self._tables: dict[str, object] = {}   # file name -> LineTable
        self._spool = None

    def _load(self, name: str) -> dict:
        data = read_signed(os.path.join(self.root, name)) if self.usable else None
        return data if isinstance(data, dict) else {}

    def _table(self, name: str):
        table = self._tables.get(name)
        if table is None:
            from careerlint.cache_table import LineTable

            table = self._tables[name] = LineTable(os.path.join(self.root, name), secret_key(), self._spool_of)
        return table

    def _spool_of(self):
        if self._spool is None:
            from careerlint.spool import Spool

            self._spool = Spool()
        return self._spool

    @staticmethod
    def content_key(path: str, content_hash: str) -> str:
        return f"{content_hash}{os.path.splitext(path)[1].lower()}"

    def known_key(self, path: str, max_bytes: int = 0) -> str | None:
        """The content key of a page whose size and mtime are what the index recorded, without
        reading it; None when the page is new or changed, not a regular file, or above this
        run's size limit (the limit is this run's, not the cache's)."""
        try:
            st = os.stat(path)
        except OSError:
            return None
        if not stat.S_ISREG(st.st_mode) or (max_bytes and st.st_size > max_bytes):
            return None
        known = self._index.get(os.path.abspath(path))
        if isinstance(known, list) and len(known) == 3 and known[0] == st.st_size and known[1] == st.st_mtime_ns \
                and isinstance(known[2], str):
            return self.content_key(path, known[2])
        return None

    def remember(self, path: str, signature: tuple[int, int] | None, content_hash: str) -> None:
        """Index a page read with this (size, mtime) and these bytes (not when it changed while read)."""
        if signature is not None:
            self._index_new[os.path.abspath(path)] = [signature[0], signature[1], content_hash]

    @staticmethod
    def _results_name(plan) -> str:
        return f"results-{plan.fingerprint[:32]}.lines"

    @staticmethod
    def _facts_name(plan) -> str:
        return f"facts-{plan.facts_fingerprint[:32]}.lines"

    def get(self, key: str, plan, path: str) -> list[Finding] | None:
        if not self.usable:
            return None
        rows = self._table(self._results_name(plan)).get(key)
        if not isinstance(rows, list):
            return None
        try:
            return [Finding.from_record(path, r) for r in rows]
        except (KeyError, TypeError):
            return None

    def put(self, key: str, plan, findings: list[Finding]) -> None:
        if self.usable:
            self._table(self._results_name(plan)).put(key, [f.to_record() for f in findings])

    def get_facts(self, key: str, plan) -> dict | None:
        """A page's site facts (careerlint.sitewide.facts, as JSON data), kept apart from its findings:
        they depend on the code and the sources only, not on the rules or the as-of date."""
        if not self.usable:
            return None
        found = self._table(self._facts_name(plan)).get(key)
        return found if isinstance(found, dict) else None

    def put_facts(self, key: str, plan, facts: dict) -> None:
        if self.usable:
            self._table(self._facts_name(plan)).put(key, facts)

    def indexed(self) -> dict[str, list]:
        """Every page the index knows: absolute path -> [size, mtime_ns, content hash]."""
        return {**self._index, **self._index_new}

    def save(self) -> None:
        if not self.usable:
            return
        try:
            make_cache_dir(self.root)
            remove_stale_temp(self.root)
            remove_older_versions(os.path.dirname(self.root))
            if self._index_new:
                merged = self._load("index.json")
                merged.update(self._index_new)
                write_signed(os.path.join(self.root, "index.json"), merged)
        except (OSError, CareerlintError):
            return  # a cache that cannot be written only costs time
        for table in self._tables.values():
            try:
                table.save()
            except OSError:
                pass  # this table only (a folder in its place...): the others are still saved

    def close(self) -> None:
        """Let go of the tables' files and the temporary file (a run that only read the cache keeps
        them open otherwise: tables and cache refer to each other until the garbage collector runs)."""
        for table in self._tables.values():
            table.close()
        self._tables = {}
        if self._spool is not None:
            self._spool.close()
            self._spool = None
