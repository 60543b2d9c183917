"""A pure lexer: a block's text in, typed mentions out (money, percent, count, period, vintage, year).

Nothing here knows which statistic a figure is or whom it is about; it only reads what is
written, with offsets, the way price-parser and quantulum3 do. Mentions never overlap: money and
percentages first, then periods, then month-years and year labels, then bare years.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from careerlint import rxcache

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
MAX_MENTIONS = 500  # per block: past this a block is a data dump, and only its first figures are read


@dataclass(eq=False, slots=True)
class Mention:
    """A typed span the lexer found in a block's text: money, percent, count, period, vintage or year."""

    kind: str                      # money | percent | count | period | vintage | year
    start: int
    end: int
    value: float | None = None
    high: float | None = None      # the upper end of a range
    is_range: bool = False
    open_high: bool = False        # "$65k+", "$65k-$80k+"
    plus: bool = False             # "$180,000+": an open figure
    tolerance: float = 0.0         # how far a rounded figure ("$38k") may be off
    currency: str | None = None
    per: str | None = None         # a unit of time written with the figure: "/hr", "per year"
    period: tuple[int, int] | None = None
    end_only: bool = False         # "through 2032": a projection named by its end year
    year: int | None = None
    month: int | None = None
    label: str = ""                # "employment" for "Employment (2024)", "wage" for "2024 Median Pay"
    joiner: str = ""               # how a period's years are joined: "-", "to", "and", "through"
    group: bool = False            # "the lowest 10 percent": a group of workers, not a rate


# -- money ------------------------------------------------------------------------------------
CURRENCY_PREFIX = {
    "$": "USD", "us$": "USD", "usd": "USD", "c$": "CAD", "ca$": "CAD", "cad": "CAD",
    "a$": "AUD", "au$": "AUD", "aud": "AUD", "nz$": "NZD", "nzd": "NZD", "£": "GBP",
    "gbp": "GBP", "€": "EUR", "eur": "EUR", "aed": "AED", "₹": "INR", "inr": "INR",
    "¥": "JPY", "chf": "CHF",
}
_CUR = r"(?:US\$|C\$|CA\$|A\$|AU\$|NZ\$|\$|£|€|₹|¥|(?:USD|CAD|AUD|NZD|GBP|EUR|AED|INR|CHF)\s?)"
# a capitalised name right before a currency code: "Blue Valley USD 229", "Wichita USD 259"
_NAME_BEFORE = rxcache.compile(r"[A-Z][\w'’.-]*\s+$")
# "61,590", "61,590.25", "24.5", ".50"; and "$59, 170" (a stray space after the comma, read as one figure)
_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:, \d{3})(?!\d)|\d+(?:\.\d+)?|\.\d+)"
# "$38k", "$1.2 million", "$65K"
_MULT = r"(?:\s?(?:k|K|thousand|million|mil|M)\b)"
_SUFFIX_CUR = r"(?:\s?(?:USD|CAD|AUD|NZD|GBP|EUR|AED|INR|CHF)\b)"
# "$61,590", "€45,000", "$65k+", "45,000 USD"
MONEY = rxcache.compile(
    r"(?<![\d$.,])(?P<cur>" + _CUR + r")(?P<num>" + _NUM + r")(?P<mult>" + _MULT + r")?(?P<plus>\+)?"
    r"(?P<suf>" + _SUFFIX_CUR + r")?"
    r"|(?<![\w.,$])(?P<num2>" + _NUM + r")(?P<mult2>" + _MULT + r")?(?P<suf2>" + _SUFFIX_CUR + r")"
)
# the second end of a range: "$35k - $65k+", "$3,000 – $6,000", "$40,000 to $60,000"
RANGE_JOIN = rxcache.compile(r"\s?(?:-|–|—|to)\s?")
RANGE_HIGH = rxcache.compile(
    r"(?P<cur>" + _CUR + r")?(?P<num>" + _NUM + r")(?P<mult>" + _MULT + r")?(?P<plus>\+)?(?P<suf>" + _SUFFIX_CUR + r")?")
