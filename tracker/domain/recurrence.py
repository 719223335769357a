"""Recurrence rules: one value renders the RFC 5545 RRULE body and expands its dates.

Keeping both in one place is what makes a deadline's `rrule` and its `occurrences` agree.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from itertools import islice

from dateutil import rrule as _rr

MAX_OCCURRENCES = 400

_FREQS = {"YEARLY": _rr.YEARLY, "MONTHLY": _rr.MONTHLY, "WEEKLY": _rr.WEEKLY}
_WEEKDAYS = {"MO": _rr.MO, "TU": _rr.TU, "WE": _rr.WE, "TH": _rr.TH, "FR": _rr.FR, "SA": _rr.SA}
_WEEKDAYS["SU"] = _rr.SU
# The shortest length of each month (February in a common year).
_MIN_LENGTH = {m: calendar.monthrange(2023, m)[1] for m in range(1, 13)}


@dataclass(frozen=True)
class Rule:
    """A recurrence rule in the subset of RFC 5545 the deadline phrases need."""

    freq: str
    interval: int = 1
    bymonth: tuple[int, ...] = ()
    bymonthday: tuple[int, ...] = ()
    byday: tuple[str, ...] = ()
    bysetpos: int | tuple[int, ...] | None = None

    def body(self) -> str:
        parts = [f"FREQ={self.freq}"]
        if self.interval != 1:
            parts.append(f"INTERVAL={self.interval}")
        for name, values in (
            ("BYMONTH", self.bymonth),
            ("BYMONTHDAY", self.bymonthday),
            ("BYDAY", self.byday),
        ):
            if values:
                parts.append(f"{name}={','.join(map(str, values))}")
        if self.bysetpos is not None:
            positions = self.bysetpos if isinstance(self.bysetpos, tuple) else (self.bysetpos,)
            parts.append(f"BYSETPOS={','.join(map(str, positions))}")
        return ";".join(parts)

    def between(self, start: date, end: date, limit: int = MAX_OCCURRENCES) -> list[date]:
        """Dates of the rule from `start` to `end` inclusive, counted from `start`.

        At most `limit + 1` dates are returned, so a caller can tell the list was cut.
        """
        return list(_expand(self, start, end, limit))


@lru_cache(maxsize=1024)
def _expand(rule: Rule, start: date, end: date, limit: int) -> tuple[date, ...]:
    """dateutil builds each rule slowly (~100 µs); a document repeats a few rules over one
    period, so the expansions are memoised."""
    if start > end:
        return ()
    expansion = _rr.rrule(
        _FREQS[rule.freq],
        dtstart=datetime(start.year, start.month, start.day),
        until=datetime(end.year, end.month, end.day),
        interval=rule.interval,
        bymonth=rule.bymonth or None,
        bymonthday=rule.bymonthday or None,
        byweekday=[_WEEKDAYS[d] for d in rule.byday] or None,
        bysetpos=rule.bysetpos,
    )
    return tuple(moment.date() for moment in islice(expansion, limit + 1))


def day_of_months(months: tuple[int, ...], day: int) -> tuple[tuple[int, ...], int | None]:
    """BYMONTHDAY (and BYSETPOS) for `day` of each of `months`, or that month's last day.

    "До 30 числа" must still give 28 February: with one month per rule period the last of
    the days 28..30 that exist is picked (BYSETPOS=-1). With several months a year the
    set position would pick one month only, so the day is cut to the shortest month.
    """
    if day == -1:
        return (month_end_day(months),), None
    shortest = min(_MIN_LENGTH[m] for m in months)
    if day <= shortest:
        return (day,), None
    if day >= 31 or (len(months) == 1 and day >= max(_max_length(m) for m in months)):
        return (-1,), None
    if len(months) == 1 or len(months) == 12:
        return tuple(range(shortest, day + 1)), -1
    return (shortest,), None


def month_end_day(months: tuple[int, ...]) -> int:
    """The month's last day written plainly (31, 30) where it never varies, else -1."""
    lengths = {_MIN_LENGTH[m] for m in months}
    if len(lengths) == 1 and 2 not in months:
        return lengths.pop()
    return -1


def _max_length(month: int) -> int:
    return calendar.monthrange(2024, month)[1]


def yearly(months: tuple[int, ...], day: int, interval: int = 1) -> Rule:
    """Once a year (every `interval` years) on `day` (-1: the last day) of each of `months`."""
    bymonthday, setpos = day_of_months(months, day)
    return Rule("YEARLY", interval, months, bymonthday, bysetpos=setpos)


def yearly_on(dates: tuple[tuple[int, int], ...], interval: int = 1) -> Rule | None:
    """Once a year on each of several days of different months ("до 1 марта и 15 октября").

    BYMONTH × BYMONTHDAY makes every pairing (1 and 15 March, 1 and 15 October); BYSETPOS
    keeps the named ones. Only for days that every month has, so each year's set is whole;
    None otherwise.
    """
    months = tuple(sorted({month for month, _ in dates}))
    days = tuple(sorted({day for _, day in dates}))
    if len(months) != len(dates) or not all(1 <= day <= 28 for day in days):
        return None
    pairings = sorted((month, day) for month in months for day in days)
    positions = tuple(pairings.index(named) + 1 for named in sorted(dates))
    return Rule("YEARLY", interval, months, days, bysetpos=positions)


def monthly(day: int) -> Rule:
    """Every month on `day` (-1: the last day)."""
    bymonthday, setpos = day_of_months(tuple(range(1, 13)), day)
    return Rule("MONTHLY", bymonthday=bymonthday, bysetpos=setpos)


def every_months(step: int, report_day: int | None = None) -> Rule:
    """Every `step` months (1, 2, 3, 4, 6, 12): by the end of each part of the year, or,
    with `report_day`, by that day of the month after it ("до 10 числа месяца,
    следующего за отчётным кварталом")."""
    if step == 1:
        return monthly(report_day or -1)
    ends = tuple(range(step, 13, step))
    if report_day is None:
        return Rule("YEARLY", bymonth=ends, bymonthday=(month_end_day(ends),))
    months = tuple(sorted(m % 12 + 1 for m in ends))
    bymonthday, setpos = day_of_months(months, report_day)
    return Rule("YEARLY", bymonth=months, bymonthday=bymonthday, bysetpos=setpos)


def weekly(*days: str) -> Rule:
    return Rule("WEEKLY", byday=tuple(days))


CHECK_INS = {
    "month": every_months(1),
    "quarter": every_months(3),
    "half-year": every_months(6),
    "year": every_months(12),
}
