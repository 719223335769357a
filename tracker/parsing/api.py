"""parse_bytes(): one document in, a ParsedDocument out (also the import wizard's preview)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from tracker.domain.deadlines import Deadline, Period, parse_deadline
from tracker.domain.deadlines.finder import DAY_KINDS, find_phrases
from tracker.domain.problems import Problem, records, unique
from tracker.domain.stages import stage_from_section, stage_from_text
from tracker.parsing.items import RawItem
from tracker.parsing.meta import derived_period, stated_period
from tracker.parsing.readers import MAX_BYTES, read_blocks
from tracker.parsing.structure import Structure, analyse

_YEAR_RE = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_QUOTED_RE = re.compile(r"«[^«»]*»|\"[^\"]*\"")


@dataclass
class ParsedItem:
    number: str | None
    stage: str | None
    text: str
    actionable: bool
    deadline: Deadline
    owners: list = field(default_factory=list)
    result: str | None = None
    problems: list[Problem] = field(default_factory=list)

    def to_contract(self, *, coded: bool = False) -> dict:
        """The item of PARSE-CONTRACT.md; `coded` keeps its problems as code records (the
        import review stores and rewords them)."""
        return {
            "number": self.number,
            "stage": self.stage,
            "text": self.text,
            "actionable": self.actionable,
            "deadline": self.deadline.to_record() if coded else self.deadline.to_contract(),
            "owners": [owner.to_contract() for owner in self.owners],
            "result": self.result,
            "problems": _problems(self.problems, coded),
        }


@dataclass
class ParsedDocument:
    kind: str
    title: str | None
    number: str | None
    date: date | None
    period: Period
    controller: object = None
    items: list[ParsedItem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def to_contract(self, *, coded: bool = False) -> dict:
        """Exactly the JSON object of PARSE-CONTRACT.md (problems worded in Russian), or
        with its problems as code records when `coded`."""
        return {
            "kind": self.kind,
            "title": self.title,
            "number": self.number,
            "date": self.date.isoformat() if self.date else None,
            "period": {"start": self.period.start.isoformat(), "end": self.period.end.isoformat()},
            "controller": self.controller.to_contract() if self.controller else None,
            "items": [item.to_contract(coded=coded) for item in self.items],
            "problems": _problems(self.problems, coded),
        }


def _problems(problems: list[Problem], coded: bool) -> list:
    return records(problems) if coded else [str(problem) for problem in unique(problems)]


def parse_bytes(
    data: bytes,
    filename: str,
    *,
    period: Period | None = None,
    max_bytes: int = MAX_BYTES,
    today: date,
) -> ParsedDocument:
    """Parse a document; raises UnreadableDocument when the file cannot be read.

    `today` stands in for the date of a document that states neither date nor period.
    """
    found = analyse(read_blocks(data, filename, max_bytes=max_bytes))
    header = found.header
    problems = list(found.problems)
    if period is None:
        period = document_period(found, today, problems)
    items = [resolve(raw, period, header.date) for raw in found.items]
    return ParsedDocument(
        kind=header.kind,
        title=header.title,
        number=header.number,
        date=header.date,
        period=period,
        controller=found.controller,
        items=items,
        problems=problems,
    )


def document_period(found: Structure, today: date, problems: list[Problem]) -> Period:
    """Stated in the title, else from the document date per DOMAIN.md."""
    title_lines = [found.header.title or ""] + found.lines[:2]
    stated = stated_period([_QUOTED_RE.sub(" ", _unnest(line)) for line in title_lines])
    if stated:
        return Period(*stated)
    anchor = found.header.date
    if anchor is None:
        return _undated_period(found, today, problems)
    item_text = " ".join(raw.text + " " + (raw.deadline_raw or "") for raw in found.items)
    return _holding_dated_deadlines(Period(*derived_period(anchor, item_text)), found, anchor)


def _holding_dated_deadlines(period: Period, found: Structure, anchor: date) -> Period:
    """The end of the document's year or school year, the first of them that holds its own
    dated deadlines ("к 25.08.2025" in an October protocol, "к 1 сентября" in a February
    one); the derived end when one of them already does, or when none can."""
    school_end = date(anchor.year + (anchor.month >= 9), 8, 31)
    widest = date(school_end.year, 12, 31)
    ends = sorted({period.end, date(anchor.year, 12, 31), school_end, widest})
    latest = _latest_dated_deadline(found, Period(period.start, widest), anchor)
    for end in ends:
        if end >= period.end and latest is not None and latest <= end:
            return Period(period.start, end)
    return period


def _latest_dated_deadline(found: Structure, period: Period, anchor: date) -> date | None:
    """The latest deadline that names its day or year ("к 1 сентября", "в феврале 2025 г.")."""
    named = [raw.deadline_raw for raw in found.items if _names_day_or_year(raw.deadline_raw)]
    dues = (parse_deadline(phrase, period, anchor=anchor) for phrase in named)
    return max((d.due for d in dues if d.kind in ("date", "span") and d.due), default=None)


def _names_day_or_year(phrase: str | None) -> bool:
    """ "к 1 сентября", "в феврале 2025 г.": a deadline that names its day or its year;
    "II полугодие" and "в течение года" take theirs from the period, so cannot stretch it."""
    if not phrase:
        return False
    if _YEAR_RE.search(phrase):
        return True
    return any(p.kinds & DAY_KINDS for p in find_phrases(phrase, cell=True))


def _undated_period(found: Structure, today: date, problems: list[Problem]) -> Period:
    """No date and no stated period: the years the deadlines name, else the current year."""
    years = sorted(
        int(year) for raw in found.items for year in _YEAR_RE.findall(raw.deadline_raw or "")
    ) or _years_named(found)
    if years and years[-1] - years[0] <= 10:
        problems.append(Problem.of("date_missing_years", first=years[0], last=years[-1]))
        return Period(date(years[0], 1, 1), date(years[-1], 12, 31))
    problems.append(Problem.of("date_missing"))
    return Period(date(today.year, 1, 1), date(today.year, 12, 31))


def _years_named(found: Structure) -> list[int]:
    """No deadline names a year: the years the items' text names, else the document's."""
    for texts in ([raw.text for raw in found.items], found.lines):
        years = sorted(int(year) for text in texts for year in _YEAR_RE.findall(text))
        if years:
            return years[-1:] if years[-1] - years[0] > 10 else years
    return []


def _unnest(text: str) -> str:
    """Drop quoted names, innermost first: a period inside «…» belongs to that name."""
    previous = None
    while previous != text:
        previous, text = text, _QUOTED_RE.sub(" ", text)
    return text


def resolve(raw: RawItem, period: Period, anchor: date | None) -> ParsedItem:
    deadline = parse_deadline(raw.deadline_raw, period, anchor=anchor)
    problems = list(raw.problems)
    if not raw.actionable:
        deadline = replace(deadline, problems=[])
    else:
        if not raw.owners and not problems:
            problems.append(Problem.of("owner_missing"))
        problems.extend(p for p in deadline.problems if p not in problems)
    stage = stage_from_section(raw.section) if raw.section else None
    return ParsedItem(
        number=raw.number,
        stage=stage or stage_from_text(raw.text),
        text=raw.text,
        actionable=raw.actionable,
        deadline=deadline,
        owners=list(raw.owners),
        result=raw.result,
        problems=problems,
    )
