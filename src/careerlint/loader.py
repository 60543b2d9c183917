"""Reading pages from disk: finding them, and decoding their bytes the way a browser would."""

from __future__ import annotations

import errno
import os
import re
import stat

from careerlint import rxcache
from careerlint.errors import InputError

PAGE_SUFFIXES = (".html", ".htm", ".md", ".markdown")
MARKDOWN_SUFFIXES = (".md", ".markdown")


def is_markdown(path: str) -> bool:
    return path.lower().endswith(MARKDOWN_SUFFIXES)


# HTML structure near the top of a text: "<html", "<body", "<p>", "<div class=...>", "<!DOCTYPE"
_HTML_TAGS = rxcache.compile(r"<(?:!doctype|html|head|body|p|div|table|article|section|main|span|ul|h[1-6])\b", re.I)
# Markdown structure at a line start: front matter, "# Heading", "| a | b |", "- item", "```"
_MD_LINES = rxcache.compile(r"\A---[ \t]*\n|^(?:#{1,6}\s|\|.*\|\s*$|[-*+]\s|\d+\.\s|```|~~~)", re.M)


def looks_like_markdown(text: str) -> bool:
    """Standard input given with no --stdin-filename: Markdown when its start has Markdown's structure
    and no HTML structure (an editor piping a .md buffer); HTML otherwise, as before."""
    head = text[:4096]
    return not _HTML_TAGS.search(head) and bool(_MD_LINES.search(head))


DEFAULT_MAX_SIZE = 10_000_000


def discover(paths: list[str], force_exclude: bool = False) -> tuple[list[str], list[str], list[str]]:
    """Pages to check (in order), one-line errors for paths that cannot be used, and warnings.

    A folder is walked (symbolic links to folders are not followed: no loops, no page checked
    twice), skipping hidden, build, dependency and cache folders and what .gitignore and
    .ignore name. A file named here is always checked, unless ``force_exclude`` and a walk
    would have skipped it."""
    from careerlint import ignore

    pages: list[str] = []
    errors: list[str] = []
    warnings: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            found = []
            rules = {os.path.abspath(p): ignore.rules_for(p)}
            for root, dirs, files in os.walk(p, followlinks=False):
                here = rules.pop(os.path.abspath(root), None) or ignore.rules_for(root)
                kept = []
                for d in sorted(dirs):
                    full = os.path.join(root, d)
                    if ignore.skipped_dir_name(d) or here.ignored(os.path.abspath(full), True):
                        continue
                    kept.append(d)
                    rules[os.path.abspath(full)] = here.enter(os.path.abspath(full))
                dirs[:] = kept
                for f in files:
                    if f.lower().endswith(PAGE_SUFFIXES):
                        full = os.path.join(root, f)
                        if not here.ignored(os.path.abspath(full), False):
                            found.append(full)
            if not found:
                warnings.append(f"{p}: warning: no pages found (.html, .htm, .md, .markdown)")
            pages.extend(sorted(found))
        elif os.path.exists(p):
            if not (force_exclude and ignore.walk_would_skip(p)):
                pages.append(p)
        elif os.path.lexists(p):
            errors.append(f"{p}: error: broken or looping symbolic link")
        else:
            errors.append(f"{p}: error: no such file or directory")
    return pages, errors, warnings


def read_page(path: str, max_size: int = DEFAULT_MAX_SIZE) -> str:
    """A page's text: read (a regular file only, at most the limit), checked for binary content,
    decoded like a browser, with characters no output may carry made safe."""
    return page_text(read_page_bytes(path, max_size)[0], path)


def _too_big(path: str, size: float, max_size: int, grew: bool = False) -> InputError:
    from careerlint.sizes import too_big

    return InputError(f"{path}: error: {too_big(size, max_size, grew)}")


_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a directory"))


