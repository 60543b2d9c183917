"""A figure in a table: its row's label (the nearest label cell before it), its column's header, the
table's caption, the line that introduces it and the source line under it, and what kind of table it
is (a grid, key-value pairs, statistic rows, period rows). A mixin of ``units.Structure``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from careerlint import rxcache

if TYPE_CHECKING:
    from careerlint.document import Block
    from careerlint.extract.units import Unit

# a cell that is a code, not a name: a SOC code "47-2111", "29-1141.01", a row number "3."
_CODE_CELL = rxcache.compile(r"^\s*(?:\d\d-\d{4}(?:\.\d\d)?|#?\d{1,3}\.?)\s*$")
# a column whose cells name whom or where the next cells are about: "Neighbouring state", "Metro area",
# "Comparable occupation" (not "Outlook" or "Typical education": text about the row's own subject)
_LABEL_COLUMN = rxcache.compile(r"\b(?:states?|provinces?|territory|territories|country|countries|regions?|cit(?:y|ies)|"
                           r"metros?|metro(?:politan)?\s+areas?|county|counties|occupations?|jobs?|careers?|roles?|"
                           r"titles?|positions?|professions?|trades?)\b", re.I)
# a row label that is a statistic of one distribution: "10th", "25th percentile", "Median", "Mean", "90th (top 10%)"
_STAT_ROW = rxcache.compile(r"^\s*(?:(?:10|25|50|75|90)(?:th)?(?:\s*%)?(?:\s+percentile)?|median|mean|average|"
                       r"bottom\s+10\s*%|top\s+10\s*%|lowest\s+10\s*%|highest\s+10\s*%)\b.{0,30}$", re.I)
# a cell that is a year or a period: "2024", "May 2023", "2022-2032", "2034 (projected)"
_YEARISH = rxcache.compile(r"^\s*(?:(?:[A-Z][a-z]{2,8}\.?\s+)?(?:19|20)\d\d(?:\s?[-–—]\s?(?:(?:19|20)?\d\d))?"
                      r"(?:\s*\((?:projected|est\.?|estimated)\))?)\s*$")




class TableUnits:
    """Structure's table reading (see the module's docstring)."""

    def _table_unit(self, b: Block, u: Unit) -> None:
        tid, r, col = b.cell
        info = self._table_info(tid)
        t = self.doc.tables[tid]
        blocks = self.doc.blocks
        u.table, u.row, u.table_kind = tid, r, info["kind"]
        row = t.grid[r] if r < len(t.grid) else []
        header = None
        after_value = False  # a value cell since the label chosen: a label after it starts a new group
        for cc in range(min(col, len(row))):
            bid = row[cc]
            if bid is None or bid == b.id:
                continue
            if bid in self.values:
                # only a column that says what its cells name starts a new group after a value
                after_value = header is not None and cc + 1 < col and \
                    bool(_LABEL_COLUMN.search(t.column_header(cc + 1, self.doc)))
                continue
            # a cell that spans rows ("Healthcare Practitioners" over four occupations) groups the rows:
            # the row's own label is a cell of its own
            spans = (r > 0 and cc < len(t.grid[r - 1]) and t.grid[r - 1][cc] == bid) or \
                (r + 1 < len(t.grid) and cc < len(t.grid[r + 1]) and t.grid[r + 1][cc] == bid)
            if spans and header is None and any(x is not None and x != bid and x not in self.values and
                                                x not in info["years"] for x in row[cc + 1:col]):
                continue
            # "British Columbia | $50.20 | Washington | $57.60": the USD cell is Washington's
            if (bid in info["years"] and not blocks[bid].header) or _CODE_CELL.match(blocks[bid].text):
                continue  # a year of a period-rows table, or an id: "47-2111" (the next cell names the row)
            if header is None or after_value or (blocks[bid].header and not blocks[header].header):
                header, after_value = bid, False  # a row header cell (th) wins over a plain one before it
        if header is None and info["kind"] == "period-rows" and row and row[0] is not None and row[0] != b.id:
            header = row[0]
        if header is not None:
            u.labels.append(("row-header", blocks[header].text))
            u.carriers.append(("table-row", header))
        for bid in row:
            if bid is not None and bid != b.id and bid in info["years"]:
                u.carriers.append(("table-row", bid))
        if r >= t.header_rows:
            ch = t.column_header(col, self.doc)
            if ch:
                u.labels.append(("column-header", ch))
            for rr in range(t.header_rows):
                if col < len(t.grid[rr]) and t.grid[rr][col] is not None:
                    u.carriers.append(("column-header", t.grid[rr][col]))
        if t.caption is not None:
            u.labels.append(("caption", blocks[t.caption].text))
            u.carriers.append(("caption", t.caption))
        for bid in info["intro"]:
            u.labels.append(("intro", blocks[bid].text))
            u.carriers.append(("intro", bid))
        if info["source"] is not None:
            u.carriers.append(("source-line", info["source"]))
        u.group = ("table", tid) if info["kind"] in ("key-value", "stat-rows") else ("row", tid, r)

    def _table_info(self, tid: int) -> dict:
        info = self._tables.get(tid)
        if info is not None:
            return info
        t = self.doc.tables[tid]
        blocks = self.doc.blocks
        ids = [bid for row in t.grid for bid in row if bid is not None]
        firsts = [row[0] for row in t.grid[t.header_rows:] if row and row[0] is not None]
        years = {bid for bid in set(ids) if _YEARISH.match(blocks[bid].text)}
        ncols = max((len(row) for row in t.grid), default=0)
        kind = "grid"
        if firsts and sum(1 for bid in firsts if bid in years) * 2 > len(firsts):
            kind = "period-rows"
        elif ncols == 2 and not any(x is not None for row in t.grid[:t.header_rows] for x in row) and firsts and \
                all(bid not in self.values for bid in firsts):  # no header, or an empty one (Markdown "| | |")
            kind = "key-value"
        elif len(firsts) >= 3 and all(_STAT_ROW.match(blocks[bid].text) for bid in firsts):
            kind = "stat-rows"   # "Percentile | Hourly | Annual" over rows 10th, 25th, Median, 75th, 90th: one unit
        info = {"kind": kind, "years": years if kind == "period-rows" else set(), "intro": [], "source": None}
        if ids:
            first = min(ids + ([t.caption] if t.caption is not None else []))
            info["intro"] = self._intro(first)
            info["source"] = self._source_after(max(ids))
        self._tables[tid] = info
        return info
