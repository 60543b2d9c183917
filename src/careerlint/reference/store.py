"""Where reference data lives and how it is loaded: lazily, file by file, on first use.

Two folders: the bundled one (rules/reference/, shipped in the wheel as
careerlint/bundled_rules/reference/) and the user's (``careerlint data import`` writes there:
$XDG_DATA_HOME/careerlint/reference, or the platform's equivalent, or the ``reference-data:``
folder of a configuration). A release in the user's folder replaces the bundled one of the same
year. Nothing is read until a lookup needs it, and then only the file it needs.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from pathlib import Path

from careerlint.errors import CareerlintError


class ReferenceDataError(CareerlintError):
    """A reference-data file that cannot be read; str() is the one-line message."""


def user_data_dir() -> Path:
    """The user's careerlint data folder: $XDG_DATA_HOME/careerlint when set, else
    ~/.local/share/careerlint (Linux), ~/Library/Application Support/careerlint (macOS),
    %LOCALAPPDATA%\\careerlint (Windows)."""
    xdg = os.environ.get("XDG_DATA_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "careerlint"
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "careerlint" if base else home / "AppData" / "Local" / "careerlint"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "careerlint"
    return home / ".local" / "share" / "careerlint"


def default_user_dir() -> Path:
    return user_data_dir() / "reference"


def bundled_dir() -> Path:
    from careerlint.resources import rules_dir

    return rules_dir() / "reference"


def read_json(path: Path):
    """A .json or .json.gz data file; ReferenceDataError (one line, naming the file) when damaged."""
    try:
        raw = path.read_bytes()
        if path.name.endswith(".gz"):
            raw = gzip.decompress(raw)
        return json.loads(raw)
    except (EOFError, ValueError, gzip.BadGzipFile) as e:   # BadGzipFile is an OSError: first
        raise ReferenceDataError(f"{path}: error: damaged reference data ({e})") from None
    except OSError as e:
        raise ReferenceDataError(f"{path}: error: cannot read reference data: {e.strerror or e}") from None


def encode(data: dict) -> bytes:
    """A data file's bytes: compact JSON, gzip'd with no timestamp, so a rebuild is byte-identical."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so a reader sees the old file or the new one, never half of one (with
    the mode a new file gets under the umask, as every file careerlint writes)."""
    from careerlint.fileio import replace_atomically

    path.parent.mkdir(parents=True, exist_ok=True)
    replace_atomically(str(path), data)


def release_file(kind: str, key: int) -> str:
    """('oews', 2024) -> 'oews-2024.json.gz'; ('ep', 2024) -> 'ep-2024.json.gz'."""
    return f"{kind}-{key}.json.gz"


class Reference:
    """The reference data in use: bundled files, overlaid by the user's folder. Thread-unsafe caches
    (careerlint checks pages in processes, not threads)."""

    def __init__(self, user_dir: str | Path | None = None, bundled: str | Path | None = None,
                 aliases: dict | None = None) -> None:
        self.user_dir = Path(user_dir) if user_dir is not None else default_user_dir()
        self._bundled = Path(bundled) if bundled is not None else None
        self.aliases: dict = dict(aliases or {})   # a configuration's occupations: name -> code(s)
        self.memo: dict = {}    # what callers derive from names and aliases (cleared when the aliases change)
        self._files: dict[str, dict[int, Path]] | None = None
        self._loaded: dict[tuple[str, int], object] = {}
        self._titles = None
        self._calendar = None
        self._scales = None

    @property
    def bundled_dir(self) -> Path:
        if self._bundled is None:
            self._bundled = bundled_dir()
        return self._bundled

    def files(self, kind: str) -> dict[int, Path]:
        """Release key -> file, for 'oews' or 'ep'; the user's folder wins over the bundled one."""
        if self._files is None:
            found: dict[str, dict[int, Path]] = {"oews": {}, "ep": {}}
            for folder in (self.bundled_dir, self.user_dir):
                try:
                    names = sorted(os.listdir(folder))
                except OSError:
                    continue
                for name in names:
                    k, _, rest = name.partition("-")
                    if k in found and rest.endswith(".json.gz") and rest[:-8].isdigit():
                        found[k][int(rest[:-8])] = Path(folder) / name
            self._files = found
        return self._files[kind]

    def is_user_file(self, path: Path) -> bool:
        return path.parent == self.user_dir

    def oews_years(self) -> list[int]:
        return sorted(self.files("oews"))

    def ep_cycles(self) -> list[int]:
        return sorted(self.files("ep"))

    def oews(self, year: int):
        """The OEWS release for May ``year``, or None when there is no such file."""
        from careerlint.reference.oews import OewsRelease

        return self._load("oews", year, OewsRelease)

    def ep(self, cycle: int):
        from careerlint.reference.projections import EpCycle

        return self._load("ep", cycle, EpCycle)

    def _load(self, kind: str, key: int, cls):
        if (kind, key) in self._loaded:
            return self._loaded[(kind, key)]
        path = self.files(kind).get(key)
        obj = None
        if path is not None:
            try:
                obj = cls(read_json(path), str(path))
            except (KeyError, TypeError, ValueError, IndexError) as e:
                raise ReferenceDataError(f"{path}: error: damaged reference data ({e})") from None
        self._loaded[(kind, key)] = obj
        return obj

    def known(self, code: str) -> bool:
        """Whether any release in use publishes figures or projections for ``code``."""
        return any(code in self.oews(y) for y in self.oews_years()) or any(code in self.ep(c) for c in self.ep_cycles())

    def titles(self):
        if self._titles is None:
            from careerlint.reference.titles import load_titles

            self._titles = load_titles(self)
        return self._titles

    def calendar(self):
        if self._calendar is None:
            from careerlint.reference.calendar import Calendar

            path = self.bundled_dir / "calendar.json"
            try:
                self._calendar = Calendar(read_json(path))
            except (KeyError, TypeError, ValueError) as e:
                raise ReferenceDataError(f"{path}: error: damaged release calendar ({e})") from None
        return self._calendar

    def scales(self):
        if self._scales is None:
            from careerlint.reference.scales import scales_from

            path = self.bundled_dir / "scales.json"
            try:
                self._scales = scales_from(read_json(path))
            except (KeyError, TypeError, ValueError) as e:
                raise ReferenceDataError(f"{path}: error: damaged growth scales ({e})") from None
        return self._scales

    def fingerprint(self) -> str:
        """Names, sizes and modification times of every data file in use (cheap: no file is read),
        for keying cached results on the reference data."""
        parts = []
        for kind in ("oews", "ep"):
            for key, path in sorted(self.files(kind).items()):
                try:
                    st = path.stat()
                except OSError:
                    continue
                parts.append(f"{path}:{st.st_size}:{st.st_mtime_ns}")
        for name in ("names.json.gz", "aliases.json", "calendar.json", "scales.json"):
            try:
                st = (self.bundled_dir / name).stat()
                parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
            except OSError:
                pass
        return "|".join(parts)


_DEFAULT: list[Reference] = []


def default() -> Reference:
    if not _DEFAULT:
        _DEFAULT.append(Reference())
    return _DEFAULT[0]


def configure(data_dir: str | Path | None = None, aliases: dict | None = None) -> Reference:
    """Use ``data_dir`` (a configuration's ``reference-data:``) as the user's folder from now on, and
    ``aliases`` (its ``occupations:``, name -> SOC code or codes) for names; None restores the
    defaults. Forgets everything loaded so far."""
    _DEFAULT[:] = [Reference(data_dir, aliases=aliases)]
    return _DEFAULT[0]


def use(data_dir: str | Path | None = None, aliases: dict | None = None) -> Reference:
    """configure(), but keep what is loaded when the folder is the one in use already (only the
    aliases change): a run over pages of one configuration loads each data file once. Reads nothing."""
    want = Path(data_dir) if data_dir is not None else default_user_dir()
    if _DEFAULT and _DEFAULT[0].user_dir == want:
        ref = _DEFAULT[0]
        if ref.aliases != dict(aliases or {}):
            ref.aliases = dict(aliases or {})
            ref.memo.clear()
        return ref
    return configure(data_dir, aliases)
