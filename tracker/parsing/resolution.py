"""Resolutions: recommendations grouped under addressee headers ("Управлению образования:").

Text before the first addressee header (the conference report, its problems list) is
not items; each bullet under a header is one item owned by that addressee.
"""

from __future__ import annotations

import re

from tracker.parsing.items import Found
from tracker.parsing.lists import is_addressee_header, parse_list
from tracker.parsing.protocol import is_decision_marker
from tracker.parsing.shaping import shape
from tracker.parsing.signature import is_signature

_RECOMMEND_RE = re.compile(
    r"(?:рекомендаци\w*|рекомендует|рекомендовать|решили|постановили)\b.*[:.]$", re.IGNORECASE
)


_DECIDED_RE = re.compile(
    r"(?:решил[аи]?|постановил[аи]?|реша\w*|постановля\w*)[*\s]*:[*\s]*$", re.IGNORECASE
)


def resolution_body(lines: list[str]) -> tuple[int, list[str]]:
    start = next(
        (i for i, line in enumerate(lines) if is_addressee_header(line, numbered=True)), None
    )
    decided = _after_decision(lines, start if start is not None else len(lines))
    if decided is not None:
        start = decided
    if start is None:
        start = next(
            (i + 1 for i in range(len(lines) - 1, -1, -1) if _RECOMMEND_RE.search(lines[i])), None
        )
    if start is None:
        return len(lines), []
    body = []
    for line in lines[start:]:
        if is_signature(line):
            break
        body.append(line)
    return start, body


def _after_decision(lines: list[str], before: int) -> int | None:
    """ "… коллегия РЕШИЛА:" above the first addressee: the numbered decisions start there
    (a board's decision notes and approves before it addresses anyone)."""
    for index, line in enumerate(lines[:before]):
        marker = is_decision_marker(line) or _DECIDED_RE.search(line)
        if marker:
            return index + 1
    return None


def parse_resolution(lines: list[str]) -> Found:
    start, body = resolution_body(lines)
    found = Found(body_start=start)
    shape(parse_list(body, plain_items=False), found)
    return found
