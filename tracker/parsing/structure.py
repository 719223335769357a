"""Decide what the document is and collect its items, whatever its kind."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from tracker.domain.owners.controller import keeps_control
from tracker.domain.problems import Problem
from tracker.parsing.common import ends_sentence, one_line
from tracker.parsing.items import Found, RawItem
from tracker.parsing.letter import read_letter
from tracker.parsing.lists import parse_list
from tracker.parsing.meta import Header, detect_kind, read_header
from tracker.parsing.order import FIRST_ITEM_RE, has_operative_word, parse_order, until_end
from tracker.parsing.protocol import parse_protocol
from tracker.parsing.readers import Block
from tracker.parsing.resolution import parse_resolution
from tracker.parsing.roadmap import parse_tables
from tracker.parsing.schedule import parse_schedule
from tracker.parsing.shaping import shape
from tracker.parsing.signature import signatory

_LONE_NUMBER_RE = re.compile(r"^(?:(?:\d{1,2}\.){1,4}|\d{1,2}\))$")
_INLINE_POINT_RE = re.compile(r"[.:;!?]\s+(?P<point>(?P<n>\d{1,2})\.\s+(?=[А-ЯЁ«\"]))")
_INLINE_DECISION_RE = re.compile(
    r"\b(?:(?:было\s+)?(?:принято|приняты|приняли)\s+(?:следующ\w+\s+)?решени\w*"
    r"|решил[аи]?|постановил[аи]?|решено)\s*:",
    re.IGNORECASE,
)
PARSERS = {"protocol": parse_protocol, "order": parse_order, "resolution": parse_resolution}


@dataclass
class Structure:
    header: Header
    items: list[RawItem] = field(default_factory=list)
    controller: object = None
    problems: list[Problem] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


def analyse(blocks: list[Block]) -> Structure:
    table_items, used, saw_table = parse_tables(blocks)
    lines = join_lines(points_apart(_flat_lines(blocks, set(used))))
    kind, _ = detect_kind(lines)
    found = _parse_lines(kind, lines)
    if kind == "unknown":
        kind, found = _guess(lines, table_items)
    if kind == "roadmap" and not table_items:
        found = parse_schedule(lines) or _plan_paragraphs(lines)
    items = found.items + table_items if kind != "roadmap" else table_items or found.items
    header = read_header(lines, found.body_start, kind)
    problems = list(found.problems)
    if saw_table and not items and kind == "roadmap":
        problems.append(Problem.of("no_columns"))
    if not items and (kind != "roadmap" or not saw_table):
        problems.append(Problem.of("nothing_found"))
    controller = found.controller or _self_controller(lines)
    return Structure(header, items, controller, problems, lines)


def _self_controller(lines: list[str]):
    """ "Контроль … оставляю за собой": the one who signs controls."""
    for index, line in enumerate(lines):
        if keeps_control(line):
            return signatory(lines[index + 1 : index + 8])
    return None


def _parse_lines(kind: str, lines: list[str]) -> Found:
    parser = PARSERS.get(kind)
    return parser(lines) if parser else Found(body_start=len(lines))


def _plan_paragraphs(lines: list[str]) -> Found:
    """A plan written as numbered paragraphs, not a table ("1. Издание приказа …. Срок: до
    30.05.2025. Ответственный: …"): the items run from the first "1." to the signature."""
    start = next((i for i, line in enumerate(lines) if FIRST_ITEM_RE.match(line)), None)
    if start is None:
        return Found(body_start=len(lines))
    found = Found(body_start=start)
    shape(parse_list(until_end(lines[start:])), found)
    return found


def _guess(lines: list[str], table_items: list[RawItem]) -> tuple[str, Found]:
    """No heading names the kind: an operative word ("ПРИКАЗЫВАЮ:", "постановляет:") makes
    an order; else the first reading that finds items."""
    if table_items:
        return "roadmap", Found(body_start=0)
    letter = read_letter(lines)
    if letter is not None and letter.items:
        return "order", letter
    if has_operative_word(lines):
        found = parse_order(lines)
        if found.items:
            return "order", found
    for kind, parser in PARSERS.items():
        found = parser(lines)
        if found.items:
            return kind, found
    return "unknown", Found(body_start=len(lines))


def _flat_lines(blocks: list[Block], used: set[int]) -> list[str]:
    """Paragraphs, and rows outside measures tables flattened (layout tables, stamps)."""
    out = []
    for index, block in enumerate(blocks):
        if index in used:
            continue
        text = " ".join(c for c in block.cells if c.strip()) if block.is_row else block.text
        text = one_line(text)
        if text:
            out.append(text)
    return out


def points_apart(lines: list[str]) -> list[str]:
    """Every point on a line of its own: a number alone on its line opens the next one
    (text copied from a PDF), and points run together in one paragraph ("… п о с т а н о в
    л я е т : 1. Установить … 2. Утвердить …") are parted where they are numbered in turn."""
    out: list[str] = []
    number = ""
    for line in lines:
        if _LONE_NUMBER_RE.match(line):
            number = f"{number} {line}".strip()
            continue
        line = f"{number} {line}" if number else line
        number = ""
        for part in _decision_apart(line):
            out.extend(_run_together(part))
    if number:
        out.append(number)
    return out


def _decision_apart(line: str) -> list[str]:
    """News text that reports a decision ("… состоялось совещание. По итогам совещания было
    принято решение: руководителям …"): the sentence with the decision starts a line."""
    marker = _INLINE_DECISION_RE.search(line)
    if marker is None or marker.start() == 0:
        return [line]
    start = max(line.rfind(". ", 0, marker.start()), line.rfind("! ", 0, marker.start()))
    if start < 0:
        return [line]
    return [line[: start + 1].strip(), line[start + 2 :].strip()]


def _run_together(line: str) -> list[str]:
    """The points of one paragraph, when it numbers them 1., 2., 3. in turn."""
    cuts, expected = [], 1
    for match in _INLINE_POINT_RE.finditer(line):
        if int(match.group("n")) != expected:
            continue
        cuts.append(match.start("point"))
        expected += 1
    if not cuts:
        return [line]
    bounds = [0, *cuts, len(line)]
    return [line[a:b].strip() for a, b in itertools.pairwise(bounds) if line[a:b].strip()]


def join_lines(lines: list[str]) -> list[str]:
    """Join a line broken mid-sentence: the next one starts in lower case or with a bracket
    ("Главному управлению образования" / "(Львович) определить …")."""
    out: list[list[str]] = []
    for line in lines:
        if out and (line[:1].islower() or line[:1] == "(") and not ends_sentence(out[-1][-1]):
            out[-1].append(line)
        else:
            out.append([line])
    return [" ".join(parts) for parts in out]
