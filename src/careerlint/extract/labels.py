"""What a short text says about the figures it labels or introduces: a card label, a definition
term, a row or column header, a caption, a list intro, a heading, the noun phrase a figure is for.

"Median annual wage (BLS 2023)" names a statistic, a unit and a source; "Senior roles" a level;
"California" a place; "Total, all occupations" the population; "Bus drivers, school" an
occupation (what is left when every cue word is taken out). Results are memoised per text.
"""

from __future__ import annotations

import re

from careerlint import rxcache
from careerlint.extract import grammar as G
from careerlint.extract.lexicon import Lexicon, statistic_at

# a heading or label asked as a question: "How much do dental hygienists make?", "What does an RN earn
# in 2026?", "What is the average salary for a welder?"
_QUESTION = rxcache.compile(
    r"^\s*(?:how\s+much\s+(?:money\s+)?(?:do|does|did|can|will|could)\s+(?:an?\s+|the\s+)?(.+?)\s+"
    r"(?:make|earn|get\s+paid|take\s+home|bring\s+in)\b"
    r"|what\s+(?:do|does|did|can)\s+(?:an?\s+|the\s+)?(.+?)\s+(?:make|earn|get\s+paid)\b"
    r"|(?:what\s+is|what's|what\s+are)\s+the\s+(?:[\w-]+\s+){0,2}(?:salary|salaries|pay|wages?|earnings)\s+"
    r"(?:of|for)\s+(?:an?\s+|the\s+)?([^?]+))", re.I)
_CUT = rxcache.compile(r"\b\d+(?:st|nd|rd|th)\b|\([^()]*\)|[\d$£€%]+[\d,.]*[kKmM]?|\b(?:19|20)\d\d\b|[:;|/•·–—\-_*#>\[\]{}\"“”!?()&+=,.]")
_SPACES = rxcache.compile(r"\s+")
_PERCENTILE_LABEL = rxcache.compile(r"^\s*(10|25|50|75|90)\s*(?:%|th|percent)?(?:\s+percentile)?\s*(?:\(median\))?\s*$", re.I)
_PERCENTILES = {"10": "p10", "25": "p25", "50": "median", "75": "p75", "90": "p90"}
_PAREN_OR_DIGITS = rxcache.compile(r"\([^()]*\)|[\d$£€%]+[\d,.]*[kKmM]?")
# "Median annual wage for", "Pay of", "Top 10% among": the statistic that leads a label naming people
_LEADING_CUE = rxcache.compile(r"^.{0,60}?\b(?:for|of|among)\s+", re.I)
# emoji and pictographs that decorate headings: "💰 Salary Range"
# a plural acronym: "PTAs", "OTAs", "RNs", "LPNs", "EMTs" (not "ATM", "PDF": no plural s)
_ACRONYM_PEOPLE = rxcache.compile(r"[A-Z]{2,5}s")
# a month with its year: "May 2024", "Sept. 2023"
_MONTH_YEAR = rxcache.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(?:19|20)\d\d\b", re.I)
# figures of every industry together: "all industries", "cross-industry", "across industries"
_ALL_INDUSTRIES = rxcache.compile(r"\b(?:all|across)\s+(?:industries|sectors)\b|\bcross[-\s]industry\b", re.I)
# a subtitle after a colon: "The Analyst & Storyteller", "A Day in the Life", "Your Path In"
_SUBTITLE = rxcache.compile(r"\s*(?:the|a|an|your|my|our)\s", re.I)
_SYMBOLS = rxcache.compile("[\u2190-\u2bff\u2600-\u27bf\U0001f000-\U0001faff\ufe0f]")
# words that end like people when the lexicon's lists do not have them: "cardiologists", "dietitians"
_PERSONISH = rxcache.compile(r"(?:ists?|ians?|ologists?|smiths?|wrights?|keepers?|makers?|workers?)$", re.I)
_PAREN = rxcache.compile(r"\([^()]*\)")
_LETTERS = rxcache.compile(r"[A-Za-z]+")  # "dental", "hygienists" in "dental hygienists (RDH)"
_NOT_PEOPLE = rxcache.compile(r"(?i:other|others|percentiles?|numbers?|figures?|quarters?|orders?|letters?|centers?|"
                         r"careers?|papers?|matters?|members?|parameters?|filters?|headers?|footers?|answers?|"
                         r"chapters?|covers?|layers?|tiers?|offers?|hours?|years?|sectors?|factors?|errors?|"
                         r"indicators?|monitors?|contents?|components?|requirements?|assessments?|investments?|"
                         r"payments?|placements?|departments?|environments?|segments?|elements?|events?|"
                         r"students?|patients?|clients?|residents?|parents?|agents?|employers?|companies|"
                         r"amounts?|accounts?|percents?|points?|assistants?\s+to|medians?|guardians?|"
                         r"lists?|exists?|twists?)")
