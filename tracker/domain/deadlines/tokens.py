"""Scanning a normalised phrase into what it names: windows, frequencies and markers."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from tracker.domain.deadlines import lexicon as lx
from tracker.domain.deadlines.lexicon import TERM_ENDS
from tracker.domain.deadlines.windows import (
    Window,
    day_window,
    join,
    month_window,
    months_window,
    school_year,
    year_range,
)

MARKERS = ("then", "ongoing", "optional", "external", "event")
FREQUENCIES = {"yearly": 1, "halfly": 2, "quarterly": 4, "monthly": 12, "weekly": 52}


class Invalid(ValueError):
    """A date-like piece of a phrase that is no date (31.02.2022, 20.02.200)."""


@dataclass(frozen=True)
class Relative:
    """ "в течение 10 рабочих дней", "в месячный срок": counted from the document's date."""

    amount: int
    unit: str  # days, weeks, months
    working: bool = False


@dataclass
class Found:
    windows: list[Window] = field(default_factory=list)
    frequencies: list[tuple[int, int]] = field(
        default_factory=list
    )  # (times a year, every N years)
    weekdays: list[str] = field(default_factory=list)
    month_days: list[int] = field(default_factory=list)
    relatives: list[Relative] = field(default_factory=list)
    markers: set[str] = field(default_factory=set)
    invalid: list[str] = field(default_factory=list)
    window_end: int = -1  # where the last window ended in the text, to join "А – Б"


def scan(text: str) -> Found:
    found = Found()
    for match in lx.TOKEN_RE.finditer(text):
        kind = match.lastgroup
        if kind in _WINDOWS:
            if kind.startswith("num") and lx.ITEM_REF_RE.search(text, 0, match.start()):
                continue
            if kind == "num_dm" and found.windows and match.group("ndm_m") == "00":
                continue  # "12.02 14.00": the hour of the day before it
            try:
                window = _WINDOWS[kind](match)
            except (Invalid, ValueError):
                found.invalid.append(match.group(kind))
                continue
            _add_window(found, window, text, match.start(), match.end())
        else:
            _OTHERS[kind](match, found)
    return found


def names_a_window(match) -> bool:
    """A date-like token that is a real date ("31.02.2022" and "2.4.0162" are not)."""
    builder = _WINDOWS.get(match.lastgroup)
    if builder is None:
        return True
    try:
        builder(match)
    except (Invalid, ValueError):
        return False
    return True


def _add_window(found: Found, window: Window, text: str, start: int, end: int) -> None:
    """Join "А – Б" / "с А по Б" into one range; mark "с А" / "начиная с А" as a start."""
    joiner = lx.JOINER_RE.fullmatch(text, found.window_end, start) if found.windows else None
    if joiner and ("до" not in joiner.group(0) or found.windows[-1].from_):
        # "с А до Б" is a range; "До 28.04.06 До 05.05.06" is two deadlines
        joined = join(found.windows[-1], window)
        if joined is not None:
            found.windows[-1] = joined
            found.window_end = end
            return
    if lx.FROM_RE.search(text, 0, start) and not (window.stated_start and window.grain == "day"):
        window = replace(window, from_=True)  # a range of days ("с 16 по 20 октября") is no start
    found.windows.append(window)
    found.window_end = end


def _year(digits: str) -> int:
    if len(digits) == 2:
        return 2000 + int(digits)
    if len(digits) != 4 or not 1900 <= int(digits) <= 2100:
        raise Invalid(digits)
    return int(digits)


def _day_month(day: int, month: int) -> Window:
    """A day of a month without a year; 29 February is allowed (leap years)."""
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(2024, month)[1]):
        raise Invalid(f"{day}.{month}")
    return Window((month, day), (month, day))


def _on(day: str, month: int, year: str | None) -> Window:
    if year is None:
        return _day_month(int(day), month)
    return day_window(date(_year(year), month, int(day)))


WEEK_ENDS = {"перв": 7, "втор": 14, "трет": 21, "четверт": 28, "последн": -1}


def _week_of(week: str, month: int, year: str | None) -> Window:
    """ "в течение первой недели сентября 2025": by the 7th (the last week: the month's end)."""
    day = WEEK_ENDS[week]
    window = month_window(month, _year(year) if year else None)
    return replace(window, due=(month, day)) if day > 0 else window


def _day_range(first: str, last: str, month: int, year: str | None) -> Window:
    """ "с 16 по 20 октября 2023 года", "16–20 октября": days of one month, a span."""
    start, due = _on(first, month, year), _on(last, month, year)
    if start.first > due.due:
        raise Invalid(f"{first}-{last}")
    return replace(start, due=due.due, stated_start=True)


def _school_half(half: int, first_year: int) -> Window:
    """ "в I полугодии 2024/2025 учебного года": September–December of the first year;
    the II half runs January–May of the second (teaching ends in late May)."""
    if half == 1:
        return Window((9, 1), (12, -1), first_year, first_year, "half", stated_start=True)
    return Window((1, 1), (5, -1), first_year + 1, first_year + 1, "half", stated_start=True)


def _school_term(term: int) -> Window:
    """ "во II четверти": by the end of that school term (late October, December, March, May)."""
    if not 1 <= term <= 4:
        raise Invalid(str(term))
    return month_window(TERM_ENDS[term - 1], None, "month")


def _years(m) -> Window:
    first, last = int(m["yr_a"]), m["yr_b"]
    last = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
    if m["yr_pre"] or m["yr_school"] or m["yr_sep"] == "/":
        if last <= first:
            raise Invalid(m.group("years"))
        return school_year(first, last)
    if last < first:
        raise Invalid(m.group("years"))
    return year_range(first, last)


