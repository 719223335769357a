"""Read .html/.htm exports: paragraphs, list items (with their printed numbers), tables.

The table limits below are shared with `docx_reader`: a few bytes of markup (a colspan of
fifty million) must not expand into rows that take minutes and gigabytes downstream.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice

from bs4 import BeautifulSoup, NavigableString, Tag

from tracker.parsing.limits import CellBudget, span_value, span_width, thousands
from tracker.parsing.readers import Block, UnreadableDocument, paragraph, row

# A Word export spends ~75 bytes per tag and BeautifulSoup ~600 bytes of memory per tag, so
# this allows a 7 MB export while keeping the tree near 60 MB (10 MB of "<b>" took 2 GB).
MAX_TAGS = 100_000
# Real exports nest 6-10 levels; html.parser nests every unclosed tag, and the walk below
# recurses per level, so a deeper tree is refused before it is walked.
MAX_DEPTH = 100

_PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "dt", "dd"}
_BREAK = "\ue000"  # stands for a <br> while the source's own line breaks are collapsed
_SKIP = {"script", "style", "head", "title", "meta", "noscript"}
_TAG_RE = re.compile(r"<[A-Za-z]")


@dataclass
class _Reading:
    """What the walk has read so far, and what its tables may still expand to."""

    blocks: list[Block] = field(default_factory=list)
    tables: int = 0
    cells: CellBudget = field(default_factory=CellBudget)


def read_html(text: str) -> list[Block]:
    _check_tag_count(text)
    soup = BeautifulSoup(text, "html.parser")
    _check_depth(soup)
    reading = _Reading()
    _walk(soup.body or soup, reading)
    return reading.blocks


def _check_tag_count(text: str) -> None:
    """Count opening tags before BeautifulSoup builds them, stopping at the limit so a
    flood of tags costs no more to count than an allowed file."""
    if sum(1 for _ in islice(_TAG_RE.finditer(text), MAX_TAGS + 1)) > MAX_TAGS:
        raise UnreadableDocument(
            f"Документ HTML слишком велик для разбора (больше {thousands(MAX_TAGS)} тегов); "
            "файл отклонён."
        )


def _check_depth(root: Tag) -> None:
    """Measure the nesting without recursion, so a file of 50 000 nested tags is refused
    with a sentence instead of a RecursionError."""
    stack = [(root, 0)]
    while stack:
        tag, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise UnreadableDocument(
                f"Документ HTML вложен слишком глубоко (больше {MAX_DEPTH} уровней тегов); "
                "файл отклонён."
            )
        stack.extend((child, depth + 1) for child in tag.contents if isinstance(child, Tag))


def _walk(node: Tag, reading: _Reading) -> None:
    for child in node.children:
        if isinstance(child, NavigableString):
            _add_lines(reading.blocks, str(child))
        elif isinstance(child, Tag) and child.name not in _SKIP:
            _walk_tag(child, reading)


def _walk_tag(tag: Tag, reading: _Reading) -> None:
    if tag.name == "table":
        reading.blocks.extend(_table_rows(tag, reading))
        reading.tables += 1
    elif tag.name in ("ol", "ul"):
        _list_items(tag, reading.blocks)
    elif tag.name in _PARAGRAPHS:
        _add_lines(reading.blocks, _text(tag))
    elif tag.name == "br":
        return
    else:
        _walk(tag, reading)


def _list_items(tag: Tag, blocks: list[Block], prefix: str = "") -> None:
    """Items with the numbers a browser shows; a nested <ol> under "2." counts "2.1.", "2.2."."""
    ordered = tag.name == "ol"
    counter = _start(tag.get("start")) if ordered else 0
    for li in tag.find_all("li", recursive=False):
        nested = [c for c in li.find_all(["ol", "ul"], recursive=False)]
        for sub in nested:
            sub.extract()
        number = f"{prefix}{counter}." if ordered else ""
        _add_lines(blocks, f"{number or '-'} {_text(li)}")
        counter += 1
        for sub in nested:
            _list_items(sub, blocks, number or prefix)


def _start(value: str | None) -> int:
    """The first number of an <ol>: 0 and negatives are valid HTML, anything else is 1."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 1


def _table_rows(table: Tag, reading: _Reading) -> list[Block]:
    rows = []
    spans: dict[int, list] = {}  # column -> [rows still covered by a rowspan above, text]
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        cells = _row_cells(tr, spans)
        reading.cells.spend(len(cells))
        if any(c.strip() for c in cells):
            rows.append(row(cells, reading.tables))
    return rows


def _row_cells(tr: Tag, spans: dict[int, list]) -> list[str]:
    """The row's cells in their columns: a cell under a rowspan from above repeats its
    text, as the .docx reader does for a vertically merged cell, so the rows below keep
    their owner and deadline and the later cells keep their columns."""
    cells: list[str] = []
    for cell in tr.find_all(["td", "th"], recursive=False):
        _fill_spanned(cells, spans)
        start = len(cells)
        width, height = span_width(cell.get("colspan"), start), span_value(cell.get("rowspan"))
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
