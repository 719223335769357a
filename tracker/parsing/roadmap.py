"""Measures tables (roadmaps, plans in appendices): columns found by their header words.

A table's columns are named by a header row, never assumed by position. Section rows
("I. Целеполагание…") give the stage; rows with an empty number continue the row above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tracker.domain.deadlines.finder import DATE_KINDS, find_phrases
from tracker.domain.deadlines.lexicon import fold
from tracker.domain.owners import parse_owners
from tracker.domain.vocabulary import COLUMN_ROLES, IGNORED_COLUMNS
from tracker.parsing.common import BULLET_RE, one_line, split_clauses
from tracker.parsing.items import RawItem
from tracker.parsing.readers import Block
from tracker.parsing.shaping import is_actionable
from tracker.parsing.table_text import ROMAN_RE, depth, numbered, paragraph_role, signature_row

_COLUMN_ROLES = tuple((role, re.compile(pattern)) for role, pattern in COLUMN_ROLES)
_IGNORED_RE = re.compile(IGNORED_COLUMNS)
_HEADER_HINT_RE = re.compile(r"срок|дата|период|время|ответствен|исполнител|отв-ный", re.I)
_WORD_START_RE = re.compile(r"(?<![\w/])(?=[\w№])")
ITEM_NUMBER_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}\.?$")
_INDEX_ROW_RE = re.compile(r"^\d{1,2}$")
TICK = "tick"
_PART_KINDS = frozenset({"quarter", "half", "month", "school_term"})
_TICK_RE = re.compile(r"^\s*(?:[хxХX+✓✔√vV*•●]|да)\s*$")
_OPEN_END_RE = re.compile(r"(?:[-–—,]|\b(?:по|до|с|со|и))\s*$", re.IGNORECASE)


def columns_of(cells: tuple[str, ...]) -> dict[str, int] | None:
    """Map column roles to indexes when this row is a measures-table header."""
    ticks = _tick_columns(cells)
    if not _HEADER_HINT_RE.search(" ".join(c[:120] for c in cells)) and len(ticks) < 2:
        return None
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        role = column_role(cell)
        if role is not None:
            found.setdefault(role, index)
    if len(ticks) >= 2 and "deadline" not in found:
        found.update(ticks)  # "I кв. | II кв. | III кв. | IV кв.": a period ticked per row
    if "text" in found and ("deadline" in found or "owner" in found or len(ticks) >= 2):
        return found
    return None


def _tick_columns(cells: tuple[str, ...]) -> dict[str, int]:
    """Columns titled by a period ("I кв." … "IV кв.", "Сентябрь" …) in a header whose other
    cells all name a role: a data row with two dates is no such header."""
    ticks = {f"{TICK}{i}": i for i, cell in enumerate(cells) if _period_title(cell)}
    others = [c for i, c in enumerate(cells) if i not in ticks.values() and c.strip()]
    if len(ticks) < 2 or not all(column_role(c) for c in others):
        return {}
    return ticks


def _period_title(cell: str) -> bool:
    """A header cell that is only a part of a year: "I кв.", "II полугодие", "Сентябрь"."""
    cell = " ".join(cell.split())
    if not cell or len(cell) > 24:
        return False
    phrases = [p for p in find_phrases(cell, cell=True) if p.kinds & _PART_KINDS]
    return bool(phrases) and sum(len(p.text) for p in phrases) >= 0.8 * len(cell.strip(" ."))


def _ticked(cells: dict[str, list[str]], headers: tuple[str, ...]) -> str:
    """The periods a row ticks ("х", "+", "✓") in its period columns, as one term."""
    ticked = [
        headers[int(role[len(TICK) :])]
        for role, values in cells.items()
        if role.startswith(TICK) and _TICK_RE.match(" ".join(values))
    ]
    return "; ".join(" ".join(t.split()) for t in ticked)


@lru_cache(maxsize=4096)
def column_role(cell: str) -> str | None:
    """The role of a header cell ("Сроки исполнения" → "deadline"), None for another cell."""
    key = " ".join(fold(cell).split())
    if not key or len(key) > 60 or _IGNORED_RE.search(key):
        return None
    for role, pattern in _COLUMN_ROLES:
        if any(pattern.search(key[word.start() :]) for word in _WORD_START_RE.finditer(key)):
            return role
    return None


@dataclass
class TableState:
    columns: dict[str, int]
    section: str | None = None
    last_was_section: bool = False
    item_depth: int | None = None  # parts of the first item number ("1.1" → 2)
    month: str = ""  # the month of the rows in a plan grouped by month
    place_in_term: bool = False  # "Место и дата проведения": only the dates are the term
    headers: tuple[str, ...] = ()  # the header row, for the periods its columns name
    items: list[RawItem] = field(default_factory=list)
    cells: list[dict[str, list[str]]] = field(default_factory=list)


def parse_tables(blocks: list[Block]) -> tuple[list[RawItem], list[int], bool]:
    """Items of every measures table, the block indexes they used, and whether any
    table (measures or not) was seen."""
    items: list[RawItem] = []
    used: list[int] = []
    saw_table = any(b.is_row for b in blocks)
    index = 0
    while index < len(blocks):
        block = blocks[index]
        columns = columns_of(block.cells) if block.is_row else None
        if columns is None:
            index += 1
            continue
        state = TableState(
            columns, place_in_term=_place_in_term(block.cells, columns), headers=block.cells
        )
        if _split_terms_row(blocks, index + 1, columns):
            index += 1  # "Сроки" over "начало | окончание": the second header row is used
        end = _walk_table(blocks, index + 1, state)
        items.extend(_finish(state))
        used.extend(range(index, end))
        index = end
    return items, used, saw_table


def _split_terms_row(blocks: list[Block], index: int, columns: dict[str, int]) -> bool:
    """A second header row under a spanning title: "Сроки" over "начало | окончание" (the
    deadline runs from one to the other), "Исполнители" over "ответственный |
    соисполнители" (both own the item)."""
    if index >= len(blocks) or not blocks[index].is_row:
        return False
    cells = [one_line(c).lower() for c in blocks[index].cells]
    found = {}
    for column, cell in enumerate(cells):
        if cell.startswith(("окончан", "завершен")) and "deadline" in columns:
            found["deadline_end"] = column
        elif cell.startswith("соисполнител"):
            found["co_owner"] = column
        elif cell.startswith("ответствен"):
            found["owner"] = column
    if not found.keys() & {"deadline_end", "co_owner"}:
        return False
    columns.update(found)
    return True


