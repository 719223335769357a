"""parse_deadline: a deadline phrase of a Russian document → a Deadline.

The phrase is scanned for what it names (tokens.py); the combination decides the kind:
a frequency makes a recurrence, "постоянно" ongoing work, windows dates or spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from tracker.domain import recurrence as rec
from tracker.domain.deadlines import model as m
from tracker.domain.deadlines.lexicon import TERM_ENDS, normalize
from tracker.domain.deadlines.model import Deadline, Period
from tracker.domain.deadlines.tokens import Found, Relative, scan
from tracker.domain.deadlines.windows import Window, on, resolve
from tracker.domain.problems import Problem
from tracker.domain.workdays import default_calendar

# "в течение 10 дней после проведения": counted from an event whose date is not known here.
_AFTER_EVENT_RE = re.compile(
    r"\b(?:после|по\s+(?:окончании|завершении|итогам|результатам)|со\s+дня|с\s+момента|с\s+даты)\b"
)

# "при формировании бюджета на 2024 год": at an event; the year is the budget's, not a term.
_AT_EVENT_RE = re.compile(
    r"^при\s+(?:формировани|подготовк|составлени|разработк|планировани|утверждени|проведени)"
)


@dataclass(frozen=True)
class _Context:
    raw: str
    period: Period
    ref: date  # the document's date, or the period's start
    check_in: rec.Rule
    report_day: int | None


def parse_deadline(
    raw: str | None,
    period: Period,
    *,
    anchor: date | None = None,
    check_in: str = "half-year",
    report_day: int | None = None,
) -> Deadline:
    """Parse one deadline phrase; never raises on any text.

    `anchor` is the document's date: a phrase without a year takes the first such date on or
    after it. `check_in` ("month", "quarter", "half-year", "year") spaces the check-ins of
    ongoing work. `report_day`: "ежемесячно/ежеквартально" with no day is due on that day of
    the following month (a regional default: 10) instead of the period's last day.
    """
    if check_in not in rec.CHECK_INS:
        raise ValueError(f"unknown check-in period: {check_in!r}")
    text = normalize(raw or "")
    if not text:
        return Deadline(raw, "none", problems=[Problem.of("deadline_missing")])
    ctx = _Context(raw, period, anchor or period.start, rec.CHECK_INS[check_in], report_day)
    try:
        deadline = _interpret(scan(text), ctx)
    except (ValueError, OverflowError):  # a date pushed beyond year 1 or 9999
        deadline = _unknown(ctx, "deadline_unreadable")
    _flag_outside(deadline, period)
    return deadline


def _interpret(found: Found, ctx: _Context) -> Deadline:
    if found.invalid:
        return _unknown(ctx, "deadline_invalid", bad=found.invalid[0])
    if _AT_EVENT_RE.search(normalize(ctx.raw)):
        return _unknown(ctx, "deadline_after_event")
    if found.frequencies or found.weekdays or found.month_days:
        deadline = _recurring(found, ctx)
    elif "ongoing" in found.markers:
        deadline = _ongoing_or_then(found, ctx)
    elif found.windows:
        deadline = _from_windows(found, ctx)
    elif found.relatives and _AFTER_EVENT_RE.search(normalize(ctx.raw)):
        return _unknown(ctx, "deadline_after_event")
    elif found.relatives:
        deadline = _relative(found.relatives[0], ctx)
    elif "external" in found.markers:
        return _unknown(ctx, "deadline_by_schedule")
    elif "event" in found.markers:
        return _unknown(ctx, "deadline_after_event")
    elif "optional" in found.markers:
        return _unknown(ctx, "deadline_as_needed", optional=True)
    else:
        return _unknown(ctx, "deadline_unreadable")
    deadline.optional = "optional" in found.markers
    if "external" in found.markers:
        deadline.problems.append(Problem.of("deadline_schedule_note", raw=ctx.raw))
    return deadline


def _unknown(ctx: _Context, code: str, optional: bool = False, **values) -> Deadline:
    problem = Problem.of(code, raw=ctx.raw.strip(), **values)
    return Deadline(ctx.raw, "unknown", optional=optional, problems=[problem])


def _points(found: Found) -> list[Window]:
    """Windows that name one deadline (a day, a month, a quarter), not a frame or a start."""
    return [w for w in found.windows if not w.frame and not w.from_]


def _bounds(found: Found, ctx: _Context) -> tuple[date, date]:
    """The period, narrowed by dated frames ("в 2022 году") and starts ("с 1 сентября").

    A frame without a year ("в течение учебного года") recurs every year, so it narrows
    nothing: "ежемесячно в течение учебного года" runs through a three-year roadmap.
    """
    low, high = ctx.period.start, ctx.period.end
    for window in found.windows:
        if (window.frame and window.dated) or window.from_:
            first, due = resolve(window, ctx.ref, ctx.period)
            low = max(low, first)
            if not window.from_:
                high = min(high, due)
    return low, high


def _from_windows(found: Found, ctx: _Context) -> Deadline:
    if any(w.from_ for w in found.windows) and not _points(found):
        if all(w.from_ and w.grain == "day" for w in found.windows):
            return _start_days(found, ctx)
        return _ongoing(found, ctx)
    if len(found.windows) == 1:
        window = _school_year_of(found.windows[0], ctx)
        first, due = resolve(window, ctx.ref, ctx.period)
        kind = "span" if window.stated_start else "date"
        return Deadline(
            ctx.raw, kind, first if window.stated_start else None, due, occurrences=[due]
        )
    if _named_months(found) and len(_named_months(found)) == len(found.windows):
        return _month_list(found, ctx)  # "Сентябрь, октябрь, январь, март"
    dues = sorted({resolve(w, ctx.ref, ctx.period)[1] for w in found.windows})
    plausible = [d for d in dues if not _implausible(d, ctx)]
    deadline = Deadline(ctx.raw, "date", due=(plausible or dues)[0], occurrences=plausible or dues)
    for day in dues:
        if _implausible(day, ctx) and plausible:
            deadline.problems.append(
                Problem.of("deadline_implausible", raw=ctx.raw, day=m.ru_date(day))
            )
    return deadline


def _implausible(day: date, ctx: _Context) -> bool:
    """A date more than a year before the document's own: a typo in the year ("26 июня 2010
    г." in an order of 2021), never trusted when the phrase gives another date."""
    return day < ctx.ref - timedelta(days=366)


