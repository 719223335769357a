"""Read .html/.htm exports: paragraphs, list items (with their printed numbers), tables."""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag

from tracker.parsing.readers import Block, paragraph, row

_PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "dt", "dd"}
_BREAK = "\ue000"  # stands for a <br> while the source's own line breaks are collapsed
_SKIP = {"script", "style", "head", "title", "meta", "noscript"}


def read_html(text: str) -> list[Block]:
    soup = BeautifulSoup(text, "html.parser")
    root = soup.body or soup
    blocks: list[Block] = []
    _walk(root, blocks, [0])
    return blocks


def _walk(node: Tag, blocks: list[Block], tables: list[int]) -> None:
    for child in node.children:
        if isinstance(child, NavigableString):
            _add_lines(blocks, str(child))
        elif isinstance(child, Tag) and child.name not in _SKIP:
            _walk_tag(child, blocks, tables)


def _walk_tag(tag: Tag, blocks: list[Block], tables: list[int]) -> None:
    if tag.name == "table":
        blocks.extend(_table_rows(tag, tables[0]))
        tables[0] += 1
    elif tag.name in ("ol", "ul"):
        _list_items(tag, blocks, tables)
    elif tag.name in _PARAGRAPHS:
        _add_lines(blocks, _text(tag))
    elif tag.name == "br":
        return
    else:
        _walk(tag, blocks, tables)


def _list_items(tag: Tag, blocks: list[Block], tables: list[int], prefix: str = "") -> None:
    """Items with the numbers a browser shows; a nested <ol> under "2." counts "2.1.", "2.2."."""
    ordered = tag.name == "ol"
    counter = int(tag.get("start", 1) or 1) if ordered else 0
    for li in tag.find_all("li", recursive=False):
        nested = [c for c in li.find_all(["ol", "ul"], recursive=False)]
        for sub in nested:
            sub.extract()
        number = f"{prefix}{counter}." if ordered else ""
        _add_lines(blocks, f"{number or '-'} {_text(li)}")
        counter += 1
        for sub in nested:
            _list_items(sub, blocks, tables, number or prefix)


def _table_rows(table: Tag, index: int) -> list[Block]:
    rows = []
    spans: dict[int, int] = {}  # column -> rows still covered by a rowspan above
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        cells = _row_cells(tr, spans)
        if any(c.strip() for c in cells):
            rows.append(row(cells, index))
    return rows


def _row_cells(tr: Tag, spans: dict[int, list]) -> list[str]:
    """The row's cells in their columns: a cell under a rowspan from above repeats its
    text, as the .docx reader does for a vertically merged cell, so the rows below keep
    their owner and deadline and the later cells keep their columns."""
    cells: list[str] = []
    for cell in tr.find_all(["td", "th"], recursive=False):
        _fill_spanned(cells, spans)
        start, width, height = len(cells), _int(cell.get("colspan")), _int(cell.get("rowspan"))
        text = _text(cell)
        cells.append(text)
        cells.extend([""] * (width - 1))
        if height > 1:
            spans[start] = [height - 1, text]
            for column in range(start + 1, start + width):
                spans[column] = [height - 1, ""]
    _fill_spanned(cells, spans)
    return cells


def _fill_spanned(cells: list[str], spans: dict[int, list]) -> None:
    while spans.get(len(cells), [0])[0] > 0:
        covered = spans[len(cells)]
        covered[0] -= 1
        cells.append(covered[1])


def _int(value) -> int:
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return 1


def _text(tag: Tag) -> str:
    """The tag's text on one line per <br>: line breaks of the source (Word wraps its HTML at
    76 columns) are spaces, not new paragraphs."""
    for br in tag.find_all("br"):
        br.replace_with(_BREAK)
    text = " ".join(tag.get_text(" ").split())
    return text.replace(_BREAK, "\n")


def _add_lines(blocks: list[Block], text: str) -> None:
    for line in text.split("\n"):
        if line.strip():
            blocks.append(paragraph(" ".join(line.split())))
