"""What a run keeps of each page until its report, kept on disk instead of in memory.

A run used to hold every page's findings (~0.5 KB each) and site facts (~1 KB packed) in memory
until its report: memory grew with the pages checked. As each page's outcome comes in (from this
process, a worker, Dask or the cache), its findings and its facts are written to one temporary file,
unlinked as it is made (the system removes it however the run ends), and the outcome keeps their
place in it. They are read back a page at a time: by the site phase, the cache, the reporters.

The file is written and read by this process only: marshal (built in, nothing to import) of plain
data, compressed. Where no temporary file can be made (no writable temporary folder), the
compressed records stay in memory: smaller than the objects, but not flat.
"""

from __future__ import annotations

import marshal
import os
import zlib


def _temporary_file() -> int | None:
    """A descriptor of a new file no other process can open (unlinked at once), or None."""
    folders = [os.environ.get(v) for v in ("TMPDIR", "TEMP", "TMP")] + ["/tmp", "/var/tmp", os.getcwd()]
    for d in filter(None, folders):
        try:
            if hasattr(os, "O_TMPFILE"):   # Linux: a file that never has a name
                try:
                    return os.open(d, os.O_TMPFILE | os.O_RDWR, 0o600)
                except OSError:
                    pass                   # a file system without it: a name, removed at once
            name = os.path.join(d, f".careerlint-{os.getpid()}-{os.urandom(6).hex()}.tmp")
            fd = os.open(name, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
            try:
                os.unlink(name)
            except OSError:   # Windows: an open file cannot be removed; it goes when it is closed
                os.close(fd)
                fd = os.open(name, os.O_RDWR | getattr(os, "O_TEMPORARY", 0) | getattr(os, "O_BINARY", 0))
            return fd
        except OSError:
            continue
    return None


class Spool:
    def __init__(self) -> None:
        self._fd: int | None = None
        self._end = 0
        self._mem: list[bytes] | None = None

    def put(self, data) -> tuple[int, int]:
        """Keep ``data`` (plain data: what marshal writes); its place, for ``get``."""
        blob = zlib.compress(marshal.dumps(data), 1)
        if self._fd is None and self._mem is None:
            self._fd = _temporary_file()
            if self._fd is None:
                self._mem = []
        if self._mem is None:
            try:
                view = memoryview(blob)
                at = self._end
                while view:
                    view = view[os.pwrite(self._fd, view, at + len(blob) - len(view)):]
                self._end = at + len(blob)
                return (at, len(blob))
            except OSError:   # the disk is full: the rest stays in memory
                self._mem = []
        self._mem.append(blob)
        return (len(self._mem) - 1, -1)

    def get(self, ref: tuple[int, int]):
        at, size = ref
        if size < 0:
            blob = self._mem[at]
        else:
            blob = os.pread(self._fd, size, at)
            if len(blob) != size:
                raise OSError(f"careerlint's temporary file lost {size - len(blob)} bytes")
        return marshal.loads(zlib.decompress(blob))

    def close(self) -> None:
        fd, self._fd, self._mem = self._fd, None, None
        if fd is not None:
            try:
                os.close(fd)
            except OSError:
                pass

    def __del__(self) -> None:
        self.close()


class Stored:
    """A page's findings (``load`` makes them again) or site facts record, kept in a Spool. It iterates
    and counts like the list it was; ``path`` is the path of its findings (they share one)."""

    __slots__ = ("_make", "count", "path", "ref", "spool")

    def __init__(self, spool: Spool, data, count: int = 0, path: str | None = None, make=None) -> None:
        self.spool, self.ref, self.count, self.path, self._make = spool, spool.put(data), count, path, make

    def load(self):
        data = self.spool.get(self.ref)
        return self._make(data) if self._make is not None else data

    def __iter__(self):
        return iter(self.load())

    def __len__(self) -> int:
        return self.count

    def __bool__(self) -> bool:
        return self.count > 0
