"""Running rules: a page's claims in, Findings out. Nothing here prints."""

from __future__ import annotations

from careerlint.claims import Claim
from careerlint.document import Document
from careerlint.findings import Finding, Related, plain_fields
from careerlint.page import Page
from careerlint.ruleset import Rule
from careerlint.suppression import Suppression, suppress


def _findings(page: Page, rule: Rule, mod, path: str) -> list[Finding]:
    out = []
    for hit in mod.check(page, rule):
        c = hit.claim
        try:
            message = rule.message.format_map(_SafeDict(hit.fields))
        except (ValueError, TypeError, IndexError, AttributeError):
            message = rule.message  # a format that does not suit this value: the template as written
        line, column = (c.line, _column(page.doc, c)) if c is not None else (hit.line, hit.column)
        related = tuple(Related(o.line, o.text) for o in hit.related)
        out.append(Finding(path, line, column, rule.id, rule.severity, message, related,
                           c.text if c is not None else message, plain_fields(hit.fields)))
    return out


def run_rules(page: Page, rules: list[Rule], kinds: dict, path: str, known: set[str] | None = None) -> list[Finding]:
    findings: dict[tuple, Finding] = {}
    rules = [r for r in rules if not getattr(kinds[r.kind], "SITE", False)]  # cross-page: the site phase
    late = [r for r in rules if r.kind == "unused-suppression"]
    for rule in rules:
        if rule.kind != "unused-suppression":
            for f in _findings(page, rule, kinds[rule.kind], path):
                findings.setdefault(f.sort_key(), f)
    kept, used = suppress(page.doc, list(findings.values()))
    page.suppression = Suppression(used, {r.id for r in rules}, known or {r.id for r in rules})
    for rule in late:
        kept.extend(_findings(page, rule, kinds[rule.kind], path))
    return sorted(kept, key=Finding.sort_key)


class _SafeDict(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def _column(doc: Document, c: Claim) -> int:
    anchor, nth = c.anchor if c.anchor[0] else (c.text, 0)
    return doc.column(c.line, anchor, nth)
