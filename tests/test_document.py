"""The Document: visible text blocks, their source lines, and table grids."""

from careerlint.document import parse_html


def texts(doc):
    return [(b.line, b.text) for b in doc.blocks]


def test_blocks_keep_the_source_line_where_their_text_starts():
    html = ("<html><body>\n<h1>Carpenters</h1>\n<p>\n  Carpenters build\n  things.\n</p>\n"
            "<ul><li>one</li>\n<li>two</li></ul>\n</body></html>")
    doc = parse_html(html)
    assert texts(doc) == [(2, "Carpenters"), (4, "Carpenters build things."), (7, "one"), (8, "two")]


def test_line_of_text_inside_a_long_paragraph():
    doc = parse_html("<p>The median\nannual wage\nwas $59,310.</p>")
    b = doc.blocks[0]
    assert b.line_at(b.text.index("$59,310")) == 3


def test_every_line_of_a_paragraph_spread_over_inline_elements_keeps_its_line():
    doc = parse_html("<p>The median\n<b>annual\nwage</b> for\n<a href=x>nurses</a> was\n$93,600.</p>")
    b = doc.blocks[0]
    assert b.text == "The median annual wage for nurses was $93,600."
    assert (b.offsets, b.lines) == ([0, 11, 18, 27, 38], [1, 2, 3, 4, 5])
    assert [b.line_at(b.text.index(w)) for w in ("median", "annual", "wage", "nurses", "$93,600")] == [1, 2, 3, 4, 5]


def test_attributes_that_hide_or_suppress_are_read_whatever_their_case():
    doc = parse_html("<DIV HIDDEN><p>secret $5</p></DIV>\n<P data-careerlint-ignore='stale-source,  unsourced-figure'>"
                     "shown\n<br>here</P><p>next</p>")
    assert [(b.text, b.lines) for b in doc.blocks] == [("shown here", [2, 3]), ("next", [3])]
    [d] = doc.directives
    assert (d.kind, d.rules, d.line, d.end) == ("ignore", ("stale-source", "unsourced-figure"), 2, 3)


def test_invisible_text_is_dropped():
    doc = parse_html("<head><title>T</title><style>p{}</style></head><body><script>x=1</script>"
                     "<p hidden>secret</p><!-- note --><p>shown</p><noscript>js</noscript></body>")
    assert [b.text for b in doc.blocks] == ["shown"]
    assert doc.title == "T"


def test_table_grid_with_rowspan_and_colspan():
    html = ("<table><thead><tr><th rowspan=2>Title</th><th colspan=2>Change, 2024-34</th></tr>\n"
            "<tr><th>Percent</th><th>Numeric</th></tr></thead>\n"
            "<tbody><tr><th>Carpenters</th><td>4</td><td>43,100</td></tr></tbody></table>")
    doc = parse_html(html)
    t = doc.tables[0]
    assert t.header_rows == 2
    assert t.column_header(1, doc) == "Change, 2024-34 Percent"
    assert t.column_header(2, doc) == "Change, 2024-34 Numeric"
    cell = next(b for b in doc.blocks if b.text == "43,100")
    assert cell.cell == (0, 2, 2) and cell.line == 3


def test_layout_table_cells_hold_ordinary_blocks():
    html = "<table><tr><td><h1>Guide</h1><p>First.</p><p>Second.</p></td></tr></table>"
    doc = parse_html(html)
    assert [(b.text, b.cell) for b in doc.blocks] == [("Guide", None), ("First.", None), ("Second.", None)]


def test_cell_content_reads_as_one_block():
    doc = parse_html("<table><tr><th><p><strong>Carpenters</strong></p></th><td><span>$59,310</span> per year</td></tr></table>")
    assert [b.text for b in doc.blocks] == ["Carpenters", "$59,310 per year"]


def test_empty_and_whitespace_pages():
    assert parse_html("").blocks == []
    assert parse_html("  \n ").blocks == []


def test_deep_nesting_does_not_recurse():
    html = "<div>" * 5000 + "<p>Median pay: $50,000</p>" + "</div>" * 5000
    doc = parse_html(html)
    assert [b.text for b in doc.blocks] == ["Median pay: $50,000"]
