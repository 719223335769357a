"""Windows: the stretches of calendar a phrase names, with or without a year."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date

from tracker.domain.deadlines.model import Period

MonthDay = tuple[int, int]  # (month, day); day -1 is the month's last day

# Grains that make a window a frame for other parts of a phrase ("ежемесячно в 2022 году").
FRAME_GRAINS = ("year", "school")


@dataclass(frozen=True)
class Window:
    """From `first` to `due`; the years are None when the phrase gives none.

    `stated_start` marks a range ("сентябрь–октябрь 2021", "2021–2023"), reported as a span
    with its start; `from_` marks a start only ("с 1 сентября 2022", "начиная с 2022 года").
    """

    first: MonthDay
    due: MonthDay
    first_year: int | None = None
    due_year: int | None = None
    grain: str = "day"  # day, month, quarter, half, year, school
    stated_start: bool = False
    from_: bool = False

    @property
    def dated(self) -> bool:
        return self.due_year is not None

    @property
    def frame(self) -> bool:
        """A range or a whole year: it bounds a recurrence rather than being one occurrence."""
        return self.stated_start or self.grain in FRAME_GRAINS


def month_window(month: int, year: int | None, grain: str = "month") -> Window:
    return Window((month, 1), (month, -1), year, year, grain)


def months_window(first: int, last: int, year: int | None, grain: str) -> Window:
    return Window((first, 1), (last, -1), year, year, grain)


def day_window(day: date) -> Window:
    md = (day.month, day.day)
    return Window(md, md, day.year, day.year)


def year_range(first: int, last: int) -> Window:
    return Window((1, 1), (12, -1), first, last, "year", stated_start=first != last)


def school_year(first: int | None, last: int | None = None) -> Window:
    """1 September to 31 August (DOMAIN.md), of the given years or of the reference date."""
    if first is not None and last is None:
        last = first + 1
    return Window((9, 1), (8, -1), first, last, "school", stated_start=True)


def join(a: Window, b: Window) -> Window | None:
    """ "A – B", "с A по B": from the start of `a` to the end of `b`, or None if backwards."""
    first_year = a.first_year
    due_year = b.due_year
    if due_year is None and first_year is not None:
        due_year = first_year if _key(b.due) >= _key(a.first) else first_year + 1
    joined = Window(a.first, b.due, first_year, due_year, b.grain, stated_start=True)
    if joined.dated:
        first, due = resolve_dated(joined)
        if first > due:
            return None
    return joined


def _key(md: MonthDay) -> tuple[int, int]:
    return (md[0], 31 if md[1] == -1 else md[1])


def on(year: int, md: MonthDay) -> date:
    """The day `md` in `year`; a day past the month's end (29 February) becomes its last."""
    month, day = md
    length = calendar.monthrange(year, month)[1]
    return date(year, month, length if day == -1 else min(day, length))


def resolve_dated(w: Window) -> tuple[date, date]:
    due = on(w.due_year, w.due)
    first_year = w.first_year
    if first_year is None:
        first_year = w.due_year if _key(w.first) <= _key(w.due) else w.due_year - 1
    return on(first_year, w.first), due


def resolve(w: Window, ref: date, period: Period) -> tuple[date, date]:
    """First and due dates of a window; a window without a year takes the first year whose
    due date is on or after `ref` (the document's date), or else one inside the period;
    a year-less school year in an August document is the coming one."""
    if w.dated:
        return resolve_dated(w)
    year = ref.year if on(ref.year, w.due) >= ref else ref.year + 1
    if w.grain == "school" and ref.month == 8:
        year = ref.year + 1  # an August document plans the school year starting days later
    if on(year, w.due) not in period:
        start = period.start.year
        inside = start if on(start, w.due) >= period.start else start + 1
        if inside <= period.end.year and on(inside, w.due) <= period.end:
            year = inside
    return resolve_dated(replace(w, due_year=year))
