"""YAML loading that remembers where every key is, so errors can say file:line."""

from __future__ import annotations

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


def _convert(node, file: str, constructor=None):
    import yaml

    if constructor is None:
        constructor = yaml.constructor.SafeConstructor()
    if isinstance(node, yaml.MappingNode):
        out = Located()
        out.file = file
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for k, v in node.value:
            key = _convert(k, file, constructor)
            if isinstance(key, (dict, list)):
                raise ConfigError(f"{file}:{k.start_mark.line + 1}: a key must be a plain value")
            if key in out:
                raise ConfigError(f"{file}:{k.start_mark.line + 1}: duplicate key '{key}'")
            out[key] = _convert(v, file, constructor)
            out.key_lines[key] = k.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(v, file, constructor) for v in node.value]
    if node.tag == "tag:yaml.org,2002:str":
        return node.value
    return constructor.construct_object(node, deep=True)


def load(path: Path | str, text: str | None = None) -> Located:
    """A YAML file's top-level mapping (empty file: empty mapping); ConfigError with file:line on error."""
    import yaml

    file = str(path)
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as e:
            raise ConfigError(f"{file}: cannot read: {e.strerror or e}") from None
        except UnicodeDecodeError:
            raise ConfigError(f"{file}: not UTF-8 text") from None
    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise ConfigError(f"{file}{line}: invalid YAML: {problem}") from None
    if node is None:
        empty = Located()
        empty.file, empty.line, empty.key_lines = file, 1, {}
        return empty
    data = _convert(node, file)
    if not isinstance(data, Located):
        raise ConfigError(f"{file}:1: expected a mapping at the top level")
    return data


def from_mapping(data: dict, file: str, line: int = 1) -> Located:
    """Wrap a mapping that did not come from YAML (pyproject.toml) so errors still name the file."""
    out = Located()
    out.file, out.line, out.key_lines = file, line, {}
    for k, v in data.items():
        out[k] = from_mapping(v, file, line) if isinstance(v, dict) and not isinstance(v, Located) else v
        out.key_lines[k] = line
    return out
