"""One page, end to end: read, parse, extract, check. The function a worker process calls."""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import sys
from dataclasses import dataclass, field

from careerlint import __version__
from careerlint.cache import code_fingerprint
from careerlint.errors import CareerlintError, printable
from careerlint.findings import Finding
from careerlint.ruleset import Rule
from careerlint.sources import Registry


@dataclass
class Plan:
    """How to check a page: the rules, the source registry, the as-of date, and the configuration's
    reference data (``reference-data:`` folder, ``occupations:`` names)."""

    rules: list
    ruleset: object
    date: object
    reference_data: str | None = None
    occupations: dict = field(default_factory=dict)
    _fingerprint: str = field(default="", repr=False)
    _facts_fingerprint: str = field(default="", repr=False)
    facts: bool = True  # make each page's site facts (off when neither the site rules nor the cache need them)

    @classmethod
    def of(cls, spec) -> "Plan":
        """The plan of a (rules, ruleset, date, configuration), as configuration.plan_for gives them."""
        rules, ruleset, date, cfg = spec
        return cls(rules, ruleset, date, str(cfg.reference_data) if cfg.reference_data else None,
                   cfg.soc_occupations)

    @property
    def fingerprint(self) -> str:
        """The key of cached results: everything that decides them, the reference data in use
        included (an import changes results). Computed when a cache first asks for it."""
        if not self._fingerprint:
            rules = [(r.id, r.kind, r.severity, r.message, _plain(r.options)) for r in self.rules]
            reg = self.ruleset.registry
            sources = sorted((s.id, s.names, s.kinds, s.max_age_years, s.family) for s in reg.sources.values())
            blob = json.dumps([__version__, code_fingerprint(), rules, sources, reg.default_max_age,
                               str(self.date), sorted(self.ruleset.rules), _plain(self.occupations),
                               self._reference_fingerprint()], sort_keys=True, default=str)
            self._fingerprint = hashlib.sha256(blob.encode()).hexdigest()
        return self._fingerprint

    @property
    def facts_fingerprint(self) -> str:
        """The key of a page's cached site facts: careerlint's code, the source registry and the
        reference data (extraction takes one occupation for names BLS titles resolve to one SOC code),
        not the rules, their selection or the as-of date, so a pre-commit run on another day still
        finds them."""
        if not self._facts_fingerprint:
            reg = self.ruleset.registry
            sources = sorted((s.id, s.names, s.kinds, s.family) for s in reg.sources.values())
            blob = json.dumps([__version__, code_fingerprint(), sources, _plain(self.occupations),
                               self._reference_fingerprint()], sort_keys=True, default=str)
            self._facts_fingerprint = hashlib.sha256(blob.encode()).hexdigest()
        return self._facts_fingerprint

    def _reference_fingerprint(self) -> str:
        from careerlint.reference.store import Reference

        return Reference(self.reference_data).fingerprint()

    def use_reference(self) -> None:
        """Point careerlint.reference at this plan's data folder and occupation names before a page
        is checked (here or in a worker process). Reads nothing; a run with neither setting never
        even imports careerlint.reference."""
        if self.reference_data is None and not self.occupations and "careerlint.reference.store" not in sys.modules:
            return
        from careerlint.reference.store import use

        use(self.reference_data, self.occupations)


def _plain(v):
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in sorted(v.items(), key=lambda kv: str(kv[0]))}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    return v


@dataclass
class Outcome:
    """What checking one page gave: its findings (or why it could not be checked) and its site facts."""

    path: str
    findings: list[Finding]
    error: str | None = None          # the page could not be checked
    problems: tuple[str, ...] = ()    # it was checked, but something in it is wrong (exit 2)
    content_hash: str | None = None   # sha256 of the exact bytes checked
    signature: tuple[int, int] | None = None  # (size, mtime) of the file those bytes came from
    # the page's site facts (careerlint.sitewide.facts): packed by a page run, JSON data from the cache;
    # in a run's outcomes (careerlint.runner.Outcomes), findings and facts are kept in its spool
    facts: bytes | dict | None = None


def check_text(text: str, path: str, rules: list[Rule], registry: Registry, as_of: _dt.date,
               known: set[str] | None = None) -> list[Finding]:
    return analyse(text, path, rules, registry, as_of, known)[0]


def analyse(text: str, path: str, rules: list[Rule], registry: Registry, as_of: _dt.date,
            known: set[str] | None = None, facts: list | None = None) -> tuple[list[Finding], list[str]]:
    """A page's findings, and one-line errors about it that did not stop the check. ``facts``, when
    given, receives the page's site facts (JSON data) for the cross-page rules."""
    from careerlint.checks import kinds as check_kinds
    from careerlint.document import parse_html, parse_markdown
    from careerlint.engine import run_rules
    from careerlint.extract import extract
    from careerlint.loader import is_markdown, looks_like_markdown
    from careerlint.page import Page

    markdown = is_markdown(path) or (path == "-" and looks_like_markdown(text))  # "-": stdin, no filename
    doc = parse_markdown(text, path) if markdown else parse_html(text, path)
    claims = extract(doc, registry)
    page = Page(doc, claims, as_of, registry)
    found = run_rules(page, rules, check_kinds(), path, known)
    if facts is not None:
        from careerlint.sitewide.facts import page_facts

        facts.append(page_facts(page).to_json())
    return found, list(doc.problems)


def check_page(path: str, plan: Plan, max_bytes: int, data: bytes | None = None,
               signature: tuple[int, int] | None = None) -> Outcome:
    """Check one page (its bytes, when the caller has read them already); never raises."""
    from careerlint.cache import digest
    from careerlint.loader import page_text, read_page_bytes
    from careerlint.sitewide.facts import pack

    try:
        if data is None:
            data, signature = read_page_bytes(path, max_bytes)
        text = page_text(data, path)
    except CareerlintError as e:
        return Outcome(path, [], str(e))
    try:
        plan.use_reference()
        # findings name the page as it can be shown: a control character in a file name is escaped
        facts: list | None = [] if plan.facts else None
        findings, problems = analyse(text, printable(path), plan.rules, plan.ruleset.registry, plan.date,
                                     set(plan.ruleset.rules), facts)
        return Outcome(path, findings, None, tuple(problems), digest(data), signature,
                       pack(facts[0]) if facts else None)
    except CareerlintError as e:  # a page careerlint refuses to read (an absurd table)
        return Outcome(path, [], str(e))
    except RecursionError:
        return Outcome(path, [], f"{path}: error: page nested too deeply for careerlint to read")
    except MemoryError:
        return Outcome(path, [], f"{path}: error: out of memory reading this page")
    except Exception as e:  # one bad page must not stop the others
        return Outcome(path, [], f"{path}: internal error in careerlint: {type(e).__name__}: {e} (please report)")
