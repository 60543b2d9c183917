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
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def atomic_write(path: str, text: str) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    mode = _mode_for(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".careerlint-", suffix=".tmp", dir=folder)
    except OSError as e:
        raise InputError(f"{path}: error: cannot write: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fchmod(f.fileno(), mode)
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise InputError(f"{path}: error: cannot write: {e.strerror or e}") from None
