"""The cross-page check kinds: site-conflicting-figure, site-conflicting-growth, site-mixed-vintage.

Each is a check kind like those in careerlint/checks/ (KIND, OPTIONS, a rule in rules/core.yaml,
a message template), with ``SITE = True``: the page engine skips it, and the site phase
(careerlint/sitewide/phase.py) calls ``hits(site)`` once with every page of a site where the
rule is on. A Hit names the page and fact where the finding is reported and the facts of other
pages it is about; the phase turns it into a Finding with that page's own rule (its severity and
message), suppressions and baseline.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from careerlint.checks._util import same_amount, same_rate, stat_name
from careerlint.claims import period_text
from careerlint.sitewide.facts import Fact

RELATED_MAX = 3   # other pages named in a finding's related locations


@dataclass(eq=False)
class SitePage:
    key: str                 # the page's absolute path: its identity
    path: str                # as findings show it
    facts: list[Fact]
    in_run: bool             # checked in this run (findings are reported only there)


@dataclass
class Site:
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
    page: SitePage
    fact: Fact
    fields: dict
    related: list[tuple[SitePage, Fact]] = field(default_factory=list)


def _occupation(f: Fact) -> str:
    """The occupation as its page names it, in running text: "Dental Hygienists" -> "dental
    hygienists"; acronyms stay ("HVAC technicians")."""
    name = f.name or f.occupation
    return " ".join(w.lower() if w[:1].isupper() and w[1:].islower() else w for w in name.split())


def _scope(f: Fact) -> str:
    parts = [v.split(":", 1)[-1] for v in f.scope() if v]
    return f" ({', '.join(parts)})" if parts else ""


def _others(reference: Fact, agree, pages: dict, here: SitePage) -> list[tuple[SitePage, Fact]]:
    """The first fact agreeing with ``reference`` on each other page, pages in path order."""
    out = []
    for p in sorted(pages, key=lambda p: p.path):
        if p is here:
            continue
        f = next((f for f in pages[p] if agree(f, reference)), None)
        if f is not None:
            out.append((p, f))
    return out


def _more(n: int) -> str:
    return "" if n <= 0 else f" and {n} more page" + ("s" if n > 1 else "")


def _conflicts(site: Site, groups: dict, agree) -> list[tuple[SitePage, Fact, Fact, list]]:
    """(page, fact, reference value, other pages agreeing with it) for each fact that disagrees with
    the value most pages state. On a tie between two values, the facts of both sides are reported."""
    out = []
    for key in sorted(groups, key=repr):
        pages: dict[SitePage, list[Fact]] = groups[key]
        if len(pages) < 2:
            continue
        facts = [(p, f) for p in pages for f in pages[p]]

        def support(v: Fact) -> int:
            return sum(1 for p in pages if any(agree(f, v) for f in pages[p]))

        ranked = sorted(facts, key=lambda pf: (-support(pf[1]), pf[1].tolerance, pf[0].path, pf[1].line,
                                                pf[1].column))
        best = ranked[0][1]
        against = [(pf, best) for pf in facts if not agree(pf[1], best)]
        if not against:
            continue
        second = next(pf[1] for pf in ranked if not agree(pf[1], best))
        if support(second) == support(best):  # no majority: both sides are reported
            against += [(pf, second) for pf in facts if agree(pf[1], best) and not agree(pf[1], second)]
        for (p, f), ref in against:
            others = _others(ref, agree, pages, p)
            if others:
                out.append((p, f, ref, others))
    return out


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
            out.append(Hit(p, f, dict(stat=stat_name(f), occupation=_occupation(f), scope=_scope(f),
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
            out.append(Hit(p, f, dict(occupation=_occupation(f), scope=_scope(f), value=f.display,
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
                ahead = [p for p in sorted(pages, key=lambda p: p.path) if any(when(f) == newest for f in pages[p])]
                for p in sorted(pages, key=lambda p: p.path):
                    if p in ahead:
                        continue
                    others = [(q, next(f for f in pages[q] if when(f) == newest)) for q in ahead]
                    ref = others[0][1]
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
