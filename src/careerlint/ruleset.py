"""Rule packs: YAML entries that name a check kind, its severity, options and message.

The bundled pack (rules/core.yaml) is loaded first; a configuration may then add packs
of its own, tune existing rules (severity, options, message) and define new rules that
reuse a check kind with other options.
"""

from __future__ import annotations

import math
import re
import string
from dataclasses import dataclass, field, replace
from pathlib import Path

from careerlint import yamlfile
from careerlint.errors import CareerlintError, ConfigError
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
    doc: dict = field(default_factory=dict)      # description, rationale, examples
    origin: str = ""                             # file:line where the rule is defined


@dataclass
class RuleSet:
    rules: dict[str, Rule]
    registry: Registry
    files: list[str] = field(default_factory=list)

    def select(self, select: list[str] | None, ignore: list[str] | None) -> list[Rule]:
        for rid in (select or []) + (ignore or []):
            if rid not in self.rules:
                from careerlint.hints import did_you_mean

                hint = did_you_mean(rid, self.rules) or " (see 'careerlint rules')"
                raise ConfigError(f"unknown rule id '{rid}'{hint}")
        chosen = [r for r in self.rules.values() if not select or r.id in select]
        return [r for r in chosen if not ignore or r.id not in ignore]


def _check_options(where: str, kind: str, defaults: dict, options, located, types: dict | None = None) -> dict:
    if not isinstance(options, dict):
        raise ConfigError(f"{where}: options must be a mapping")
    out = dict(defaults)
    for k, v in options.items():
        w = located.where(k) if hasattr(located, "where") else where
        if k not in defaults:
            known = ", ".join(sorted(defaults)) or "none"
            raise ConfigError(f"{w}: unknown option '{k}' for kind '{kind}' (known: {known})")
        d = defaults[k]
        want = (types or {}).get(k) or (type(d) if d is not None else None)
        if v is not None and want is not None:
            wants = want if isinstance(want, tuple) else (want,)
            if float in wants:
                wants = wants + (int,)
            if isinstance(v, bool) and bool not in wants or not isinstance(v, wants):
                raise ConfigError(f"{w}: option '{k}' must be {_type_name(wants[0]())}, not {_type_name(v)}")
        _check_value(w, k, v)
        out[k] = v
    return out


# Values an option may take: a policy of -1 or 10**9 years is a typo, not a setting.
_BOUNDS = {"max-age-years": (0, 100), "min": (0, 1e9), "max": (0, 1e9)}


def _check_value(where: str, name: str, v) -> None:
    if isinstance(v, float) and not math.isfinite(v):
        raise ConfigError(f"{where}: option '{name}' must be a finite number, not {v}")
    lo_hi = _BOUNDS.get(name)
    if lo_hi is not None and isinstance(v, (int, float)) and not isinstance(v, bool) and not lo_hi[0] <= v <= lo_hi[1]:
        raise ConfigError(f"{where}: option '{name}' must be between {lo_hi[0]:g} and {lo_hi[1]:g}, not {v}")
    if isinstance(v, list) and not all(isinstance(x, str) for x in v):
        raise ConfigError(f"{where}: option '{name}' must be a list of strings")
    if name == "scales" and isinstance(v, dict):
        _check_scales(where, v)


_BANDS = ("much faster", "faster", "as fast", "slower", "little or no change", "decline")


def _check_scales(where: str, scales: dict) -> None:
    """growth-descriptor's scales: cycle ("2024-2034") -> band name -> {min, max} whole percentages."""
    for cycle, bands in scales.items():
        if not isinstance(bands, dict):
            raise ConfigError(f"{where}: option 'scales': cycle '{cycle}' must be a mapping of band -> "
                              f"{{min, max}}, not {_type_name(bands)}")
        for band, lim in bands.items():
            if band not in _BANDS:
                raise ConfigError(f"{where}: option 'scales': cycle '{cycle}': unknown band '{band}' "
                                  f"(known: {', '.join(_BANDS)})")
            if not isinstance(lim, dict) or set(lim) - {"min", "max"}:
                raise ConfigError(f"{where}: option 'scales': cycle '{cycle}': band '{band}' must be a mapping "
                                  "with min and/or max")
            for k, x in lim.items():
                if x is not None and (isinstance(x, bool) or not isinstance(x, (int, float)) or not math.isfinite(x)):
                    raise ConfigError(f"{where}: option 'scales': cycle '{cycle}': band '{band}': {k} must be "
                                      f"a number, not {_type_name(x)}")


