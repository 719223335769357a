"""Table rows written as lines, with no cell separators at all.

Text copied from a PDF or a web page often loses the table's borders:
- each row on one line: "1 Определение участников До 28.04.06 Кулешова Р.В. Звягина М.А."
  under a header line "N п/п Мероприятия Сроки Ответственные";
- each cell on its own line, rows opening with a number alone on its line ("1.1." /
  "Определение … ЕГЭ." / "октябрь 2013 года" / "ДОиН, ГУ ОЦМКО, МОУО"), the header's words
  interleaved above them.
Cells are told apart by what they hold: a term the deadline grammar reads, owners the owner
grammar reads, and the measure's text before them. The rows come out as the same rows of
cells the other table forms give, under a header row of the roles found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from tracker.domain.deadlines.finder import find_phrases
from tracker.domain.owners.cell import names_owners
from tracker.domain.owners.names import find_people
from tracker.parsing.blocks import Block, row
from tracker.parsing.roadmap import column_role
from tracker.parsing.signature import is_signature

HEADER = ("№", "Мероприятие", "Срок", "Ответственный")
_NUMBERED_RE = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,3}\.?)\s+(?P<body>\S.*)$")
_LONE_NUMBER_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}\.?$")
_WORD_RE = re.compile(r"(?<![\w№])(?=[\w№])")
_OWNER_START_RE = re.compile(r"(?<![\w.-])(?=[А-ЯЁ])")
_MAX_HEADER_WORDS = 14
_HEADER_HINT_RE = re.compile(r"срок|дата|время|ответств|исполнит|отв-ный", re.IGNORECASE)
_HEADER_LOOKBACK = 8
_MIN_TEXT = 3


def rows_from_lines(blocks: list[Block], first_table: int) -> list[Block]:
    """blocks with each run of rows written as lines turned into table rows."""
    out: list[Block] = []
    table = first_table
    index = 0
    while index < len(blocks):
        found = (
            _one_line_rows(blocks, index)
            or _cell_line_rows(blocks, index, out)
            or _dated_rows(blocks, index, out)
        )
        if found is None:
            out.append(blocks[index])
            index += 1
            continue
        rows, index = found
        out.append(row(HEADER, table))
        out.extend(row(cells, table) for cells in rows)
        table += 1
    return out


# --- one row a line, under a header line ---------------------------------------------------


def _one_line_rows(blocks: list[Block], index: int) -> tuple[list[list[str]], int] | None:
    roles = _header_roles(blocks[index])
    if roles is None:
        return None
    rows: list[list[str]] = []
    end = index + 1
    while end < len(blocks) and not blocks[end].is_row:
        numbered = _NUMBERED_RE.match(blocks[end].text)
        if numbered is None or is_signature(blocks[end].text):
            break
        rows.append([numbered.group("number"), *_segment(numbered.group("body"), roles)])
        end += 1
    return (rows, end) if len(rows) >= 2 else None


def _header_roles(block: Block) -> list[str] | None:
    """The roles a header line names, in order ("N п/п Наименование мероприятий Время
    проведения Ответственные" → number, text, deadline, owner)."""
    text = block.text
    if block.is_row or len(text.split()) > _MAX_HEADER_WORDS or text.endswith((".", ":", ";")):
        return None
    if not _HEADER_HINT_RE.search(text):
        return None
    roles: list[str] = []
    for start in (m.start() for m in _WORD_RE.finditer(text)):
        role = column_role(text[start:].split()[0])
        if role and role not in roles:
            roles.append(role)
    content = [r for r in roles if r in ("text", "deadline", "owner")]
    if "text" not in content or len(content) < 2 or set(roles) - {"number", *content}:
        return None
    return content


def _segment(body: str, roles: list[str]) -> list[str]:
    """[text, term, owners] of a row written on one line."""
    owners_last = roles.index("owner") > roles.index("deadline") if len(roles) == 3 else True
    for phrase in reversed(find_phrases(body, clocks=True, cell=True)):
        tail = body[phrase.end :].strip(" ,;")
        if phrase.start >= _MIN_TEXT and (not tail or (owners_last and names_owners(tail))):
            return [body[: phrase.start].strip(" ,;–-"), phrase.text, tail]
    start = _owner_tail(body)
    if start is None:
        return [body, "", ""]
    return [body[:start].strip(" ,;–-"), "", body[start:]]


def _owner_tail(body: str) -> int | None:
    """Where the owners at the end of a line begin: the earliest capital from which the
    rest names only owners, a person among them."""
    if not find_people(body):
        return None
    for match in _OWNER_START_RE.finditer(body, _MIN_TEXT):
        if names_owners(body[match.start() :]):
            return match.start()
    return None


# --- one cell a line, rows opening with a number alone ---------------------------------------


def _cell_line_rows(
    blocks: list[Block], index: int, before: list[Block]
) -> tuple[list[list[str]], int] | None:
    if not _lone_number(blocks[index]) or not _header_words_above(before):
        return None
    rows: list[list[str]] = []
    end = index
    while end < len(blocks) and _lone_number(blocks[end]):
        cells = list(_row_lines(blocks, end + 1))
        rows.append([blocks[end].text, *_classified([b.text for b in cells])])
        end += 1 + len(cells)
    return (rows, end) if rows else None


def _lone_number(block: Block) -> bool:
    return not block.is_row and bool(_LONE_NUMBER_RE.match(block.text))


def _header_words_above(before: list[Block]) -> bool:
    """Column titles on lines of their own just above ("Мероприятия", "Сроки",
    "Ответственные …"), as a PDF's text layer leaves them."""
    lines = [b.text for b in before[-_HEADER_LOOKBACK:] if not b.is_row]
    titled = {column_role(" ".join(line.split()[:2])) for line in lines if len(line) < 200}
    return len(titled & {"text", "deadline", "owner"}) >= 2


def _row_lines(blocks: list[Block], start: int) -> Iterator[Block]:
    for block in blocks[start:]:
        if block.is_row or _lone_number(block) or is_signature(block.text):
            return
        yield block


# --- interleaved columns, rows closed by their term ---------------------------------------


def _dated_rows(
    blocks: list[Block], index: int, before: list[Block]
) -> tuple[list[list[str]], int] | None:
    """A PDF's text layer that interleaves the columns line by line and numbers nothing
    ("Создание рабочей группы по обеспечению Август 2022" / "Приказ о создании …" /
    "Проведение" / "общешкольного" / "родительского Август 2022 Протокол"): a row runs
    until the line that gives its term; the words after the term start the next column."""
    if not _header_titles_above(before) or _column_title(blocks[index].text):
        return None
    if any(_lone_number(block) for block in blocks[index : index + 30]):
        return None  # rows that open with their number are read cell by cell
    rows: list[list[str]] = []
    pending: list[str] = []
    end = index
    while end < len(blocks) and not blocks[end].is_row and not is_signature(blocks[end].text):
        line = blocks[end].text
        term = _term_in(line)
        if term is None and _NUMBERED_RE.match(line) and not pending:
            rows.append([line])  # "1. Организационное обеспечение …": a section
        elif term is None:
            pending.append(line)
        else:
            pending.append(line[: term.start].strip())
            rows.append(["", " ".join(p for p in pending if p), term.text, ""])
            pending = []
        end += 1
    dated = sum(1 for r in rows if len(r) > 1)
    return (rows, end - len(pending)) if dated >= 2 else None


def _header_titles_above(before: list[Block]) -> bool:
    """Two or more column titles standing alone on their lines just above ("Мероприятия" /
    "Сроки исполнения" / "Результат")."""
    lines = [b.text for b in before[-_HEADER_LOOKBACK:] if not b.is_row]
    titles = {_column_title(line) for line in lines} - {None}
    return len(titles) >= 2 and bool(titles & {"text"})


@lru_cache(maxsize=4096)
def _column_title(line: str) -> str | None:
    if len(line.split()) > 4 or not line[:1].isupper() or ":" in line:
        return None
    if any(ch.isdigit() for ch in line):
        return None
    return column_role(line)


def _term_in(line: str):
    """The first phrase of a line that dates a row ("Август 2022"), not a time of day."""
    found = [p for p in find_phrases(line, cell=True) if p.kinds - {"clock", "then"}]
    return found[0] if found else None


def _classified(lines: list[str]) -> list[str]:
    """[text, term, owners] of a row's lines, each line read for what it holds."""
    cells: dict[str, list[str]] = {"text": [], "deadline": [], "owner": []}
    for line in lines:
        phrases = find_phrases(line, clocks=True, cell=True)
        covered = sum(len(p.text) for p in phrases)
        if phrases and covered >= 0.6 * len(line.strip(" .;,")):
            cells["deadline"].append(line)
        elif cells["text"] and names_owners(line):
            cells["owner"].append(line)
        else:
            cells["text"].append(line)
    return [" ".join(cells["text"]), "; ".join(cells["deadline"]), ", ".join(cells["owner"])]