# "between $40,000 and $60,000"
BETWEEN_BEFORE = rxcache.compile(r"\b(?:between|from)\s*$", re.I)
AND_JOIN = rxcache.compile(r"\s(?:and)\s")
# "$24.16/hr", "$61,590 per year", "$4,800 a month", "$28 hourly"
PER_AFTER = rxcache.compile(
    r"\s?(?:/\s?(?P<a>hr|hour|h|yr|year|y|mo|month|wk|week)\b"
    r"|(?:per|an|a|each)\s(?P<b>hour|year|annum|month|week)\b"
    r"|\s?(?P<c>hourly|annually|yearly|monthly|weekly)\b)",
    re.I,
)
PER_WORDS = {
    "hr": "hour", "hour": "hour", "h": "hour", "hourly": "hour",
    "yr": "year", "year": "year", "y": "year", "annum": "year", "annually": "year", "yearly": "year",
    "mo": "month", "month": "month", "monthly": "month", "wk": "week", "week": "week", "weekly": "week",
}
_MULTS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "mil": 1e6}
_TAIL_CUR = rxcache.compile(r"\s?(USD|CAD|AUD|NZD|GBP|EUR|AED)\b")  # "$35k - $65k+ USD"

# -- percentages --------------------------------------------------------------------------------
# "6%", "7.1 percent", "-2%", "−7%", "+12 per cent"
PERCENT = rxcache.compile(
    r"(?<![\d.,])(?P<sign>(?<![A-Za-z])[-−–+](?=\d))?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"\s?(?P<unit>%|percent\b|per\s?cent\b|pct\b)",
    re.I,
)
# the low end of a range of percentages, right before its high end: "5–6%", "3% to 4%", "10 to 15 percent"
# (not "from 4% to 6%", a change)
_PERCENT_RANGE_LEAD = rxcache.compile(r"(?<![\d.,])(?P<lo>\d{1,2}(?:\.\d+)?)\s?(?:%|percent|per\s?cent)?\s*(?:[-–—]|to)\s*$",
                                 re.I)
# "441,000 new jobs", "about 73,500 openings", "add 80,000 jobs"
COUNT = rxcache.compile(
    r"(?<![\d$.,])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s?(?:million|thousand))"
    r"(?=\s+(?:new\s+|more\s+|additional\s+)?(?:jobs|openings|job\s+openings|positions)\b)",
    re.I,
)

# -- periods, vintages, years --------------------------------------------------------------------
# "2024–34", "2024-2034", "from 2024 to 2034", "between 2012 and 2022", "2021 to 2031"
PERIOD = rxcache.compile(
    r"(?<![\d/])(?:(?P<kw>from|between)\s+)?(?P<a>(?:19|20)\d\d)\s?(?P<j>[-–—]|\s(?:to|through|thru|and)\s)\s?"
    r"(?P<b>(?:19|20)\d\d|\d\d)(?![\d/]|,\d)",
    re.I,
)
# "through 2032", "until 2032", "by 2030", "over the decade ending in 2033" (not "to 2034": "according to
# 2019 BLS figures" names no projection)
END_ONLY = rxcache.compile(
    r"\b(?P<kw>through|thru|until|till|til|by|ending\s+in|ending)\s+(?:the\s+year\s+)?"
    r"(?P<b>(?:19|20)\d\d)(?![\d/]|[-–—]\d)",
    re.I,
)
# "May 2024", "May, 2024", "Sept. 2023" (not "May 2024-25")
MONTH_YEAR = rxcache.compile(r"\b(?P<month>" + _MONTH_ALT + r")\.?,?\s+(?P<year>(?:19|20)\d\d)\b(?![-–]\d)", re.I)
# "2024 Median Pay", "Employment (2024)", "Number of Jobs, 2024", "Median pay, 2024", "employment in 2024";
# not "cut thousands of tech jobs in 2023" (an event: jobs take a year only as a label, "Jobs (2024)")
YEAR_LABEL = rxcache.compile(
    r"\b(?P<y1>(?:19|20)\d\d)\s+(?:median|average|mean)\s+(?:pay|wage|wages|salary|salaries|earnings|income)\b"
    r"|\b(?:(?:median\s+(?:pay|wage|salary)|employment|wages?|salary|salaries)\s*(?:,|\(|in)|"
    r"(?:number\s+of\s+jobs|jobs)\s*(?:,|\())\s*(?P<y2>(?:19|20)\d\d)\b\)?",
    re.I,
)
_PROJECTED_EMPLOYMENT = rxcache.compile(r"projected\s+employment", re.I)  # "Projected employment, 2034"
# a bare year: "in 2021", "(BLS, 2022)"; not "2024-25", not "$2024", not "2,024"
YEAR = rxcache.compile(r"(?<![\d$,.-])(?P<year>(?:19|20)\d\d)(?![\d])(?!\s?[-–—]\s?\d)")


