"""The layout of a plain text: which lines are paragraphs and which are table rows.

Text exports write tables in many ways; each becomes the same rows of cells:
- tab-separated cells, one row a line (Word's "save as text");
- `|` tables: a markdown row a line ("| a | b |", "a | b |"), or a stream of cells that
  ignores line ends — one cell a line ending in "|" with its text wrapped over several
  lines, or a whole table on one or two lines ("1. | Мероприятие | до 25.11 | Отдел | 2. | …");
- box-drawing grids ("│ 1 │ Мероприятие │ …", rows between "├───┼───┤" rules).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import count

from tracker.domain.text import mend_words, normalize_line
from tracker.parsing.blocks import Block, paragraph, row, strong_cells
from tracker.parsing.line_rows import rows_from_lines

_SEPARATOR_CELL_RE = re.compile(r"^\s*:?-{2,}:?\s*$")
_MARKER_CELL_RE = re.compile(r"^\s*(?:(?:\d{1,2}\.)*\d{1,2}[.)]?|[а-яa-z]\)|[-–—•·▪●])\s*$")
ROW_NUMBER_RE = re.compile(r"^(?:№\s*)?(?:\d{1,3}(?:\.\d{1,3}){0,3}\.?|(?-i:[IVXLC]{1,6})\.?)$")
_BOX_VERTICAL = "│┃║┆┇┊┋╎╏"
_BOX_RE = re.compile("[\u2500-\u257f]")
_ASCII_RULE_RE = re.compile(r"^\s*\+[-=+]{3,}\+\s*$")
_RULE_LINE_RE = re.compile(r"^[\s\u2500-\u257f+\-=|:]+$")
_LEAD_IN_RE = re.compile(r"^\s*(?:№|N)?\s*(?:п\s*/\s*п|п\.)?\s*$")  # "№" above "п/п |"
_GAP_LINES = 12  # lines of one wrapped cell between two "|"


def text_blocks(text: str) -> list[Block]:
    """Blocks of a normalised plain text, tables found in whatever form they take."""
    lines = text.split("\n")
    blocks: list[Block] = []
    tables = count()
    index = 0
    while index < len(lines):
        grid_end = _grid_end(lines, index)
        if grid_end is not None:
            blocks.extend(_grid_rows(lines[index:grid_end], next(tables)))
            index = grid_end
            continue
        pipe_end = _pipe_end(lines, index)
        if pipe_end is not None:
            start = _lead_in(lines, index, blocks)
            blocks.extend(_pipe_rows(lines[start:pipe_end], next(tables)))
            index = pipe_end
            continue
        blocks.extend(_plain_line(lines[index]))
        index += 1
    return rows_from_lines(blocks, next(tables))


def _plain_line(line: str) -> list[Block]:
    """A paragraph, or a tab-separated row ("2.1<tab>Проведение …" is a numbered paragraph)."""
    cells = _tab_cells(line)
    if cells is not None and len(cells) == 2 and _MARKER_CELL_RE.match(cells[0]):
        return [paragraph(normalize_line(f"{cells[0].strip()} {cells[1].strip()}"))]
    if cells is not None:
        if all(_SEPARATOR_CELL_RE.match(c) or not c.strip() for c in cells):
            return []
        return [row([normalize_line(c) for c in cells], strong=strong_cells(cells))]
    text = normalize_line(line)
    return [paragraph(text)] if text else []


def _tab_cells(line: str) -> list[str] | None:
    """A line is a row when a tab separates text, or when it starts with two or more
    tabs (a continuation row whose first cells are empty); one leading tab is an indent."""
    if line.strip() and ("\t" in line.lstrip("\t") or line.startswith("\t\t")):
        return line.split("\t")
    return None


# --- "|" tables -------------------------------------------------------------------------


def _pipe_end(lines: list[str], start: int) -> int | None:
    """The end of a `|` table starting at lines[start]: pipe lines, and the lines of cells
    wrapped between them."""
    if "|" not in lines[start] or _BOX_RE.search(lines[start]):
        return None
    last = start
    index = start + 1
    while index < len(lines):
        if "|" in lines[index]:
            last = index
        elif index - last > _GAP_LINES or not _wrapped_cell_follows(lines, index):
            break
        index += 1
    return last + 1


def _wrapped_cell_follows(lines: list[str], index: int) -> bool:
    """A line without "|" inside a table: the next pipe line comes soon, with no blank
    line or long paragraph before it."""
    for offset, line in enumerate(lines[index : index + _GAP_LINES]):
        if "|" in line:
            return True
        if (offset and not line.strip()) or len(line) > 200:
            return False
    return False


def _lead_in(lines: list[str], start: int, blocks: list[Block]) -> int:
    """A header's first cell may begin a line or two above ("№" / "п/п |"): take those
    lines back from the paragraphs already read."""
    if lines[start].lstrip().startswith("|"):
        return start
    first = start
    while first > 0 and start - first < 3 and _LEAD_IN_RE.match(lines[first - 1]):
        first -= 1
    taken = [line for line in lines[first:start] if line.strip()]
    for line in reversed(taken):
        if blocks and not blocks[-1].is_row and blocks[-1].text == normalize_line(line):
            blocks.pop()
        else:
            return start
    return first


def _pipe_rows(lines: list[str], table: int) -> list[Block]:
    if _one_row_a_line(lines):
        rows = [_raw_line_cells(line) for line in lines if "|" in line]
        return [
            row([normalize_line(c) for c in cells], table, strong_cells(cells))
            for cells in rows
            if cells
        ]
    return [row(cells, table) for cells in _stream_rows(_stream_cells(lines))]


def _one_row_a_line(lines: list[str]) -> bool:
    """A markdown table: no wrapped cells, and its lines hold the same number of cells (or a
    "---|---" rule says so)."""
    pipe_lines = [line for line in lines if "|" in line]
    if len(pipe_lines) != len([line for line in lines if line.strip()]):
        return False
    if any(_is_rule(line) for line in pipe_lines):
        return True
    widths = Counter(len(_raw_line_cells(line)) for line in pipe_lines)
    width, seen = widths.most_common(1)[0]
    return len(pipe_lines) >= 2 and width >= 2 and seen >= 0.7 * len(pipe_lines)


def _is_rule(line: str) -> bool:
    cells = [c for c in line.strip().strip("|").split("|")]
    return all(_SEPARATOR_CELL_RE.match(c) for c in cells)


def _raw_line_cells(line: str) -> list[str]:
    """The cells of one markdown row, as written; a rule row has none."""
    if _is_rule(line):
        return []
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|"):
        stripped = stripped[:-1]
    return stripped.split("|")


def _stream_cells(lines: list[str]) -> list[str]:
    """Cells between "|" whatever the line ends; a cell keeps its own line breaks."""
    pieces = "\n".join(lines).split("|")
    if not pieces[-1].strip():
        pieces.pop()
    return [normalize_line(mend_words(piece.strip())) for piece in pieces]


def _stream_rows(cells: list[str]) -> list[list[str]]:
    """Rows of a cell stream: each row starts at its number cell ("1.", "1.1", "II."); the
    header is what comes before the first row, as wide as the rows are."""
    cells = _without_index_row(cells)
    starts = [i for i, cell in enumerate(cells) if ROW_NUMBER_RE.match(cell)]
    if not starts:
        return [cells]
    width = _row_width(starts) or starts[0]
    header = cells[: min(width, starts[0])] if starts[0] else []
    rows = [header] if header else []
    if len(header) < starts[0]:
        rows.append(cells[len(header) : starts[0]])  # a section row above the first item
    current: list[str] = []
    previous = None
    for cell in cells[starts[0] :]:
        if ROW_NUMBER_RE.match(cell) and _starts_row(cell, previous, current, width):
            if current:
                rows.extend(_split_overflow(current, width))
            current, previous = [cell], cell
        else:
            current.append(cell)
    if current:
        rows.extend(_split_overflow(current, width))
    return [r for r in rows if any(c.strip() for c in r)]


def _without_index_row(cells: list[str]) -> list[str]:
    """Drop the "1 | 2 | 3 | 4" row some tables print under their header."""
    for start in range(len(cells)):
        run = 0
        while start + run < len(cells) and cells[start + run].rstrip(".") == str(run + 1):
            run += 1
        if run >= 3:
            return cells[:start] + cells[start + run :]
    return cells


def _row_width(starts: list[int]) -> int | None:
    gaps = Counter(b - a for a, b in zip(starts, starts[1:], strict=False) if b - a > 1)
    return gaps.most_common(1)[0][0] if gaps else None


def _starts_row(cell: str, previous: str | None, current: list[str], width: int) -> bool:
    if previous is None or len(current) >= width - 1:
        return True
    return _follows(previous, cell)


def _follows(previous: str, number: str) -> bool:
    """ "2." after "1.", "1.1." after "1.", "2." after "1.3."."""
    before = [p for p in re.split(r"\.", previous.strip("№ .")) if p]
    after = [p for p in re.split(r"\.", number.strip("№ .")) if p]
    if not before or not after or not all(p.isdigit() for p in before + after):
        return False
    if len(after) == len(before) + 1 and after[:-1] == before and after[-1] == "1":
        return True
    depth = len(after)
    return (
        depth <= len(before)
        and before[: depth - 1] == after[:-1]
        and (int(after[-1]) == int(before[depth - 1]) + 1)
    )


def _split_overflow(cells: list[str], width: int) -> list[list[str]]:
    """A row with more cells than the table is wide: the rest is a section row after it."""
    if len(cells) <= width + 1 or not width:
        return [cells]
    rest = cells[width:]
    return [cells[:width], rest] if sum(1 for c in rest if c.strip()) == 1 else [cells]


# --- box-drawing grids ------------------------------------------------------------------


def _grid_end(lines: list[str], start: int) -> int | None:
    """The end of a grid drawn with box characters, or with "+----+" rules and "|"."""
    if not (_BOX_RE.search(lines[start]) or _ASCII_RULE_RE.match(lines[start])):
        return None
    index = start
    while index < len(lines) and _in_grid(lines[index]):
        index += 1
    return index if index - start >= 2 else None


def _in_grid(line: str) -> bool:
    return bool(_BOX_RE.search(line) or "|" in line or _ASCII_RULE_RE.match(line))


def _grid_rows(lines: list[str], table: int) -> list[Block]:
    """Rows between rule lines; a numbered first cell also opens a row (grids that rule off
    only their header)."""
    groups: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in lines:
        if _RULE_LINE_RE.match(line):
            if current:
                groups.append(current)
            current = []
            continue
        segments = _segments(line)
        if current and segments and ROW_NUMBER_RE.match(segments[0].strip()):
            groups.append(current)
            current = []
        current.append(segments)
    if current:
        groups.append(current)
    return [row(_merged(group), table) for group in groups if group]


def _segments(line: str) -> list[str]:
    parts = re.split(f"[{_BOX_VERTICAL}|]", line)
    if parts and not parts[0].strip():
        parts = parts[1:]
    if parts and not parts[-1].strip():
        parts = parts[:-1]
    return parts


def _merged(group: list[list[str]]) -> list[str]:
    """A cell's lines joined, a word hyphenated at a line end made whole."""
    width = max(len(segments) for segments in group)
    cells = []
    for column in range(width):
        parts = [s[column].strip() for s in group if column < len(s) and s[column].strip()]
        cells.append(normalize_line(mend_words("\n".join(parts))))
    return cells
