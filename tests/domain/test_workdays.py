"""Working days on the Russian production calendar: the known transfers of 2021–2027."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.workdays import WorkCalendar, default_calendar

CAL = default_calendar()


@pytest.mark.parametrize(
    ("day", "working"),
    [
        ("2021-01-08", False),  # New Year holidays
        ("2021-01-11", True),
        ("2021-02-20", True),  # Saturday worked for 22 February
        ("2021-02-22", False),
        ("2021-05-03", False),
        ("2021-05-10", False),
        ("2021-06-14", False),
        ("2021-11-05", False),  # transferred from 2 January
        ("2021-12-31", False),  # transferred from 3 January
        ("2022-03-05", True),  # Saturday worked for 7 March
        ("2022-03-07", False),
        ("2022-03-08", False),
        ("2022-05-03", False),
        ("2022-05-10", False),
        ("2022-06-13", False),
        ("2023-02-24", False),  # transferred from 1 January
        ("2023-05-08", False),
        ("2023-11-06", False),
        ("2024-04-27", True),  # Saturday worked for 29 April
        ("2024-04-29", False),
        ("2024-04-30", False),
        ("2024-11-02", True),  # Saturday worked for 30 April
        ("2024-12-28", True),  # Saturday worked for 30 December
        ("2024-12-30", False),
        ("2024-12-31", False),
        ("2025-05-02", False),
        ("2025-05-08", False),
        ("2025-06-13", False),
        ("2025-11-01", True),  # Saturday worked for 3 November
        ("2025-11-03", False),
        ("2025-12-31", False),
        ("2026-01-09", False),
        ("2022-02-12", False),  # an ordinary Saturday
        ("2022-02-13", False),  # an ordinary Sunday
        ("2022-02-14", True),  # an ordinary Monday
    ],
)
def test_known_days_of_the_production_calendar(day, working):
    assert CAL.is_working_day(date.fromisoformat(day)) is working


@pytest.mark.parametrize(
    ("day", "rule", "shifted"),
    [
        ("2022-05-01", "preceding", "2022-04-29"),  # Sunday, then 2–3 May off
        ("2022-05-01", "following", "2022-05-04"),
        ("2022-05-01", "none", "2022-05-01"),
        ("2022-03-07", "preceding", "2022-03-05"),  # the working Saturday
        ("2022-03-07", "following", "2022-03-09"),
        ("2023-01-01", "preceding", "2022-12-30"),
        ("2023-01-01", "following", "2023-01-09"),
        ("2022-02-14", "preceding", "2022-02-14"),  # already a working day
        ("2022-02-14", "following", "2022-02-14"),
    ],
)
def test_shift_moves_a_last_day_off_a_day_off(day, rule, shifted):
    assert CAL.shift(date.fromisoformat(day), rule) == date.fromisoformat(shifted)


def test_shift_prefers_the_preceding_working_day_by_default():
    assert CAL.shift(date(2021, 12, 31)) == date(2021, 12, 30)


def test_an_unknown_shift_rule_is_refused():
    with pytest.raises(ValueError, match="shift rule"):
        CAL.shift(date(2022, 1, 1), "nearest")


@pytest.mark.parametrize(
    ("start", "end", "days"),
    [
        ("2022-02-10", "2022-02-10", 0),
        ("2022-02-10", "2022-02-09", 0),
        ("2022-02-10", "2022-02-11", 1),
        ("2022-02-11", "2022-02-14", 1),  # Friday → Monday: one working day late
        ("2022-03-04", "2022-03-09", 2),  # Sat 5 worked, 7 and 8 March off, 9 worked
        ("2021-12-30", "2022-01-10", 1),  # the New Year holidays
        ("2022-01-31", "2022-02-28", 19),
    ],
)
def test_working_days_between(start, end, days):
    assert CAL.working_days_between(date.fromisoformat(start), date.fromisoformat(end)) == days


@pytest.mark.parametrize(
    ("day", "n", "result"),
    [
        ("2022-01-28", 5, "2022-02-04"),
        ("2022-01-28", 0, "2022-01-28"),
        ("2022-03-04", 1, "2022-03-05"),
        ("2022-03-04", 2, "2022-03-09"),
        ("2022-03-09", -1, "2022-03-05"),
        ("2022-01-10", -1, "2021-12-30"),
        ("2024-04-26", 1, "2024-04-27"),
    ],
)
def test_add_working_days(day, n, result):
    assert CAL.add_working_days(date.fromisoformat(day), n) == date.fromisoformat(result)


def test_local_days_off_and_working_days():
    calendar = WorkCalendar(
        years=range(2022, 2023),
        extra_holidays=[date(2022, 2, 14)],
        extra_workdays=[date(2022, 2, 12)],
    )
    assert not calendar.is_working_day(date(2022, 2, 14))
    assert calendar.is_working_day(date(2022, 2, 12))
    assert calendar.shift(date(2022, 2, 14)) == date(2022, 2, 12)
    assert CAL.is_working_day(date(2022, 2, 14))  # the shared calendar is untouched


def test_the_default_calendar_is_shared():
    assert default_calendar() is default_calendar()


def test_far_years_do_not_fail():
    calendar = WorkCalendar()
    assert calendar.is_working_day(date(1, 1, 3))  # a Wednesday before any decree
    assert calendar.is_working_day(date(9999, 12, 31))  # a Friday
    assert not calendar.is_working_day(date(9999, 12, 25))  # a Saturday


days = st.dates(min_value=date(2019, 1, 1), max_value=date(2028, 12, 31))


@settings(max_examples=200, deadline=None)
@given(day=days, n=st.integers(min_value=-40, max_value=40))
def test_adding_working_days_lands_on_a_working_day_that_far_away(day, n):
    result = CAL.add_working_days(day, n)
    if n == 0:
        assert result == day
        return
    assert CAL.is_working_day(result)
    if n > 0:  # the working days after `day` up to the result
        assert CAL.working_days_between(day, result) == n
    else:  # the working days from the result up to the day before `day`
        one = timedelta(days=1)
        assert CAL.working_days_between(result - one, day - one) == -n


@settings(max_examples=200, deadline=None)
@given(day=days)
def test_shifted_days_are_working_days_near_the_original(day):
    before, after = CAL.shift(day, "preceding"), CAL.shift(day, "following")
    assert CAL.is_working_day(before) and CAL.is_working_day(after)
    assert day - timedelta(days=14) <= before <= day <= after <= day + timedelta(days=14)
