"""What careerlint makes of its own bundled files at every start, kept between runs.

A fresh process used to parse rules/*.yaml (importing PyYAML for it) and build the lexicon's cue
patterns from their phrases: about 40 ms of a one-page check. Both are pure functions of the files'
bytes and of the code that reads them, so their results are kept as JSON in the user's cache folder
($XDG_CACHE_HOME/careerlint/start/, ~/.cache/careerlint/start/ by default), named by a hash of
those bytes and that code: an edited file or a new careerlint never reads an old entry. JSON (and
the regular expressions' code as raw integers, careerlint.rxcache), not pickle: an entry is data,
never Python code. Anything that goes wrong here (no home folder, a read-only
disk, a damaged entry) only means the work is done again.
"""

from __future__ import annotations

import os  # hashlib and json are imported on use: careerlint.client imports this module to find its folder

_DISABLED = "CAREERLINT_NO_START_CACHE"  # set (to anything): neither read nor write entries (tests)


def user_folder() -> str:
    """careerlint's folder in the user's cache: $XDG_CACHE_HOME/careerlint, else ~/.cache/careerlint
    (the results cache's key lives there too)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "careerlint")


def folder() -> str:
    return os.path.join(user_folder(), "start")


def private_folder(path: str) -> bool:
    """Whether the folder ``path`` is this user's own and no one else may write in it. A cache folder
    in a shared place (XDG_CACHE_HOME=/tmp/x) could hold another user's entries or socket: careerlint
    then neither reads nor writes its start cache there, nor talks to a check server there."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def key(kind: str, *parts: bytes | str, ext: str = ".json") -> str:
    """The name of an entry: its kind and a hash of everything it is made from."""
    import hashlib

    h = hashlib.sha256(kind.encode())
    for p in parts:
        b = p.encode() if isinstance(p, str) else p
        h.update(len(b).to_bytes(8, "little") + b)
    return f"{kind}-{h.hexdigest()[:40]}{ext}"


def code_of(*modules) -> bytes:
    """The source of the modules that make an entry (part of its key)."""
    from pathlib import Path

    return b"".join(Path(m.__file__).read_bytes() for m in modules)


def get(name: str):
    """An entry's JSON data, or None (absent, unreadable, damaged, or the cache turned off)."""
    blob = get_bytes(name)
    if blob is None:
        return None
    import json

    try:
        return json.loads(blob)
    except ValueError:
        return None


def get_bytes(name: str) -> bytes | None:
    """An entry's bytes, or None (absent, unreadable, or the cache turned off). An entry read is
    marked as used (its mtime, at most once a day), so that only entries no run reads expire."""
    if os.environ.get(_DISABLED) or not private_folder(folder()):
        return None
    try:
        with open(os.path.join(folder(), name), "rb") as f:
            data = f.read()
            if _now() - os.fstat(f.fileno()).st_mtime > _DAY:
                try:
                    os.utime(f.fileno())
                except (OSError, NotImplementedError):  # a read-only home, a system without futimes
                    pass
            return data
    except OSError:
        return None


def get_stamped(name: str, stamp: str):
    """The data of an entry kept with ``put_stamped`` under this very stamp, or None. An entry is
    named by what it is of (a file's path) and stamped with what it was made from (its bytes, the
    code): a changed file or careerlint replaces its one entry, so entries never pile up."""
    found = get(name)
    if isinstance(found, dict) and found.get("stamp") == stamp and "data" in found:
        return found["data"]
    return None


def put_stamped(name: str, stamp: str, data) -> None:
    put(name, {"stamp": stamp, "data": data})


def put(name: str, data) -> None:
    """Keep an entry (atomically: a concurrent run reads the old one or the new one); errors are ignored."""
    if os.environ.get(_DISABLED):
        return
    import json

    try:
        blob = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except (TypeError, ValueError):
        return  # a value JSON does not hold (a YAML date): not kept
    put_bytes(name, blob)


def put_bytes(name: str, blob: bytes) -> None:
    """Keep an entry's bytes (atomically); errors are ignored."""
    if os.environ.get(_DISABLED):
        return
    try:
        from careerlint.fileio import replace_atomically

        os.makedirs(folder(), mode=0o700, exist_ok=True)
        if not private_folder(folder()):
            return
        replace_atomically(os.path.join(folder(), name), blob)
    except OSError:
        return
    _expire(name)


_DAY = 86400
UNUSED_DAYS = 30   # an entry no run has read for this long is removed (its file moved, was deleted...)


def _now() -> float:
    import time

    return time.time()


def _expire(kept: str) -> None:
    """Remove the entries no run has read for UNUSED_DAYS (entries are named by the path of the file
    they are made from: a configuration moved or deleted, a project gone, would leave its entry
    forever), and temporary files a killed run left. Only when an entry is written: rarely."""
    try:
        names = os.listdir(folder())
    except OSError:
        return
    now = _now()
    for n in names:
        if n == kept or not (n.endswith((".json", ".bin")) or (n.startswith(".careerlint-") and n.endswith(".tmp"))):
            continue
        path = os.path.join(folder(), n)
        try:
            age = now - os.stat(path, follow_symlinks=False).st_mtime
            if age > (UNUSED_DAYS * _DAY if not n.endswith(".tmp") else 600):
                os.unlink(path)
        except OSError:
            pass
