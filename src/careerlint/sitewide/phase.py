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
from dataclasses import replace

from careerlint.errors import CareerlintError, printable
from careerlint.findings import Finding, Related, plain_fields
from careerlint.sitewide.facts import batch_key, PageFacts, unpack
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


# The facts the site phase holds at once. A site is compared a few occupations at a time (every
# comparison is between facts of one occupation), so memory does not grow with the site's pages;
# a site with more facts than this reads each page's record again for each batch that needs it.
FACTS_AT_ONCE = 6000


class _Entry:
    """A page of the site: where its facts come from, what is kept of it between batches."""

    __slots__ = ("key", "path", "rules", "record", "index", "source", "counts", "held")

    def __init__(self, key: str, path: str, plan_rules, record: PageFacts, index: int | None, source,
                 counts: dict | None = None) -> None:
        """``key``: the page's absolute path; ``path``: as findings show it; ``index``: its outcome's,
        None for a page of the cache (its findings are not reported); ``source``: its record (packed
        bytes), or for a page of the cache a function that reads it from the cache again; ``counts``:
        its facts counted by ``batch_key`` when its record came without them (PageFacts.summary_json)."""
        self.key, self.path, self.rules, self.record, self.index = key, path, _site_rules(plan_rules), record, index
        self.source = source
        self.held = counts is None   # given its counts only: its facts were never made
        if counts is None:   # (occupation, compared whatever the site holds) -> facts: the batches it is in
            counts = {}
            for f in record.facts:
                k = batch_key(f.occupation, f.own)
                counts[k] = counts.get(k, 0) + 1
        self.counts: dict[tuple[str, bool], int] = counts

    def let_go(self) -> None:
        self.record.facts, self.held = [], False

    def facts(self, wanted=None) -> list:
        """The page's facts, those of an occupation ``wanted(occupation)`` says yes to (all: None)."""
        if self.held:
            return self.record.facts if wanted is None else [f for f in self.record.facts if wanted(f.occupation)]
        data = unpack(self.source() if callable(self.source) else self.source)
        if wanted is not None and isinstance(data, dict) and isinstance(data.get("facts"), list):
            # only the facts wanted are made again (a batch is a few occupations of every page)
            data = {**data, "facts": [d for d in data["facts"] if not isinstance(d, dict)
                                      or not isinstance(d.get("occupation"), str) or wanted(d["occupation"])]}
        record = PageFacts.from_json(data)
        return record.facts if record is not None else []


def _one_site(root, members, work, outcomes, sites, cache, plan_for, cwd, max_bytes) -> None:
    entries: list[_Entry] = []
    held = 0   # facts held; -1: past FACTS_AT_ONCE, each batch reads its pages' facts again

    def add(entry: _Entry) -> None:
        nonlocal held
        entries.append(entry)
        held = _hold(entries, held)

    seen = set()
    for i in members:
        record = PageFacts.from_json(unpack(outcomes[i].facts))
        if record is None:
            continue
        path, plan = work[i]
        key = os.path.abspath(path)
        seen.add(key)
        add(_Entry(key, printable(path), plan.rules, record, i, outcomes[i].facts))
    if cache is not None and plan_for is not None:
        start = len(entries)
        _rest_of_site(root, seen, cache, plan_for, sites, cwd, max_bytes, add, lambda: held < 0)
        entries[start:] = sorted(entries[start:], key=lambda e: e.path)
    if len(entries) < 2:
        return
    canon = Occupations.of([e.record for e in entries], sites.aliases.get(root, {})).canon
    own = {canon(e.record.occupation) for e in entries if e.record.occupation}
    ids = sorted({rid for e in entries if e.index is not None for rid in e.rules})
    found: dict[int, list[Finding]] = {}
    # every comparison is within one occupation and findings are reported only at pages of this run:
    # only the occupations those pages have figures of need comparing
    run = {canon(o) for e in entries if e.index is not None for o, _ in e.counts}
    for batch in _batches(entries, canon, own, run):
        _compare(batch, entries, canon, own, ids, found)
    for entry in entries:
        i = entry.index
        if i is not None:
            findings = _suppress_and_add(outcomes[i], entry.record, found.get(i, []), work[i][1].rules,
                                         set(entry.rules))
            if findings is not None:   # set again: a run's outcomes keep their findings in its spool
                outcomes[i] = replace(outcomes[i], findings=findings)


def _hold(entries: list[_Entry], held: int) -> int:
    """Facts held once the last entry came (-1: none). Past FACTS_AT_ONCE, every page's facts are
    let go: each batch reads its own again."""
    if held >= 0:
        held += len(entries[-1].record.facts)
        if held <= FACTS_AT_ONCE:
            return held
        for e in entries[:-1]:
            e.let_go()
    entries[-1].let_go()
    return -1


def _batches(entries: list[_Entry], canon, own: set, run: set) -> list[set | None]:
    """The occupations (canonical keys) of ``run`` (those the pages of this run have figures of), a
    batch of at most FACTS_AT_ONCE facts at a time; [None] (all at once) when every page's facts are
    still held."""
    if all(e.held for e in entries):
        return [None]
    volume: dict[str, int] = {}
    for e in entries:
        for (occupation, sure), n in e.counts.items():
            key = canon(occupation)
            if key in run and (sure or key in own):   # a fact no rule compares (Site.certain) needs no room
                volume[key] = volume.get(key, 0) + n
    out: list[set | None] = []
    size = FACTS_AT_ONCE
    for key in sorted(volume):
        if size + volume[key] > FACTS_AT_ONCE:
            out.append(set())
            size = 0
        out[-1].add(key)
        size += volume[key]
    return out


