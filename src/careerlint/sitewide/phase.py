"""The site phase: after every page was checked, the cross-page rules compare the pages of each site.

Input: the pages of this run with their outcomes (findings and site facts), and the cache, which
holds the facts of the rest of each site (pages checked before, unchanged since). Output: the
cross-page findings, added to the outcomes of the pages they are reported at. A finding is
reported only at a page of this run, with that page's rule (severity, message) and after its
suppressions; pages of the cache are the reference it is compared with. A rule turned off for a
page (select, ignore, per-file-ignores) neither reports there nor counts that page's figures.
"""

from __future__ import annotations

import os

from careerlint.errors import CareerlintError, printable
from careerlint.findings import Finding, Related, plain_fields
from careerlint.sitewide.facts import PageFacts, unpack
from careerlint.sitewide.roots import Occupations, Sites
from careerlint.sitewide.rules import Site, SitePage, kinds as site_kinds


def _site_rules(rules) -> dict:
    kinds = site_kinds()
    return {r.id: r for r in rules if r.kind in kinds}


def _shown(path: str, cwd: str) -> str:
    rel = os.path.relpath(path, cwd)
    return printable(path if rel.startswith("..") else rel)


def add_site_findings(work, outcomes, cache=None, config_path: str | None = None, plan_for=None,
                      max_bytes: int = 0) -> None:
    """Run the cross-page rules and add their findings to ``outcomes`` (aligned with ``work``:
    (path, Plan) pairs). ``plan_for(paths)`` gives the plans of pages outside the run ((path,
    (rules, ruleset, date)) pairs, excluded pages left out), for the rest of the site from the cache."""
    if not any(_site_rules(plan.rules) for _, plan in work):
        return
    sites = Sites(config_path)
    by_root: dict[str, list[int]] = {}
    for i, ((path, plan), o) in enumerate(zip(work, outcomes)):
        if o is None or o.error is not None or o.facts is None:
            continue
        try:
            root = sites.root_of(path)
        except CareerlintError:
            continue  # its configuration was read (and found valid) before: not reached
        if root is not None:
            by_root.setdefault(root, []).append(i)
    cwd = os.getcwd()
    for root in sorted(by_root):
        _one_site(root, by_root[root], work, outcomes, sites, cache, plan_for, cwd, max_bytes)


def _one_site(root, members, work, outcomes, sites, cache, plan_for, cwd, max_bytes) -> None:
    pages: list[tuple[SitePage, dict, PageFacts, int | None]] = []   # page, its site rules, record, outcome
    seen = set()
    for i in members:
        record = PageFacts.from_json(unpack(outcomes[i].facts))
        if record is None:
            continue
        path, plan = work[i]
        key = os.path.abspath(path)
        seen.add(key)
        pages.append((SitePage(key, printable(path), record.facts, True), _site_rules(plan.rules), record, i))
    if cache is not None and plan_for is not None:
        pages += _rest_of_site(root, seen, cache, plan_for, sites, cwd, max_bytes)
    if len(pages) < 2:
        return
    canon = Occupations.of([p[2] for p in pages], sites.aliases.get(root, {})).canon
    own = {canon(p[2].occupation) for p in pages if p[2].occupation}
    kinds = site_kinds()
    ids = sorted({rid for p in pages if p[3] is not None for rid in p[1]})
    found: dict[int, list[Finding]] = {}
    for rid in ids:
        on = [p for p in pages if rid in p[1]]
        kind = kinds[on[0][1][rid].kind]
        by_page = {id(p[0]): p for p in on}
        for hit in kind.hits(Site(sorted((p[0] for p in on), key=lambda p: (p.path, p.key)), canon, own)):
            entry = by_page[id(hit.page)]
            if entry[3] is not None:
                found.setdefault(entry[3], []).append(_finding(hit, entry[1][rid]))
    for entry in pages:
        i = entry[3]
        if i is not None:
            _suppress_and_add(outcomes[i], entry[2], found.get(i, []), work[i][1].rules, set(entry[1]))


