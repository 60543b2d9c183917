"""Every regular expression careerlint uses to read numbers, dates and words.

Kept in one place so they can be audited for linear-time behaviour: no pattern here
nests quantifiers over overlapping character classes.
"""

from __future__ import annotations

import re

from careerlint.vocab import CURRENCY_SYMBOL, STAT_NAMES, STAT_RANK  # noqa: F401  (re-exported)

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))

# -- money -----------------------------------------------------------------------------
CURRENCY_PREFIX = {
    "$": "USD", "us$": "USD", "usd": "USD", "c$": "CAD", "ca$": "CAD", "cad": "CAD",
    "a$": "AUD", "au$": "AUD", "aud": "AUD", "nz$": "NZD", "nzd": "NZD", "£": "GBP",
    "gbp": "GBP", "€": "EUR", "eur": "EUR", "aed": "AED", "₹": "INR", "inr": "INR",
    "¥": "JPY", "chf": "CHF",
}

_CUR = r"(?:US\$|C\$|CA\$|A\$|AU\$|NZ\$|\$|£|€|₹|¥|(?:USD|CAD|AUD|NZD|GBP|EUR|AED|INR|CHF)\s?)"
_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_MULT = r"(?:\s?(?:k|K|thousand|million|mil|M)\b)"
_SUFFIX_CUR = r"(?:\s?(?:USD|CAD|AUD|NZD|GBP|EUR|AED|INR|CHF)\b)"

MONEY = re.compile(
    r"(?<![\d$.,])(?P<cur>" + _CUR + r")(?P<num>" + _NUM + r")(?P<mult>" + _MULT + r")?(?P<plus>\+)?"
    r"(?P<suf>" + _SUFFIX_CUR + r")?"
    r"|(?<![\w.,$])(?P<num2>" + _NUM + r")(?P<mult2>" + _MULT + r")?(?P<suf2>" + _SUFFIX_CUR + r")"
)
# the second end of a range: "$35k - $65k+", "$3,000 – $6,000", "$40,000 and $60,000"
RANGE_JOIN = re.compile(r"\s?(?:-|–|—|to)\s?")
RANGE_HIGH = re.compile(
    r"(?P<cur>" + _CUR + r")?(?P<num>" + _NUM + r")(?P<mult>" + _MULT + r")?(?P<plus>\+)?(?P<suf>" + _SUFFIX_CUR + r")?"
)
BETWEEN_BEFORE = re.compile(r"\b(?:between|from)\s*$", re.I)
AND_JOIN = re.compile(r"\s(?:and)\s")

PER_UNIT_AFTER = re.compile(
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
PER_IN_LABEL = re.compile(r"\b(hourly|per hour|an hour|annual|annually|yearly|per year|a year|monthly|per month|weekly|per week)\b", re.I)

# -- percentages -----------------------------------------------------------------------
PERCENT = re.compile(
    r"(?<![\d.,])(?P<sign>(?<![A-Za-z])[-−–+](?=\d))?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?P<unit>%|percent\b|per\s?cent\b|pct\b)",
    re.I,
)
# "lowest 10 percent", "top 10%": a percentile group, not a rate
PERCENTILE_BEFORE = re.compile(r"\b(?:lowest|highest|top|bottom|upper|lower|middle|best[- ]paid|low(?:est)?[- ]paid)\s*$", re.I)
PERCENTILE_AFTER = re.compile(r"^\s*(?:of\s+(?:workers|earners|employees|people|jobs|professionals)|earn|earned|earning|make|made|of\s+the\s+(?:workers|earners))\b", re.I)

# -- periods and vintages --------------------------------------------------------------
PERIOD = re.compile(
    r"(?<!\d)(?:(?P<kw>from|between)\s+)?(?P<a>(?:19|20)\d\d)\s?(?:[-–—]|\s(?:to|through|and)\s)\s?(?P<b>(?:19|20)\d\d|\d\d)(?!\d|,\d)"
)
MONTH_YEAR = re.compile(r"\b(?P<month>" + _MONTH_ALT + r")\.?,?\s+(?P<year>(?:19|20)\d\d)\b(?![-–]\d)", re.I)
# a month-year that is really a full date ("August 28, 2025" does not match MONTH_YEAR;
# "May 2024" does). Words that make a month-year a page date rather than a data vintage:
PAGE_DATE_BEFORE = re.compile(
    r"\b(?:updated|modified|published|posted|reviewed|revised|edited|written|copyright|©)\s*(?:on|in)?\s*:?\s*$", re.I)
# a bare year that labels a statistic: "2024 Median Pay", "Employment (2024)", "Number of Jobs, 2024"
YEAR_LABEL = re.compile(
    r"\b(?P<y1>(?:19|20)\d\d)\s+(?:median|average|mean)\s+(?:pay|wage|wages|salary|salaries|earnings|income)\b"
    r"|\b(?:median\s+(?:pay|wage|salary)|employment|number\s+of\s+jobs|jobs|wages?|salary|salaries)\s*(?:,|\(|in)\s*(?P<y2>(?:19|20)\d\d)\b\)?",
    re.I,
)
YEAR = re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)(?![\d])")

DISCLOSED_LATEST = re.compile(
    r"\b(?:updated\s+most\s+recently|most\s+recently\s+(?:updated|available|released|published)|most\s+recent\s+(?:data|year|estimates?|available)|latest\s+(?:available|data\s+available)|last\s+(?:available|published)\s+(?:data|estimates?))\b",
    re.I,
)

