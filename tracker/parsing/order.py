"""Orders: the numbered items after "ПРИКАЗЫВАЮ:", up to the signature or appendix."""

from __future__ import annotations

import re

from tracker.domain.vocabulary import OPERATIVE_VERBS, alternation
from tracker.parsing.items import Found
from tracker.parsing.lists import parse_list
from tracker.parsing.shaping import shape
from tracker.parsing.signature import is_signature

ORDER_MARKER_RE = re.compile(rf"(?:{alternation(OPERATIVE_VERBS)})\s*[:.]?", re.IGNORECASE)
_NUMBER_RE = re.compile(r"^(\d{1,2})([.)])\s")
FIRST_ITEM_RE = re.compile(r"^1[.)]\s")


def has_operative_word(lines: list[str]) -> bool:
    """ "ПРИКАЗЫВАЮ:" or "администрация постановляет:" somewhere in the document."""
    for line in lines:
        match = ORDER_MARKER_RE.search(line)
        if match and _is_marker(line, match):
            return True
    return False


def order_body(lines: list[str]) -> tuple[int, list[str]]:
    """The index of the "ПРИКАЗЫВАЮ" line and the lines of the order's items."""
    for index, line in enumerate(lines):
        match = ORDER_MARKER_RE.search(line)
        if match and _is_marker(line, match):
            rest = line[match.end() :].strip(" *:")
            body = ([rest] if rest else []) + until_end(lines[index + 1 :])
            return index, body
    return _after_colon_preamble(lines)


def _after_colon_preamble(lines: list[str]) -> tuple[int, list[str]]:
    """No "ПРИКАЗЫВАЮ": a preamble ending in ":" right above "1." opens the items
    ("В целях … обеспечения достоверных результатов:" / "1. Назначить …")."""
    for index in range(1, len(lines)):
        if FIRST_ITEM_RE.match(lines[index]) and lines[index - 1].rstrip(" *").endswith(":"):
            return index - 1, until_end(lines[index:])
    return _first_point(lines)


def _first_point(lines: list[str]) -> tuple[int, list[str]]:
    """No operative word and no preamble ending in ":": an order's points still start at
    its first "1." ("Приказ от … № …" / its subject / "1.Руководителям …:")."""
    for index, line in enumerate(lines):
        if FIRST_ITEM_RE.match(line):
            return index, until_end(lines[index:])
    return len(lines), []


def _is_marker(line: str, match: re.Match) -> bool:
    """The verb stands alone or ends the preamble, in capitals (or spaced out)."""
    word = match.group(0).strip(" :.")
    ends_line = not line[match.end() :].strip(" *:.")
    return word.upper() == word or ends_line or match.group(0).rstrip().endswith(":")


def until_end(lines: list[str]) -> list[str]:
    out: list[str] = []
    top, style = 0, None
    for line in lines:
        if is_signature(line):
            break
        number = _NUMBER_RE.match(line)
        if number and style in (None, number.group(2)):
            value = int(number.group(1))
            if _restarts(top, value, out):
                break  # numbering restarts: an appendix's own list
            top, style = max(top, value), number.group(2)
        out.append(line)
    return out


def _restarts(top: int, value: int, out: list[str]) -> bool:
    """A "1." after items were numbered, unless the line before opens a list ("Утвердить:")."""
    return bool(top) and value == 1 and not (out and out[-1].rstrip().endswith(":"))


def parse_order(lines: list[str]) -> Found:
    start, body = order_body(lines)
    found = Found(body_start=start)
    shape(parse_list(body), found)
    return found
