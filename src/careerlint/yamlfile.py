"""YAML loading that remembers where every key is, so errors can say file:line."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from careerlint.errors import ConfigError


class Located(dict):
    """A mapping loaded from YAML that knows the file and the line of each of its keys."""

    file: str = ""
    line: int = 1
    key_lines: dict

    def where(self, key=None) -> str:
        line = self.key_lines.get(key, self.line) if key is not None else self.line
        return f"{self.file}:{line}"


# Only plain data: a tag names a type to build, and careerlint builds none of its own.
_PLAIN_TAGS = frozenset("tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "timestamp",
                                                           "seq", "map"))
MAX_DEPTH = 64            # nesting of mappings and lists: careerlint's files need 5
MAX_BYTES = 5_000_000     # a configuration or rule file larger than this is not one


def _convert(node, file: str, constructor=None, depth: int = 0, seen: set | None = None):
    import yaml

    if constructor is None:
        constructor = yaml.constructor.SafeConstructor()
        seen = set()
    line = node.start_mark.line + 1
    if depth > MAX_DEPTH:
        raise ConfigError(f"{file}:{line}: nested more than {MAX_DEPTH} levels deep")
    if id(node) in seen:  # the composer hands an alias back as the node it names
        raise ConfigError(f"{file}:{line}: YAML aliases (*name) are not allowed in careerlint files")
    seen.add(id(node))
    if node.tag not in _PLAIN_TAGS:
        if node.tag == "tag:yaml.org,2002:merge":
            raise ConfigError(f"{file}:{line}: YAML merge keys (<<) are not allowed in careerlint files")
        raise ConfigError(f"{file}:{line}: YAML tag '{node.tag}' is not allowed (plain values, lists and "
                          "mappings only)")
    if isinstance(node, yaml.MappingNode):
        out = Located()
        out.file = file
        out.line = line
        out.key_lines = {}
        for k, v in node.value:
            key = _convert(k, file, constructor, depth + 1, seen)
            if isinstance(key, (dict, list)):
                raise ConfigError(f"{file}:{k.start_mark.line + 1}: a key must be a plain value")
            if key in out:
                raise ConfigError(f"{file}:{k.start_mark.line + 1}: duplicate key '{key}'")
            out[key] = _convert(v, file, constructor, depth + 1, seen)
            out.key_lines[key] = k.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(v, file, constructor, depth + 1, seen) for v in node.value]
    if node.tag == "tag:yaml.org,2002:str":
        return node.value
    try:
        return constructor.construct_object(node, deep=True)
    except (ValueError, OverflowError, yaml.YAMLError) as e:
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        shown = node.value if len(node.value) <= 40 else node.value[:40] + "..."
        raise ConfigError(f"{file}:{line}: invalid value '{shown}': {problem}") from None


def _refuse_anchors(text: str, file: str, loader) -> None:
    """Anchors (&name) and aliases (*name): an alias bomb of a kilobyte expands to gigabytes,
    and careerlint's files never need them. Checked on the event stream, which never expands."""
    import yaml

    if "&" not in text and "*" not in text:
        return
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise ConfigError(f"{file}:{event.start_mark.line + 1}: YAML anchors and aliases (&name, *name) "
                              "are not allowed in careerlint files")


def load(path: Path | str, text: str | None = None) -> Located:
    """A YAML file's top-level mapping (empty file: empty mapping); ConfigError with file:line on
    error. Plain data only: no anchors, aliases, merge keys or tags, at most MAX_DEPTH deep."""
    import yaml

    file = str(path)
    if text is None:
        try:
            with open(path, "rb") as f:
                data = f.read(MAX_BYTES + 1)
        except OSError as e:
            raise ConfigError(f"{file}: cannot read: {e.strerror or e}") from None
        if len(data) > MAX_BYTES:
            raise ConfigError(f"{file}: larger than {MAX_BYTES // 1_000_000} MB: not a careerlint file")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise ConfigError(f"{file}: not UTF-8 text") from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        _refuse_anchors(text, file, loader)
        node = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise ConfigError(f"{file}{line}: invalid YAML: {problem}") from None
    except RecursionError:
        raise ConfigError(f"{file}: nested too deeply") from None
    if node is None:
        empty = Located()
        empty.file, empty.line, empty.key_lines = file, 1, {}
        return empty
    data = _convert(node, file)
    if not isinstance(data, Located):
        raise ConfigError(f"{file}:1: expected a mapping at the top level")
    return data


def load_remembered(path: Path | str) -> Located:
    """A YAML file as ``load`` reads it, from the start cache (careerlint.startcache) when these very
    bytes were read before by this code: a fresh process neither imports PyYAML nor parses. One entry
    per file (a file edited replaces its entry); a file with an error is never kept, so its error is
    reported every time."""
    from careerlint import startcache

    try:
        st = os.stat(path)  # a regular file only: a FIFO or a device is load's to refuse
        raw = Path(path).read_bytes() if stat.S_ISREG(st.st_mode) and st.st_size <= MAX_BYTES else None
    except OSError:
        raw = None
    if raw is None:
        return load(path)  # the error (or the refusal), as load words it
    import careerlint.yamlfile as me

    name = startcache.key("yaml", str(path))
    stamp = startcache.key("bytes", raw, startcache.code_of(me))
    found = startcache.get_stamped(name, stamp)
    if found is not None:
        try:
            return _decode(found)
        except (TypeError, ValueError, KeyError, IndexError):
            pass
    data = load(path)
    try:
        startcache.put_stamped(name, stamp, _encode(data))
    except TypeError:
        pass  # a value JSON does not hold (a YAML date): not kept
    return data


def _encode(v):
    """JSON data of what ``load`` returns: a mapping keeps its file, its line and each key's line
    (keys may be numbers: each entry is [key, key line, value])."""
    if isinstance(v, Located):
        return {"m": [v.file, v.line, [[k, v.key_lines.get(k, v.line), _encode(x)] for k, x in v.items()]]}
    if isinstance(v, list):
        return [_encode(x) for x in v]
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    raise TypeError(type(v).__name__)  # a YAML date


def _decode(v):
    if isinstance(v, dict):
        file, line, items = v["m"]
        out = Located()
        out.file, out.line, out.key_lines = file, line, {}
        for k, kl, x in items:
            out[k] = _decode(x)
            out.key_lines[k] = kl
        return out
    if isinstance(v, list):
        return [_decode(x) for x in v]
    return v


def from_mapping(data: dict, file: str, line: int = 1) -> Located:
    """Wrap a mapping that did not come from YAML (pyproject.toml) so errors still name the file."""
    out = Located()
    out.file, out.line, out.key_lines = file, line, {}
    for k, v in data.items():
        out[k] = from_mapping(v, file, line) if isinstance(v, dict) and not isinstance(v, Located) else v
        out.key_lines[k] = line
    return out
