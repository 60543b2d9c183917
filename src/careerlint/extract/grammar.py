"""Sentences, clauses and subjects: the grammar careerlint needs to tell whose figure a figure is.

No parser: sentence and clause boundaries by punctuation and conjunctions, subjects as the noun
phrase before an earning or projection verb. Each pattern is bounded, so cost is linear in the text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from careerlint import rxcache

# a sentence ends at . ! ? followed by space and a capital, digit, $ or quote: "… in May 2024. The lowest …"
SENTENCE_END = rxcache.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9$£€])")
ABBREVIATIONS = frozenset({"u.s", "e.g", "i.e", "etc", "approx", "no", "vs", "dr", "mr", "mrs", "ms", "inc", "st",
                           "jr", "sr", "co", "corp", "dept", "est", "fig", "al", "u.k", "a.m", "p.m", "jan", "feb",
                           "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "ph.d", "b.s", "m.s", "b.a",
                           "m.a", "mt", "ft", "approx"})
_LAST_WORD = rxcache.compile(r"([\w.]+)$")  # "U.S" in "the U.S."

# where one figure's words end and another's begin inside a sentence:
# "...$29,810; by May 2024 it had risen to $43,460", "$57,440, compared with $48,370 for ...",
# "$95,000 in California while those in Texas earn $80,000"
CLAUSE_BREAK = rxcache.compile(
    r";|\s[–—]\s|\b(?:while|whereas|but|although|though|compared\s+(?:with|to)|versus|vs\.?|than\s+(?:the|a|an|for)"
    r"|in\s+contrast|by\s+comparison|respectively)\b",
    re.I,
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    for m in SENTENCE_END.finditer(text):
        p = m.start() - 1
        while p > 0 and text[p] in "\"”’)":
            p -= 1
        if text[p] == ".":
            w = _LAST_WORD.search(text, max(0, p - 12), p)
            word = w.group(1).lower() if w else ""
            if word in ABBREVIATIONS or len(word) == 1:
                continue
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def index_of(spans: list[tuple[int, int]], pos: int) -> int:
    lo, hi = 0, len(spans) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if spans[mid][0] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def clauses(text: str, s0: int, s1: int) -> list[tuple[int, int]]:
    """The clauses of the sentence text[s0:s1] (spans in block offsets)."""
    out = []
    start = s0
    for m in CLAUSE_BREAK.finditer(text, s0, s1):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.start()
    out.append((start, s1))
    return out


# -- occupation names -----------------------------------------------------------------------------
_WORD = rxcache.compile(r"[a-z][a-z'’]*")
_PAREN = rxcache.compile(r"\([^()]*\)")  # "Registered nurses (RNs)"


def singular(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def occupation_key(name: str, noise: frozenset[str] = frozenset()) -> str:
    """A comparable key: 'Bus Drivers, School' -> 'bus driver school'; word order and plurals do not
    count, nor the words in ``noise`` ("the", "career", ...)."""
    words = [singular(w.strip("'’")) for w in _WORD.findall(_PAREN.sub(" ", name.lower()))]
    return " ".join(sorted({w for w in words if w and w not in noise}))


# "How to Become a Medical Biller in 2026", "Electrician Career Guide | Example.com"
_TITLE_NOISE = rxcache.compile(
    r"^(?:how\s+to\s+become\s+(?:an?\s+)?|becoming\s+(?:an?\s+)?|complete\s+|what\s+(?:is|does)\s+(?:an?\s+)?)"
    r"|\s*(?:[:|–—]|\s-\s).*$"
    r"|\s+(?:in\s+(?:19|20)\d\d|(?:19|20)\d\d)$"
    r"|\s+(?:career\s+guide|career\s+path|careers?|salary(?:\s+guide)?|job\s+description|profile|overview|"
    r"faqs?|q\s*&\s*a|questions|guide|handbook)$",
    re.I,
)


def page_occupation(h1: str, title: str, meta: dict[str, str]) -> tuple[str, str]:
    """The occupation a page is about and how it was found: (name, 'declared'|'h1'|'title'|'')."""
    explicit = meta.get("careerlint:occupation") or meta.get("occupation")
    if explicit and not re.fullmatch(r"\s*\d\d-\d{4}(?:\.\d\d)?\s*", explicit):
        return explicit.strip(), "declared"
    for cand, how in ((h1, "h1"), (title, "title")):
        cand = " ".join(cand.split())
        prev = None
        while cand and prev != cand:
            prev = cand
            cand = _TITLE_NOISE.sub("", cand).strip()
        if cand and (_COMPARISON.search(cand) or _LISTICLE.search(cand)):
            return "", ""  # "Electrician vs. Plumber", "10 healthcare careers ...": a page about several, no default
        if cand:
            return cand, how
    return "", ""


# a title that compares occupations: "Electrician vs. Plumber", "Dental Hygienist versus Dental Assistant"
_COMPARISON = rxcache.compile(r"\b(?:vs\.?|versus)(?=\s)", re.I)
# a title that lists occupations: "10 healthcare careers you can start ...", "Top 7 Trade Jobs", "Best-Paying
# Jobs Without a Degree", "Fastest-growing careers of the decade"
_LISTICLE = rxcache.compile(r"^\s*(?:the\s+)?(?:(?:top\s+)?\d+|best|top|highest[-\s]paying|best[-\s]paying|"
                       r"fastest[-\s]growing|in[-\s]demand|high[-\s]paying|well[-\s]paying|good[-\s]paying)\b"
                       r".{0,40}?\b(?:careers|jobs|occupations|trades|professions|roles|positions)\b", re.I)


# -- subjects -------------------------------------------------------------------------------------
# "Electricians earned", "Nurses in California typically make", "Dental hygienists are projected to grow",
# "Employment of dental hygienists is projected"
SUBJECT_VERB = rxcache.compile(
    r"(?P<subj>(?:[A-Za-z][\w'’./&-]*,?\s+){0,8}[A-Za-z][\w'’./&-]*),?\s+"
    r"(?:typically\s+|usually\s+|often\s+|generally\s+|can\s+|may\s+|might\s+|could\s+|still\s+|now\s+|"
    r"currently\s+|reportedly\s+|on\s+average\s+)?"
    r"(?P<verb>earn|earns|earned|earning|make|makes|made|take\s+home|takes\s+home|took\s+home|receive|receives|"
    r"received|command|commands|bring\s+in|brings\s+in|(?:are|is|were|was|get|gets|got)\s+paid|"
    r"(?:are|is|were|was)\s+(?:projected|expected|forecast|anticipated|set)\s+to|will\s+(?:grow|decline|increase|see|add)|"
    # "marketing managers had a median wage of": a figure the subject has
    r"(?:have|has|had)(?=\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:median|mean|average)\b))\b"
)
# "employment of dental hygienists", "the median wage for bus drivers, school", "jobs for welders"
OF_OCCUPATION = rxcache.compile(
    r"\b(?:wages?|salary|salaries|pay|earnings|income|employment|growth|jobs?|outlook|openings|demand|number)"
    r"\s+(?:of|for)\s+(?:the\s+)?(?P<occ>[a-z][\w ,'’&/-]{2,90}?)"
    r"(?=\s+(?:was|were|is|are|in|from|projected|will|has|had|earned|earn|held|across|at|to|by|nationally|as\s+of|"
    r"stood|reached|rose|fell|grew|should|could|may|might|over|according|as)\b|,\s+(?:according|which|who|that|"
    r"including|excluding|from|in|with)\b|\s*[(;:]|\s*$)",
    re.I,
)
# the subject of a clause that names no one: "They earn", "The lowest 10 percent earned", "Half made"
PRONOUN_SUBJECT = rxcache.compile(
    # "I was earning $41,000", "my first offer", "we": a person or the writer, never an occupation
    r"^(?:(?:i|me|my|mine|us|our|ours|your|yours|him|her|them|their|we|you|they|he|she)(?:\s+.*)?|"
    r"they|these|those|it|which|who|you|we|he|she|one|workers|professionals|specialists|employees|people|"
    r"these\s+\w+|those\s+\w+|this\s+\w+|the\s+lowest.*|the\s+highest.*|the\s+top.*|the\s+bottom.*|"
    r"the\s+middle.*|the\s+best.*|\d+\s*(?:%|percent).*|half.*|most.*|many.*|some.*|percent|percentile|"
    r".*\bpercent|.*\bearners|(?:overall\s+|total\s+)?employment(?:\s+of)?.*|demand.*|jobs?(?:\s+of)?.*|"
    r"openings.*|the\s+number.*|the\s+(?:field|occupation|profession|role|job|career|industry|sector|"
    r"typical\s+\w+|average\s+\w+|median\s+\w+)|(?:a|an|the)\s+(?:typical|average|median)\b.*|"
    r"(?:workers|those|people|employees|professionals)\s+(?:with|who|in|at)\b.*|all\s+\w+|each\s+\w+|"
    r"(?:the\s+)?(?:median|average|mean)(?:\s+\w+)?|salaries|wages|pay)$",
    re.I,
)
# words that lead a subject without naming it: "Most electricians", "Experienced welders" (a level)
LEADING_FILLER = rxcache.compile(
    r"^(?:(?:in\s+(?:general|total|addition|fact)|on\s+average|overall|today|nationally|however|meanwhile|"
    r"currently|by\s+contrast|as\s+a\s+result|and|but|so|also|the|a|an|our|your|their|most|many|some|all|"
    r"full[- ]time|part[- ]time|u\.?s\.?|american|typical|average)\b[,\s]*)+",
    re.I,
)


# "In the UK a billing specialist": an opening phrase of place before the subject
_OPENING_PLACE = rxcache.compile(r"^(?i:in|at|across|within|throughout|outside)\s+(?:the\s+)?(?:[A-Z][\w.]*\s+)+(?=[a-z])")
_MODAL_END = rxcache.compile(r"\s+(?:can|may|might|could|would|should|will|typically|usually|often|generally|still|now|"
                        r"currently|reportedly)$", re.I)


@lru_cache(maxsize=4096)  # pure; asked ~85 times a page for only ~5 texts (most often "", a cell's)
def subject_of(text: str) -> tuple[str, int] | None:
    """The last subject of an earning or projection verb in ``text`` with its offset, or None."""
    m = None
    for m in SUBJECT_VERB.finditer(text):
        pass
    if m is None:
        return None
    subj = _MODAL_END.sub("", m.group("subj"))
    cut = _OPENING_PLACE.match(subj)
    if cut:
        subj = subj[cut.end():]
    # "In May 2024, electricians earned": the subject starts after the last comma of an opening phrase
    if "," in subj and not re.search(r",\s+(?:and|or)\s", subj):
        tail = subj.rsplit(",", 1)[1].strip()
        if tail:
            return tail, m.start("subj") + m.group("subj").rfind(tail)
    return subj.strip(), m.start("subj") + max(0, m.group("subj").find(subj.strip()))


def of_occupation(text: str) -> tuple[str, int] | None:
    """The last occupation named as "wage for X" / "employment of X" in ``text``, with its offset."""
    m = None
    for m in OF_OCCUPATION.finditer(text):
        pass
    if m is None:
        return None
    return m.group("occ").strip(" ,"), m.start("occ")


def is_pronoun(subject: str) -> bool:
    return bool(PRONOUN_SUBJECT.match(subject.strip()))
