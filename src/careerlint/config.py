"""Configuration: careerlint.yaml, .careerlint.yaml or [tool.careerlint] in pyproject.toml.

Found by walking up from each checked file (the nearest wins), or named with --config.
Every error names the file and line and stops the run before any page is checked.
"""

from __future__ import annotations

import datetime as _dt
import fnmatch
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from careerlint import yamlfile
from careerlint.errors import ConfigError

CONFIG_NAMES = ("careerlint.yaml", ".careerlint.yaml")
_KEYS = {"select", "ignore", "as-of", "exclude", "per-file-ignores", "rules", "rule-packs", "sources",
         "reference-data", "occupations", "show-source", "site-root"}
_SOC = re.compile(r"\d\d-\d{4}")  # a SOC code: "29-2072"


@dataclass
class Config:
    """A project's configuration (careerlint.yaml, .careerlint.yaml or pyproject.toml), merged with the command line."""

    path: str | None = None
    root: Path = field(default_factory=Path.cwd)
    select: list[str] | None = None
    ignore: list[str] | None = None
    as_of: _dt.date | None = None
    exclude: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    rule_settings: yamlfile.Located | None = None
    rule_packs: list[Path] = field(default_factory=list)
    sources: yamlfile.Located | None = None
    reference_data: Path | None = None   # folder for `careerlint data import` (relative to the config file)
    # a name -> a SOC code, several codes (a name the site uses for several), or another occupation's name
    occupations: dict[str, str | list[str]] = field(default_factory=dict)
    where: dict[str, str] = field(default_factory=dict)   # key -> file:line, for errors
    show_source: bool | None = None  # text output: the source line under each finding (None: on a terminal)
    site_root: Path | None = None    # the site these pages belong to (None: the config file's folder)
    is_site: bool = True             # site-root: false: the pages are unrelated, never compared

    @property
    def soc_occupations(self) -> dict[str, str | list[str]]:
        """The names mapped to SOC codes (what BLS figures are matched with)."""
        return {k: v for k, v in self.occupations.items() if not isinstance(v, str) or _SOC.fullmatch(v)}

    def check_ids(self, known: set[str]) -> None:
        """Rule ids named in select, ignore and per-file-ignores must exist."""
        named = [("select", self.select or []), ("ignore", self.ignore or [])]
        named += [(f"per-file-ignores:{k}", v) for k, v in self.per_file_ignores.items()]
        for key, ids in named:
            for rid in ids:
                if rid not in known:
                    from careerlint.hints import did_you_mean

                    raise ConfigError(f"{self.where.get(key, self.path)}: unknown rule id '{rid}'"
                                      f"{did_you_mean(rid, known)}")

    def relative(self, path: str) -> str:
        if not hasattr(self, "_root"):
            self._root = str(self.root.resolve())
        rel = os.path.relpath(os.path.abspath(path), self._root)
        return Path(path).as_posix() if rel.startswith("..") else Path(rel).as_posix()

    def excluded(self, path: str) -> bool:
        if not self.exclude:
            return False
        rel = self.relative(path)
        return any(_match(rel, pat) for pat in self.exclude)

    def ignored_for(self, path: str) -> set[str]:
        if not self.per_file_ignores:
            return set()
        rel = self.relative(path)
        out: set[str] = set()
        for pat, rules in self.per_file_ignores.items():
            if _match(rel, pat):
                out.update(rules)
        return out


    def describe(self) -> list[str]:
        """The settings this configuration puts in force, for --show-settings."""
        out = [f"config: {self.path or '(none: defaults)'}"]
        if self.path:
            out.append(f"  root: {self.root}")
        out.append(f"  as-of: {self.as_of or '(today)'}")
        out.append(f"  select: {', '.join(self.select) if self.select is not None else '(all)'}")
        out.append(f"  ignore: {', '.join(self.ignore or []) or '(none)'}")
        out.append(f"  exclude: {', '.join(self.exclude) or '(none)'}")
        for pat, ids in self.per_file_ignores.items():
            out.append(f"  per-file-ignores: {pat}: {', '.join(ids)}")
        for rid in (self.rule_settings or {}):
            out.append(f"  rules: {rid} ({self.rule_settings.where(rid)})")
        for pack in self.rule_packs:
            out.append(f"  rule-pack: {pack}")
        for sid in (self.sources or {}):
            out.append(f"  source: {sid}")
        for name, target in self.occupations.items():
            out.append(f"  occupations: {name} -> {target if isinstance(target, str) else ', '.join(target)}")
        if self.site_root is not None or not self.is_site:
            out.append(f"  site-root: {self.site_root if self.is_site else 'false (pages not compared)'}")
        return out


