"""Files careerlint writes (reports, baselines) are written atomically: a killed run leaves the old
file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile

from careerlint.errors import InputError


def atomic_write(path: str, text: str) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".careerlint-", suffix=".tmp", dir=folder)
    except OSError as e:
        raise InputError(f"{path}: error: cannot write: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise InputError(f"{path}: error: cannot write: {e.strerror or e}") from None