def _finding(hit, rule) -> Finding:
    from careerlint.engine import _SafeDict

    try:
        message = rule.message.format_map(_SafeDict(hit.fields))
    except (ValueError, TypeError, IndexError, AttributeError):
        message = rule.message
    related = tuple(Related(f.line, f.text, p.path) for p, f in hit.related)
    return Finding(hit.page.path, hit.fact.line, hit.fact.column, rule.id, rule.severity, message, related,
                   hit.fact.text, plain_fields(hit.fields))


def _suppress_and_add(outcome, record: PageFacts, new: list[Finding], rules, site_rules: set) -> None:
    """The page's own directives hide cross-page findings too. A directive that hid one is used, so
    the page run's 'suppresses nothing' for it is withdrawn; one that names only cross-page rules
    that ran here and hid nothing is reported as unused (the page run could not judge it)."""
    from careerlint.engine import _SafeDict
    from careerlint.suppression import covering

    ranges = [(a, b, r) for a, b, r, _, _ in record.suppressions]
    used: set[int] = set()
    kept = []
    for f in new:
        hit = covering(ranges, f.rule, f.line)
        used.update(hit)
        if not hit:
            kept.append(f)
    unused_rules = [r for r in rules if r.kind == "unused-suppression"]
    lines = {record.suppressions[j][3] for j in used}
    findings = [f for f in outcome.findings if not (
        f.line in lines and f.fields.get("problem") == "suppresses nothing" and f.rule in {r.id for r in unused_rules})]
    for rule in unused_rules:
        for j, (_, _, names, line, text) in enumerate(record.suppressions):
            if j not in used and names and set(names) <= site_rules:
                fields = {"directive": text, "problem": "suppresses nothing"}
                message = rule.message.format_map(_SafeDict(fields))
                findings.append(Finding(printable(outcome.path), line, 1, rule.id, rule.severity, message, (),
                                        message, fields))
    if kept or len(findings) != len(outcome.findings):
        outcome.findings = sorted(findings + kept, key=Finding.sort_key)


def _rest_of_site(root: str, seen: set, cache, plan_for, sites, cwd, max_bytes: int) -> list:
    """The pages of the site this run did not check: those the cache's index knows (pages a run from
    this folder checked before) that are still there. Their facts come from the cache when the page
    is unchanged (same size and mtime) and careerlint too; the others (edited since, or a new
    careerlint) are checked again now, their findings not reported, so the cache heals itself."""
    from careerlint.pipeline import Plan

    prefix = root.rstrip(os.sep) + os.sep
    candidates = sorted(p for p in cache.indexed() if p.startswith(prefix) and p not in seen)
    if not candidates:
        return []
    try:
        planned = plan_for(candidates)
    except CareerlintError:
        return []  # a configuration in there is broken: the pages checked say so when they are run
    plans: dict[int, Plan] = {}
    out, again = [], []
    for path, spec in planned:
        if sites.root_of(path) != root:
            continue  # a folder with a site of its own
        rules = spec[0]
        plan = plans.get(id(spec))
        if plan is None:
            plan = plans[id(spec)] = Plan.of(spec)
        key = cache.known_key(path, max_bytes)
        record = PageFacts.from_json(cache.get_facts(key, plan)) if key is not None else None
        if record is not None:
            out.append((SitePage(path, _shown(path, cwd), record.facts, False), _site_rules(rules), record, None))
        elif os.path.isfile(path):
            again.append((path, plan))
    if again:
        from careerlint import runner

        for o, (path, plan) in zip(runner.run(again, os.cpu_count() or 1, max_bytes, cache), again):
            record = PageFacts.from_json(unpack(o.facts)) if o.error is None else None
            if record is not None:
                out.append((SitePage(path, _shown(path, cwd), record.facts, False), _site_rules(plan.rules),
                            record, None))
    return sorted(out, key=lambda e: e[0].path)
