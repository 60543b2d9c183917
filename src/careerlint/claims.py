"""Claims: the figures a page states, each with its meaning, scope, vintage and location."""

from __future__ import annotations

from dataclasses import dataclass, field

from careerlint.vocab import CURRENCY_SYMBOL


@dataclass(eq=False, slots=True)
class Claim:
    kind: str                 # money | percent | vintage | period | source
    text: str                 # the text as written
    block: int
    start: int                # offsets in the block text
    end: int
    line: int
    column: int
    value: float | None = None
    high: float | None = None          # the upper end of a range
    is_range: bool = False
    open_high: bool = False            # "$65k+"
    bound: str | None = None           # "gt" (more than) or "lt" (less than)
    tolerance: float = 0.0             # how far a rounded figure ("$38k", "about 7%") may be off
    currency: str | None = None
    per: str | None = None             # hour | year | month | week
    stat: str | None = None            # median, mean, p10, p25, p75, p90, range, starting, growth
    domain: str = "other"              # salary | cost | growth | other
    label: str = ""
    occupation: str = ""               # occupation key; "" is the page's own occupation
    qualifier: str = ""                # further scope: geography, industry, experience, row label
    vintage: int | None = None         # data year of a figure (May 2024 -> 2024)
    vintage_text: str = ""
    period: tuple[int, int] | None = None
    source: str | None = None
    # for vintage and period claims
    vkind: str | None = None           # wage | employment | projection
    forecast: bool = False             # a period stated as a forecast
    past: bool = False                 # a period described in the past tense
    disclosed: bool = False            # "updated most recently in May 2017"
    groups: dict[str, object] = field(default_factory=dict)

    @property
    def scope_key(self) -> tuple:
        return (self.occupation, self.qualifier)

    def format_value(self, value: float | None = None) -> str:
        v = self.value if value is None else value
        if v is None:
            return self.text
        if self.kind == "percent":
            return f"{_num(v)}%"
        sym = CURRENCY_SYMBOL.get(self.currency or "USD", "$")
        return f"{sym}{_money(v)}"

    def display(self) -> str:
        """The value as careerlint understood it, for messages."""
        if self.kind in ("money", "percent") and self.is_range:
            hi = "" if self.high is None else self.format_value(self.high)
            return f"{self.format_value()}–{hi}" + ("+" if self.open_high else "")
        return self.format_value()

    def to_dict(self) -> dict:
        d = {
            "kind": self.kind, "text": self.text, "line": self.line, "column": self.column,
            "value": self.value,
        }
        if self.is_range:
            d["high"] = self.high
            d["open_high"] = self.open_high
        for k in ("bound", "currency", "per", "stat", "source", "vkind"):
            v = getattr(self, k)
            if v:
                d[k] = v
        if self.kind in ("money", "percent"):
            d["domain"] = self.domain
            d["label"] = self.label
            d["scope"] = {"occupation": self.occupation or "(page)", "qualifier": self.qualifier}
        if self.vintage is not None:
            d["vintage"] = self.vintage_text or str(self.vintage)
        if self.period:
            d["period"] = f"{self.period[0]}–{self.period[1]}"
        if self.kind == "period":
            d["forecast"] = self.forecast
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