def _match(rel: str, pattern: str) -> bool:
    pattern = pattern.strip("/")
    if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel, pattern + "/*"):
        return True
    if pattern.startswith("**/") and fnmatch.fnmatch(rel, pattern[3:]):
        return True
    # a pattern without a slash matches a file or folder name anywhere
    if "/" not in pattern:
        return any(fnmatch.fnmatch(part, pattern) for part in rel.split("/"))
    return False


def find_config(start: str) -> Path | None:
    """The nearest configuration file in ``start`` (a file's folder) or a folder above it, up to
    the repository root (the nearest folder holding .git): a file above the repository, which
    anyone who can write there may have put, never applies unless named with --config. Outside
    any repository the walk goes up to the filesystem root."""
    d = Path(os.path.abspath(start))
    if not d.is_dir():
        d = d.parent
    for folder in _folders_up(d):
        found = _config_in(folder)
        if found is not None:
            return found
    return None


def config_above_root(start: str) -> Path | None:
    """A configuration file above the repository root of ``start``: one find_config ignores."""
    from careerlint.ignore import repository_root

    d = Path(os.path.abspath(start))
    if not d.is_dir():
        d = d.parent
    root = repository_root(str(d))
    if root is None:
        return None
    for folder in Path(root).parents:
        found = _config_in(folder)
        if found is not None:
            return found
    return None


def _folders_up(d: Path):
    from careerlint.ignore import repository_root

    root = repository_root(str(d))
    for folder in (d, *d.parents):
        yield folder
        if root is not None and str(folder) == root:
            return


def _config_in(folder: Path) -> Path | None:
    for name in CONFIG_NAMES:
        p = folder / name
        if p.is_file():
            return p
    pp = folder / "pyproject.toml"
    if pp.is_file() and _pyproject_has_section(pp):
        return pp
    return None


def _pyproject_has_section(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return "[tool.careerlint" in text


def _load_toml(path: Path) -> dict:
    try:
        import tomllib  # Python 3.11+
    except ModuleNotFoundError:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except OSError as e:
        raise ConfigError(f"{path}: cannot read: {e.strerror or e}") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML: {e}") from None
    section = data.get("tool", {}).get("careerlint")
    if section is None:
        raise ConfigError(f"{path}: has no [tool.careerlint] section")
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.careerlint] must be a table")
    line = 1
    for i, text_line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text_line.strip().startswith("[tool.careerlint"):
            line = i
            break
    return yamlfile.from_mapping(section, str(path), line)


