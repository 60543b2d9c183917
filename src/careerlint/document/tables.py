"""Tables as the walker reads them: the parts it opens and closes (start_part, end_part), and the
grid of a finished table: which cell covers each row and column, with rowspan and colspan, bounded."""

from __future__ import annotations


from careerlint import rxcache
from careerlint.document.blocktext import BlockText
from careerlint.document.model import Table
from careerlint.errors import InputError

MAX_COLSPAN = 1000    # the limits browsers apply (HTML: "colspan ... 1000", "rowspan ... 65534")
MAX_ROWSPAN = 65534
MAX_GRID = 2_000_000  # grid slots of one table (16 MB of references)

# what an element opened (the walker keeps one per open element), so that its end closes that
NOTHING, BLOCK, SOFT, CELL, CAPTION, THEAD, TABLE = range(7)


def build_grid(rows: list[dict], path: str, line: int) -> tuple[list[list[int | None]], int]:
    """(grid of block ids per row and column, number of leading header rows) for the rows of a
    table as the walker collected them ({"cells": [{"bid", "th", "colspan", "rowspan"}], "head"}).

    Spans are clamped as browsers clamp them (colspan <= 1000, rowspan <= 65534, and never past
    the last row), and the grid may hold at most 1,000 slots per cell (room for the
    "colspan=1000" idiom of a full-width row) and MAX_GRID in all: a 1 KB table of
    colspan=1000 rowspan=1000 cells took 3 GB. Past that the page is refused (InputError)."""
    grid: list[list[int | None]] = []
    pending: dict[tuple[int, int], int | None] = {}  # (row, col) -> bid from rowspans
    header_rows = 0
    leading = True
    cells_in_table = sum(len(row["cells"]) for row in rows)
    budget = min(1000 * cells_in_table + 100_000, MAX_GRID)
    used = 0
    for r, row in enumerate(rows):
        out: list[int | None] = []
        c = 0
        cells = iter(row["cells"])
        cell = next(cells, None)
        while cell is not None or (r, c) in pending:
            if (r, c) in pending:
                out.append(pending.pop((r, c)))
                c += 1
                continue
            bid = cell["bid"]
            span = min(cell["colspan"], MAX_COLSPAN)
            down = min(cell["rowspan"], MAX_ROWSPAN, len(rows) - r)
            used += span * down
            if used > budget:
                raise InputError(f"{path}: error: table at line {line} spans more than {budget:,} grid cells "
                                 f"with {cells_in_table:,} cells (colspan/rowspan); page not checked")
            for k in range(span):
                out.append(bid)
                for dr in range(1, down):
                    pending[(r + dr, c + k)] = bid
            c += span
            cell = next(cells, None)
        grid.append(out)
        is_head = row["head"] or (row["cells"] and all(x["th"] for x in row["cells"]))
        if leading and is_head:
            header_rows += 1
        else:
            leading = False
    return grid, header_rows


def finish_table(info: dict, tid: int, blocks: list, path: str):
    """The Table of a table the walker collected (``info``: its key, line, rows and caption); its
    cells' blocks learn their (table, row, column) and whether they are in a header row."""
    table = Table(tid, info["key"], info["line"], caption=info["caption"])
    table.grid, table.header_rows = build_grid(info["rows"], path, info["line"])
    if table.header_rows == 0 and _plain_header(table.grid, blocks):
        table.header_rows = 1
    for r, row in enumerate(table.grid):
        for c, bid in enumerate(row):
            if bid is not None and blocks[bid].cell is not None and blocks[bid].cell[1] < 0:
                blk = blocks[bid]
                blk.cell = (tid, r, c)
                if r < table.header_rows:
                    blk.header = True
    return table


# a cell that holds an amount: "$64,020", "10,940", "€52k" (not "10th", "2024")
_AMOUNT = rxcache.compile(r"[$€£]\s?\d|\d{1,3},\d{3}")


