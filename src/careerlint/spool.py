"""What a run keeps of each page until its report, kept on disk instead of in memory.

A run used to hold every page's findings (~0.5 KB each) and site facts (~1 KB packed) in memory
until its report: memory grew with the pages checked. As each page's outcome comes in (from this
process, a worker, Dask or the cache), its findings and its facts are written to one temporary file,
opened without a name where the system allows it (else removed right after it is made), and the
outcome keeps their place in it. They are read back a page at a time: by the site phase, the cache, the reporters.
The result cache keeps its new entries in a Spool of its own until it saves them (careerlint.cache_table).

The file is written and read by this process only: marshal (built in, nothing to import) of plain
data, compressed. It is made in the temporary folder only (never in the project). Where none can be
made (no writable temporary folder) or the disk fills, the compressed records stay in memory:
smaller than the objects, but not flat.
"""

from __future__ import annotations

import marshal
import os
import zlib


def _temporary_file() -> int | None:
    """A descriptor of a new file no other process can open (unlinked at once), or None."""
    folders = [os.environ.get(v) for v in ("TMPDIR", "TEMP", "TMP")] + ["/tmp", "/var/tmp"]
    for d in filter(None, folders):
        try:
            if hasattr(os, "O_TMPFILE"):   # Linux: a file that never has a name
                try:
                    return os.open(d, os.O_TMPFILE | os.O_RDWR, 0o600)
                except OSError:
                    pass                   # a file system without it: a name, removed at once
            name = os.path.join(d, f".careerlint-{os.getpid()}-{os.urandom(6).hex()}.tmp")
            # Windows: O_TEMPORARY removes the file when it is closed (an open file cannot be unlinked)
            flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
            fd = os.open(name, flags | getattr(os, "O_TEMPORARY", 0), 0o600)
            if not hasattr(os, "O_TEMPORARY"):
                os.unlink(name)
            return fd
        except OSError:
            continue
    return None


def _write_at(fd: int, data: bytes, at: int) -> None:
    view = memoryview(data)
    if hasattr(os, "pwrite"):
        while view:
            view = view[os.pwrite(fd, view, at + len(data) - len(view)):]
    else:   # Windows: no positional writes
        os.lseek(fd, at, os.SEEK_SET)
        while view:
            view = view[os.write(fd, view):]


def _read_at(fd: int, size: int, at: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(fd, size, at)
    os.lseek(fd, at, os.SEEK_SET)   # Windows
    chunks, left = [], size
    while left:
        chunk = os.read(fd, left)
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def close_quietly(fd: int | None) -> None:
    """Close a descriptor careerlint opened for itself, if any; closing is all that is left to do."""
    if fd is not None:
        try:
            os.close(fd)
        except OSError:
            pass


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
                at = self._end
                _write_at(self._fd, blob, at)
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
            blob = _read_at(self._fd, size, at)
            if len(blob) != size:
                raise OSError(f"careerlint's temporary file lost {size - len(blob)} bytes")
        return marshal.loads(zlib.decompress(blob))

    def close(self) -> None:
        fd, self._fd, self._mem = self._fd, None, None
        close_quietly(fd)

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