def _month_list(found: Found, ctx: _Context) -> Deadline:
    """Months named without a year, one after another: the work recurs in each of them."""
    rule = rec.yearly(_named_months(found), -1)
    dates = rule.between(ctx.period.start, ctx.period.end)
    due = dates[0] if dates else None
    return Deadline(ctx.raw, "recurring", due=due, rrule=rule.body(), occurrences=dates)


def _start_days(found: Found, ctx: _Context) -> Deadline:
    """ "Начать отопительный сезон с 18.10.2006": the work is done on the day it starts."""
    dues = sorted({resolve(w, ctx.ref, ctx.period)[0] for w in found.windows})
    return Deadline(ctx.raw, "date", due=dues[0], occurrences=dues)


def _school_year_of(window: Window, ctx: _Context) -> Window:
    """A year-less year or half-year in a document of one school year (to 31 August) is
    that school year's: "в течение года" runs to 31 August, "II полугодие" is January–May
    (teaching ends in late May). "В течение календарного года" and "до конца года" stay the
    calendar year."""
    period = ctx.period
    school = (period.end.month, period.end.day) == (8, 31) and (
        period.end - period.start
    ).days <= 366
    if window.dated or not school:
        return window
    last = period.end.year
    if window.grain == "half" and not window.stated_start:
        if window.first == (1, 1):
            return Window((9, 1), (12, -1), last - 1, last - 1, "half")
        return Window((1, 1), (5, -1), last, last, "half")
    words = ctx.raw.lower()
    if window.grain == "year" and "течени" in words and "календарн" not in words:
        return Window((9, 1), (8, -1), last - 1, last, "school")
    return window


