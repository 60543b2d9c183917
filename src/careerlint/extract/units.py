"""Where a figure sits: its card, key-value table, table cell with row and column headers, definition
term, list item, list or table intro, source line, and section headings.

A card is the smallest element that holds a value and its label, whichever comes first: in a
grid of stat cards each value takes the label of its own card, never its neighbour's. A two-column
table whose first column names statistics is a card too. Nothing here reads cue words: a unit
only says which texts are near a figure, and in which role (``Unit.labels``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from careerlint import rxcache
from careerlint.document import Block, Document
from careerlint.extract.table_units import TableUnits

_CARD_MAX_BLOCKS = 12
_CARD_MAX_CHARS = 700
_LABEL_MAX_CHARS = 100
# containers that are page structure, never a card
_NOT_CARD = frozenset({"html", "body", "main", "article", "section", "table", "tbody", "thead", "tfoot", "tr",
                       "form", "nav", "header", "footer", "aside", "ul", "ol", "dl", "details"})
_LIST_TAGS = frozenset({"ul", "ol", "dl"})
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# a line that cites the data under a table or chart: "Source: BLS, OEWS May 2024", "Note: ..."
SOURCE_LINE = rxcache.compile(r"^\s*(?:sources?|data\s+sources?|notes?)\s*:", re.I)
_DIGIT = rxcache.compile(r"\d")


@dataclass(slots=True)
class Unit:
    """What the structure around one block says: labels and carrier blocks in the order steps read them."""

    labels: list[tuple[str, str]] = field(default_factory=list)    # (step, text): card-label, dt, row-header,
    #                                                                 column-header, caption, intro, heading
    carriers: list[tuple[str, int]] = field(default_factory=list)  # (step, block id): vintages/sources there apply
    group: tuple | None = None     # the unit whose figures are ordered together: card, table row, list, block
    table: int | None = None
    row: int | None = None
    table_kind: str = ""           # key-value | stat-rows | grid | period-rows
    list_key: int | None = None
    card: int | None = None
    grid: int | None = None        # the element holding a card and its sibling cards (a stat grid)
    memo: dict = field(default_factory=dict)  # what steps worked out about the unit (read once per unit)
    present: frozenset = frozenset()  # the steps this unit has labels or carriers for


class Structure(TableUnits):
    """Units for the blocks of one document, computed on demand and kept."""

    def __init__(self, doc: Document, value_blocks: set[int], source_blocks) -> None:
        self.doc = doc
        self.values = value_blocks           # blocks that hold a money or percent figure
        self.is_source_block = source_blocks  # callable: block id -> bool (names a source)
        self._units: dict[int, Unit] = {}
        self._spans: dict[int, tuple[int, int]] = {}   # element key -> (first, last) block under it
        self._tables: dict[int, dict] = {}
        self._parents: dict[int, int] = {}
        last: dict[int, int] = {}
        for b in doc.blocks:  # the heading each heading sits under
            lvl = HEADINGS.get(b.tag)
            if lvl:
                parent = max((bid for l, bid in last.items() if l < lvl), default=-1)
                self._parents[b.id] = parent
                last = {l: bid for l, bid in last.items() if l < lvl}
                last[lvl] = b.id

    def headings(self, b: Block) -> list[int]:
        """The headings in force at ``b``, nearest first."""
        out = []
        h = b.section if b.section != b.id else self._parents.get(b.id, -1)
        while h is not None and h >= 0 and len(out) < 6:
            out.append(h)
            h = self._parents.get(h, -1)
        return out

    def unit(self, b: Block) -> Unit:
        u = self._units.get(b.id)
        if u is None:
            u = self._units[b.id] = self._build(b)
        return u

    # ------------------------------------------------------------------------------------------
    def _build(self, b: Block) -> Unit:
        u = Unit()
        blocks = self.doc.blocks
        if b.cell is not None and b.cell[0] >= 0:
            self._table_unit(b, u)
        dt = self._dt_for(b)
        if dt is not None:
            u.labels.append(("dt", blocks[dt].text))
            u.carriers.append(("dt", dt))
        u.list_key = next((k for k in reversed(b.ancestors) if self.doc.tags[k] in _LIST_TAGS), None)
        if u.table is None:
            card, labels = self._card(b)
            if card is not None:
                u.card = card
                anc = b.ancestors
                if card in anc and anc.index(card) > 0:
                    u.grid = anc[anc.index(card) - 1]  # the element that holds this card and its siblings
                for bid in labels:
                    u.labels.append(("card-label", blocks[bid].text))
                for bid in self._members(card, b.id) or ():
                    if bid != b.id and (bid in labels or bid not in self.values):
                        u.carriers.append(("card", bid))
                title = self._card_title(card, b)
                if title is not None:
                    u.labels.append(("card-title", blocks[title].text))
        if u.list_key is not None and u.table is None:
            first = self._span(u.list_key, b.id)[0]
            for bid in self._intro(first):
                u.labels.append(("intro", blocks[bid].text))
                u.carriers.append(("intro", bid))
            last = self._last_block(u.list_key, b.id)
            src = self._source_after(last)
            if src is not None:
                u.carriers.append(("source-line", src))
        for h in self.headings(b):
            u.labels.append(("heading", blocks[h].text))
        u.present = frozenset(s for s, _ in u.labels) | frozenset(s for s, _ in u.carriers)
        if u.group is None:
            if u.card is not None:
                u.group = ("card", u.card)
            elif u.list_key is not None:
                u.group = ("list", u.list_key)
            else:
                u.group = ("block", b.id)
        return u

    def _span(self, key: int, bid: int) -> tuple[int, int]:
        """The first and last block under an element that holds block ``bid`` (an element's blocks are
        consecutive); found once per element by walking out from ``bid``."""
        span = self._spans.get(key)
        if span is None:
            blocks = self.doc.blocks
            a = z = bid
            while a > 0 and key in blocks[a - 1].ancestors:
                a -= 1
            while z + 1 < len(blocks) and key in blocks[z + 1].ancestors:
                z += 1
            span = self._spans[key] = (a, z)
        return span

    def _members(self, key: int, bid: int) -> list[int] | None:
        """The blocks under an element, or None when it holds more than a card can."""
        a, z = self._span(key, bid)
        if z - a + 1 > _CARD_MAX_BLOCKS:
            return None
        if sum(len(self.doc.blocks[i].text) for i in range(a, z + 1)) > _CARD_MAX_CHARS:
            return None
        return list(range(a, z + 1))

    def _last_block(self, key: int, fallback: int) -> int:
        """The last block under an element."""
        return self._span(key, fallback)[1]

    # -- tables -----------------------------------------------------------------------------------
    def _intro(self, first: int) -> list[int]:
        """The line that introduces a table or list: the paragraph right before it, when short or
        ending with a colon ("...were as follows:", "**Salary range:**")."""
        blocks = self.doc.blocks
        out = []
        section = blocks[first].section
        if blocks[first].tag in HEADINGS:  # a list of sections (<li><h2>1. Electrician</h2>...): the list's own
            section = self._parents.get(first, -1)
        for bid in (first - 1, first - 2):
            if bid < 0:
                break
            ob = blocks[bid]
            if ob.cell is not None or ob.tag in HEADINGS or ob.tag in ("li", "dd", "dt"):
                break
            if ob.section != section:
                break
            text = ob.text.rstrip()
            if text.endswith(":") or len(text) <= 80 or (bid == first - 1 and len(text) <= 300):
                out.append(bid)
            if not text.endswith(":") and len(text) > 80:
                break
        return out

    def _source_after(self, last: int) -> int | None:
        blocks = self.doc.blocks
        for k in range(last + 1, min(last + 3, len(blocks))):
            ab = blocks[k]
            if ab.cell is not None or ab.tag in HEADINGS:
                return None
            if len(ab.text) < 300 and (SOURCE_LINE.match(ab.text) or self.is_source_block(k)):
                return k
        return None

    # -- cards and definition terms ------------------------------------------------------------------
    def _card(self, b: Block) -> tuple[int | None, list[int]]:
        tags = self.doc.tags
        blocks = self.doc.blocks
        for k in reversed(b.ancestors):
            if tags[k] in _NOT_CARD:
                break
            members = self._members(k, b.id)
            if members is None:
                break
            labels = [bid for bid in members if bid != b.id and self._is_label(blocks[bid])]
            if not labels:
                continue
            values = [bid for bid in members if bid in self.values]
            if len(values) <= 1:
                return k, labels
            return k, _pair(members, labels, values, b.id)
        return None, []

    def _card_title(self, card: int, b: Block) -> int | None:
        """The title of the larger card a stat card sits in: a list item or tile whose first block is a
        short text before the stat ("Registered nurse" over "$93,600 Median salary" and "5% Job growth")."""
        blocks = self.doc.blocks
        first_of_card = self._span(card, b.id)[0]
        anc = b.ancestors
        if card not in anc:
            return None
        for k in reversed(anc[max(0, anc.index(card) - 4):anc.index(card)]):
            if self.doc.tags[k] in _NOT_CARD:
                return None
            members = self._members(k, b.id)
            if members is None or len(members) > _CARD_MAX_BLOCKS:
                return None
            first = members[0]
            if first < first_of_card:
                if first in self.values:
                    continue  # a sibling stat ("$93,600" before "5%"): the title is further out
                t = blocks[first].text
                ok = len(t) <= 60 and not _DIGIT.search(t) and blocks[first].tag not in HEADINGS
                return first if ok else None
        return None

    def _is_label(self, ob: Block) -> bool:
        return ob.id not in self.values and len(ob.text) <= _LABEL_MAX_CHARS and ob.tag not in ("dt", "dd")

    def _dt_for(self, b: Block) -> int | None:
        blocks = self.doc.blocks
        tags = self.doc.tags
        if b.tag != "dd" and not any(tags[k] == "dd" for k in b.ancestors):
            return None
        dl = next((k for k in reversed(b.ancestors) if tags[k] == "dl"), None)
        for bid in range(b.id - 1, max(-1, b.id - 30), -1):
            ob = blocks[bid]
            if dl is not None and dl not in ob.ancestors:
                return None
            if ob.tag == "dt":
                return bid
            if ob.tag == "dd" and b.tag == "dd":
                return None
        return None


def _pair(members: list[int], labels: list[int], values: list[int], me: int) -> list[int]:
    """Labels that belong to value block ``me`` in an element holding several values and labels:
    L V L V pairs each value with the label before it, V L V L with the label after it; one label
    first or last is shared by every value; anything else is ambiguous and gives no label."""
    lab, val = set(labels), set(values)
    seq = [bid for bid in members if bid in lab or bid in val]
    kinds = "".join("L" if bid in lab else "V" for bid in seq)
    if kinds.count("L") == 1 and (kinds[0] == "L" or kinds[-1] == "L"):
        return labels
    i = seq.index(me) if me in seq else -1
    if i < 0:
        return []
    if re.fullmatch(r"(?:L+V)+", kinds):
        j = i - 1
        out = []
        while j >= 0 and kinds[j] == "L":
            out.append(seq[j])
            j -= 1
        return out
    if re.fullmatch(r"(?:VL+)+", kinds):
        j = i + 1
        out = []
        while j < len(seq) and kinds[j] == "L":
            out.append(seq[j])
            j += 1
        return out
    return []


def has_digit(text: str) -> bool:
    return bool(_DIGIT.search(text))
