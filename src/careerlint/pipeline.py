"""One page, end to end: read, parse, extract, check. The function a worker process calls."""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from dataclasses import dataclass

from careerlint import __version__
from careerlint.cache import code_fingerprint
from careerlint.errors import CareerlintError, printable
from careerlint.findings import Finding
from careerlint.ruleset import Rule
from careerlint.sources import Registry


@dataclass
class Plan:
    """How to check a page: the rules, the source registry, the as-of date."""

    rules: list
    ruleset: object
    date: object
    fingerprint: str = ""
    facts_fingerprint: str = ""

    def __post_init__(self) -> None:
        if not self.fingerprint:
            rules = [(r.id, r.kind, r.severity, r.message, _plain(r.options)) for r in self.rules]
            reg = self.ruleset.registry
            sources = sorted((s.id, s.names, s.kinds, s.max_age_years, s.family) for s in reg.sources.values())
            blob = json.dumps([__version__, code_fingerprint(), rules, sources, reg.default_max_age,
                               str(self.date), sorted(self.ruleset.rules)], sort_keys=True, default=str)
            self.fingerprint = hashlib.sha256(blob.encode()).hexdigest()
        if not self.facts_fingerprint:
            # a page's site facts depend on careerlint's code and the source registry only (not on the
            # rules, their selection or the as-of date): a pre-commit run on another day still finds them
            reg = self.ruleset.registry
            sources = sorted((s.id, s.names, s.kinds, s.family) for s in reg.sources.values())
            blob = json.dumps([__version__, code_fingerprint(), sources], sort_keys=True, default=str)
            self.facts_fingerprint = hashlib.sha256(blob.encode()).hexdigest()


def _plain(v):
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in sorted(v.items(), key=lambda kv: str(kv[0]))}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    return v


@dataclass
class Outcome:
    path: str
    findings: list[Finding]
    error: str | None = None          # the page could not be checked
    problems: tuple[str, ...] = ()    # it was checked, but something in it is wrong (exit 2)
    content_hash: str | None = None   # sha256 of the exact bytes checked
    signature: tuple[int, int] | None = None  # (size, mtime) of the file those bytes came from
    facts: dict | None = None         # the page's site facts (careerlint.sitewide.facts), as JSON data


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
    from careerlint.loader import is_markdown
    from careerlint.page import Page

    doc = parse_markdown(text, path) if is_markdown(path) else parse_html(text, path)
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

    try:
        if data is None:
            data, signature = read_page_bytes(path, max_bytes)
        text = page_text(data, path)
    except CareerlintError as e:
        return Outcome(path, [], str(e))
    try:
        # findings name the page as it can be shown: a control character in a file name is escaped
        facts: list = []
        findings, problems = analyse(text, printable(path), plan.rules, plan.ruleset.registry, plan.date,
                                     set(plan.ruleset.rules), facts)
        return Outcome(path, findings, None, tuple(problems), digest(data), signature, facts[0])
    except CareerlintError as e:  # a page careerlint refuses to read (an absurd table)
        return Outcome(path, [], str(e))
    except RecursionError:
        return Outcome(path, [], f"{path}: error: page nested too deeply for careerlint to read")
    except MemoryError:
        return Outcome(path, [], f"{path}: error: out of memory reading this page")
    except Exception as e:  # one bad page must not stop the others
        return Outcome(path, [], f"{path}: internal error in careerlint: {type(e).__name__}: {e} (please report)")
