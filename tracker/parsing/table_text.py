"""Paragraphs that a text export leaves between the rows of a measures table.

A .txt made from Word loses a row's cells when the row holds one cell or one line: the
section row "1. Нормативное обеспечение", the first line of a measure ("2.1\tПроведение …:"
read as a numbered paragraph), its bullet lines ("\t- учителей математики;"). Such a
paragraph belongs to the table when more rows of it follow; the signature ends it.
"""

from __future__ import annotations

import re

from tracker.parsing.common import BULLET_RE, one_line
from tracker.parsing.readers import Block
from tracker.parsing.signature import is_signature

ROMAN_RE = re.compile(r"^(?:раздел\s+)?(?=[IVXLС]+\b)[IVXL]{1,6}\s*[.)]?\s+\S", re.IGNORECASE)
_NUMBERED_RE = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?P<text>\S.*)$")
_MAX_HEADING = 160
_LOOKAHEAD = 6


def signature_row(cells: tuple[str, ...]) -> bool:
    """ "Начальник управления образования <tab> Н.В. Зотов": the signature ends the table."""
    filled = [one_line(c) for c in cells if c.strip()]
    return (
        1 <= len(filled) <= 2
        and is_signature(filled[0])
        and (len(filled) == 1 or is_signature(filled[-1]))
    )


def numbered(text: str) -> tuple[str, str] | None:
    """("2.1", "Проведение …") for a paragraph that opens with an item number."""
    match = _NUMBERED_RE.match(text)
    return (match.group("number"), match.group("text")) if match else None


def depth(number: str) -> int:
    return number.rstrip(".").count(".") + 1


def paragraph_role(text: str, rest: list[Block], item_depth: int | None) -> str | None:
    """What a paragraph inside a table is: "section", "item", "continuation", or None when
    it ends the table. `item_depth` is how many parts the rows' item numbers have."""
    text = one_line(text)
    if ROMAN_RE.match(text):
        return "section"
    if not text or is_signature(text) or not table_resumes(rest):
        return None
    found = numbered(text)
    if found and item_depth is not None and depth(found[0]) >= item_depth:
        return "item"
    if BULLET_RE.match(text) or text[:1].islower():
        return "continuation"
    if len(text) <= _MAX_HEADING and not text.endswith((":", ";", ",")):
        return "section"
    return "item" if found else None


def table_resumes(rest: list[Block]) -> bool:
    """A data row of the table comes within a few paragraphs, before any signature."""
    for block in rest[:_LOOKAHEAD]:
        if block.is_row:
            return not signature_row(block.cells)
        if is_signature(block.text):
            return False
    return False