_SOURCE_KEYS = {"title", "names", "kinds", "max-age-years", "family"}
_SOURCE_KINDS = {"wage", "employment", "projection"}


def _check_source(where: str, sid, spec) -> None:
    """A source added by a configuration: known keys, lists where lists belong, sane values."""
    if not isinstance(spec, dict):
        raise ConfigError(f"{where}: source '{sid}' must be a mapping")
    w = spec.where if hasattr(spec, "where") else (lambda k=None: where)
    unknown = sorted(set(spec) - _SOURCE_KEYS, key=str)
    if unknown:
        raise ConfigError(f"{w(unknown[0])}: source '{sid}': unknown key '{unknown[0]}' "
                          f"(known: {', '.join(sorted(_SOURCE_KEYS))})")
    names = spec.get("names")
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
        raise ConfigError(f"{w('names') if 'names' in spec else where}: source '{sid}' needs 'names', "
                          "a list of names")
    kinds = spec.get("kinds", [])
    if not isinstance(kinds, list) or not all(k in _SOURCE_KINDS for k in kinds):
        raise ConfigError(f"{w('kinds')}: source '{sid}': kinds must be a list of "
                          f"{', '.join(sorted(_SOURCE_KINDS))}")
    age = spec.get("max-age-years", 2)
    if not isinstance(age, int) or isinstance(age, bool) or not 0 <= age <= 100:
        raise ConfigError(f"{w('max-age-years')}: source '{sid}': max-age-years must be a whole number "
                          "from 0 to 100")
    for key in ("title", "family"):
        if key in spec and not isinstance(spec[key], str):
            raise ConfigError(f"{w(key)}: source '{sid}': {key} must be a string")


def _type_name(v) -> str:
    for t, name in ((bool, "true or false"), (int, "a whole number"), (float, "a number"), (str, "a string"),
                    (list, "a list"), (dict, "a mapping")):
        if isinstance(v, t):   # a mapping read from YAML is a dict that remembers its lines
            return name
    return type(v).__name__


# A format spec within reason: "{age:>3}", "{value:,.2f}", "{share:.1%}"; never "{age:>200000000}"
# (a 200 MB string per finding). [[fill]align][sign][#][0][width][grouping][.precision][type]
_SPEC = re.compile(r"(?:.?[<>=^])?[+\- ]?#?0?(?:\d{1,2})?[,_]?(?:\.\d{1,2})?[bcdeEfFgGnosxX%]?")
_FIELD = re.compile(r"[A-Za-z_]\w*")  # a plain name: no "{x.__class__}", no "{x[0]}"
MAX_MESSAGE = 500


def _check_message(where: str, message, kind: str = "", module=None) -> None:
    """A message template is checked when it loads, not when a finding formats it."""
    if not isinstance(message, str) or not message:
        raise ConfigError(f"{where}: needs a message")
    if len(message) > MAX_MESSAGE:
        raise ConfigError(f"{where}: message longer than {MAX_MESSAGE} characters")
    if not message.isprintable():
        raise ConfigError(f"{where}: message has control characters or line breaks")
    try:
        fields = list(string.Formatter().parse(message))
    except ValueError as e:
        raise ConfigError(f"{where}: bad message template: {e}") from None
    for _, name, spec, conversion in fields:
        if name is None:
            continue
        if not _FIELD.fullmatch(name):
            raise ConfigError(f"{where}: bad message template: '{{{name}}}' (a field is a plain name, "
                              "like {age})")
        if conversion not in (None, "s", "r"):
            raise ConfigError(f"{where}: bad message template: conversion '!{conversion}'")
        if spec and not _SPEC.fullmatch(spec):
            raise ConfigError(f"{where}: bad message template: format '{{{name}:{spec}}}' (at most 2 digits "
                              "of width or precision, no nested fields)")
    from careerlint.message_fields import check_template

    if kind:
        check_template(where, kind, message, module)