def _walk_table(blocks: list[Block], start: int, state: TableState) -> int:
    index = start
    while index < len(blocks):
        block = blocks[index]
        if not block.is_row:
            if not _paragraph(block.text, state, blocks[index + 1 :]):
                return index
        elif signature_row(block.cells):
            return index
        elif columns_of(block.cells) is not None or _index_row(block.cells):
            pass
        else:
            cells = _clean_cells(block.cells, state.columns)
            if _heading_cell(block, state):
                _start_section(next(c for c in cells if c), state)
            else:
                _take_row(cells, state, blocks[index + 1 :])
        index += 1
    return index


def _clean_cells(raw: tuple[str, ...], columns: dict[str, int]) -> tuple[str, ...]:
    """Cells as text; the lines of a term cell ("до 01.02.2025" / "до 01.02.2026") stay
    apart, so two deadlines are not read as one range."""
    terms = {columns.get("deadline"), columns.get("deadline_end")}
    return tuple(
        one_line(_term_lines(cell) if index in terms else cell) for index, cell in enumerate(raw)
    )


def _term_lines(cell: str) -> str:
    """ "до 01.02.2025\nдо 01.02.2026" → "до 01.02.2025; до 01.02.2026"; a range wrapped
    over two lines ("ноябрь 2012 –\nмай 2013") stays one."""
    lines = cell.split("\n")
    out = lines[:1]
    for line in lines[1:]:
        joined = _OPEN_END_RE.search(out[-1]) or line[:1] in "-–—"
        out[-1:] = [f"{out[-1]} {line}"] if joined else [out[-1], line]
    return "; ".join(out)


