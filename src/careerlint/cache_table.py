"""One table of the result cache (a page's findings, or its site facts, by content key), a line per
entry, each line signed on its own, read an entry at a time.

A table used to be one signed JSON object, read whole and kept whole in memory with the run's new
entries, then written whole: memory grew with the pages of the site (~45 KB a page on a cold run).
Now only an index stays in memory (an entry's key and where its line is: ~0.3 KB a page): a line is
read back, checked and parsed when its page is asked for, the run's new lines wait in the run's
temporary file (careerlint.spool), and saving streams the new lines, then the old lines no new one
replaces, into the new file.

A line (no line ever holds a raw newline: JSON escapes them in strings):

    <HMAC-SHA256 in hex> <the key's UTF-8 in hex> <the value as JSON>\\n
    e.g. "3f9c... 61622e68746d6c [[12,4,\\"stale-source\\",...]]"

The HMAC covers the table's file name, the key and the value, so a line is good only in the table
and under the key it was written for; a line that does not verify is a missing entry. Two lines with
one key: the later one counts.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os

HEADER = b"careerlint-cache-lines 1\n"
MAX_LINE = 64 << 20   # longer than any entry careerlint writes (a page's facts are a few KB): skipped


class LineTable:
    def __init__(self, path: str, secret: bytes, spool_of) -> None:
        self.path = path
        self._name = os.path.basename(path).encode()
        self._secret = secret
        self._spool_of = spool_of        # the Cache's temporary file, made on first use
        self._old: dict[str, tuple[int, int]] | None = None   # key -> (line start, line length)
        self._fd: int | None = None
        self._new: dict[str, tuple] = {}  # key -> its line's place in the temporary file

    # -- reading -----------------------------------------------------------------------------------

    def get(self, key: str):
        """The value stored under ``key`` (this run's, else the file's), or None."""
        ref = self._new.get(key)
        if ref is not None:
            line = self._spool_of().get(ref)
        else:
            at = self._index().get(key)
            line = self._read(at, key) if at is not None else None
        if line is None:
            return None
        try:
            return json.loads(line.split(b" ", 2)[2])
        except (ValueError, IndexError, RecursionError):
            return None

    def _index(self) -> dict[str, tuple[int, int]]:
        """Where each key's line is in the file (read once, without parsing or checking the values)."""
        if self._old is None:
            self._old = {}
            from careerlint.fileio import open_own_file

            f = open_own_file(self.path)   # a regular file, not a link: a cache may come with a repository
            if f is None:
                return self._old
            try:
                with f:
                    if f.readline(len(HEADER) + 1) == HEADER:
                        self._scan(f)
                        self._fd = os.dup(f.fileno())  # the file read, even once a concurrent run replaces it
            except OSError:
                self._old = {}
        return self._old

    def _scan(self, f) -> None:
        at = len(HEADER)
        while True:
            line = f.readline(MAX_LINE)
            if not line:
                return
            start, whole = at, line.endswith(b"\n")
            at += len(line)
            while not line.endswith(b"\n"):   # longer than any entry careerlint writes (or cut short)
                line = f.readline(MAX_LINE)
                if not line:
                    return
                at += len(line)
            if whole:
                first = line.find(b" ")
                second = line.find(b" ", first + 1)
                if first > 0 and second > first:
                    try:
                        self._old[bytes.fromhex(line[first + 1:second].decode("ascii")).decode("utf-8")] = \
                            (start, at - start)
                    except (ValueError, UnicodeDecodeError):
                        pass

    def _read(self, at: tuple[int, int], key: str) -> bytes | None:
        """The line at ``at`` once it verifies and is ``key``'s (the file may have been rewritten in
        place since it was indexed), else None."""
        from careerlint.spool import _read_at

        start, size = at
        try:
            line = _read_at(self._fd, size, start)
        except OSError:
            return None
        parts = line.rstrip(b"\n").split(b" ", 2)
        if len(line) != size or len(parts) != 3 or parts[1] != _hex(key):
            return None
        return line if hmac.compare_digest(parts[0], self._mac(parts[1], parts[2])) else None

    def _mac(self, key_hex: bytes, body: bytes) -> bytes:
        return hmac.new(self._secret, self._name + b"\0" + key_hex + b"\0" + body, hashlib.sha256).hexdigest().encode()

    # -- writing -----------------------------------------------------------------------------------

    def put(self, key: str, value) -> None:
        key_hex = _hex(key)
        body = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")
        self._new[key] = self._spool_of().put(b"%s %s %s\n" % (self._mac(key_hex, body), key_hex, body))

    def save(self) -> None:
        """Write the table with this run's lines (replacing the file atomically); nothing when it has none.
        The file's lines are read again as they are now (a concurrent run may have added some)."""
        if not self._new:
            return
        from careerlint.fileio import replace_atomically

        self.close()
        replace_atomically(self.path, self._lines(), follow_link=False)  # a link from a repository: replaced
        self._new = {}
        self.close()  # read afresh on next use

    def _lines(self):
        yield HEADER
        spool = self._spool_of()
        for ref in self._new.values():
            yield spool.get(ref)
        for key, at in self._index().items():
            if key not in self._new:
                line = self._read(at, key)
                if line is not None:
                    yield line

    def close(self) -> None:
        from careerlint.spool import close_quietly

        fd, self._fd, self._old = self._fd, None, None
        close_quietly(fd)

    def __del__(self) -> None:  # a Cache its caller never closed: its tables still let go of their files
        self.close()


def _hex(key: str) -> bytes:
    """A key as a line holds it: its UTF-8 in hex ("ab.html" -> b"61622e68746d6c"): no space, no newline."""
    return key.encode("utf-8").hex().encode("ascii")
