"""Protocols: the decisions after "Решили:" / "Постановили:" of each agenda question.

Speeches ("Слушали:", "Выступили:") and the agenda are not items; a decision block
ends at the next speech, the vote, the signatures or an appendix.
"""

from __future__ import annotations

import re

from tracker.domain.morph import is_infinitive
from tracker.domain.owners import split_addressee
from tracker.domain.vocabulary import DECISION_WORDS, SPEECH_WORDS, alternation
from tracker.parsing.common import ITEM_RE
from tracker.parsing.items import Found
from tracker.parsing.lists import parse_list
from tracker.parsing.shaping import shape
from tracker.parsing.signature import is_signature


def _words(options) -> str:
    """An alternation of vocabulary words; a space between words matches any spacing."""
    return alternation(option.replace(" ", r"\s+") for option in options)


# "1.", "2)", "II.": the number of an agenda question before a block's keyword.
_NUMBERING = r"(?:(?:\d{1,2}|(?-i:[IVXLC]{1,6}))[.)]\s*)?"

# "По итогам обсуждения члены совета решили:", "Совет постановил:": a short lead before the
# verb is allowed when a colon follows it.
DECISION_RE = re.compile(
    rf"^{_NUMBERING}(?:по\s+\w+\s+вопросу\s+)?(?P<lead>[А-ЯЁа-яё ,]{{3,80}}?\s)?"
    rf"(?:{_words(DECISION_WORDS)})\s*(?P<colon>[:.\-–—]?)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
END_RE = re.compile(
    rf"^{_NUMBERING}(?:{_words(SPEECH_WORDS)}|по\s+\w+\s+вопросу|вопрос\s+№?\s*\d)\b",
    re.IGNORECASE,
)
QUESTION_HEADING_RE = re.compile(
    rf"^{_NUMBERING}по\s+\w+\s+(?:вопросу|пункту)(?:\s+повестки(?:\s+дня)?)?\s*:?\s*$",
    re.IGNORECASE,
)


_ROMAN_QUESTION_RE = re.compile(r"^(?-i:[IVXLC]{1,6})\.\s+\S")
_SPEAKERS_RE = re.compile(r"^\([^()]{3,200}\)\.?$")  # "(Дьяченко В.М., Руденко П.А.)"


def is_decision_marker(line: str) -> re.Match | None:
    match = DECISION_RE.match(line)
    if not match:
        return None
    rest = match.group("rest")
    if match.group(0).lower().lstrip("0123456789.) ").startswith("решение") and not match.group(
        "colon"
    ):
        return None
    if match.group("lead") and match.group("colon") != ":":
        return None
    return match if (match.group("colon") or not rest or rest[:1].isupper()) else None


def decision_blocks(lines: list[str]) -> list[list[str]]:
    """The lines after each "Решили:" ("1. По первому вопросу:" headings skipped)."""

    def opening(line: str) -> list[str] | None:
        marker = is_decision_marker(line)
        if not marker:
            return None
        return [marker.group("rest")] if marker.group("rest") else []

    return _blocks(lines, opening, QUESTION_HEADING_RE)


def question_blocks(lines: list[str]) -> list[list[str]]:
    """No "РЕШИЛИ:" anywhere: the numbered decisions stand right under each question
    ("I. О подготовке …" / "(Дьяченко В.М., Руденко П.А.)" / "1. … 2. …")."""
    return _blocks(lines, lambda line: [] if _ROMAN_QUESTION_RE.match(line) else None, _SPEAKERS_RE)


def directive_blocks(lines: list[str]) -> list[list[str]]:
    """No "РЕШИЛИ:" and no Roman questions: the decisions are the runs of numbered points
    that ask for something ("1. Внедрить …", "4. Психологической службе школы разработать
    …") between the speeches; a numbered agenda ("1. Итоги успеваемости …") asks nothing."""
    blocks: list[list[str]] = []
    current: list[str] | None = None
    for line in lines:
        marker = ITEM_RE.match(line)
        if marker and _asks(marker.group("rest")):
            if current is None:
                current = []
                blocks.append(current)
            current.append(line)
        elif current is not None and not marker and (line[:1].islower() or _short_tail(line)):
            current.append(line)
        else:
            current = None
    return blocks


def _asks(text: str) -> bool:
    first = text.split(" ", 1)[0].strip('«"(').lower()
    if is_infinitive(first):
        return True
    owners, rest = split_addressee(text)
    return bool(owners) and is_infinitive(rest.split(" ", 1)[0].lower()) if rest else False


def _short_tail(line: str) -> bool:
    """ "май 2007" under a point: the term column of a flattened table."""
    return len(line) <= 40 and not line.endswith(":")


def _blocks(lines: list[str], opening, skipped: re.Pattern) -> list[list[str]]:
    """Blocks of lines, each begun where `opening` gives its first lines and ended by a
    speech, the vote or the signatures; lines `skipped` matches are left out."""
    blocks: list[list[str]] = []
    current: list[str] | None = None
    for line in lines:
        first = opening(line)
        if first is not None:
            current = first
            blocks.append(current)
        elif current is None or skipped.match(line):
            continue
        elif END_RE.match(line) or is_signature(line):
            current = None
        else:
            current.append(line)
    return blocks


def parse_protocol(lines: list[str]) -> Found:
    found = Found(body_start=_body_start(lines))
    for block in decision_blocks(lines) or question_blocks(lines) or directive_blocks(lines):
        shape(parse_list(block), found)
    return found


def _body_start(lines: list[str]) -> int:
    for index, line in enumerate(lines):
        if is_decision_marker(line) or re.match(
            rf"^{_NUMBERING}(?:повестка|слушали|выступили)", line, re.IGNORECASE
        ):
            return index
    return len(lines)