def read_page_bytes(path: str, max_size: int = DEFAULT_MAX_SIZE) -> tuple[bytes, tuple[int, int] | None]:
    """A page's bytes and its (size, mtime) signature, None when it changed while being read.

    Only a regular file is read (a FIFO would block forever, /dev/zero never ends), and never
    more than ``max_size`` + 1 bytes, whatever stat said: the limit holds for a file that grows."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)  # non-blocking: opening a FIFO must not wait for a writer
    except FileNotFoundError:
        if os.path.lexists(path):
            raise InputError(f"{path}: error: broken or looping symbolic link") from None
        raise InputError(f"{path}: error: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{path}: error: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: error: permission denied") from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise InputError(f"{path}: error: broken or looping symbolic link") from None
        if e.errno == errno.ENXIO:
            raise InputError(f"{path}: error: a socket, not a regular file") from None
        raise InputError(f"{path}: error: cannot read: {e.strerror or e}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = next((name for test, name in _KINDS if test(st.st_mode)), "a special file")
            raise InputError(f"{path}: error: {kind}, not a regular file")
        if max_size and st.st_size > max_size:
            raise _too_big(path, st.st_size, max_size)
        want = max_size + 1 if max_size else None
        chunks = []
        got = 0
        while want is None or got < want:
            chunk = os.read(fd, min(1 << 20, want - got) if want is not None else 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        if max_size and got > max_size:
            raise _too_big(path, got, max_size, grew=True)  # it grew while being read, or stat lied
        after = os.fstat(fd)
    except OSError as e:
        raise InputError(f"{path}: error: cannot read: {e.strerror or e}") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    stable = (after.st_size, after.st_mtime_ns) == (st.st_size, st.st_mtime_ns) and len(data) == st.st_size
    return data, ((st.st_size, st.st_mtime_ns) if stable else None)


# Characters a page may not pass on to any output: C0 controls but tab and line breaks (ESC
# starts terminal escapes; XML 1.0 forbids them all), DEL and C1 controls (0x9b is a one-byte
# CSI on some terminals), and the non-characters U+FFFE and U+FFFF. Example: "a\x1b[31mb" -> "a\ufffd[31mb".
_UNSAFE = rxcache.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_BINARY_SHARE = 0.01  # text with more than 1% control characters (and more than 16) is not a page


def page_text(data: bytes, path: str) -> str:
    """Bytes to page text: binary content refused (more than a few NUL bytes, or many control
    characters), UTF-16/32 recognised with or without a byte-order mark, unsafe characters
    replaced (form feed and vertical tab by a space, the rest, a stray NUL too, by U+FFFD)."""
    wide = _wide_encoding(data)
    if wide is not None:
        text = data.decode(wide, errors="replace").lstrip("\ufeff")
    else:
        nuls = data.count(b"\x00")
        # a stray NUL or two in a text file (an editor's or a converter's leftover at the end of a real
        # Markdown page) is replaced like any control character; more is binary content
        if nuls > 16:
            raise InputError(f"{path}: error: not a text page (binary content)")
        text = decode(data)
    unsafe = _UNSAFE.findall(text)
    if unsafe:
        controls = sum(1 for ch in unsafe if ch not in "\x0b\x0c")
        if controls > max(16, len(text) * _BINARY_SHARE):
            raise InputError(f"{path}: error: not a text page (binary content)")
        text = _UNSAFE.sub(lambda m: " " if m.group(0) in "\x0b\x0c" else "\ufffd", text)
    return text


def _wide_encoding(data: bytes) -> str | None:
    """UTF-32 or UTF-16 by byte-order mark, or without one by where the zero bytes are: text
    that is mostly ASCII has three zero bytes in every four (UTF-32) or one in every two (UTF-16),
    always at the same places; machine code has its zeros everywhere."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:4096]
    n = len(head) - len(head) % 4
    if n < 16 or b"\x00" not in head:
        return None
    head = head[:n]

    def zero_share(offset: int, step: int) -> float:
        part = head[offset::step]
        return part.count(0) / len(part)

    lanes4 = [zero_share(i, 4) for i in range(4)]
    if lanes4[0] < 0.1 and min(lanes4[1:]) > 0.9:
        return "utf-32-le"
    if lanes4[3] < 0.1 and min(lanes4[:3]) > 0.9:
        return "utf-32-be"
    even, odd = zero_share(0, 2), zero_share(1, 2)
    if even < 0.1 and odd > 0.9:
        return "utf-16-le"
    if odd < 0.1 and even > 0.9:
        return "utf-16-be"
    return None


_CHARSET = rxcache.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


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