def load_config(path: str | Path) -> Config:
    path = Path(path)
    if path.is_dir():  # "--config docs/": the folder, not a file in it
        raise ConfigError(f"{path}: is a folder, not a configuration file (name the file, e.g. "
                          f"{path / 'careerlint.yaml'})")
    if not path.is_file():
        raise ConfigError(f"{path}: no such configuration file")
    data = _load_toml(path) if path.suffix == ".toml" else yamlfile.load_remembered(path)
    cfg = Config(path=str(path), root=path.resolve().parent)
    cfg.where = {k: data.where(k) for k in data}
    dotted = [k for k in data if isinstance(k, str) and "." in k and k.split(".", 1)[0] not in _KEYS]
    unknown = set(data) - _KEYS - set(dotted)
    if unknown:
        k = sorted(unknown)[0]
        raise ConfigError(f"{data.where(k)}: unknown key '{k}' (known: {', '.join(sorted(_KEYS))})")
    for key in ("select", "ignore"):
        if key in data:
            cfg.__setattr__(key, _id_list(data, key))
    if "as-of" in data:
        v = data["as-of"]
        if isinstance(v, _dt.datetime):
            v = v.date()
        if isinstance(v, str):
            try:
                v = _dt.date.fromisoformat(v)
            except ValueError:
                raise ConfigError(f"{data.where('as-of')}: as-of must be a date as YYYY-MM-DD, not '{v}'") from None
        if not isinstance(v, _dt.date):
            raise ConfigError(f"{data.where('as-of')}: as-of must be a date as YYYY-MM-DD")
        cfg.as_of = v
    if "show-source" in data:
        if not isinstance(data["show-source"], bool):
            raise ConfigError(f"{data.where('show-source')}: show-source must be true or false")
        cfg.show_source = data["show-source"]
    if "exclude" in data:
        cfg.exclude = _str_list(data, "exclude")
    if "per-file-ignores" in data:
        pfi = data["per-file-ignores"]
        if not isinstance(pfi, dict):
            raise ConfigError(f"{data.where('per-file-ignores')}: per-file-ignores must map globs to rule ids")
        cfg.per_file_ignores = {str(k): _id_list(pfi, k) for k in pfi}
        cfg.where.update({f"per-file-ignores:{k}": pfi.where(k) for k in pfi})
    if "rules" in data:
        if not isinstance(data["rules"], dict):
            raise ConfigError(f"{data.where('rules')}: rules must be a mapping of rule ids")
        cfg.rule_settings = data["rules"]
    if dotted:
        # "stale-source.max-age-years: 1" is short for rules: {stale-source: {options: {max-age-years: 1}}}
        settings = cfg.rule_settings if cfg.rule_settings is not None else yamlfile.from_mapping({}, str(path))
        for key in dotted:
            rid, name = key.split(".", 1)
            spec = settings.get(rid)
            if spec is None:
                spec = settings[rid] = yamlfile.from_mapping({}, str(path), data.key_lines.get(key, 1))
                settings.key_lines[rid] = data.key_lines.get(key, 1)
            if name == "severity":
                spec["severity"] = data[key]
                spec.key_lines["severity"] = data.key_lines.get(key, 1)
            else:
                opts = spec.get("options")
                if opts is None:
                    opts = spec["options"] = yamlfile.from_mapping({}, str(path), data.key_lines.get(key, 1))
                    spec.key_lines["options"] = data.key_lines.get(key, 1)
                opts[name] = data[key]
                opts.key_lines[name] = data.key_lines.get(key, 1)
        cfg.rule_settings = settings
    if "rule-packs" in data:
        cfg.rule_packs = [cfg.root / p for p in _str_list(data, "rule-packs")]
        for p in cfg.rule_packs:
            if not p.is_file():
                raise ConfigError(f"{data.where('rule-packs')}: rule pack '{p}' does not exist")
    if "sources" in data:
        if not isinstance(data["sources"], dict):
            raise ConfigError(f"{data.where('sources')}: sources must be a mapping")
        cfg.sources = data["sources"]
    if "site-root" in data:
        v = data["site-root"]
        if v is False:
            cfg.is_site = False
        elif isinstance(v, str) and v.strip():
            cfg.site_root = cfg.root / os.path.expanduser(v.strip())
        else:
            raise ConfigError(f"{data.where('site-root')}: site-root must be a folder path, or false")
    if "reference-data" in data:
        v = data["reference-data"]
        if not isinstance(v, str) or not v.strip():
            raise ConfigError(f"{data.where('reference-data')}: reference-data must be a folder path")
        cfg.reference_data = cfg.root / os.path.expanduser(v.strip())
    if "occupations" in data:
        cfg.occupations = _occupations(data)
    return cfg


_NUMBERISH = re.compile(r"[\d\s.-]+")   # "47-211": a mistyped SOC code, not a name


def _occupations(data) -> dict[str, str | list[str]]:
    """occupations: {"medical billing specialists": 43-3021, "billers": [29-2072, 43-3021],
    "lineworkers": "electrical power-line installers and repairers"}: a name maps to a SOC code, a
    list of SOC codes, or the name of another occupation (the same occupation to careerlint)."""
    occ = data["occupations"]
    if not isinstance(occ, dict):
        raise ConfigError(f"{data.where('occupations')}: occupations must map names to SOC codes or names")
    out: dict[str, str | list[str]] = {}
    for name, target in occ.items():
        where = occ.where(name) if hasattr(occ, "where") else data.where("occupations")
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{where}: occupations: a name must be text")
        if isinstance(target, int):
            target = str(target)   # YAML reads 47-2111 as text, 472111 as a number
        if isinstance(target, str) and target.strip() and (_SOC.fullmatch(target.strip()) or
                                                           not _NUMBERISH.fullmatch(target)):
            out[" ".join(name.split())] = " ".join(target.split())
        elif isinstance(target, list) and target and all(isinstance(c, str) and _SOC.fullmatch(c.strip())
                                                          for c in target):
            out[" ".join(name.split())] = [c.strip() for c in target]
        else:
            raise ConfigError(f"{where}: occupations: '{name}' must name a SOC code like 47-2111, a list of "
                              "them, or another occupation's name")
    return out


def _str_list(data, key) -> list[str]:
    v = data[key]
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise ConfigError(f"{data.where(key)}: {key} must be a list of strings")
    return v


def _id_list(data, key) -> list[str]:
    v = data[key]
    if isinstance(v, str):
        v = [x.strip() for x in v.split(",") if x.strip()]
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise ConfigError(f"{data.where(key)}: {key} must be a list of rule ids")
    return v
