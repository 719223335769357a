"""Plans written as a timetable, not a table: a date on its own line, the events of that
day under it, and an "Ответственные: …" line for them.

    26.06.2007
    19.00-20.00 (районы города) - проведение торжественных линеек …
    20.00 (общеобразовательные учреждения города) - проведение торжественных мероприятий …
    Ответственные: руководители общеобразовательных учреждений, …

Each event is an item due on its day; the owner line gives its owners to the events above
it that name none. Numbered points elsewhere in the plan are read as plan paragraphs.
"""

from __future__ import annotations

import re

from tracker.domain.deadlines.finder import find_phrases
from tracker.domain.owners import parse_owners
from tracker.parsing.common import ITEM_RE, printed_number, split_clauses
from tracker.parsing.items import Found, RawItem
from tracker.parsing.order import until_end
from tracker.parsing.shaping import is_actionable
from tracker.parsing.table_text import ROMAN_RE

_OWNER_LINE_RE = re.compile(r"^(?:ответственн\w*|исполнител\w*|отв\.)\s*[:–—-]\s*", re.IGNORECASE)
# "19.00-20.00 (районы города) - проведение …": a time and a place before the event.
_TIME_PLACE_RE = re.compile(r"^[\d.:\s–—-]*(?:\([^()]{0,200}\))?\s*[–—-]\s+(?=\S)")
_DATE_KINDS = frozenset({"num", "iso", "word_date", "num_dm", "day_range", "num_range"})
_MAX_HEADING = 40


def parse_schedule(lines: list[str]) -> Found | None:
    """The items of a timetable plan, or None when the plan has no day headings."""
    first = next((i for i, line in enumerate(lines) if _day_heading(line)), None)
    if first is None:
        return None
    start = _section_start(lines, first)
    found = Found(body_start=start)
    day, section, waiting = None, None, []
    for line in until_end(lines[start:]):
        if ROMAN_RE.match(line):
            section, day, waiting = line, None, []
        elif _day_heading(line):
            day, waiting = line, []
        elif _OWNER_LINE_RE.match(line):
            owners = parse_owners(_OWNER_LINE_RE.sub("", line))
            for item in waiting:
                item.owners = item.owners or list(owners)
            waiting = []
        else:
            item = _event(line, day, section)
            found.items.append(item)
            waiting.append(item)
    return found


def _day_heading(line: str) -> bool:
    """A line that is only a date ("26.06.2007", "5 мая 2006 г.")."""
    if len(line) > _MAX_HEADING:
        return False
    phrases = find_phrases(line, cell=True)
    covered = sum(len(p.text) for p in phrases)
    return (
        bool(phrases)
        and covered >= 0.8 * len(line.strip(" .:"))
        and any(p.kinds & _DATE_KINDS for p in phrases)
    )


def _section_start(lines: list[str], first: int) -> int:
    """The section heading just above the first day ("I. Порядок проведения …:"), if any."""
    if first and ROMAN_RE.match(lines[first - 1]):
        return first - 1
    return first


def _event(line: str, day: str | None, section: str | None) -> RawItem:
    marker = ITEM_RE.match(line)
    number = printed_number(marker) if marker else None
    body = marker.group("rest") if marker else line
    clauses = split_clauses(_TIME_PLACE_RE.sub("", body))
    text = clauses.text.strip(" .;")
    owners = list(parse_owners(clauses.owner)) if clauses.owner else []
    item = RawItem(
        number=number,
        text=text,
        owners=owners,
        deadline_raw=clauses.deadline or day,
        section=section,
    )
    item.actionable = is_actionable(text, addressed=bool(owners))
    return item