def _paragraph(text: str, state: TableState, rest: list[Block]) -> bool:
    """Place a paragraph found between the table's rows; False when it ends the table."""
    role = paragraph_role(text, rest, state.item_depth)
    text = one_line(text)
    if role == "section":
        joined = state.last_was_section and text[:1].islower()
        state.section = f"{state.section} {text}" if joined else text
        state.last_was_section = True
    elif role == "item":
        number, body = numbered(text) or ("", text)
        cells = [""] * (max(state.columns.values()) + 1)
        cells[state.columns.get("number", 0)] = number
        cells[state.columns["text"]] = body
        _take_row(tuple(cells), state, rest)
    elif role == "continuation" and state.cells:
        state.cells[-1]["text"].append(text)
    return role is not None


def _index_row(cells: tuple[str, ...]) -> bool:
    """The "1 2 3 4 5" row some tables print under the header."""
    values = [c.strip() for c in cells if c.strip()]
    return len(values) >= 3 and all(_INDEX_ROW_RE.match(v) for v in values)


def _cell(cells: tuple[str, ...], state: TableState, role: str) -> str:
    index = state.columns.get(role)
    if index is None or index >= len(cells):
        return ""
    return cells[index]


def _take_row(cells: tuple[str, ...], state: TableState, rest: list[Block]) -> None:
    """Place one row (cells already cleaned): a section, a continuation or a new item."""
    filled = [c for c in cells if c]
    number = _cell(cells, state, "number")
    text = _cell(cells, state, "text")
    if _is_section(cells, filled, number, text, state, rest):
        _start_section(filled[0] if len(filled) == 1 else f"{number} {text}".strip(), state)
        return
    state.last_was_section = False
    if number and state.items and number.rstrip(".") == state.items[-1].number:
        _append(state.cells[-1], cells, state)  # a merged № cell repeated on the next row
        return
    details = _cell(cells, state, "deadline") or _cell(cells, state, "owner")
    continues = state.cells and not number and not (text and details and not _follows_on(text))
    if "number" not in state.columns:
        continues = state.cells and (not (text and details) or _follows_on(text))
    if continues:
        _append(state.cells[-1], cells, state)
        return
    state.cells.append({role: [_cell(cells, state, role)] for role in state.columns})
    if "month" in state.columns:
        state.month = _cell(cells, state, "month") or state.month  # merged month cells
        state.cells[-1]["month"] = [state.month]
    state.items.append(RawItem(number=number.rstrip(".") or None, text="", section=state.section))
    if number and state.item_depth is None:
        state.item_depth = depth(number)


def _start_section(title: str, state: TableState) -> None:
    joined = state.last_was_section and title[:1].islower()
    state.section = f"{state.section} {title}" if joined else title
    state.last_was_section = True


def _heading_cell(block: Block, state: TableState) -> bool:
    """One filled cell, all of it bold ("| | **Мониторинг** | | |") or the first row under
    the header: a section title, whichever column it stands in."""
    filled = [i for i, c in enumerate(block.cells) if c.strip()]
    if len(filled) != 1 or ITEM_NUMBER_RE.match(block.cells[filled[0]]):
        return False
    return filled[0] in block.strong or (not state.items and not state.section)


def _follows_on(text: str) -> bool:
    """A bullet, a lower-case start or a bracket in an unnumbered row goes on with the
    measure above (a row split by a page break)."""
    return bool(BULLET_RE.match(text)) or text[:1].islower() or text[:1] == "("