def lex(text: str, group_before: re.Pattern | None = None, group_after: re.Pattern | None = None) -> list[Mention]:
    """Every mention in ``text`` in reading order. ``group_before``/``group_after`` are the lexicon's
    percentile-group cues ("the lowest 10 percent"), which make a percentage a group of workers."""
    found: list[Mention] = []
    found += _money(text)
    taken = sorted((m.start, m.end) for m in found)
    found += [m for m in _percents(text, group_before, group_after) if not _overlaps(m, taken)]
    found += [m for m in _counts(text) if not _overlaps(m, taken)]
    for kinds in (_periods, _vintages, _years):
        taken = sorted((m.start, m.end) for m in found)
        found += _without_overlaps(kinds(text), taken)
    found.sort(key=lambda m: (m.start, m.end))
    return found[:MAX_MENTIONS * 4]


def _overlaps(m: Mention, spans: list[tuple[int, int]]) -> bool:
    """Whether ``m`` overlaps one of ``spans`` (sorted by start, not overlapping each other)."""
    i = bisect_right(spans, (m.start, 1 << 62)) - 1
    if i >= 0 and spans[i][1] > m.start:
        return True
    return i + 1 < len(spans) and spans[i + 1][0] < m.end


def _without_overlaps(cands: list[Mention], taken: list[tuple[int, int]]) -> list[Mention]:
    """Candidates that overlap neither ``taken`` nor an earlier candidate of their own list."""
    out: list[Mention] = []
    for m in sorted(cands, key=lambda m: (m.start, -m.end)):
        if not _overlaps(m, taken) and not (out and out[-1].end > m.start):
            out.append(m)
    return out


def _number(num: str) -> float:
    return float(num.replace(",", "").replace(" ", ""))


def _money(text: str) -> list[Mention]:
    out: list[Mention] = []
    consumed = 0
    for m in MONEY.finditer(text):
        if len(out) >= MAX_MENTIONS:
            break
        if m.start() < consumed:
            continue
        if m.group("num") is not None:
            cur, num, mult, plus, suf = m.group("cur"), m.group("num"), m.group("mult"), m.group("plus"), m.group("suf")
        else:
            cur, num, mult, plus, suf = None, m.group("num2"), m.group("mult2"), None, m.group("suf2")
        nxt2 = text[m.end():m.end() + 2]
        if nxt2[:1].isdigit() or (nxt2[:1] in ",." and nxt2[1:2].isdigit()):
            continue  # "$1,00,000": a grouping that cannot be read safely
        if cur and cur.strip().isalpha() and num.isdigit() and len(num) <= 3 and not mult and \
                _NAME_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "Blue Valley USD 229": a school district's number after its name, not 229 dollars
        currency = CURRENCY_PREFIX.get(cur.strip().lower()) if cur else None
        if suf:
            currency = CURRENCY_PREFIX.get(suf.strip().lower(), currency)
        if currency is None:
            continue
        factor = _MULTS.get((mult or "").strip().lower(), 1.0)
        value = _number(num) * factor
        end = m.end()
        c = Mention("money", m.start(), end, value=value, currency=currency)
        if mult:
            c.tolerance = 0.5 * factor * (10 ** -len(num.split(".")[1]) if "." in num else 1)
        j = RANGE_JOIN.match(text, end)
        if j is None and BETWEEN_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            j = AND_JOIN.match(text, end)
        if j is not None:
            end, plus, suf = _range_high(text, c, j.end(), mult, currency, plus, suf, end)
        if plus:
            if c.is_range:
                c.open_high = True
            else:
                c.plus = True
        tail = _TAIL_CUR.match(text, end)
        if tail and not suf:
            end = tail.end()
        u = PER_AFTER.match(text, end)
        if u:
            c.per = PER_WORDS.get((u.group("a") or u.group("b") or u.group("c")).lower())
            end = u.end()
        c.end = end
        consumed = end
        out.append(c)
    return out


def _range_high(text, c: Mention, at: int, mult, currency, plus, suf, end):
    """The high end of "$35k - $65k+": fills ``c`` and returns the new end, '+' and suffix."""
    h = RANGE_HIGH.match(text, at)
    if not h or not (h.group("cur") or h.group("suf") or h.group("mult") or "," in h.group("num")):
        return end, plus, suf
    hcur = h.group("cur") or h.group("suf")
    hcurrency = CURRENCY_PREFIX.get(hcur.strip().lower()) if hcur else currency
    if hcurrency != currency or text[h.end():h.end() + 1].isdigit():
        return end, plus, suf
    hfactor = _MULTS.get((h.group("mult") or "").strip().lower(), 1.0)
    high = _number(h.group("num")) * hfactor
    if not mult and hfactor > 1 and c.value < 1000:  # "$85-115K"
        c.value *= hfactor
        c.tolerance = 0.5 * hfactor
    c.is_range = True
    c.high = high
    if h.group("mult"):
        c.tolerance = max(c.tolerance, 0.5 * hfactor)
    return h.end(), h.group("plus"), h.group("suf") or suf


