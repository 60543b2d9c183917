"""Files careerlint writes (reports, baselines, cache files) are written atomically: a killed run
leaves the old file or the new one, never half of one.

The new file keeps the mode of the file it replaces, or gets what a plain ``open(path, "w")``
would give (0666 less the umask: 0644 under the usual 022), never mkstemp's private 0600."""

from __future__ import annotations

import os
import stat
import tempfile

from careerlint.errors import InputError

_UMASK: list[int] = []


def _umask() -> int:
    if not _UMASK:
        # reading the umask means setting it; done once, before any thread is started
        old = os.umask(0o022)
        os.umask(old)
        _UMASK.append(old)
    return _UMASK[0]


def _mode_for(path: str) -> int:
    """The mode of the file at ``path`` (a link's target when the target is replaced), else a new file's."""
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return 0o666 & ~_umask()
    return 0o666 & ~_umask() if stat.S_ISLNK(st.st_mode) else stat.S_IMODE(st.st_mode)


def replace_atomically(path: str, data, follow_link: bool = True) -> None:
    """Write ``data`` (bytes, or pieces of bytes one after the other) to ``path`` through a temporary
    file in its folder and a rename: the old file or
    the new one, never half. A symlink is followed (its target is replaced, the link kept) unless
    ``follow_link`` is false (the link itself is replaced: files careerlint owns, such as its cache,
    which may come with a repository); the mode is
    the old file's, or a new file's under the umask. OSError as it comes."""
    if follow_link and os.path.islink(path):   # else the rename below replaces the link itself
        path = os.path.realpath(path)
    folder = os.path.dirname(os.path.abspath(path))
    mode = _mode_for(path)
    fd, tmp = tempfile.mkstemp(prefix=".careerlint-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            if isinstance(data, (bytes, bytearray, memoryview)):
                f.write(data)
            else:
                for piece in data:
                    f.write(piece)
            f.flush()
            os.fchmod(f.fileno(), mode)
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def atomic_write(path: str, text, follow_link: bool = True) -> None:
    """Write ``text`` (a string, or strings one after the other) to ``path`` in UTF-8, atomically."""
    try:
        replace_atomically(path, text.encode("utf-8") if isinstance(text, str) else (t.encode("utf-8") for t in text),
                           follow_link)
    except OSError as e:
        raise InputError(f"{path}: error: cannot write: {e.strerror or e}") from None


def open_own_file(path: str):
    """A binary reader of ``path`` when it is a regular file and not a link (files careerlint owns, such
    as its cache, which may come with a repository: a link to /dev/zero or to another file is not one
    of them), else None."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if stat.S_ISREG(os.fstat(fd).st_mode) and not os.path.islink(path):
            return os.fdopen(fd, "rb")
    except OSError:
        pass
    os.close(fd)
    return None