def _plain_header(grid: list, blocks: list) -> bool:
    """A first row of plain cells (<td><b>10th</b></td>, as PDF converters and old CMSs write) over rows
    of amounts: the table's header, as if it were <th>. Only for tables of three columns or more (two
    columns are label | value pairs) and three rows or more."""
    if len(grid) < 3 or min(len(r) for r in grid) < 3:
        return False
    first = [bid for bid in dict.fromkeys(grid[0]) if bid is not None]
    if not first or any(_AMOUNT.search(blocks[bid].text) for bid in first):
        return False
    body = [bid for row in grid[1:] for bid in dict.fromkeys(row) if bid is not None]
    return sum(1 for bid in body if _AMOUNT.search(blocks[bid].text)) * 2 >= len(body)


_LAYOUT_EVIDENCE = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "section",
                              "article", "main", "nav", "form", "blockquote"})


def is_layout_cell(el) -> bool:
    """A cell used for page layout: it holds headings, lists, tables or several paragraphs."""
    paragraphs = 0
    for n, d in enumerate(el.iterdescendants()):
        if n > 400:
            return True
        tag = d.tag
        if not isinstance(tag, str):
            continue
        if tag in _LAYOUT_EVIDENCE:
            return True
        if tag == "p":
            paragraphs += 1
            if paragraphs > 1:
                return True
    return False


def span(value: str | None) -> int:
    """A colspan or rowspan attribute as a count: 1 when absent, not a number, or below 1."""
    try:
        n = int((value or "1").strip())
    except ValueError:
        return 1
    return n if n > 0 else 1


def _flush(builders: list[BlockText], emit) -> None:
    """Emit the text collected so far by the innermost block (a table or cell starts in it)."""
    top = builders[-1]
    if top.run is not None or top.length:
        emit(top)
        top.length = 0
        top.space = False


def start_part(el, tag: str, key: int, builders: list[BlockText], open_tables: list[dict], depth: int,
                emit) -> int:
    """Start a table or a part of the innermost open table (outside any cell); what it opened."""
    if tag == "table":
        _flush(builders, emit)
        open_tables.append({"key": key, "line": el.sourceline or 1, "rows": [], "caption": None, "in_head": 0})
        return TABLE
    t = open_tables[-1]
    if tag == "thead":
        t["in_head"] += 1
        return THEAD
    if tag == "tr":
        t["rows"].append({"cells": [], "head": t["in_head"] > 0})
        return NOTHING
    if tag == "caption":
        _flush(builders, emit)
        builders.append(BlockText(tag, depth))
        return CAPTION
    # a cell
    if not t["rows"]:
        t["rows"].append({"cells": [], "head": t["in_head"] > 0})
    layout = is_layout_cell(el)  # a page laid out with a table: its cells hold ordinary blocks
    t["rows"][-1]["cells"].append({"bid": None, "th": tag == "th" and not layout,
                                   "colspan": span(el.get("colspan")), "rowspan": span(el.get("rowspan"))})
    _flush(builders, emit)
    if layout:
        builders.append(BlockText("div", depth))
        return BLOCK
    builders.append(BlockText(tag, depth, (-1, -1, -1), tag == "th" or t["in_head"] > 0))
    return CELL


def end_part(what: int, builders: list[BlockText], open_tables: list[dict], tables: list, blocks: list,
              emit, path: str) -> int:
    """End what an element opened (but a plain block); 1 when that was a table cell."""
    if what == SOFT:
        builders[-1].soft_break()
    elif what == CELL:
        open_tables[-1]["rows"][-1]["cells"][-1]["bid"] = emit(builders.pop())
        return 1
    elif what == CAPTION:
        open_tables[-1]["caption"] = emit(builders.pop())
    elif what == THEAD:
        open_tables[-1]["in_head"] -= 1
    elif what == TABLE:
        _flush(builders, emit)
        tables.append(finish_table(open_tables.pop(), len(tables), blocks, path))
    return 0
