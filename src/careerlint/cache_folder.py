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


OLDER = ("v3",)   # folders of earlier cache formats, whose files nothing reads any more


def remove_older_versions(top: str) -> None:
    """Remove the files an older careerlint's cache left in .careerlint_cache/ (its own kinds of file
    only), then their folder when that leaves it empty."""
    for version in OLDER:
        folder = os.path.join(top, version)
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            if name == "index.json" or (name.startswith(("results-", "facts-", "ruleset-")) and name.endswith(".json")) \
                    or (name.startswith(".careerlint-") and name.endswith(".tmp")):
                try:
                    os.unlink(os.path.join(folder, name))
                except OSError:
                    pass
        try:
            os.rmdir(folder)
        except OSError:
            pass
