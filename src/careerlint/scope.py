"""Who or where a figure is about: occupation, geography, experience, industry, population.

Two claims are only ever compared when their scope keys are equal. When careerlint
cannot tell what a label means it keeps the label itself as the scope, so an unknown
row of a table is never compared with anything but itself.
"""

from __future__ import annotations

import re

US_STATES = frozenset(s.lower() for s in (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
    "District of Columbia", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
    "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
    "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
    "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon",
    "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
    "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "Puerto Rico", "Guam",
    "Virgin Islands",
))
COUNTRIES = frozenset(s.lower() for s in (
    "Canada", "United Kingdom", "UK", "U.K.", "Britain", "England", "Scotland", "Ireland", "Germany",
    "France", "Spain", "Portugal", "Italy", "Netherlands", "Australia", "New Zealand", "India",
    "Philippines", "UAE", "United Arab Emirates", "Dubai", "Singapore", "Japan", "China", "Mexico",
    "Brazil", "South Africa", "Saudi Arabia", "Qatar", "Switzerland", "Sweden", "Norway", "Denmark",
    "Europe", "Asia", "Middle East",
))
NATIONAL = re.compile(r"\b(?:the\s+)?(?:united\s+states|u\.s\.|us|usa|nationwide|national(?:ly)?|across\s+the\s+country)\b", re.I)

_PLACE_ALT = "|".join(sorted((re.escape(p) for p in US_STATES | COUNTRIES), key=len, reverse=True))
PLACE = re.compile(r"(?<![\w.])(?:" + _PLACE_ALT + r")(?![\w])", re.I)
# cities and metros: "in Chicago", "the Boston metro area"
METRO = re.compile(r"\b(?:metro(?:politan)?\s+area|metro\b|city\s+of\b|nonmetropolitan)", re.I)

EXPERIENCE = re.compile(
    r"\b(?:entry[- ]level|junior|senior|mid[- ]level|mid[- ]career|experienced|beginners?|new\s+graduates?|"
    r"trainees?|apprentices?|supervisors?|managers?|lead|principal|starting|late[- ]career|early[- ]career|"
    r"\d+\+?\s*(?:[-–]\s*\d+\s*)?years?(?:\s+of)?\s+experience|with\s+\d+|first[- ]year|veteran)\b",
    re.I,
)
INDUSTRY = re.compile(
    r"\b(?:offices?\s+of|physicians'?|doctors'?\s+offices|hospitals?|clinics?|industry|industries|sector|"
    r"government|federal|state\s+government|local\s+government|private\s+practices?|manufacturing|"
    r"insurance\s+carriers|outpatient|nursing\s+(?:care\s+)?facilities|self[- ]employed|contractors?|"
    r"construction|services?\s+(?:industry|sector)|companies|firms|employers?|pharmacies|drug\s+stores?|"
    r"retail|stores?|schools?|universities|colleges|agencies|nonprofits?|startups?|labs?|laboratories)\b",
    re.I,
)
ALL_POPULATION = re.compile(
    r"\b(?:all\s+occupations|all\s+workers|all\s+jobs|all\s+u\.?s\.?\s+workers|total,?\s+all|the\s+(?:national\s+)?average\s+for\s+all|overall\s+(?:u\.?s\.?\s+)?(?:workforce|economy|labor\s+market)|the\s+average\s+(?:worker|occupation)|every\s+occupation)\b",
    re.I,
)

_GENERIC = frozenset({
    "specialist", "specialists", "role", "roles", "worker", "workers", "job", "jobs", "professional",
    "professionals", "career", "careers", "position", "positions", "occupation", "occupations", "a", "an",
    "the", "and", "of", "overall", "employee", "employees", "staff", "personnel", "us",
    "u.s.", "field", "become", "how", "to", "guide", "complete", "career", "in", "at", "for", "with",
    "from", "who", "that",
})
_TITLE_NOISE = re.compile(
    r"^(?:how\s+to\s+become\s+(?:an?\s+)?|becoming\s+(?:an?\s+)?|complete\s+|what\s+(?:is|does)\s+(?:an?\s+)?)"
    r"|\s*(?:[:|–—-].*$)|\s+(?:career\s+guide|career\s+path|careers?|salary(?:\s+guide)?|job\s+description)$",
    re.I,
)
_WORD = re.compile(r"[a-z][a-z'’]*")


