"""Working days on the Russian production calendar (производственный календарь).

Holidays, transferred days off and working Saturdays come from the `holidays` package's
Russia calendar, which follows the Government's yearly decrees on moving days off
(e.g. № 1648 of 10.10.2020 for 2021, № 1564 of 29.09.2021 for 2022, № 1505 of 29.08.2022
for 2023, № 1314 of 10.08.2023 for 2024, № 1335 of 04.10.2024 for 2025); the tests check
the known transfers. A region's or a department's own days are passed as `extra_*`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache

import holidays

SHIFT_RULES = ("preceding", "following", "none")
_DAY = timedelta(days=1)


class WorkCalendar:
    """Which days are working days; a year's days off are looked up once and kept."""

    def __init__(
        self,
        years: range | None = None,
        extra_holidays: Iterable[date] = (),
        extra_workdays: Iterable[date] = (),
    ) -> None:
        self._extra_holidays = frozenset(extra_holidays)
        self._extra_workdays = frozenset(extra_workdays)
        self._years: dict[int, tuple[frozenset[date], frozenset[date]]] = {}
        self._running: dict[int, list[int]] = {}
        for year in years or ():
            self._year(year)

    def is_working_day(self, d: date) -> bool:
        if d in self._extra_workdays:
            return True
        if d in self._extra_holidays:
            return False
        days_off, working_weekends = self._year(d.year)
        if d.weekday() >= 5:
            return d in working_weekends
        return d not in days_off

    def shift(self, d: date, rule: str = "preceding") -> date:
        """Move a last day off a non-working day.

        "preceding": to the working day before (Russian instructions on document management,
        for assignments); "following": to the next one (Civil Code art. 193); "none": keep.
        """
        if rule not in SHIFT_RULES:
            raise ValueError(f"unknown shift rule: {rule!r}")
        step = {"preceding": -_DAY, "following": _DAY, "none": None}[rule]
        while step is not None and not self.is_working_day(d):
            d += step
        return d

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (how many days late); 0 if
        `end` is not after `start`. Constant time per year spanned: running counts."""
        if end <= start:
            return 0
        total = self._count_through(end) - self._count_through(start)
        return total + sum(self._running_count(year)[-1] for year in range(start.year, end.year))

    def _count_through(self, d: date) -> int:
        """Working days from 1 January of d's year up to and including d."""
        return self._running_count(d.year)[d.timetuple().tm_yday - 1]

    def _running_count(self, year: int) -> list[int]:
        if year not in self._running:
            day, count, counts = date(year, 1, 1), 0, []
            while day.year == year:
                count += self.is_working_day(day)
                counts.append(count)
                day += _DAY
            self._running[year] = counts
        return self._running[year]

    def add_working_days(self, d: date, n: int) -> date:
        """The n-th working day after `d` (before it when n < 0); `d` itself when n is 0."""
        step = _DAY if n > 0 else -_DAY
        remaining = abs(n)
        while remaining:
            d += step
            remaining -= self.is_working_day(d)
        return d

    def _year(self, year: int) -> tuple[frozenset[date], frozenset[date]]:
        if year not in self._years:
            self._years[year] = _russian_year(year)
        return self._years[year]


def _russian_year(year: int) -> tuple[frozenset[date], frozenset[date]]:
    """Days off and working weekend days of one year.

    Neighbouring years are loaded too: a transfer decreed for one year may name a day of
    another (a Saturday of January worked for a day off in December).
    """
    years = range(max(year - 1, 1), min(year + 1, 9998) + 1)
    calendar = holidays.country_holidays("RU", years=years)
    days_off = frozenset(d for d in calendar if d.year == year)
    working = frozenset(d for d in calendar.weekend_workdays if d.year == year)
    return days_off, working


@cache
def default_calendar() -> WorkCalendar:
    """The Russian calendar without local additions, shared by the whole process."""
    return WorkCalendar()
