"""The cross-page check kinds: site-conflicting-figure, site-conflicting-growth, site-mixed-vintage.

Each is a check kind like those in careerlint/checks/ (KIND, OPTIONS, a rule in rules/core.yaml,
a message template), with ``SITE = True``: the page engine skips it, and the site phase
(careerlint/sitewide/phase.py) calls ``hits(site)`` once with every page of a site where the
rule is on. A Hit names the page and fact where the finding is reported and the facts of other
pages it is about; the phase turns it into a Finding with that page's own rule (its severity and
message), suppressions and baseline.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from careerlint.checks._util import decimals_tolerance, same_amount, same_rate, stat_name
from careerlint.claims import period_text
from careerlint.sitewide.facts import Fact

RELATED_MAX = 3   # other pages named in a finding's related locations


@dataclass(eq=False)
class SitePage:
    """A page of the site as the cross-page rules see it: its comparable figures."""

    key: str                 # the page's absolute path: its identity
    path: str                # as findings show it
    facts: list[Fact]
    in_run: bool             # checked in this run (findings are reported only there)


@dataclass
class Site:
    """The pages the cross-page rules compare, and which occupations are the same."""

    pages: list[SitePage]                        # sorted by path
    canon: object = None                         # occupation key -> the key it is the same as
    own: set = field(default_factory=set)        # the occupations the site's pages are about (canonical)

    def key(self, f: Fact) -> str:
        return self.canon(f.occupation) if self.canon else f.occupation

    def certain(self, f: Fact) -> bool:
        """A figure about another occupation than its page's is compared only when the site has a page
        about that occupation (or it is the all-occupations population): a misread subject ("and their
        employment ...") or a group that shares a profile's name (OOH's "Financial clerks" chart) is
        not known to be the occupation another page means."""
        return f.own or f.occupation == "all occupations" or self.key(f) in self.own


@dataclass
class Hit:
    """What a cross-page check found: a figure of a page, and the figures of other pages it disagrees with."""

    page: SitePage
    fact: Fact
    fields: dict
    related: list[tuple[SitePage, Fact]] = field(default_factory=list)


def _occupation(f: Fact, others=()) -> str:
    """The occupation as its page names it, in running text: "Dental Hygienists" -> "dental
    hygienists"; acronyms stay ("HVAC technicians"). A figure whose page does not name it (a card
    under "4. Electrician") takes the name another page gives it, before the bare key."""
    name = f.name or next((o[1].name for o in others if o[1].name), "") or f.occupation
    return " ".join(w.lower() if w[:1].isupper() and w[1:].islower() else w for w in name.split())


def _scope(f: Fact) -> str:
    parts = [v.split(":", 1)[-1] for v in f.scope() if v]
    return f" ({', '.join(parts)})" if parts else ""


def _more(n: int) -> str:
    return "" if n <= 0 else f" and {n} more page" + ("s" if n > 1 else "")


def _conflicts(site: Site, groups: dict, agree):
    """(page, fact, reference value, other pages agreeing with it) for each fact that disagrees with
    the value most pages state. On a tie between two values, the facts of both sides are reported.
    Distinct values are few even on a large site: support is counted per (value, tolerance). Given one
    at a time: the pages agreeing with each reported fact are many on a large site ("all occupations"
    is on nearly every page), and only the first few of them are kept (RELATED_MAX)."""
    for key in sorted(groups, key=repr):
        pages: dict[SitePage, list[Fact]] = groups[key]
        if len(pages) < 2:
            continue
        order = sorted(pages, key=lambda p: (p.path, p.key))
        stating: dict[tuple, list[SitePage]] = {}          # (value, tolerance) -> pages stating it
        sample: dict[tuple, Fact] = {}
        for p in order:
            for f in pages[p]:
                vk = (f.value, f.tolerance)
                if not stating.get(vk) or stating[vk][-1] is not p:
                    stating.setdefault(vk, []).append(p)
                sample.setdefault(vk, f)
        # two values agree only within the largest tolerance of the group: look in that window only
        reach = max(max(f.tolerance, decimals_tolerance(f), 0.005) for f in sample.values()) + 1e-9
        values = sorted(sample, key=lambda vk: vk[0])
        at = [vk[0] for vk in values]
        support: dict[tuple, int] = {}
        for vk, f in sample.items():
            near = values[bisect_left(at, f.value - reach):bisect_right(at, f.value + reach)]
            support[vk] = len({id(p) for wk in near if agree(sample[wk], f) for p in stating[wk]})
        first = {vk: (ps[0].path, ps[0].key) for vk, ps in stating.items()}
        ranked = sorted(sample, key=lambda vk: (-support[vk], vk[1], first[vk], vk[0]))
        best = sample[ranked[0]]
        refs = [best]
        second = next((sample[vk] for vk in ranked if not agree(sample[vk], best)), None)
        if second is None:
            continue
        if support[(second.value, second.tolerance)] == support[ranked[0]]:
            refs.append(second)  # no majority: both sides are reported
        for ref in refs:
            # the first fact agreeing with the reference on each page, pages in path order
            agreeing = [(p, next(f for f in pages[p] if agree(f, ref))) for p in order
                        if any(agree(f, ref) for f in pages[p])]
            for p in order:
                for f in pages[p]:
                    if agree(f, ref) or (ref is not best and not agree(f, best)):
                        continue  # on a tie, the facts of the first side are reported against the second
                    others = [(q, g) for q, g in agreeing if q is not p]
                    if others:
                        yield p, f, ref, others


def _group(site: Site, kind: str, key_of) -> dict:
    groups: dict[tuple, dict] = defaultdict(lambda: defaultdict(list))
    for p in site.pages:
        for f in p.facts:
            if f.kind == kind and site.certain(f):
                k = key_of(f)
                if k is not None:
                    groups[k][p].append(f)
    return groups


class _Kind:
    OPTIONS: dict = {}
    SITE = True

    def check(self, page, rule):  # the page engine's entry point: nothing to do on one page
        return iter(())


class ConflictingFigure(_Kind):
    KIND = "site-conflicting-figure"

    def hits(self, site: Site) -> list[Hit]:
        groups = _group(site, "wage", lambda f: (site.key(f), f.stat, f.per, f.currency, f.scope(), f.vintage,
                                                 f.family))
        out = []
        for p, f, ref, others in _conflicts(site, groups, same_amount):
            o = others[0]
            out.append(Hit(p, f, dict(stat=stat_name(f), occupation=_occupation(f, others), scope=_scope(f),
                                      value=f.display, other=ref.display, other_path=o[0].path,
                                      other_line=o[1].line, more=_more(len(others) - 1), pages=len(others),
                                      vintage=f" ({f.vintage_text})" if f.vintage_text else ""),
                           others[:RELATED_MAX]))
        return out


class ConflictingGrowth(_Kind):
    KIND = "site-conflicting-growth"

    def hits(self, site: Site) -> list[Hit]:
        groups = _group(site, "growth", lambda f: (site.key(f), f.scope(), f.period, f.family))
        out = []
        for p, f, ref, others in _conflicts(site, groups, same_rate):
            o = others[0]
            out.append(Hit(p, f, dict(occupation=_occupation(f, others), scope=_scope(f), value=f.display,
                                      other=ref.display, other_path=o[0].path, other_line=o[1].line,
                                      more=_more(len(others) - 1), pages=len(others),
                                      period=period_text(f.period)), others[:RELATED_MAX]))
        return out


class MixedVintage(_Kind):
    """A page left behind: it states an occupation's statistic (or growth rate) from an older
    vintage (or projection cycle) than other pages do, and never the newest one."""

    KIND = "site-mixed-vintage"

    def hits(self, site: Site) -> list[Hit]:
        out = []
        for kind, key_of, when in (
                ("wage", lambda f: (site.key(f), f.stat, f.per, f.currency, f.scope(), f.family)
                 if f.vintage is not None and not f.history else None, lambda f: f.vintage),
                ("growth", lambda f: (site.key(f), f.scope(), f.family) if not f.history else None,
                 lambda f: f.period)):
            groups = _group(site, kind, key_of)
            for key in sorted(groups, key=repr):
                pages = groups[key]
                if len(pages) < 2:
                    continue
                newest = max(when(f) for fs in pages.values() for f in fs)
                order = sorted(pages, key=lambda p: (p.path, p.key))
                others = [(q, next(f for f in pages[q] if when(f) == newest)) for q in order
                          if any(when(f) == newest for f in pages[q])]
                ahead = {id(q) for q, _ in others}
                ref = others[0][1]
                for p in order:
                    if id(p) in ahead:
                        continue
                    for f in pages[p]:
                        if kind == "wage":
                            here, there, stat = f.vintage_text, ref.vintage_text, stat_name(f)
                        else:
                            here, there, stat = period_text(f.period), period_text(ref.period), "growth rate"
                        out.append(Hit(p, f, dict(stat=stat, occupation=_occupation(f), scope=_scope(f),
                                                  value=f.display, here=here, other=ref.display, there=there,
                                                  other_path=others[0][0].path, other_line=ref.line,
                                                  more=_more(len(others) - 1), pages=len(others)),
                                       others[:RELATED_MAX]))
        return out


KINDS = (ConflictingFigure(), ConflictingGrowth(), MixedVintage())


def kinds() -> dict:
    return {k.KIND: k for k in KINDS}
