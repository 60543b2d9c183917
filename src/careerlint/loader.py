"""Reading pages from disk: finding them, and decoding their bytes the way a browser would."""

from __future__ import annotations

import os
from pathlib import Path

from careerlint.errors import InputError

PAGE_SUFFIXES = (".html", ".htm", ".md", ".markdown")
MARKDOWN_SUFFIXES = (".md", ".markdown")


def is_markdown(path: str) -> bool:
    return path.lower().endswith(MARKDOWN_SUFFIXES)


def discover(paths: list[str]) -> tuple[list[str], list[str]]:
    """Pages to check, in order, and one-line errors for paths that cannot be used."""
    pages: list[str] = []
    errors: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in files:
                    if f.lower().endswith(PAGE_SUFFIXES):
                        found.append(os.path.join(root, f))
            pages.extend(sorted(found))
        elif os.path.exists(p):
            pages.append(p)
        else:
            errors.append(f"{p}: error: no such file or directory")
    return pages, errors


def read_page(path: str) -> str:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: error: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{path}: error: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: error: permission denied") from None
    except OSError as e:
        raise InputError(f"{path}: error: cannot read: {e.strerror or e}") from None
    return decode(data)


def decode(data: bytes) -> str:
    """Decode page bytes: BOM, then <meta charset>, then UTF-8, then windows-1252."""
    if not data:
        return ""
    from bs4.dammit import UnicodeDammit

    dammit = UnicodeDammit(data, is_html=True)
    if dammit.unicode_markup is not None:
        return dammit.unicode_markup
    return data.decode("utf-8", errors="replace")
