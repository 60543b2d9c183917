"""What a folder walk skips: folders nobody lints, and files named in .gitignore and .ignore.

Like ruff, careerlint skips hidden folders and build, dependency and cache folders, and
respects ``.gitignore`` (with ``.git/info/exclude`` at the repository root) and ``.ignore``
files, read from the repository root down. A folder named on the command line is always
walked; a file named on the command line is always checked unless ``--force-exclude`` asks
that it be skipped when a walk would have skipped it (what the pre-commit hook passes).

The matching is git's (gitignore(5)), written here rather than taken from a dependency:
about a hundred lines, against a package for one function.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

# ruff's default excludes, less the hidden ones (every hidden folder is skipped)
EXCLUDED_DIRS = frozenset({"__pypackages__", "__pycache__", "_build", "buck-out", "build", "dist",
                           "node_modules", "site-packages", "venv"})
IGNORE_FILES = (".gitignore", ".ignore")  # in one folder, .ignore wins over .gitignore


def skipped_dir_name(name: str) -> bool:
    return name.startswith(".") or name in EXCLUDED_DIRS


@dataclass(frozen=True)
class Pattern:
    """One line of a .gitignore/.ignore file, as a regular expression over paths."""

    regex: re.Pattern
    negate: bool
    dir_only: bool


def _glob(pat: str) -> str:
    """A gitignore glob as a regular expression for a path relative to the ignore file's folder.
    "*.html" -> r"[^/]*\\.html"; "**/drafts" -> r"(?:.*/)?drafts"; "a/**" -> r"a/.*"."""
    out = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        if pat.startswith("**/", i) and (i == 0 or pat[i - 1] == "/"):
            out.append("(?:.*/)?")
            i += 3
        elif pat.startswith("**", i) and i + 2 == n and (i == 0 or pat[i - 1] == "/"):
            out.append(".*")
            i += 2
        elif c == "*":
            while i < n and pat[i] == "*":
                i += 1
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            j = pat.find("]", i + 2 if pat.startswith(("[!", "[^"), i) else i + 1)
            if j < 0:
                out.append(r"\[")
                i += 1
            else:
                body = pat[i + 1:j]
                if body[:1] in "!^":
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = j + 1
        elif c == "\\" and i + 1 < n:
            out.append(re.escape(pat[i + 1]))
            i += 2
        else:
            out.append(re.escape(c))
            i += 1
    return "".join(out)


def parse(text: str) -> list[Pattern]:
    """The patterns of one ignore file."""
    out = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        # trailing spaces do not count unless escaped: "name\ " keeps one
        stripped = line.rstrip(" ")
        if stripped.endswith("\\") and len(stripped) < len(line):
            stripped += " "
        line = stripped
        negate = line.startswith("!")
        if negate:
            line = line[1:]
        elif line.startswith(("\\!", "\\#")):
            line = line[1:]
        dir_only = line.endswith("/")
        line = line.rstrip("/")
        if not line:
            continue
        anchored = "/" in line  # a slash at the start or in the middle anchors it to the file's folder
        body = _glob(line.lstrip("/"))
        try:
            regex = re.compile(body if anchored else "(?:.*/)?" + body)
        except re.error:
            continue  # git ignores a pattern it cannot read too
        out.append(Pattern(regex, negate, dir_only))
    return out


class Rules:
    """The ignore patterns in force in one folder: every ignore file from the top down."""

    def __init__(self, chain: tuple[tuple[str, tuple[Pattern, ...]], ...] = ()) -> None:
        self.chain = chain

    def enter(self, folder: str, extra: tuple[str, ...] = ()) -> Rules:
        """The rules inside ``folder``: these, then its own ignore files (and ``extra`` files)."""
        chain = list(self.chain)
        for path in (*extra, *(os.path.join(folder, n) for n in IGNORE_FILES)):
            try:
                with open(path, encoding="utf-8", errors="replace") as f:
                    pats = parse(f.read(1_000_000))
            except OSError:
                continue
            if pats:
                chain.append((folder, tuple(pats)))
        return Rules(tuple(chain)) if len(chain) != len(self.chain) else self

    def ignored(self, path: str, is_dir: bool) -> bool:
        verdict = False
        for base, pats in self.chain:
            rel = os.path.relpath(path, base).replace(os.sep, "/")
            if rel.startswith(".."):
                continue
            for p in pats:
                if (not p.dir_only or is_dir) and p.regex.fullmatch(rel):
                    verdict = not p.negate
        return verdict


def repository_root(folder: str) -> str | None:
    """The nearest folder at or above ``folder`` that holds ``.git`` (a folder or a file)."""
    d = os.path.abspath(folder)
    while True:
        if os.path.exists(os.path.join(d, ".git")):
            return d
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


def rules_for(folder: str) -> Rules:
    """The rules in force in ``folder``: ignore files from the repository root down to it
    (only its own when it is in no repository)."""
    folder = os.path.abspath(folder)
    root = repository_root(folder)
    chain = [folder]
    if root is not None:
        d = folder
        while d != root:
            d = os.path.dirname(d)
            chain.append(d)
    rules = Rules()
    for d in reversed(chain):
        extra = (os.path.join(d, ".git", "info", "exclude"),) if d == root else ()
        rules = rules.enter(d, extra)
    return rules


def walk_would_skip(path: str) -> bool:
    """Whether a folder walk from the repository root (or from the current folder, or the
    file's own folder) would skip ``path``: for files named with --force-exclude."""
    apath = os.path.abspath(path)
    folder = os.path.dirname(apath)
    top = repository_root(folder)
    if top is None:
        cwd = os.getcwd()
        top = cwd if (folder + os.sep).startswith(cwd.rstrip(os.sep) + os.sep) else folder
    rel = os.path.relpath(folder, top)
    parts = [] if rel == "." else rel.split(os.sep)
    rules = rules_for(top)
    d = top
    for name in parts:
        d = os.path.join(d, name)
        if skipped_dir_name(name) or rules.ignored(d, True):
            return True
        rules = rules.enter(d)
    return rules.ignored(apath, False)
