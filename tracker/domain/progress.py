"""Progress reporting rules: reporting periods, how an occurrence is classified, shares.

Pure functions; `as_of` is always an argument. The SQL in tracker/reports/queries.py
implements `classify` as CASE expressions; the table tests here pin the rules down and the
report tests check the SQL gives the same answers.
"""

from dataclasses import dataclass
from datetime import date

ON_TIME, LATE, OVERDUE, NOT_NEEDED, NOT_YET_DUE = (
    "on_time",
    "late",
    "overdue",
    "not_needed",
    "not_yet_due",
)
OUTCOMES = (ON_TIME, LATE, OVERDUE, NOT_NEEDED, NOT_YET_DUE)
OUTCOME_LABELS = {
    ON_TIME: "Выполнено в срок",
    LATE: "Выполнено с нарушением срока",
    OVERDUE: "Просрочено",
    NOT_NEEDED: "Не потребовалось",
    NOT_YET_DUE: "Срок не наступил",
}
NO_STAGE_TITLE = "Без этапа"

H1, H2, SCHOOL_YEAR, YEAR, DOCUMENT, CUSTOM = (
    "h1",
    "h2",
    "school_year",
    "year",
    "document",
    "custom",
)
PRESETS = (H1, H2, SCHOOL_YEAR, YEAR, DOCUMENT, CUSTOM)
ROMAN_HALVES = {H1: "I", H2: "II"}


@dataclass(frozen=True)
class Period:
    """A report's span; `kind` (a preset) and `year` let the interface word it."""

    start: date
    end: date
    label: str = ""
    kind: str = CUSTOM
    year: int | None = None

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


def half_year(year: int, half: int) -> Period:
    if half == 1:
        return Period(date(year, 1, 1), date(year, 6, 30), f"I полугодие {year} года", H1, year)
    return Period(date(year, 7, 1), date(year, 12, 31), f"II полугодие {year} года", H2, year)


def school_year(first_year: int) -> Period:
    """1 September to 31 August: the school year that starts in `first_year`."""
    return Period(
        date(first_year, 9, 1),
        date(first_year + 1, 8, 31),
        f"{first_year}–{first_year + 1} учебный год",
        SCHOOL_YEAR,
        first_year,
    )


def calendar_year(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), f"{year} год", YEAR, year)


def school_year_of(day: date) -> int:
    """The first calendar year of the school year `day` falls in."""
    return day.year if day.month >= 9 else day.year - 1


def default_year(preset: str, today: date) -> int:
    """The year a preset refers to when none is chosen: the one `today` falls in."""
    return school_year_of(today) if preset == SCHOOL_YEAR else today.year


def resolve_period(
    preset: str,
    year: int | None,
    today: date,
    custom: tuple[date | None, date | None] = (None, None),
    whole: tuple[date, date] | None = None,
) -> Period:
    """The period a report covers, from the preset chosen on the form.

    `whole` is the documents' own period (earliest start, latest end); `custom` the dates
    typed in. A custom period with a missing end falls back to the other end or today.
    """
    year = year or default_year(preset, today)
    if preset == H1:
        return half_year(year, 1)
    if preset == H2:
        return half_year(year, 2)
    if preset == SCHOOL_YEAR:
        return school_year(year)
    if preset == YEAR:
        return calendar_year(year)
    if preset == DOCUMENT and whole:
        return Period(whole[0], whole[1], "весь период документа", DOCUMENT)
    start, end = custom
    start, end = start or end or today, end or start or today
    if end < start:
        start, end = end, start
    return Period(start, end, "")


def classify(
    state: str,
    due_on: date | None,
    done_on: date | None,
    as_of: date,
    original_due_on: date | None = None,
    count_extension: bool = True,
) -> str | None:
    """The outcome of one occurrence as of a day; None when it does not count at all.

    Cancelled occurrences and those without a due date (ongoing work is counted at its
    check-ins) do not count. "Reported" awaits the controller and so is not done yet. A
    done occurrence closed after `as_of` was still open on that day. When approved
    extensions do not count, the original due date is the yardstick.
    """
    if state == "cancelled" or due_on is None:
        return None
    if state == "not_needed":
        return NOT_NEEDED
    deadline = due_on if count_extension else (original_due_on or due_on)
    if state == "done" and (done_on is None or done_on <= as_of):
        return ON_TIME if (done_on or deadline) <= deadline else LATE
    return OVERDUE if deadline < as_of else NOT_YET_DUE


def share(numerator: int, due: int, not_needed: int = 0) -> float | None:
    """numerator / (due − not needed); None when nothing was needed."""
    needed = due - not_needed
    return numerator / needed if needed > 0 else None


def format_share(value: float | None) -> str:
    """ "83,3 %" as Russian reports write it; a dash when there is nothing to divide."""
    if value is None:
        return "—"
    text = f"{value * 100:.1f}".replace(".", ",")
    return f"{text.removesuffix(',0')} %"


def stage_order(stages: tuple[str, ...], stage: str | None) -> int:
    """Sort key: the management cycle's order, unknown stages next, "no stage" last."""
    if stage in stages:
        return stages.index(stage)
    return len(stages) + (1 if stage is None else 0)
