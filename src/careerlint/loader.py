"""Reading pages from disk: finding them, and decoding their bytes the way a browser would."""

from __future__ import annotations

import os
import re
from pathlib import Path

from careerlint.errors import InputError

PAGE_SUFFIXES = (".html", ".htm", ".md", ".markdown")
MARKDOWN_SUFFIXES = (".md", ".markdown")


def is_markdown(path: str) -> bool:
    return path.lower().endswith(MARKDOWN_SUFFIXES)


DEFAULT_MAX_SIZE = 10_000_000


def discover(paths: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Pages to check (in order), one-line errors for paths that cannot be used, and warnings."""
    pages: list[str] = []
    errors: list[str] = []
    warnings: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            found = []
            # symbolic links to folders are not followed: no loops, no page checked twice
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in files:
                    if f.lower().endswith(PAGE_SUFFIXES):
                        found.append(os.path.join(root, f))
            if not found:
                warnings.append(f"{p}: warning: no pages found (.html, .htm, .md, .markdown)")
            pages.extend(sorted(found))
        elif os.path.exists(p):
            pages.append(p)
        elif os.path.lexists(p):
            errors.append(f"{p}: error: broken or looping symbolic link")
        else:
            errors.append(f"{p}: error: no such file or directory")
    return pages, errors, warnings


def read_page(path: str, max_size: int = DEFAULT_MAX_SIZE) -> str:
    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0
    if max_size and size > max_size:
        from careerlint.sizes import too_big

        raise InputError(f"{path}: error: {too_big(size, max_size)}")
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
    if _looks_binary(data):
        raise InputError(f"{path}: error: not a text page (binary content)")
    return decode(data)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" not in head:
        return False  # UTF-16 with a BOM has NUL bytes and is text
    if head.count(b"\x00") > len(head) // 3 and (head[1::2].count(b"\x00") > len(head) // 3
                                                 or head[0::2].count(b"\x00") > len(head) // 3):
        return False  # UTF-16 without a BOM: every other byte is NUL
    return True


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


def decode(data: bytes) -> str:
    """Decode page bytes as a browser would: BOM, then <meta charset>, then UTF-8, then
    windows-1252; bytes that still do not decode become U+FFFD."""
    if not data:
        return ""
    # the common case without importing bs4: no BOM, no other charset declared, valid UTF-8
    if not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")) and b"\x00" not in data[:4096]:
        m = _CHARSET.search(data[:4096])
        declared = m.group(1).decode("ascii", "replace").lower() if m else ""
        if declared in ("", "utf-8", "utf8") or data.isascii():
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                pass
    import logging

    from bs4.dammit import UnicodeDammit

    logger = logging.getLogger("bs4.dammit")
    level = logger.level
    logger.setLevel(logging.ERROR)  # it warns on stderr about replacement characters
    try:
        dammit = UnicodeDammit(data, is_html=True)
    finally:
        logger.setLevel(level)
    if dammit.unicode_markup is not None:
        return dammit.unicode_markup
    return data.decode("utf-8", errors="replace")
