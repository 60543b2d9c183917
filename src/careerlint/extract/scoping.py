"""The steps of resolve.STEPS: one small reader per (attribute, step).

``Scoping.function(attr, step)`` is the function of a step: ``fn(fig, claim)`` returns the value that
step finds, or None. Label steps (card-label, dt, row-header, column-header, caption, intro,
heading) read what the label means (extract.labels); carrier steps (card, table-row, caption,
source-line, ...) read the vintages, periods and sources of the blocks the unit names.
"""

from __future__ import annotations


from careerlint import rxcache
from careerlint.extract.steps_common import UNKNOWN
from careerlint.extract.steps_what import WhatSteps
from careerlint.extract.steps_when import WhenSteps
from careerlint.extract.steps_where import WhereSteps
from careerlint.extract.steps_who import WhoSteps

__all__ = ["Scoping", "UNKNOWN"]


# a parenthesis that narrows a row ("(Big Four)", "(regional/local)"), not an abbreviation ("(RNs)")
_QUALIFYING_PAREN = rxcache.compile(r"\((?![A-Z]{1,6}s?\))([^()]{2,40})\)")
_LABEL_STEPS = frozenset({"card-label", "card-title", "dt", "row-header", "column-header", "caption", "intro"})
_CARRIERS = frozenset({"card", "dt", "table-row", "column-header", "caption", "intro", "source-line"})


class Scoping(WhatSteps, WhoSteps, WhereSteps, WhenSteps):
    def __init__(self, reader) -> None:
        self.rd = reader
        self.lex = reader.lex
        self.labels = reader.labels
        self.last_year: tuple[int, int] | None = None  # the bare year the last vintage step took
        self._steps: dict[tuple[str, str], object] = {}

    def function(self, attr: str, step: str):
        """The function of one (attribute, step): fn(figure, claim) -> value or None."""
        fn = self._steps.get((attr, step))
        if fn is None:
            fn = self._steps[(attr, step)] = self._step_function(attr, step)
        return fn

    def _step_function(self, attr: str, step: str):
        """The function of one (attribute, step), looked up once."""
        if step in _LABEL_STEPS and attr in ("stat", "domain", "per", "occupation", "place", "level", "industry"):
            return lambda f, c: self._label(attr, step, f, c)
        if step == "alternate":
            return lambda f, c: self._alternate(attr, f)
        if attr in ("vintage", "period", "source") and step in _CARRIERS:
            carrier = getattr(self, f"_carrier_{attr}")  # the vintage, period or source of a carrier block
            return lambda f, c: carrier(f, step)
        fn = getattr(self, f"_{attr}_{step.replace('-', '_')}", None)
        return fn if fn is not None else (lambda f, c: None)

    # -- shared ----------------------------------------------------------------------------------

    def _alternate(self, attr: str, f):
        a = f.alt
        if a is None:
            return None
        if attr in ("occupation", "place", "level", "industry"):
            return getattr(a.scope, attr) if (attr != "occupation" or a.scope.occupation is not None) else None
        if attr == "vintage":
            return (a.vintage, a.vintage_text) if a.vintage is not None else None
        if attr == "per":
            return None
        return getattr(a, attr, None)

    def _labels_of(self, f, step: str) -> list[str]:
        by_step = f.unit.memo.get("labels by step")
        if by_step is None:  # made once per unit: its figures ask for the same labels step after step
            by_step = f.unit.memo["labels by step"] = {}
            for s, t in f.unit.labels:
                by_step.setdefault(s, []).append(t)
        return by_step.get(step, ())

    def _label(self, attr: str, step: str, f, c):
        for text in self._labels_of(f, step):
            m = self.labels.meaning(text)
            if attr == "stat":
                # "Shift differential ($/hr)" over a column; not a word of a long paragraph before a table
                # ("...complete an additional program")
                if m.not_statistic and (step not in ("intro", "caption") or len(text) <= 80):
                    return "none"
                v = m.stat
                if c.kind != "money":
                    continue
                stats = list(dict.fromkeys(m.stats))
                if len(stats) > 1:
                    # "Lowest 10% / highest 10%: under $37,870 / over $86,160": one statistic per value, in
                    # order, when the block holds as many values; else none of them is known
                    ms = [x for x in self.rd.mentions[f.b.id] if x.kind == "money" and not x.group]
                    v = stats[ms.index(f.m)] if len(ms) == len(stats) and f.m in ms else None
                    if v is None:
                        continue
                if f.m.is_range:
                    v = "range" if (v or m.domain == "salary") else None
                elif v == "range":
                    v = None
            elif attr == "domain":
                v = m.domain
                if c.kind == "percent" and v == "growth" and m.growth_not:
                    v = "other"
                elif c.kind == "money" and v == "growth":
                    v = None  # "Mid-Career Growth:" over a list of salaries: money is never a growth rate
            elif attr == "occupation":
                if step == "row-header" and self._industry_table(f):
                    continue
                if m.population:
                    return "all occupations"
                if step in ("caption", "intro"):
                    v = self._named_in(text)
                else:
                    # a card's label names people ("Nurse practitioner"); a table's row or column is a
                    # scope of its own whatever it says ("Public accounting", "Logging")
                    named = m.occupation and (step in ("row-header", "dt") or
                                              self.labels.is_personish(m.occupation))
                    v = self.rd.key(m.occupation) if named else None
                    if v and step == "row-header":  # "Public accounting (Big Four)" is its own row
                        extra = _QUALIFYING_PAREN.findall(text)
                        if extra and v != self.rd.page_key:
                            v = self.rd.key(m.occupation + " " + " ".join(extra))
            elif attr == "industry" and step == "row-header" and self._industry_table(f):
                return " ".join(text.lower().split())
            else:
                v = getattr(m, attr)
                if v and attr == "place" and step == "row-header":
                    # "Total, all occupations (region)" under "U.S. median": two places, no knowing which
                    col = next((p for t in self._labels_of(f, "column-header")
                                if (p := self.labels.meaning(t).place)), None)
                    if col and col != v:
                        return UNKNOWN
            if v:
                return v
        return None

    def _heading_texts(self, f) -> list[str]:
        out = []
        for s, t in f.unit.labels:
            if s == "heading":
                out.append(t)
        return out

    # -- statistic, domain, unit of time -------------------------------------------------------------