def _ongoing_or_then(found: Found, ctx: _Context) -> Deadline:
    """ "Постоянно" alone or in a frame is ongoing; with a date it is that date, then ongoing."""
    points = _points(found)
    if not points:
        return _ongoing(found, ctx)
    due = resolve(points[0], ctx.ref, ctx.period)[1]
    low, high = _bounds(found, ctx)
    after = [d for d in ctx.check_in.between(max(low, due), high) if d > due]
    return Deadline(ctx.raw, "date", due=due, then_ongoing=True, occurrences=[due, *after])


def _ongoing(found: Found, ctx: _Context) -> Deadline:
    """Ongoing work: no due date, a check-in at the end of each reporting period (or at the
    end of the period when none ends inside it)."""
    low, high = _bounds(found, ctx)
    starts = any(w.from_ for w in found.windows)
    deadline = Deadline(
        ctx.raw, "ongoing", start=low if starts else None, rrule=ctx.check_in.body()
    )
    if low > high:
        deadline.problems.append(
            Problem.of("deadline_no_occurrences", raw=ctx.raw, period=_period(ctx))
        )
        return deadline
    deadline.occurrences = ctx.check_in.between(low, high) or [high]
    return deadline


def _relative(relative: Relative, ctx: _Context) -> Deadline:
    """Counted from the document's date; "в течение месяца" in a plan of one month is that
    month."""
    period = ctx.period
    one_month = period.start.day == 1 and period.end == on(
        period.start.year, (period.start.month, -1)
    )
    if one_month and (relative.unit, relative.amount) == ("months", 1):
        return Deadline(ctx.raw, "date", due=period.end, occurrences=[period.end])
    if relative.working:
        due = default_calendar().add_working_days(ctx.ref, relative.amount)
    elif relative.unit == "months":
        due = ctx.ref + relativedelta(months=relative.amount)
    else:
        due = ctx.ref + timedelta(days=relative.amount * (7 if relative.unit == "weeks" else 1))
    return Deadline(ctx.raw, "date", due=due, occurrences=[due])


def _period(ctx: _Context) -> str:
    return m.period_text(ctx.period.start, ctx.period.end)


def _flag_outside(deadline: Deadline, period: Period) -> None:
    """A date outside the document's period is kept, with a sentence for a person."""
    dates = ([deadline.due] if deadline.due else []) + deadline.occurrences
    outside = next((d for d in dates if d not in period), None)
    if outside is not None:
        text = m.period_text(period.start, period.end)
        deadline.problems.append(
            Problem.of("deadline_outside", day=m.ru_date(outside), period=text)
        )


def _recurring(found: Found, ctx: _Context) -> Deadline:
    """A recurrence: occurrences of its rule inside the period (narrowed by frames); a dated
    first deadline ("Январь 2021, далее ежегодно") comes first and the rule runs after it."""
    rule, lagged = _rule(found, ctx)
    if rule is None:
        return _unknown(ctx, "deadline_unsupported")
    low, high = _bounds(found, ctx)
    points = [w for w in _points(found) if w.dated]
    seed = resolve(points[0], ctx.ref, ctx.period)[1] if points else None
    dates = rule.between(max(low, seed) if seed else low, high)
    if lagged:  # a report on a part of the year that ended before the period is not due
        dates = [d for d in dates if d.replace(day=1) - timedelta(days=1) >= low]
    problems = []
    if len(dates) > rec.MAX_OCCURRENCES:
        dates = dates[: rec.MAX_OCCURRENCES]
        problems.append(Problem.of("deadline_too_many", raw=ctx.raw, limit=rec.MAX_OCCURRENCES))
    occurrences = sorted({seed, *dates} if seed else set(dates))
    if not occurrences:
        problems.append(Problem.of("deadline_no_occurrences", raw=ctx.raw, period=_period(ctx)))
    due = occurrences[0] if occurrences else None
    start = _window_start(found, due) if len(rule.bymonth) == 1 else None
    if rule.freq == "YEARLY" and len(rule.bymonth) == 1 and _days_differ(found):
        problems.append(Problem.of("deadline_yearly_days", raw=ctx.raw))
    return Deadline(
        ctx.raw, "recurring", start, due, rule.body(), occurrences=occurrences, problems=problems
    )


