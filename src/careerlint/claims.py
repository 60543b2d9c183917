"""Claims: the figures and citations a page states, each with its meaning, scope, vintage and location.

Every attribute extraction decides is recorded with the step that decided it (``Claim.how``:
"phrasing:wage-for-occupation", "clause", "carried", "card-label", "row-header", "heading",
"page", ...), so ``careerlint facts`` can say why a figure was read the way it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from careerlint.vocab import CURRENCY_SYMBOL

# steps whose occupation is certain enough to compare two claims
KNOWN_STEPS = frozenset({"phrasing", "clause", "alternate", "carried", "card-label", "dt", "row-header",
                         "column-header", "caption", "intro", "heading", "page", "declared"})


@dataclass(eq=False, slots=True)
class Scope:
    """Whom a figure is about. ``occupation`` None means careerlint could not tell: such a figure is
    never compared with another. The other fields are '' when the page says nothing narrower."""

    occupation: str | None = None   # a comparable key ("electrician"), "all occupations" for the population
    place: str = ""                 # "ohio", "canada", "city:hartford"
    level: str = ""                 # "entry-level", "senior", "3-5 years"
    industry: str = ""              # "hospitals", "government"
    other: str = ""                 # any further qualifier careerlint could not classify ("for those with a BSN")
    name: str = ""                  # the occupation as the page names it ("Bus drivers, school")
    soc: str | None = None          # the SOC code the page declares for its own occupation

    def key(self) -> tuple:
        return (self.occupation, self.place, self.level, self.industry, self.other)

    @property
    def known(self) -> bool:
        return self.occupation is not None

    def text(self, page_key: str = "") -> str:
        """For messages: ' (electricians, ohio)', '' for the page's own plain scope."""
        parts = []
        if self.occupation and self.occupation != page_key:
            parts.append(self.name or self.occupation)
        for v in (self.place, self.level, self.industry, self.other):
            if v:
                parts.append(v.split(":", 1)[-1])
        return f" ({', '.join(parts)})" if parts else ""


@dataclass(eq=False, slots=True)
class Claim:
    """A figure the page states, with its statistic, unit, scope and vintage, and how each was decided."""

    kind: str                 # money | percent | count | vintage | period | source
    text: str                 # the text as written
    block: int
    start: int                # offsets in the block text
    end: int
    line: int
    column: int = 0
    value: float | None = None
    high: float | None = None          # the upper end of a range
    is_range: bool = False
    open_high: bool = False            # "$65k+"
    bound: str | None = None           # "gt" (more than) or "lt" (less than)
    tolerance: float = 0.0             # how far a rounded figure ("$38k", "about 7%") may be off
    currency: str | None = None
    per: str | None = None             # hour | year | month | week
    stat: str | None = None            # median, mean, p10, p25, p75, p90, range, starting, growth, jobs; None: not a statistic
    domain: str = "other"              # salary | cost | growth | other
    scope: Scope = field(default_factory=Scope)
    page_key: str = ""                 # the page's own occupation key (for messages)
    vintage: int | None = None         # data year of a figure (May 2024 -> 2024)
    vintage_text: str = ""
    period: tuple[int, int] | None = None
    source: str | None = None
    # for vintage and period claims
    vkind: str | None = None           # wage | employment | projection
    forecast: bool = False             # a period stated as a forecast
    past: bool = False                 # a period described in the past tense
    disclosed: bool = False            # "updated most recently in May 2017"
    end_only: bool = False             # "through 2032": a projection named by its end year
    descriptor: tuple[str, str] | None = None  # growth words next to a rate: (category, phrase)
    how: dict[str, str] = field(default_factory=dict)  # attribute -> the step that decided it
    # where it sits (for rules that compare within one unit)
    sentence: int = 0                  # sentence index in the block
    group: tuple | None = None         # card, table row, key-value table, list or block
    table: int | None = None
    grid: int | None = None            # the stat grid its card sits in (sibling cards share it)
    section: int = -1
    anchor: tuple[str, int] = ("", 0)  # text and occurrence on its line, for the column
    twin: "Claim | None" = None        # the figure this one restates in another unit ("$59,310 ($28.51/hr)")
    history: bool = False              # kept on purpose as history ("When we first wrote this guide, ...")
    band: str = ""                     # the years of experience its level states: "0-3" ("Junior (0-3yr)"), "7+"

    @property
    def occupation(self) -> str | None:
        return self.scope.occupation

    def format_value(self, value: float | None = None) -> str:
        v = self.value if value is None else value
        if v is None:
            return self.text
        if self.kind == "percent":
            return f"{_num(v)}%"
        if self.kind == "count":
            return f"{_money(v)}"
        sym = CURRENCY_SYMBOL.get(self.currency or "USD", "$")
        return f"{sym}{_money(v)}"

    def display(self) -> str:
        """The value as careerlint understood it, for messages."""
        if self.kind in ("money", "percent") and self.is_range:
            hi = "" if self.high is None else self.format_value(self.high)
            return f"{self.format_value()}–{hi}" + ("+" if self.open_high else "")
        return self.format_value()

    def scope_text(self) -> str:
        return self.scope.text(self.page_key)

    def to_dict(self, resolve_soc=None) -> dict:
        """The claim as data. ``resolve_soc`` (claim -> (SOC code or None, how)), when given, adds the
        SOC code a figure's occupation resolves to as "soc" (with how["soc"]); it reads reference data,
        so only `careerlint facts` passes it."""
        d = {"kind": self.kind, "text": self.text, "line": self.line, "column": self.column, "value": self.value}
        soc_how = None
        if self.is_range:
            d["high"] = self.high
            d["open_high"] = self.open_high
        for k in ("bound", "currency", "per", "stat", "source", "vkind"):
            v = getattr(self, k)
            if v:
                d[k] = v
        if self.kind in ("money", "percent", "count"):
            d["domain"] = self.domain
            s = self.scope
            occ = s.occupation
            d["scope"] = {
                "occupation": "(unknown)" if occ is None else ("(page)" if occ == self.page_key else occ),
                "place": s.place, "level": s.level, "industry": s.industry, "other": s.other,
            }
            if s.name:
                d["scope"]["name"] = s.name
            if s.soc:
                d["scope"]["soc"] = s.soc
            if resolve_soc is not None and occ is not None:
                d["soc"], soc_how = resolve_soc(self)
        if self.vintage is not None:
            d["vintage"] = self.vintage_text or str(self.vintage)
        if self.period:
            d["period"] = f"{self.period[0]}–{self.period[1]}"
        if self.kind == "period":
            d["forecast"] = self.forecast
        if self.descriptor:
            d["descriptor"] = self.descriptor[1]
        if self.how or soc_how:
            d["how"] = dict(sorted({**self.how, **({"soc": soc_how} if soc_how else {})}.items()))
        return d


def _num(v: float) -> str:
    if float(v).is_integer():
        return str(int(v))
    return f"{v:.2f}".rstrip("0").rstrip(".")


def _money(v: float) -> str:
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,.2f}"


def period_text(p: tuple[int, int]) -> str:
    return f"{p[0]}–{p[1]}"