def _is_section(cells, filled, number, text, state: TableState, rest: list[Block]) -> bool:
    if not filled:
        return False
    if len(filled) == 1 and ROMAN_RE.match(filled[0]):
        return True
    if len(filled) == 1 and not ITEM_NUMBER_RE.match(filled[0]):
        if state.last_was_section and filled[0][:1].islower():
            return True
        cell_col = next(i for i, c in enumerate(cells) if c)
        if "number" in state.columns:
            return cell_col <= state.columns["number"]
        return cell_col == 0 and filled[0][:1].isupper()
    if number and text and len(filled) == 2 and re.fullmatch(r"\d{1,2}\.?", number):
        return _next_number(rest, state).startswith(number.rstrip(".") + ".")
    return False


def _next_number(rest: list[Block], state: TableState) -> str:
    for block in rest[:5]:
        if block.is_row:
            value = one_line(_cell(block.cells, state, "number"))
            if value:
                return value
    return ""


def _append(target: dict[str, list[str]], cells: tuple[str, ...], state: TableState) -> None:
    for role in state.columns:
        value = _cell(cells, state, role)
        if value.strip() and value not in target[role]:  # merged cells repeat their text
            target[role].append(value)


def _clauses_in_text(item: RawItem) -> None:
    """A decisions table without a filled "Срок" or "Ответственный" cell may still say them
    in the text ("… (срок – до 01.03.2023)", "… ежемесячно до 5 числа …")."""
    clauses = split_clauses(item.text)
    if item.deadline_raw is None and clauses.deadline:
        item.deadline_raw, item.text = clauses.deadline, clauses.text or item.text
    if not item.owners and clauses.owner:
        item.owners = list(parse_owners(clauses.owner))


def _term(cells: dict[str, list[str]]) -> str:
    """The deadline cell, or "начало – окончание" from the two cells of a split term."""
    start = one_line(" ".join(cells.get("deadline", []))).strip(" –—-")
    end = one_line(" ".join(cells.get("deadline_end", []))).strip(" –—-")
    if start and end and start != end:
        return f"{start} – {end}"
    return end or start


def _in_month(month: str, deadline: str) -> str | None:
    """The deadline of a row in a plan grouped by month: "в течение месяца" or "2-я неделя"
    under "Декабрь" is read as "Декабрь, в течение месяца"; a stated date stands alone."""
    if not month or any(p.kinds & DATE_KINDS for p in find_phrases(deadline, cell=True)):
        return deadline or None
    return f"{month}, {deadline}" if deadline else month


def _place_in_term(cells: tuple[str, ...], columns: dict[str, int]) -> bool:
    column = columns.get("deadline")
    return column is not None and "мест" in fold(cells[column])


def _dates_only(cell: str | None) -> str | None:
    """ "Образовательные учреждения 10 - 12 июня 2003 г." → "10 - 12 июня 2003 г."; a cell
    naming only the place has no term."""
    phrases = [p.text for p in find_phrases(cell or "", cell=True) if p.kinds - {"clock"}]
    return "; ".join(phrases) or None


def _finish(state: TableState) -> list[RawItem]:
    out = []
    for item, cells in zip(state.items, state.cells, strict=True):
        text = one_line(" ".join(cells.get("text", [])))
        bullet = BULLET_RE.match(text)
        item.text = bullet.group("rest") if bullet else text
        if not item.text:
            continue
        item.deadline_raw = _in_month(one_line(" ".join(cells.get("month", []))), _term(cells))
        if state.place_in_term:
            item.deadline_raw = _dates_only(item.deadline_raw)
        item.deadline_raw = item.deadline_raw or _ticked(cells, state.headers) or None
        owner_text = one_line(" ".join(cells.get("owner", []) + cells.get("co_owner", [])))
        item.owners = list(parse_owners(owner_text)) if owner_text else []
        if item.deadline_raw is None or not item.owners:
            _clauses_in_text(item)
        item.result = one_line(" ".join(cells.get("result", []))) or None
        item.actionable = is_actionable(item.text, addressed=bool(item.owners))
        out.append(item)
    return out
