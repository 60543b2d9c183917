"""Errors that stop careerlint from checking something, each with a one-line message."""


class CareerlintError(Exception):
    """Base class: str(error) is the one-line message shown to the user."""


class InputError(CareerlintError):
    """A page could not be read (missing, unreadable, not a page)."""


class ConfigError(CareerlintError):
    """A rule pack or configuration file is invalid."""


def printable(s: str) -> str:
    """``s`` with control characters (ESC starts terminal escapes) and undecodable file-name
    bytes shown as escapes, for anything careerlint prints or writes that it did not make:
    file names above all. "a\\x1b[31m.html" -> "a\\\\x1b[31m.html"."""
    if s.isprintable():
        return s
    out = []
    for ch in s:
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:  # a byte of a file name that was not UTF-8 (surrogateescape)
            out.append(f"\\x{o - 0xDC00:02x}")
        elif o < 0x20 or 0x7F <= o <= 0x9F or 0xD800 <= o <= 0xDFFF or o in (0xFFFE, 0xFFFF):
            out.append(f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}")
        else:
            out.append(ch)
    return "".join(out)