def _new_rule(rid: str, spec, kinds: dict, default_messages: dict, where: str) -> Rule:
    if not isinstance(spec, dict):
        raise ConfigError(f"{where}: rule '{rid}' must be a mapping")
    kind = spec.get("kind")
    if kind not in kinds:
        w = spec.where("kind") if "kind" in spec else where
        raise ConfigError(f"{w}: rule '{rid}': unknown check kind '{kind}' (known: {', '.join(sorted(kinds))})")
    unknown = set(spec) - {"kind", "severity", "summary", "message", "options", "doc"}
    if unknown:
        k = sorted(unknown)[0]
        raise ConfigError(f"{spec.where(k)}: rule '{rid}': unknown key '{k}'")
    severity = spec.get("severity", "warning")
    if severity not in SEVERITIES:
        raise ConfigError(f"{spec.where('severity')}: rule '{rid}': severity must be one of "
                          f"{', '.join(SEVERITIES)}, not '{severity}'")
    message = spec.get("message", default_messages.get(kind))
    _check_message(spec.where("message") if "message" in spec else where, message, kind, kinds[kind])
    opts = spec.get("options") or {}
    options = _check_options(spec.where("options") if "options" in spec else where, kind,
                             dict(kinds[kind].OPTIONS), opts, opts, getattr(kinds[kind], "OPTION_TYPES", None))
    doc = spec.get("doc") or {}
    return Rule(rid, kind, severity, str(spec.get("summary", "")).strip(), message, options,
                dict(doc) if isinstance(doc, dict) else {}, where)


def _pack(data, kinds: dict, default_messages: dict) -> dict[str, Rule]:
    rules = data.get("rules")
    if not isinstance(rules, dict):
        raise ConfigError(f"{data.where()}: a rule pack needs a 'rules' mapping")
    return {rid: _new_rule(rid, spec, kinds, default_messages, rules.where(rid)) for rid, spec in rules.items()}


def _tune(rule: Rule, spec, kinds: dict, where: str) -> Rule:
    """A configuration's changes to an existing rule: severity, options, message."""
    if not isinstance(spec, dict):
        raise ConfigError(f"{where}: rule '{rule.id}' must be a mapping")
    unknown = set(spec) - {"severity", "options", "message", "summary"}
    if "kind" in spec and spec["kind"] != rule.kind:
        raise ConfigError(f"{spec.where('kind')}: rule '{rule.id}' exists with kind '{rule.kind}'; "
                          f"give a new rule a new id")
    unknown.discard("kind")
    if unknown:
        k = sorted(unknown)[0]
        raise ConfigError(f"{spec.where(k)}: rule '{rule.id}': unknown key '{k}'")
    out = rule
    if "severity" in spec:
        if spec["severity"] not in SEVERITIES:
            raise ConfigError(f"{spec.where('severity')}: rule '{rule.id}': severity must be one of "
                              f"{', '.join(SEVERITIES)}, not '{spec['severity']}'")
        out = replace(out, severity=spec["severity"])
    if "message" in spec:
        _check_message(spec.where("message"), spec["message"], rule.kind, kinds[rule.kind])
        out = replace(out, message=spec["message"])
    if "summary" in spec:
        out = replace(out, summary=str(spec["summary"]))
    if "options" in spec:
        opts = spec["options"] or {}
        out = replace(out, options=_check_options(spec.where("options"), rule.kind, rule.options, opts, opts,
                                                  getattr(kinds[rule.kind], "OPTION_TYPES", None)))
    return out