def _compare(batch: set | None, entries: list[_Entry], canon, own: set, ids: list, found: dict) -> None:
    """Run the cross-page rules over the facts of the occupations in ``batch`` (None: all)."""
    kinds = site_kinds()
    pages = []   # (page, its site rules, outcome index)
    for e in entries:
        if batch is None:
            facts = e.facts()
        elif any(canon(occupation) in batch for occupation, _ in e.counts):
            facts = e.facts(lambda occupation: canon(occupation) in batch)
        else:
            continue
        pages.append((SitePage(e.key, e.path, facts, e.index is not None), e.rules, e.index))
    if not any(p[2] is not None and p[0].facts for p in pages):
        return   # findings are reported only at pages of this run: none has a figure here
    for rid in ids:
        # a rule id is one kind of check on a site, unless two configurations define it otherwise
        for name in sorted({p[1][rid].kind for p in pages if rid in p[1]}):
            on = [p for p in pages if rid in p[1] and p[1][rid].kind == name]
            by_page = {id(p[0]): p for p in on}
            for hit in kinds[name].hits(Site(sorted((p[0] for p in on), key=lambda p: (p.path, p.key)), canon, own)):
                entry = by_page[id(hit.page)]
                if entry[2] is not None:
                    found.setdefault(entry[2], []).append(_finding(hit, entry[1][rid]))


def _finding(hit, rule) -> Finding:
    from careerlint.engine import _SafeDict

    try:
        message = rule.message.format_map(_SafeDict(hit.fields))
    except (ValueError, TypeError, IndexError, AttributeError):
        message = rule.message
    related = tuple(Related(f.line, f.text, p.path) for p, f in hit.related)
    return Finding(hit.page.path, hit.fact.line, hit.fact.column, rule.id, rule.severity, message, related,
                   hit.fact.text, plain_fields(hit.fields))


def _suppress_and_add(outcome, record: PageFacts, new: list[Finding], rules, site_rules: set) -> list | None:
    """The page's findings with its cross-page ones (None: unchanged). The page's own directives hide
    cross-page findings too. A directive that hid one is used, so the page run's 'suppresses nothing'
    for it is withdrawn; one that names only cross-page rules that ran here and hid nothing is
    reported as unused (the page run could not judge it)."""
    if not new and not record.suppressions:
        return None   # nothing to add, nothing to withdraw
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
    before = list(outcome.findings)
    findings = [f for f in before if not (
        f.line in lines and f.fields.get("problem") == "suppresses nothing" and f.rule in {r.id for r in unused_rules})]
    for rule in unused_rules:
        for j, (_, _, names, line, text) in enumerate(record.suppressions):
            if j not in used and names and set(names) <= site_rules:
                fields = {"directive": text, "problem": "suppresses nothing"}
                message = rule.message.format_map(_SafeDict(fields))
                findings.append(Finding(printable(outcome.path), line, 1, rule.id, rule.severity, message, (),
                                        message, fields))
    if kept or len(findings) != len(before):
        return sorted(findings + kept, key=Finding.sort_key)
    return None


def _rest_of_site(root: str, seen: set, cache, plan_for, sites, cwd, max_bytes: int, add, past_limit) -> None:
    """``add`` each page of the site this run did not check: those the cache's index knows (pages a
    run from this folder checked before) that are still there. Their facts come from the cache when the page
    is unchanged (same size and mtime) and careerlint too; the others (edited since, or a new
    careerlint) are checked again now, their findings not reported, so the cache heals itself."""
    from careerlint.pipeline import Plan

    prefix = root.rstrip(os.sep) + os.sep
    candidates = sorted(p for p in cache.indexed() if p.startswith(prefix) and p not in seen)
    if not candidates:
        return
    try:
        planned = plan_for(candidates)
    except CareerlintError:
        return  # a configuration in there is broken: the pages checked say so when they are run
    plans: dict[int, Plan] = {}
    again = []
    for path, spec in planned:
        if sites.root_of(path) != root:
            continue  # a folder with a site of its own
        rules = spec[0]
        plan = plans.get(id(spec))
        if plan is None:
            plan = plans[id(spec)] = Plan.of(spec)
        key = cache.known_key(path, max_bytes)
        data = cache.get_facts(key, plan) if key is not None else None
        again_from_cache = lambda key=key, plan=plan: cache.get_facts(key, plan)  # noqa: E731
        if past_limit():   # the site is compared a batch at a time: what batches it is in is enough now
            summary = PageFacts.summary_json(data)
            if summary is not None:
                add(_Entry(path, _shown(path, cwd), rules, summary[0], None, again_from_cache, summary[1]))
                continue
        else:
            record = PageFacts.from_json(data)
            if record is not None:   # its facts read from the cache again when needed: not kept here
                add(_Entry(path, _shown(path, cwd), rules, record, None, again_from_cache))
                continue
        if os.path.isfile(path):
            again.append((path, plan))
    if again:
        from careerlint import runner

        for o, (path, plan) in zip(runner.run(again, os.cpu_count() or 1, max_bytes, cache), again):
            record = PageFacts.from_json(unpack(o.facts)) if o.error is None else None
            if record is not None:
                add(_Entry(path, _shown(path, cwd), plan.rules, record, None, o.facts))