def _parts(a: str, b: str | None, year: str | None, size: int, grain: str) -> Window:
    """Quarters (size 3) or halves (size 6): "IV квартал 2022", "I–II полугодие"."""
    first, last = lx.ordinal(a), lx.ordinal(b) if b else lx.ordinal(a)
    if not 1 <= first <= last <= 12 // size:
        raise Invalid(a)
    window = months_window(
        (first - 1) * size + 1, last * size, _year(year) if year else None, grain
    )
    return replace(window, stated_start=b is not None)


_Match = Callable[..., Window]
_WINDOWS: dict[str, _Match] = {
    "iso": lambda m: day_window(date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))),
    "num": lambda m: _on(m["num_d"], int(m["num_m"]), m["num_y"]),
    "num_my": lambda m: month_window(_month(int(m["nmy_m"])), _year(m["nmy_y"])),
    "num_dm": lambda m: _day_month(int(m["ndm_d"]), int(m["ndm_m"])),
    "num_range": lambda m: _day_range(m["nr_a"], m["nr_b"], int(m["nr_m"]), m["nr_y"]),
    "week_of": lambda m: _week_of(m["wo_n"], lx.month_number(m["wo_m"]), m["wo_y"]),
    "day_range": lambda m: _day_range(m["dr_a"], m["dr_b"], lx.month_number(m["dr_m"]), m["dr_y"]),
    "word_date": lambda m: _on(m["wd_d"], lx.month_number(m["wd_m"]), m["wd_y"]),
    "years": _years,
    "quarter": lambda m: _parts(m["q_a"], m["q_b"], m["q_y"], 3, "quarter"),
    "half": lambda m: _parts(m["h_a"], m["h_b"], m["h_y"], 6, "half"),
    "month": lambda m: month_window(lx.month_number(m["mo_m"]), m["mo_y"] and _year(m["mo_y"])),
    "year": lambda m: year_range(int(m["y_y"]), int(m["y_y"])),
    "school_start": lambda m: Window((9, 1), (9, 1)),
    "school_start_of": lambda m: day_window(date(_year(m["ss_a"]), 9, 1)),
    "school_half": lambda m: _school_half(lx.ordinal(m["sh_n"]), _year(m["sh_a"])),
    "school_term": lambda m: _school_term(lx.ordinal(m["st_n"])),
    "school": lambda m: school_year(None),
    "summer": lambda m: replace(months_window(6, 8, None, "month"), stated_start=True),
    "this_year": lambda m: Window((1, 1), (12, -1), grain="year"),
}


def _month(month: int) -> int:
    if not 1 <= month <= 12:
        raise Invalid(str(month))
    return month


def _frequency(times: int, every_years: int = 1):
    def add(m, found: Found) -> None:
        found.frequencies.append((times, every_years))

    return add


def _per_unit(m, found: Found) -> None:
    times = lx.number(m["pu_n"]) if m["pu_n"] else 1
    unit = next(v for k, v in lx.UNITS_PER_YEAR.items() if m["pu_u"].startswith(k))
    found.frequencies.append((times * unit, 1))


def _per_years(m, found: Found) -> None:
    found.frequencies.append((1, max(lx.number(m["py_n"]), 1)))


def _month_day(m, found: Found) -> None:
    day = int(m["dom"])
    if 1 <= day <= 31:
        found.month_days.append(day)
    else:
        found.invalid.append(m.group("day_of_month"))


def _relative(m, found: Found) -> None:
    amount = lx.number(m["rel_n"]) if m["rel_n"] else 1
    unit = {"д": "days", "н": "weeks", "м": "months"}[m["rel_u"][0]]
    found.relatives.append(Relative(amount, unit, bool(m["rel_w"]) and "рабоч" in m["rel_w"]))


def _relative_term(m, found: Found) -> None:
    amount = lx.number(m["rs_n"].strip(" -")) if m["rs_n"] else 1
    unit = {"д": "days", "н": "weeks", "м": "months"}[m["rs_u"][0]]
    found.relatives.append(Relative(amount, unit))


def _terms(m, found: Found) -> None:
    """ "по итогам каждой четверти": four a year, at the ends of the school terms."""
    found.frequencies.append((4, 1))
    found.markers.add("terms")


def _marker(name: str):
    def add(m, found: Found) -> None:
        found.markers.add(name)

    return add


PARTS_A_YEAR = {"квартал": 4, "полугод": 2, "месяц": 12, "год": 1}


def _part_end(m, found: Found) -> None:
    """ "до 20 числа последнего месяца квартала": once a part, in the part's last month."""
    _implied_frequency(found, PARTS_A_YEAR[m["pe_u"]])
    found.markers.add("in_last_month")


def _following(m, found: Found) -> None:
    """ "до 5 числа месяца, следующего за отчётным полугодием": the part gives the frequency
    when no word does (the report falls in the month after each part)."""
    _implied_frequency(found, PARTS_A_YEAR[m["fo_u"]])


def _implied_frequency(found: Found, times: int) -> None:
    if not found.frequencies:
        found.frequencies.append((times, 1))


_OTHERS = {
    **{name: _frequency(times) for name, times in FREQUENCIES.items()},
    "per_unit": _per_unit,
    "per_years": _per_years,
    "weekday": lambda m, found: found.weekdays.append(lx.weekday_code(m["wk"])),
    "day_of_month": _month_day,
    "relative": _relative,
    "relative_term": _relative_term,
    "daily": _marker("ongoing"),
    "terms": _terms,
    "part_end": _part_end,
    "following": _following,
    **{name: _marker(name) for name in MARKERS},
}