def _percents(text: str, before: re.Pattern | None, after: re.Pattern | None) -> list[Mention]:
    out = []
    for m in PERCENT.finditer(text):
        if len(out) >= MAX_MENTIONS:
            break
        s, e = m.start(), m.end()
        v = _number(m.group("num"))
        sign = m.group("sign")
        if sign and sign in "-−–":
            v = -v
        c = Mention("percent", s, e, value=v, currency="%")
        lead = _PERCENT_RANGE_LEAD.search(text, max(0, s - 25), s)
        if lead is not None and not sign:
            lo = _number(lead.group("lo"))
            if lo < v and not re.search(r"\bfrom\s*$", text[max(0, lead.start() - 8):lead.start()], re.I):
                if out and out[-1].end > lead.start():
                    out.pop()  # "3% to 4%": one range, not two rates
                c = Mention("percent", lead.start(), e, value=lo, high=v, is_range=True, currency="%")
        if before is not None and before.search(text[max(0, s - 30):s]):
            c.group = True
        elif after is not None and after.match(text[e:e + 40].lstrip()):
            c.group = True
        out.append(c)
    return out


def _counts(text: str) -> list[Mention]:
    out = []
    for m in COUNT.finditer(text):
        num = m.group("num")
        low = num.lower()
        factor = 1e6 if "million" in low else 1e3 if "thousand" in low else 1.0
        value = _number(re.sub(r"[^\d.,]", "", num)) * factor
        out.append(Mention("count", m.start(), m.end(), value=value))
        if len(out) >= MAX_MENTIONS:
            break
    return out


def _periods(text: str) -> list[Mention]:
    out = []
    pos = 0
    while len(out) < MAX_MENTIONS:
        m = PERIOD.search(text, pos)
        if m is None:
            break
        pos = m.end()
        a = int(m.group("a"))
        bs = m.group("b")
        bv = int(bs) if len(bs) == 4 else (a // 100) * 100 + int(bs)
        if len(bs) == 2 and bv < a:
            bv += 100
        joiner = m.group("j").strip().lower()
        if (joiner == "and" and (m.group("kw") or "").lower() != "between") or not (1 <= bv - a <= 20):
            pos = m.start("b")  # "May 2024 and 2022-32": the second year may start a period
            continue
        start = m.start() if m.group("kw") else m.start("a")
        out.append(Mention("period", start, m.end(), period=(a, bv), joiner=joiner))
    for m in END_ONLY.finditer(text):  # overlaps with the full periods are dropped by lex()
        if len(out) >= MAX_MENTIONS * 2:
            break
        b = int(m.group("b"))
        out.append(Mention("period", m.start(), m.end(), period=(b - 10, b), end_only=True,
                           joiner=" ".join(m.group("kw").lower().split())))
    return out


def _vintages(text: str) -> list[Mention]:
    out = []
    for m in MONTH_YEAR.finditer(text):
        if len(out) >= MAX_MENTIONS:
            break
        out.append(Mention("vintage", m.start(), m.end(), year=int(m.group("year")),
                           month=MONTHS[m.group("month").lower()], label="month"))
    for m in YEAR_LABEL.finditer(text):  # overlaps with month-years are dropped by lex()
        y = m.group("y1") or m.group("y2")
        ys = m.start("y1") if m.group("y1") else m.start("y2")
        low = m.group(0).lower()
        if "employment" in low or "jobs" in low:
            if _PROJECTED_EMPLOYMENT.search(text, max(0, m.start() - 12), m.end()):
                continue
            kind = "employment"
        else:
            kind = "wage"
        out.append(Mention("vintage", ys, ys + 4, year=int(y), label=kind))
        if len(out) >= MAX_MENTIONS * 2:
            break
    return out


def _years(text: str) -> list[Mention]:
    out = []
    for m in YEAR.finditer(text):
        out.append(Mention("year", m.start(), m.end(), year=int(m.group("year"))))
        if len(out) >= MAX_MENTIONS:
            break
    return out
