"""Sentences of a block: where they start and end, their clauses, the phrasings that match them, the
occupation each states as its subject, and what is carried from one sentence to the next.

A mixin of ``reader.Reader`` (it uses the reader's mentions, lexicon, labels and phrasings).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from careerlint import rxcache
from careerlint.extract import grammar as G
from careerlint.extract.lexicon import statistic_at
from careerlint.extract.mentions import Mention
from careerlint.extract.phrasings import MARK_CLOSE, MARK_OPEN, MASK, Reading, read

if TYPE_CHECKING:
    from careerlint.document import Block

FIGURES = ("money", "percent", "count")
WINDOW = 300  # characters of a sentence read on each side of a figure
# words that end a subject: "The BLS does not track ..." has no subject naming people before "does"
_FUNCTION_WORD = rxcache.compile(r"(?i:do|does|did|not|no|is|are|was|were|be|been|being|has|have|had|will|would|can|could|"
                            r"should|may|might|must|than|that|which|who|whom|what|when|where|how|why|to|of|if|as|at|"
                            r"by|with|from|on|into|about|earn\w*|make\w*|made|get|gets|got|take\w*|took)")
# a verb right after a subject: "Electricians install", "Nurses work", "Hygienists cleaned"
_VERBISH = rxcache.compile(r"(?i:[a-z]+ed|install|work|need|help|perform|use|repair|design|build|diagnose|treat|care|"
                      r"provide|keep|manage|write|test|maintain|operate|drive|prepare|spend|often|usually|typically|"
                      r"also|generally|still|now|must|tend|start|begin|enjoy|face|see|report|say|handle|assist|"
                      r"clean|examine|check|run|lead|oversee|supervise|teach|review|analyze|plan|serve)")
# a sentence's first words, parentheses left out: "Nurse practitioners (NPs) have" -> Nurse, practitioners, have
_LEAD_WORDS = rxcache.compile(r"(?<![(\w])[A-Za-z][\w'’&/.-]*(?![^(]*\))")


# where a sentence's lead ends once it has begun: a figure, a colon, a semicolon, a dash
# ("BLS Employment Projections 2024–34: dentists +4%" ends at "2024")
_LEAD_END = rxcache.compile(r"[:;$%\d–—]")
_LETTER = rxcache.compile(r"[A-Za-z]")  # the "N" of "  Nurse practitioners earn": where a sentence's words start


@dataclass(slots=True)
class Sent:
    """A sentence of a block: its span, its clauses and the mentions it holds."""

    start: int
    end: int
    clauses: list[tuple[int, int]]
    mentions: list[int] = field(default_factory=list)       # indexes into the block's mentions
    readings: list[Reading] = field(default_factory=list)
    subject: tuple[str, str] | None = None   # (occupation key, step) stated in this sentence
    carried: tuple[str, str] | None = None   # (occupation key, step) from an earlier sentence of the paragraph
    carried_vintage: Mention | None = None   # the single vintage of that earlier sentence
    carried_place: str | None = None         # a place an earlier sentence was about ("New York drops ...")
    lead: tuple[str, str] | None = None      # what the sentence's first words are: ("person", key), ("place", p)


def _head_noun(phrase: str) -> str:
    """The last word of a noun phrase's first part: "taxi drivers, shuttle drivers" -> "drivers"."""
    words = phrase.split(",")[0].split()
    return words[-1] if words else ""