def _singular(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def occupation_key(name: str) -> str:
    """A comparable key for an occupation name: 'Medical Billing Specialists' -> 'billing medical'."""
    words = [_singular(w.strip("'’")) for w in _WORD.findall(name.lower())]
    core = sorted({w for w in words if w and w not in _GENERIC})
    return " ".join(core)


def page_occupation(h1: str, title: str, meta: dict[str, str]) -> str:
    """The occupation the page is about, from an explicit meta tag, the h1 or the title."""
    explicit = meta.get("careerlint:occupation") or meta.get("occupation")
    if explicit:
        return explicit.strip()
    for cand in (h1, title):
        cand = " ".join(cand.split())
        if not cand:
            continue
        prev = None
        while prev != cand:
            prev = cand
            cand = _TITLE_NOISE.sub("", cand).strip()
        if cand:
            return cand
    return ""


# "the median annual wage for carpenters was", "employment of data scientists is projected",
# "medical records specialists, which includes medical billing roles"
_OCC_AFTER = re.compile(
    r"\b(?:wages?|salary|salaries|pay|earnings|income|employment|growth|jobs?|outlook|openings|demand)\s+"
    r"(?:of|for)\s+(?:the\s+)?(?P<occ>[a-z][\w ,'’&/-]{2,90}?)"
    r"(?=\s+(?:was|were|is|are|in|from|projected|will|has|had|earned|earn|held|across|at|to|by|nationally|as\s+of)\b|\s*[,(;:]|\s*$)",
    re.I,
)
_INCLUDES = re.compile(
    r"(?:\b(?:which|that)\s+(?:includes?|cover(?:s)?|encompass(?:es)?)|\((?:including|incl\.)|,\s+including)"
    r"\s+(?P<occ>[a-z][\w '’&/-]{2,60}?)(?=[,.;)]|\s+(?:from|in|and\s+is)\b|$)", re.I)
_SUBJECT_EARN = re.compile(
    r"(?P<subj>(?:[A-Za-z][\w'’-]*\s+){0,4}[A-Za-z][\w'’-]*)\s+(?:typically\s+|usually\s+|often\s+|generally\s+|can\s+|may\s+|might\s+|could\s+)?"
    r"(?:earn|earns|earned|make|makes|made|take\s+home|takes\s+home|receive|receives|command|commands|bring\s+in|brings\s+in"
    r"|(?:are|is)\s+(?:projected|expected|forecast)\s+to\s+(?:grow|increase|decline|add|shrink)|will\s+(?:grow|decline|increase))\b",
)
_PRONOUN_SUBJ = re.compile(
    r"^(?:they|these|those|it|which|who|you|we|he|she|workers|professionals|specialists|employees|"
    r"these\s+\w+|those\s+\w+|the\s+lowest.*|the\s+highest.*|the\s+top.*|the\s+bottom.*|\d+\s*(?:%|percent).*|"
    r"half.*|most.*|many.*|some.*|percent|percentile|.*\bpercent|.*\bearners|"
    r"(?:overall\s+|total\s+)?employment(?:\s+of)?.*|demand.*|jobs?(?:\s+of)?.*|openings.*|the\s+number.*|"
    r"this\s+\w+|the\s+(?:field|occupation|profession|role|job|career|industry|sector))$",
    re.I,
)


def occupation_in(text: str) -> str | None:
    """An occupation named as the subject of a figure in ``text``, or None."""
    m = None
    for m in _OCC_AFTER.finditer(text):
        pass
    if m is not None:
        occ = m.group("occ").strip(" ,")
        if not ALL_POPULATION.search(occ) and occ.lower() not in ("this occupation", "the occupation",
                                                                   "this role", "this career", "this job",
                                                                   "the role", "them", "these workers"):
            return occ
    return None


def includes_clause(text: str) -> str | None:
    m = _INCLUDES.search(text)
    return m.group("occ").strip() if m else None


def earn_subject(prefix: str) -> str | None:
    """The subject in front of an earning verb ('Nurses earn ...'), unless it is a pronoun."""
    m = None
    for m in _SUBJECT_EARN.finditer(prefix):
        pass
    if m is None:
        return None
    subj = m.group("subj").strip()
    if _PRONOUN_SUBJ.match(subj):
        return None
    return subj


def place_in(text: str) -> str | None:
    m = PLACE.search(text)
    if m:
        return m.group(0).lower()
    if METRO.search(text):
        return "metro"
    return None


def classify_label(text: str) -> tuple[str, str] | None:
    """What kind of scope a row/term label names: (kind, key), or None for the page default."""
    t = " ".join(text.split()).strip(" :")
    low = t.lower()
    if not t:
        return None
    if ALL_POPULATION.search(t):
        return ("population", "all occupations")
    if low in US_STATES:
        return ("geography", low)
    if low in COUNTRIES or PLACE.fullmatch(t):
        return ("geography", low)
    if NATIONAL.fullmatch(low):
        return None
    return ("label", low)