FORECAST = re.compile(
    r"\b(?:project|projects|projected|projecting|projection|projections|forecast|forecasts|forecasted|expected|expects|expect|anticipated|anticipates|will\s+(?:grow|increase|decline|add|rise|fall|create|see)|outlook|is\s+set\s+to|should\s+(?:grow|increase|add))\b",
    re.I,
)
PAST_FORECAST = re.compile(
    r"\b(?:had\s+(?:been\s+)?(?:projected|expected|forecast)|was\s+projected|were\s+projected|was\s+expected|were\s+expected|actual(?:ly)?|turned\s+out|in\s+hindsight|previous(?:ly)?\s+projected|earlier\s+projection|grew|rose|fell|declined|increased|decreased|added)\b",
    re.I,
)

# -- words that give a number its meaning -------------------------------------------------
GROWTH_WORDS = re.compile(
    r"\b(?:grow|grows|growth|growing|outlook|projected|projection|projections|change\s+in\s+employment|employment\s+change|percent\s+change|increase|increases|decline|declines|declining|expand|expansion|job\s+growth|employment\s+growth)\b",
    re.I,
)
DECLINE_WORDS = re.compile(r"\b(?:decline|declines|declining|decrease|decreases|shrink|shrinks|fall|falls|drop|drops|\(decline\))\b", re.I)
SALARY_WORDS = re.compile(
    r"\b(?:salary|salaries|wage|wages|pay|paid|earn|earns|earned|earning|earnings|income|compensation|make|makes|made|median|percentile|top\s+10|bottom\s+10|lowest\s+10|highest\s+10|per\s+hour|hourly|annual\s+(?:pay|wage|salary))\b",
    re.I,
)
COST_WORDS = re.compile(
    r"\b(?:cost|costs|tuition|fee|fees|price|prices|priced|program|programs|course|courses|loan|loans|debt|spend|spent|budget|revenue|revenues|sales|funding|grant|grants|scholarship|scholarships|bonus|bonuses|savings|save|rent|exam|certification\s+fee|reimburse\w*|claim|claims|invoice|billing\s+amount|bill|bills|charge|charges|market|industry\s+worth|value)\b",
    re.I,
)

# statistic words: checked in this order; the match nearest to the number wins
STAT_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("p10", re.compile(r"\b(?:(?:lowest|bottom|lower)\s+10\s?(?:%|percent|per\s?cent)|10th\s+percentile|10th\b|p10)", re.I)),
    ("p25", re.compile(r"\b(?:(?:lowest|bottom|lower)\s+25\s?(?:%|percent|per\s?cent)|25th\s+percentile|25th\b|p25|lower\s+quartile|first\s+quartile)", re.I)),
    ("p75", re.compile(r"\b(?:(?:highest|top|upper)\s+25\s?(?:%|percent|per\s?cent)|75th\s+percentile|75th\b|p75|upper\s+quartile|third\s+quartile)", re.I)),
    ("p90", re.compile(r"\b(?:(?:highest|top|upper)\s+10\s?(?:%|percent|per\s?cent)|90th\s+percentile|90th\b|p90)", re.I)),
    ("median", re.compile(r"\bmedian\b|\bmedian\s+(?:pay|salary|wage)", re.I)),
    ("mean", re.compile(r"\b(?:average|mean|avg\.?)\b(?!\s+(?:cost|tuition|growth|for\s+all))", re.I)),
    ("range", re.compile(r"\b(?:range|ranges|ranging)\b", re.I)),
    ("starting", re.compile(r"\b(?:starting|entry[- ]level\s+(?:pay|salary|wage))\b", re.I)),
]

HEDGE_BEFORE = re.compile(r"\b(?:about|approximately|approx\.?|around|roughly|nearly|almost|some|close\s+to|up\s+to|~|≈)\s*$", re.I)
BOUND_BEFORE = re.compile(
    r"(?:\b(?P<gt>more\s+than|over|above|at\s+least|greater\s+than|exceeding|upwards\s+of|>|≥)|\b(?P<lt>less\s+than|under|below|at\s+most|no\s+more\s+than|<|≤))\s*$",
    re.I,
)
BOUND_AFTER = re.compile(r"^\s*(?:(?P<gt>or\s+more|or\s+higher|or\s+above|and\s+up|plus\b)|(?P<lt>or\s+less|or\s+lower|or\s+below))", re.I)

RESPECTIVELY = re.compile(r"\brespectively\b", re.I)

SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9$£€])")
ABBREVIATIONS = frozenset({"u.s", "e.g", "i.e", "etc", "approx", "no", "vs", "dr", "mr", "mrs", "ms", "inc", "st",
                           "jr", "sr", "co", "corp", "dept", "est", "fig", "al", "u.k", "a.m", "p.m", "jan", "feb",
                           "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "ph.d", "b.s", "m.s", "b.a", "m.a"})

# the words a page uses to describe a growth rate, and the category they name
DESCRIPTORS: list[tuple[str, re.Pattern]] = [
    ("much faster", re.compile(r"\bmuch\s+faster\s+than\s+(?:the\s+)?average\b", re.I)),
    ("faster", re.compile(r"\b(?:faster|better|higher|greater)\s+than\s+(?:the\s+)?average\b", re.I)),
    ("as fast", re.compile(r"\b(?:(?:about\s+)?as\s+fast\s+as\s+(?:the\s+)?average|(?:on\s+par|in\s+line)\s+with\s+(?:the\s+)?average|average\s+growth)\b", re.I)),
    ("slower", re.compile(r"\bslower\s+than\s+(?:the\s+)?average\b", re.I)),
    ("little or no change", re.compile(r"\blittle\s+or\s+no\s+change\b", re.I)),
    ("decline", re.compile(r"\((?:decline)\)|\bdecline\b", re.I)),
]
