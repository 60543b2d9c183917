"""Rule packs: YAML entries that name a check kind, its severity, options and message.

The bundled pack (rules/core.yaml) is loaded first; a configuration may then add packs
of its own, tune existing rules (severity, options, message) and define new rules that
reuse a check kind with other options.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from careerlint import yamlfile
from careerlint.errors import CareerlintError, ConfigError
from careerlint.findings import SEVERITIES
from careerlint.rule_checks import check_message, check_options, check_source
from careerlint.resources import rules_dir
from careerlint.sources import Registry, registry_from_data


@dataclass
class Rule:
    """A rule of a rule pack: its id, the check kind that implements it, severity, options and message."""

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
    """The validated rules in use, the source registry, and the files they came from."""

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
    check_message(spec.where("message") if "message" in spec else where, message, kind, kinds[kind])
    opts = spec.get("options") or {}
    options = check_options(spec.where("options") if "options" in spec else where, kind,
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
        check_message(spec.where("message"), spec["message"], rule.kind, kinds[rule.kind])
        out = replace(out, message=spec["message"])
    if "summary" in spec:
        out = replace(out, summary=str(spec["summary"]))
    if "options" in spec:
        opts = spec["options"] or {}
        out = replace(out, options=check_options(spec.where("options"), rule.kind, rule.options, opts, opts,
                                                  getattr(kinds[rule.kind], "OPTION_TYPES", None)))
    return out


def load_ruleset(config=None) -> RuleSet:
    """The bundled rule pack and source registry, with a configuration's packs, tuning and sources."""
    from careerlint.checks import kinds as check_kinds

    kinds = check_kinds()
    base = rules_dir()
    core = base / "core.yaml"
    rules = _pack(yamlfile.load_remembered(core), kinds, {})
    default_messages: dict[str, str] = {}
    for r in rules.values():
        default_messages.setdefault(r.kind, r.message)
    sources_path = base / "sources.yaml"
    source_data = dict(yamlfile.load_remembered(sources_path))
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
                check_source(config.sources.where(sid), sid, spec)
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
