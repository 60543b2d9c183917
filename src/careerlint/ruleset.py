"""Rule packs: YAML entries that name a check kind, its severity, options and message."""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from pathlib import Path

from careerlint.errors import ConfigError
from careerlint.findings import SEVERITIES
from careerlint.resources import rules_dir
from careerlint.sources import Registry, registry_from_data


@dataclass
class Rule:
    id: str
    kind: str
    severity: str
    summary: str
    message: str
    options: dict = field(default_factory=dict)


@dataclass
class RuleSet:
    rules: dict[str, Rule]
    registry: Registry
    files: list[str] = field(default_factory=list)

    def select(self, select: list[str] | None, ignore: list[str] | None) -> list[Rule]:
        for rid in (select or []) + (ignore or []):
            if rid not in self.rules:
                raise ConfigError(f"unknown rule id '{rid}' (see 'careerlint rules')")
        chosen = [r for r in self.rules.values() if not select or r.id in select]
        return [r for r in chosen if not ignore or r.id not in ignore]


def _load_yaml(path: Path):
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"{path}: cannot read rule file: {e.strerror or e}") from None
    try:
        return yaml.safe_load(text) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise ConfigError(f"{path}{line}: invalid YAML: {problem}") from None


def _rules_from(data: dict, path: Path, kinds: dict) -> dict[str, Rule]:
    if not isinstance(data, dict) or not isinstance(data.get("rules"), dict):
        raise ConfigError(f"{path}: a rule pack needs a 'rules' mapping")
    out = {}
    for rid, spec in data["rules"].items():
        where = f"{path}: rule '{rid}'"
        if not isinstance(spec, dict):
            raise ConfigError(f"{where}: must be a mapping")
        kind = spec.get("kind")
        if kind not in kinds:
            raise ConfigError(f"{where}: unknown check kind '{kind}' (known: {', '.join(sorted(kinds))})")
        severity = spec.get("severity", "warning")
        if severity not in SEVERITIES:
            raise ConfigError(f"{where}: severity must be one of {', '.join(SEVERITIES)}, not '{severity}'")
        message = spec.get("message")
        if not isinstance(message, str) or not message:
            raise ConfigError(f"{where}: needs a message")
        try:
            list(string.Formatter().parse(message))
        except ValueError as e:
            raise ConfigError(f"{where}: bad message template: {e}") from None
        defaults = dict(kinds[kind].OPTIONS)
        options = spec.get("options") or {}
        if not isinstance(options, dict):
            raise ConfigError(f"{where}: options must be a mapping")
        for k, v in options.items():
            if k not in defaults:
                raise ConfigError(f"{where}: unknown option '{k}' for kind '{kind}'")
            d = defaults[k]
            if d is not None and v is not None and not isinstance(v, type(d)) and not (
                    isinstance(d, float) and isinstance(v, int)):
                raise ConfigError(f"{where}: option '{k}' must be {type(d).__name__}, not {type(v).__name__}")
        defaults.update(options)
        out[rid] = Rule(rid, kind, severity, str(spec.get("summary", "")).strip(), message, defaults)
    return out


def load_ruleset() -> RuleSet:
    """The bundled rule pack and source registry."""
    from careerlint.checks import kinds as check_kinds

    kinds = check_kinds()
    base = rules_dir()
    core = base / "core.yaml"
    rules = _rules_from(_load_yaml(core), core, kinds)
    sources = base / "sources.yaml"
    registry = registry_from_data(_load_yaml(sources))
    return RuleSet(rules, registry, [str(core), str(sources)])