# words that are left of a label like "Top 10% earn more than" once its cue words are gone
_FUNCTION_ONLY = frozenset({"than", "more", "less", "earn", "earns", "earned", "make", "makes", "made", "the", "a", "an",
                            "of", "and", "or", "to", "in", "at", "for", "who", "with", "over", "under", "above",
                            "below", "about", "up", "least", "most", "get", "gets", "is", "are", "was", "were", "each"})
_GENERIC_ONE = frozenset({"worker", "employee", "professional", "people", "staff", "person", "individual",
                          "role", "position", "job", "occupation", "career", "field", "industry", "them", "us",
                          "everyone", "anyone", "you", "candidate", "graduate", "student", "hire"})


class Meaning:
    """What a label says, each part read on first use (a label asked only for its statistic never has
    its place or occupation read): stat, per, domain, occupation (the words left that name whom the
    figures are for), place, level, industry, population, growth_not ("Pay change (%)": not employment
    growth), not_statistic ("Sign-on bonus")."""

    __slots__ = ("_labels", "_t", "_scope_t", "_done", "_shared")

    def __init__(self, labels: "Labels", text: str, shared: dict) -> None:
        self._labels = labels
        t = shared.get("")
        if t is None:
            t = shared[""] = _SYMBOLS.sub(" ", " ".join(text.split()))
        self._t = t
        self._scope_t: str | None = None
        self._done: dict = {}
        self._shared = shared  # what the text means on every page (its statistic, unit, domain, ...)

    def __getattr__(self, name: str):
        done = self._shared if name in _PAGE_FREE else self._done
        if name in done:
            return done[name]
        reader = getattr(Meaning, "_read_" + name, None)
        if reader is None:
            raise AttributeError(name)
        value = done[name] = reader(self)
        return value

    def _scope_text(self) -> str:
        """The label without the page's own occupation: "Logging Workers" names no industry."""
        if self._scope_t is None:
            pn = self._labels.page_name
            self._scope_t = pn.sub(" ", self._t) if pn is not None else self._t
        return self._scope_t

    def _read_stats(self):
        """Every statistic the label names, in order: "Lowest 10% / highest 10%" -> [p10, p90]."""
        lex = self._labels.lex
        return [statistic_at(lex, h) for h in lex.stat_any.finditer(self._t)]

    def _read_stat(self):
        hit = self._labels.lex.stat_any.search(self._t)
        if hit:
            return statistic_at(self._labels.lex, hit)
        bare = _PERCENTILE_LABEL.match(self._t)  # a row of a percentile table: "10%", "25th", "50% (median)"
        return _PERCENTILES.get(bare.group(1)) if bare else None

    def _read_per(self):
        return next((name for name, pat in self._labels.lex.per if pat.search(self._t)), None)

    def _read_domain(self):
        return next((name for name, pat in self._labels.lex.domains if pat.search(self._t)), None)

    def _read_growth_not(self):
        return bool(self._labels.lex.growth_not.search(self._t))

    def _read_occupation(self):
        return self._labels.residue(self._t)

    def _read_not_statistic(self):
        return bool(self._labels.lex.not_statistic_before.search(self._t)) and self.stat is None

    def _read_population(self):
        return "all occupations" if self._labels.lex.all_population.search(self._t) else None

    def _read_place(self):
        text = self._scope_text()
        p = self._labels.place_re.search(text)
        if p:
            return " ".join(p.group(0).lower().split())
        lex = self._labels.lex
        if lex.metro.search(text):   # "Annual wages, Cleveland–Akron region": some place, not the nation
            return "metro"
        # "U.S. median (May 2024)", "National average": the nation, beside regional figures
        return "national" if lex.national.search(text) else None

    def _read_level(self):
        lv = self._labels.lex.levels.search(self._scope_text())
        return " ".join(lv.group(0).lower().split()) if lv else None

    def _read_industry(self):
        text = _ALL_INDUSTRIES.sub(" ", self._scope_text())  # "National, all industries": cross-industry, none
        ind = self._labels.lex.industries.search(text)
        return " ".join(ind.group(0).lower().split()) if ind else None


