"""Read .html/.htm exports: paragraphs, list items (with their printed numbers), tables."""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag

from tracker.parsing.readers import Block, paragraph, row

_PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "dt", "dd"}
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


def _list_items(tag: Tag, blocks: list[Block], tables: list[int]) -> None:
    ordered = tag.name == "ol"
    counter = int(tag.get("start", 1) or 1) if ordered else 0
    for li in tag.find_all("li", recursive=False):
        nested = [c for c in li.find_all(["ol", "ul"], recursive=False)]
        for sub in nested:
            sub.extract()
        label = f"{counter}." if ordered else "-"
        _add_lines(blocks, f"{label} {_text(li)}")
        counter += 1
        for sub in nested:
            _list_items(sub, blocks, tables)


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


def _row_cells(tr: Tag, spans: dict[int, int]) -> list[str]:
    """The row's cells in their columns: a cell under a rowspan from above is left empty,
    as Word's merged cells are, so the later cells keep their columns."""
    cells: list[str] = []
    for cell in tr.find_all(["td", "th"], recursive=False):
        _skip_spanned(cells, spans)
        start, width, height = len(cells), _int(cell.get("colspan")), _int(cell.get("rowspan"))
        cells.append(_text(cell))
        cells.extend([""] * (width - 1))
        for column in range(start, start + width):
            if height > 1:
                spans[column] = height - 1
    _skip_spanned(cells, spans)
    return cells


def _skip_spanned(cells: list[str], spans: dict[int, int]) -> None:
    while spans.get(len(cells), 0) > 0:
        spans[len(cells)] -= 1
        cells.append("")


def _int(value) -> int:
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return 1


def _text(tag: Tag) -> str:
    for br in tag.find_all("br"):
        br.replace_with("\n")
    return tag.get_text(" ")


def _add_lines(blocks: list[Block], text: str) -> None:
    for line in text.split("\n"):
        if line.strip():
            blocks.append(paragraph(" ".join(line.split())))