class SentenceReading:
    """Reader's sentence reading (see the module's docstring)."""

    def _read_sentences(self, b: Block) -> None:
        text = b.text
        ms = self.mentions[b.id]
        sents = [Sent(s0, s1, G.clauses(text, s0, s1)) for s0, s1 in G.split_sentences(text)]
        spans = [(s.start, s.end) for s in sents]
        for i, m in enumerate(ms):
            sents[G.index_of(spans, m.start)].mentions.append(i)
        carried: tuple[str, str] | None = None
        carried_vintage: Mention | None = None
        carried_place: str | None = None
        prev = self.sents.get(b.id - 1)
        if prev and self.doc.blocks[b.id - 1].section == b.section:
            # only a sentence led by a pronoun ("They earn ...") reaches back into the paragraph before
            last = prev[-1]
            inherited = (last.subject and (last.subject[0], "carried")) or last.carried
        else:
            inherited = None
        for k, s in enumerate(sents):
            s.lead = self._lead(text[s.start:s.end])
            if k == 0 and inherited and s.lead and s.lead[0] == "pronoun":
                carried = inherited
            if any(ms[i].kind in FIGURES for i in s.mentions):
                s.readings = self._phrasings(text, ms, s)
                s.subject = self._subject(text, ms, s)
            s.carried, s.carried_vintage, s.carried_place = carried, carried_vintage, carried_place
            if s.subject is not None:
                carried = (s.subject[0], "carried")
                vint = [ms[i] for i in s.mentions if ms[i].kind == "vintage"]
                carried_vintage = vint[0] if len({(v.year, v.month) for v in vint}) == 1 else None
            elif s.lead is not None and s.lead[0] == "person":
                carried = (s.lead[1], "carried")
                carried_vintage = None
            if s.lead is not None and s.lead[0] == "place":
                carried_place = s.lead[1]
        self.sents[b.id] = sents

    def _lead(self, sentence: str) -> tuple[str, str] | None:
        """What a sentence's first words name: a group of people ("Nurse practitioners (NPs) have"),
        a place ("New York drops"), or a pronoun ("They earn")."""
        # only the words before a figure or a colon after them ("BLS projections 2024–34: dentists +4%,
        # dental hygienists +7%" is led by no group of people; "$81,680 Median salary, accountants" is)
        head = sentence[:120]
        first = _LETTER.search(head)
        end = _LEAD_END.search(head, first.start()) if first else None
        cut = end.start() if end else len(head)
        found = list(_LEAD_WORDS.finditer(head))
        words = [w.group(0) for w in found]   # all of them: what follows a phrase says if it is a subject
        before = sum(1 for w in found if w.start() < cut)
        if not before:
            return None
        if words[0].lower() in ("their", "its", "it", "they", "these", "those", "such"):
            return ("pronoun", words[0].lower())
        if G.is_pronoun(words[0]):
            return None
        cut = next((i for i, w in enumerate(words) if _FUNCTION_WORD.fullmatch(w)), len(words))
        for n in range(min(cut, before, 6), 0, -1):
            phrase = " ".join(words[:n])
            if self.labels.place_re.fullmatch(phrase):
                return ("place", " ".join(phrase.lower().split()))
            nxt = words[n] if n < len(words) else ""
            plural_head = words[n - 1].lower() in self.labels.heads and words[n - 1].lower().endswith("s")
            if nxt and not (_FUNCTION_WORD.fullmatch(nxt) or _VERBISH.fullmatch(nxt) or plural_head):
                continue  # "Associate degree programs": the phrase goes on; a shorter one is not the subject
            if self.labels.is_personish(phrase):
                key = self.occupation_key_of(phrase)
                if key is not None and key != "all occupations":
                    return ("person", key)
                return None
        return None

    def _phrasings(self, text: str, ms: list[Mention], s: Sent) -> list[Reading]:
        a, z = s.start, s.end
        if z - a > 4 * WINDOW:  # a run-on "sentence": phrasings only ever describe a short one
            return []
        parts = []
        pos = a
        for i in s.mentions:
            m = ms[i]
            if m.group:
                continue  # "the lowest 10 percent": words of the sentence, not a figure
            parts.append(text[pos:m.start])
            parts.append(f"{MARK_OPEN}{MASK[m.kind]}{i}{MARK_CLOSE}")
            pos = m.end
        parts.append(text[pos:z])
        masked = "".join(parts)
        lx = self.lex

        def stat_of(words: str) -> str | None:
            hit = lx.stat_any.search(words)
            return statistic_at(lx, hit) if hit else None

        def per_of(words: str) -> str | None:
            for name, pat in lx.per:
                if pat.search(words):
                    return name
            return None

        growth_not = lx.growth_not
        return [r for r in read(self.phrasings, masked, text[a:z].lower(), stat_of, per_of)
                if not (r.occupation and growth_not.fullmatch(_head_noun(r.occupation)))]  # "Wages are expected to"

    def _subject(self, text: str, ms: list[Mention], s: Sent) -> tuple[str, str] | None:
        """The occupation (key) a sentence states as the subject of its figures, if any."""
        sentence = text[s.start:s.end]
        first_i = next((i for i in s.mentions if ms[i].kind in FIGURES and not ms[i].group), None)
        if first_i is None:
            return None
        first = ms[first_i]
        for r in s.readings:  # a phrasing about the sentence's first figure names its subject
            key = self.occupation_key_of(r.occupation, sentence) if r.occupation and first_i in r.figures else None
            if key is not None:
                return key, f"phrasing:{r.phrasing.id}"
        head = text[max(s.start, first.start - WINDOW):first.start]
        for found in (G.of_occupation(head), G.subject_of(head)):
            if found is not None:
                key = self.occupation_key_of(found[0], sentence)
                if key is not None:
                    return key, "clause"
        return None