# what a label means whatever the page (the rest, place, level and industry, is read without the
# page's own occupation's name)
_PAGE_FREE = frozenset({"stats", "stat", "per", "domain", "growth_not", "occupation", "not_statistic", "population"})
_SHARED_MAX = 10_000  # label texts remembered across pages (a few MB at most): memory stays flat on any site


def place_pattern(lex: Lexicon) -> re.Pattern:
    """Any U.S. state or country of the lexicon ("Ohio", "Canada"), compiled once."""
    p = lex.shared.get("place_re")
    if p is None:
        p = lex.shared["place_re"] = rxcache.compile(f"(?:{lex.cues['us_states']}|{lex.cues['countries']})", re.I)
    return p


def _heads(lex: Lexicon) -> frozenset:
    """The head nouns of occupations' names, singular and plural (rules/lexicon.yaml), made once."""
    heads = lex.shared.get("heads")
    if heads is None:
        words = [str(w).lower() for w in (lex.data.get("occupation_heads") or []) +
                 (lex.data.get("occupation_heads_more") or []) if " " not in str(w)]
        heads = lex.shared["heads"] = frozenset(words) | frozenset(G.singular(w) for w in words)
    return heads


class Labels:
    def __init__(self, lex: Lexicon, source_names: re.Pattern | None, page_name: str = "") -> None:
        self.lex = lex
        self.sources = source_names
        # the page's occupation is taken out before levels and industries are read: "Logging Workers"
        # names no industry, "Senior Living Administrators" no level
        self.page_name = re.compile(re.escape(page_name), re.I) if page_name else None
        self._memo: dict[str, Meaning] = {}
        self._shared: dict[str, dict] = lex.shared.setdefault(("meanings", source_names), {})
        self.heads = _heads(lex)
        self.place_re = place_pattern(lex)

    def meaning(self, text: str) -> Meaning:
        m = self._memo.get(text)
        if m is None:
            shared = self._shared.get(text)
            if shared is None:
                if len(self._shared) >= _SHARED_MAX:
                    self._shared.clear()
                shared = self._shared[text] = {}
            m = self._memo[text] = Meaning(self, text, shared)
        return m

    def residue(self, text: str) -> str | None:
        """The words of ``text`` that are no cue word, source, year, figure or topic: an occupation's name.
        A label that ends in a group of people keeps its words ("Data scientists", "Compensation and
        benefits managers"), less a statistic that leads it ("Median pay for dental hygienists")."""
        lex = self.lex
        q = _QUESTION.match(text)
        if q:  # "How much do dental hygienists make?": the people the question is about
            text = next(g for g in q.groups() if g)
        t = _MONTH_YEAR.sub(" ", _SYMBOLS.sub(" ", text))  # "Median pay, May 2024": "May" names no one
        head, colon, tail = t.rpartition(":")
        if colon and _SUBTITLE.match(tail) and self.is_personish(head):
            t = head  # "Data Engineer: The Data Architect": a title and its subtitle, the title names the job
        name = _PAREN_OR_DIGITS.sub(" ", t.rsplit(":", 1)[-1]).strip(" ,.;|–—-*")
        if name and self.is_personish(name) and len(name.split()) <= 16:
            lead = _LEADING_CUE.match(name)
            if lead and (lex.stat_any.search(lead.group(0)) or lex.domains_all.search(lead.group(0))):
                name = name[lead.end():]
            name = G.LEADING_FILLER.sub("", name).strip(" ,")
            words = name.split()
            while len(words) > 1 and lex.levels.fullmatch(words[0]) and self.is_personish(" ".join(words[1:])):
                words = words[1:]  # "Junior Medical Billing Specialist": the level is not part of the name
            if len(words) == 1 and lex.levels.fullmatch(words[0].strip("+*")):
                words = []  # "Staff+": a level alone
            if words and not lex.stat_any.search(" ".join(words).split(",")[0].split()[-1]):
                return " ".join(words)
        for pat in (lex.descriptors_all, lex.stat_any, lex.all_population, self.place_re, lex.national,
                    lex.industries, lex.domains_all, lex.per_all, lex.not_statistic_before, lex.topic_words):
            t = pat.sub(" ", t)
        if self.sources is not None:
            t = self.sources.sub(" ", t)
        t = _CUT.sub(" ", t)
        words = [w for w in _SPACES.split(t.strip()) if w]
        if not words or len(words) > 12:
            return None  # nothing left, or a sentence rather than a name
        # "Senior roles": a level and a generic word name no occupation; "Junior Medical Billing
        # Specialist": the level is not part of the occupation's name
        while len(words) > 1 and lex.levels.fullmatch(words[0]):
            words = words[1:]
        content = [w for w in words if not lex.levels.fullmatch(w)]
        if all(G.occupation_key(w) in _GENERIC_ONE or not G.occupation_key(w) or w.lower() in _FUNCTION_ONLY
               for w in content):
            return None  # "Top 10% earn more than": what is left names no one
        return " ".join(words)

    def qualifier(self, text: str) -> str:
        """The words of a column header in parentheses that are not a unit, year or source:
        "Median wage (cost-of-living adjusted)" -> "cost-of-living adjusted"."""
        out = []
        for inner in re.findall(r"\(([^()]{2,60})\)", text):
            t = inner
            for pat in (self.lex.per_all, self.lex.stat_any, self.lex.national):
                t = pat.sub(" ", t)
            if self.sources is not None:
                t = self.sources.sub(" ", t)
            # "(0-3yr)", "(8+ years)": a band of experience (the level), not a qualifier
            t = re.sub(r"\b(?:19|20)\d\d\b|[\d$%.,;:–—+-]", " ", t)
            t = re.sub(r"\b(?:may|usd|data|est|estimated|projected|median|mean|yrs?|years?|yoe|experience)\b", " ", t,
                       flags=re.I)
            words = t.split()
            if words and not (len(words) == 1 and words[0].isupper() and len(words[0]) <= 6):
                out.append(" ".join(w.lower() for w in words))
        return " ".join(out)

    def is_personish(self, name: str) -> bool:
        """Whether a noun phrase ends in a word for people ("dental hygienists", "bus drivers, school",
        "Pediatric surgeon"): a head noun of a BLS title or another career word (rules/lexicon.yaml),
        or a word ending like one (-ists, -ians, -ologists)."""
        head = _LETTERS.findall(_PAREN.sub(" ", name.split(",")[0]))
        if not head:
            return False
        w = head[-1].lower()
        if w in self.heads or G.singular(w) in self.heads:
            return True
        if len(head) == 1 and _ACRONYM_PEOPLE.fullmatch(head[0]):
            return True  # "PTAs", "RNs", "LPNs", "CNAs": a plural acronym on its own names people
        # "Key Facts & Statistics", "Other", "Percentiles": words that end like people but are not
        return bool(_PERSONISH.search(w)) and not (self.lex.topic_words.fullmatch(w) or _NOT_PEOPLE.fullmatch(w))