def load_ruleset(config=None) -> RuleSet:
    """The bundled rule pack and source registry, with a configuration's packs, tuning and sources."""
    from careerlint.checks import kinds as check_kinds

    kinds = check_kinds()
    base = rules_dir()
    core = base / "core.yaml"
    rules = _pack(yamlfile.load(core), kinds, {})
    default_messages: dict[str, str] = {}
    for r in rules.values():
        default_messages.setdefault(r.kind, r.message)
    sources_path = base / "sources.yaml"
    source_data = dict(yamlfile.load(sources_path))
    files = [str(core), str(sources_path)]
    if config is not None:
        for pack_path in config.rule_packs:
            pack = _pack(yamlfile.load(pack_path), kinds, default_messages)
            for rid, rule in pack.items():
                if rid in rules:
                    raise ConfigError(f"{rule.origin}: rule '{rid}' is already defined ({rules[rid].origin or 'bundled'})")
                rules[rid] = rule
            files.append(str(pack_path))
        for rid, spec in (config.rule_settings or {}).items():
            where = config.rule_settings.where(rid)
            if rid in rules:
                rules[rid] = _tune(rules[rid], spec, kinds, where)
            elif isinstance(spec, dict) and "kind" in spec:
                rules[rid] = _new_rule(rid, spec, kinds, default_messages, where)
            else:
                from careerlint.hints import did_you_mean

                hint = did_you_mean(rid, rules) or " (a new rule needs a 'kind')"
                raise ConfigError(f"{where}: unknown rule id '{rid}'{hint}")
        if config.sources:
            merged = dict(source_data.get("sources") or {})
            for sid, spec in config.sources.items():
                _check_source(config.sources.where(sid), sid, spec)
                merged[sid] = spec
            source_data["sources"] = merged
    try:
        registry = registry_from_data(source_data)
    except (TypeError, ValueError) as e:
        raise ConfigError(f"{sources_path}: invalid source registry: {e}") from None
    return RuleSet(rules, registry, files)


def load_ruleset_cached(config, cache_root: str | None) -> RuleSet:
    """load_ruleset, reusing the validated result saved as JSON in the cache folder.

    The key is careerlint's code and the bytes of every rule, source and configuration file
    involved, so any edit reloads and revalidates. JSON, never pickle: a cache folder that came
    with a repository must not be able to run code; and signed with the user's key, so it
    cannot lower a severity either."""
    import hashlib
    import os

    from careerlint.cache import CACHE_DIR, VERSION, code_fingerprint, read_signed, write_signed

    if cache_root is None:
        return load_ruleset(config)
    base = rules_dir()
    files = [base / "core.yaml", base / "sources.yaml"]
    if config is not None:
        if config.path:
            files.append(Path(config.path))
        files.extend(config.rule_packs)
    h = hashlib.sha256(code_fingerprint().encode())
    try:
        for f in files:
            h.update(str(f).encode() + b"\0" + Path(f).read_bytes())
    except OSError:
        return load_ruleset(config)
    path = os.path.join(cache_root, CACHE_DIR, VERSION, f"ruleset-{h.hexdigest()[:32]}.json")
    data = read_signed(path)  # None when missing, damaged or not signed with this user's key
    if isinstance(data, dict):
        try:
            rules = {r["id"]: Rule(r["id"], r["kind"], r["severity"], r["summary"], r["message"], r["options"],
                                   r["doc"], r["origin"]) for r in data["rules"]}
            return RuleSet(rules, registry_from_data(data["registry"]), data["files"])
        except (ValueError, KeyError, TypeError):
            pass
    ruleset = load_ruleset(config)
    reg = ruleset.registry
    data = {
        "rules": [vars(r) for r in ruleset.rules.values()],
        "registry": {"sources": {s.id: {"title": s.title, "names": s.names, "kinds": s.kinds,
                                        "max-age-years": s.max_age_years, "family": s.family}
                                 for s in reg.sources.values()},
                     "default": {"max-age-years": reg.default_max_age, "title": reg.default_title}},
        "files": ruleset.files,
    }
    try:
        write_signed(path, data)
    except (OSError, CareerlintError):
        pass  # a cache that cannot be written only costs time
    return ruleset
