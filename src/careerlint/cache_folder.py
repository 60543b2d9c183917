"""The result cache's folder, .careerlint_cache/ in the project: made and marked as a cache, kept
tidy (a killed run's temporary files, an older careerlint's files), and refused when a link is on
its way (a repository may hold one: the cache would be written wherever it points)."""

from __future__ import annotations

import os
import time

CACHE_DIR = ".careerlint_cache"
STALE_TEMP_SECONDS = 600  # a .careerlint-*.tmp this old belongs to a run that was killed


def linked(folder: str) -> bool:
    """Whether ``folder`` (inside .careerlint_cache/) or a folder above it up to .careerlint_cache/ is a
    link: a repository may hold one, and the cache would be written wherever it points."""
    while True:
        if os.path.islink(folder):
            return True
        if os.path.basename(folder) == CACHE_DIR or os.path.dirname(folder) == folder:
            return False
        folder = os.path.dirname(folder)


def make_cache_dir(folder: str) -> None:
    """Create the cache's folder (``folder`` is inside .careerlint_cache/), marked so that
    backup tools (CACHEDIR.TAG) and git (a .gitignore of '*') leave it alone."""
    os.makedirs(folder, exist_ok=True)
    top = folder
    while os.path.basename(top) != CACHE_DIR and os.path.dirname(top) != top:
        top = os.path.dirname(top)
    for name, text in (("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"
                                        "# careerlint's cache; safe to delete.\n"),
                       (".gitignore", "# careerlint's cache: never committed\n*\n")):
        path = os.path.join(top, name)
        if not os.path.lexists(path):  # not through a link either
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)


def remove_stale_temp(folder: str, max_age: float = STALE_TEMP_SECONDS) -> None:
    """Remove .careerlint-*.tmp files that a killed run left in ``folder``."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    now = time.time()
    for name in names:
        if name.startswith(".careerlint-") and name.endswith(".tmp"):
            path = os.path.join(folder, name)
            try:
                if now - os.lstat(path).st_mtime > max_age:
                    os.unlink(path)
            except OSError:
                pass


OLDER = ("v1", "v2", "v3")   # folders of earlier cache formats, whose files nothing reads any more


def remove_older_versions(top: str) -> None:
    """Remove the files an older careerlint's cache left in .careerlint_cache/ (its own kinds of file
    only), then their folder when that leaves it empty. A folder that is a link (a repository may
    hold one) is left alone: its files are not the cache's."""
    for version in OLDER:
        try:  # the folder itself, never through a link; names removed relative to it
            fd = os.open(os.path.join(top, version), os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_NOFOLLOW", 0))
        except (OSError, AttributeError):   # absent, a link, or no O_DIRECTORY (Windows)
            continue
        try:
            if os.unlink not in os.supports_dir_fd or os.listdir not in os.supports_fd:
                continue
            for name in os.listdir(fd):
                if name == "index.json" or (name.startswith(("results-", "facts-", "ruleset-")) and name.endswith(".json")) \
                        or (name.startswith(".careerlint-") and name.endswith(".tmp")):
                    try:
                        os.unlink(name, dir_fd=fd)
                    except OSError:
                        pass
        except OSError:
            continue
        finally:
            os.close(fd)
        try:
            os.rmdir(os.path.join(top, version))
        except OSError:
            pass