def _window_start(found: Found, due: date | None) -> date | None:
    """The first day of the first occurrence's window ("ежегодно в июне–августе": 1 June)."""
    windows = [w for w in found.windows if w.stated_start and not w.dated]
    if due is None or not windows:
        return None
    first, last = windows[0].first, windows[0].due
    wraps = (first[0], first[1] % 32) > (last[0], last[1] % 32)
    return on(due.year - 1 if wraps else due.year, first)


def _rule(found: Found, ctx: _Context) -> tuple[rec.Rule | None, bool]:
    """The rule, and whether each date reports on the part of the year before it
    ("ежеквартально до 10 числа месяца, следующего за отчётным": 10 April for I quarter)."""
    if found.weekdays:
        return rec.weekly(*dict.fromkeys(found.weekdays)), False
    if "terms" in found.markers:
        return rec.Rule("YEARLY", bymonth=tuple(sorted(TERM_ENDS)), bymonthday=(-1,)), False
    times, every_years = found.frequencies[0] if found.frequencies else (12, 1)
    day = found.month_days[0] if found.month_days else ctx.report_day
    if times == 1:
        return _yearly(found, every_years), False
    named = _named_months(found)
    if len(named) == times and not found.month_days:
        return rec.yearly(named, -1, every_years), False  # "2 раза в год (январь, июнь)"
    if 12 % times == 0 and day is not None and "in_last_month" in found.markers:
        return rec.yearly(tuple(range(12 // times, 13, 12 // times)), day), False
    if 12 % times == 0:
        lagged = day is not None and (times != 12 or not found.month_days)
        rule = rec.every_months(12 // times, day)
        return (_in_months(rule, found) if times == 12 else rule), lagged
    if times == 24:
        return rec.Rule("MONTHLY", bymonthday=(15, -1)), False
    if times == 52:
        return rec.weekly("FR"), False  # the last working day of the week
    return None, False


def _named_months(found: Found) -> tuple[int, ...]:
    """The single months, without a year, that a phrase names, in calendar order."""
    months = [w for w in found.windows if w.grain == "month" and not w.dated]
    if any(w.stated_start for w in months):
        return ()
    return tuple(sorted({w.due[0] for w in months}))


def _in_months(rule: rec.Rule, found: Found) -> rec.Rule:
    """ "Ежемесячно, сентябрь–май": only the months of a year-less range of months."""
    ranges = [w for w in found.windows if w.stated_start and not w.dated and w.grain == "month"]
    if not ranges:
        return rule
    first, last = ranges[0].first[0], ranges[0].due[0]
    months = [(first + i - 1) % 12 + 1 for i in range((last - first) % 12 + 1)]
    return replace(rule, bymonth=tuple(sorted(months)))


def _yearly(found: Found, every_years: int) -> rec.Rule:
    """Once a year: on the day a window names ("ежегодно до 1 сентября", "ежегодно, сентябрь",
    "Январь 2021, далее ежегодно"), else on 31 December. Several months with one day share a
    rule ("ежегодно в сентябре и мае"); days of different months make one rule with BYSETPOS
    ("до 1 марта и 15 октября"); anything else keeps the first window, and is flagged."""
    windows = _yearly_windows(found) or [Window((12, 31), (12, 31))]
    if len({w.due[1] for w in windows}) > 1:
        named = rec.yearly_on(tuple(w.due for w in windows), every_years)
        if named is not None:
            return named
        windows = windows[:1]
    return rec.yearly(tuple(sorted({w.due[0] for w in windows})), windows[0].due[1], every_years)


def _yearly_windows(found: Found) -> list[Window]:
    """The windows that give a yearly rule its day; a dated one ("до 01.03.2025, далее
    ежегодно до 1 сентября") is the first deadline, not a day of the rule, when others are
    there."""
    windows = [w for w in found.windows if not w.from_ and not (w.frame and w.dated)]
    undated = [w for w in windows if not w.dated]
    return undated or windows


def _days_differ(found: Found) -> bool:
    return len({w.due[1] for w in _yearly_windows(found)}) > 1
