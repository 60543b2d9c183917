"""careerlint's own regular expressions, compiled from code kept between runs (the start cache).

Python compiles a pattern in two steps: a pure-Python parse and code generation, then ``_sre.compile``,
which makes the matcher from that code in C. careerlint's fixed patterns (the lexicon's cue lists,
the phrasings, the lexer's shapes: ~230 patterns, 60,000 characters, mostly long alternations of
words) take ~100 ms of the first step in every fresh process, more than half a one-page check. The
code is a pure function of the pattern, its flags and the Python build, so it is kept here in the
user's cache folder, in one entry per Python build, and a fresh process hands it straight to
``_sre.compile``. An entry is a JSON header (each pattern's flags, groups and where its code is)
followed by the code itself as raw integers: the code is most of an entry (~750 KB), and reading it
as base64 inside JSON took ~6 ms of every start.

Safe by construction:
- only CPython, and only when ``re``'s internals have the shape this module knows (else plain
  ``re.compile``, always correct);
- the entry is named by the Python version, ``_sre``'s MAGIC and its code size: another Python never
  reads it;
- code is kept only after a check that the pattern built from it is equal to ``re.compile``'s
  (Pattern equality compares the pattern, the flags and the code itself);
- a damaged entry is ignored (the pattern is compiled as usual), an unwritable folder costs only time.

Only fixed patterns go through here (module constants, the lexicon, the phrasings): never a pattern
made from a page's words, so the entry stays bounded (``_MAX`` patterns; beyond it, it starts over).
"""

from __future__ import annotations

import re
import sys

_MAX = 4000          # patterns in the entry; more means user phrasings churned: start over
_known: dict | None = None   # pattern key -> [flags, groups, groupindex, indexgroup, code (bytes)]
_new: dict = {}               # compiled here and not in the entry yet: key -> (pattern, flags)
_engine = None                # (_sre, array typecode) when this Python's re has the known shape


def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from kept code when this Python compiled it before (str
    patterns; a bytes pattern is compiled as usual)."""
    flags = int(flags)
    if not isinstance(pattern, str):
        return re.compile(pattern, flags)
    known = _table()
    if known:
        entry = known.get(_key(pattern, flags))
        if entry is not None:
            made = _rebuild(pattern, entry)
            if made is not None:
                return made
    if _engine is not None and len(_new) < _MAX:
        _new[_key(pattern, flags)] = (pattern, flags)
    return re.compile(pattern, flags)


def save() -> None:
    """Keep the code of the patterns compiled since the entry was read (after a run; cheap when none)."""
    if not _new or _engine is None:
        return
    from careerlint import startcache

    known = dict(_table() or {})
    if len(known) + len(_new) > _MAX:
        known = {}
    for k, (pattern, flags) in sorted(_new.items()):
        entry = _entry(pattern, flags)
        if entry is not None:
            known[k] = entry
    _new.clear()
    startcache.put_bytes(_name(), pack(known))
    globals()["_known"] = known


_MAGIC = b"careerlint-sre-1\n"


def pack(known: dict) -> bytes:
    """An entry's bytes: the magic line, the header's length (8 bytes), the header (JSON: key ->
    [flags, groups, groupindex, indexgroup, code offset, code length]), then every pattern's code."""
    import json

    header, codes, at = {}, [], 0
    for k, (flags, groups, groupindex, indexgroup, code) in known.items():
        header[k] = [flags, groups, groupindex, indexgroup, at, len(code)]
        codes.append(code)
        at += len(code)
    head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return b"".join([_MAGIC, len(head).to_bytes(8, "little"), head, *codes])


def unpack(blob: bytes) -> dict:
    """``pack``'s table again (ValueError, KeyError, TypeError... when it is not one of its entries)."""
    import json

    if not blob.startswith(_MAGIC):
        raise ValueError("not a pattern entry")
    start = len(_MAGIC) + 8
    size = int.from_bytes(blob[len(_MAGIC):start], "little")
    header = json.loads(blob[start:start + size])
    code = memoryview(blob)[start + size:]
    known = {}
    for k, (flags, groups, groupindex, indexgroup, at, n) in header.items():
        if not (0 <= at <= at + n <= len(code)):
            raise ValueError("code out of the entry")
        known[k] = [flags, groups, groupindex, indexgroup, code[at:at + n]]
    return known


def _key(pattern: str, flags: int) -> str:
    return f"{flags}:{pattern}"


def _name() -> str:
    from careerlint import startcache

    sre, _ = _engine
    return startcache.key("regex", sys.version, str(sre.MAGIC), str(sre.CODESIZE), ext=".bin")


def _table() -> dict | None:
    global _known, _engine
    if _known is None:
        _known = {}
        _engine = _probe()
        if _engine is not None:
            from careerlint import startcache

            found = startcache.get_bytes(_name())
            if found is not None:
                try:
                    _known = unpack(found)
                except Exception:  # a damaged entry: every pattern is compiled as usual
                    _known = {}
    return _known


def _probe():
    """(_sre, array typecode) when this is a CPython whose ``re`` builds patterns as this module does."""
    if sys.implementation.name != "cpython":
        return None
    try:
        import _sre
        from array import array

        code = "I" if array("I").itemsize == _sre.CODESIZE else "L" if array("L").itemsize == _sre.CODESIZE else None
        if code is None:
            return None
        engine = (_sre, code)
        probe = r"(?P<a>x)y|z"  # e.g. "xy", "z"
        if _build(engine, probe, _entry_of(engine, probe, re.I)) != re.compile(probe, re.I):
            return None
        return engine
    except Exception:  # a Python whose internals differ: plain re.compile
        return None


def _entry(pattern: str, flags: int) -> list | None:
    """The entry kept for a pattern, once checked to build the very pattern ``re.compile`` makes."""
    try:
        entry = _entry_of(_engine, pattern, flags)
        return entry if _build(_engine, pattern, entry) == re.compile(pattern, flags) else None
    except Exception:
        return None


def _entry_of(engine, pattern: str, flags: int) -> list:
    from array import array

    try:
        from re import _compiler, _parser  # Python 3.11+
    except ImportError:  # Python 3.10
        import sre_compile as _compiler
        import sre_parse as _parser
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return [flags | parsed.state.flags, parsed.state.groups - 1, groupindex, indexgroup, array(engine[1], code).tobytes()]


def _build(engine, pattern: str, entry: list) -> re.Pattern:
    from array import array

    flags, groups, groupindex, indexgroup, blob = entry
    code = array(engine[1])
    code.frombytes(blob)
    return engine[0].compile(pattern, flags, code.tolist(), groups, groupindex, tuple(indexgroup))


def _rebuild(pattern: str, entry) -> re.Pattern | None:
    try:
        return _build(_engine, pattern, entry)
    except Exception:  # a damaged entry: compile as usual
        return None
