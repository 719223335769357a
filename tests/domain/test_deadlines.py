"""Table tests of deadline phrases: real wording from Russian roadmaps, protocols, orders."""

import json
from datetime import date, datetime

import pytest
from dateutil.rrule import rrulestr

from tracker.domain.deadlines import Deadline, Period, parse_deadline

ROADMAP = Period(date(2021, 1, 1), date(2023, 12, 31))  # 004, Nogliki, 2021–2023
PROTOCOL = Period(date(2022, 1, 28), date(2022, 12, 31))  # 001, Stary Oskol, 28.01.2022
PROTOCOL_DATE = date(2022, 1, 28)


def sentences(deadline) -> list[str]:
    """The deadline's problems as a person reads them (Russian)."""
    return [str(problem) for problem in deadline.problems]


def d(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


def roadmap(raw, **kwargs) -> Deadline:
    return parse_deadline(raw, ROADMAP, **kwargs)


def protocol(raw, **kwargs) -> Deadline:
    return parse_deadline(raw, PROTOCOL, anchor=PROTOCOL_DATE, **kwargs)


@pytest.mark.parametrize(
    ("raw", "due"),
    [
        ("до 10.02.2022 года", "2022-02-10"),
        ("Срок – до 10.02.2022 года.", "2022-02-10"),
        ("Срок: до 01.03.2022", "2022-03-01"),
        ("Срок - до 01.04.2022 года.", "2022-04-01"),
        ("15.03.2022", "2022-03-15"),
        ("в срок до 15 марта 2022 г.", "2022-03-15"),
        ("10.02.22", "2022-02-10"),
        ("не позднее 1 сентября 2022 года", "2022-09-01"),
        ("НЕ ПОЗДНЕЕ 1 СЕНТЯБРЯ 2022 Г.", "2022-09-01"),
        ("до 1-го сентября 2022 г", "2022-09-01"),
        ("к 30.06.2022г.", "2022-06-30"),
        ("2022-05-20", "2022-05-20"),
        ("до 5/10/2022", "2022-10-05"),
        ("<p>до 31.01.2022 года</p>", "2022-01-31"),
        ("до&nbsp;31.01.2022", "2022-01-31"),
        ("до 29 февраля 2024 года", "2024-02-29"),
        ("до 15 марта", "2022-03-15"),  # no year: the first 15 March after the protocol's date
        ("до 15.03", "2022-03-15"),
        ("до 20 января", "2023-01-20"),
        ("Январь 2021", "2021-01-31"),
        ("май 2021 г.", "2021-05-31"),
        ("Май 2021", "2021-05-31"),
        ("в феврале 2024 года", "2024-02-29"),
        ("ноябрь", "2022-11-30"),
        ("02.2022", "2022-02-28"),
        ("2022 год", "2022-12-31"),
        ("в течение 2022 года", "2022-12-31"),
        ("до конца 2022 г.", "2022-12-31"),
        ("в течение года", "2022-12-31"),
        ("до конца текущего года", "2022-12-31"),
        ("IV квартал 2022", "2022-12-31"),
        ("4 квартал 2022 г.", "2022-12-31"),
        ("в I квартале 2023 года", "2023-03-31"),
        ("2-й кв. 2022", "2022-06-30"),
        ("третий квартал 2022 года", "2022-09-30"),
        ("I полугодие 2021", "2021-06-30"),
        ("2 полугодие 2022 года", "2022-12-31"),
        ("в первом полугодии 2022 г.", "2022-06-30"),
        ("II полугодие", "2022-12-31"),
        ("до начала учебного года", "2022-09-01"),
        ("в течение месяца", "2022-02-28"),
        ("в месячный срок", "2022-02-28"),
        ("в течение 10 дней", "2022-02-07"),
        ("в 10-дневный срок", "2022-02-07"),
        ("в двухнедельный срок", "2022-02-11"),
        ("в течение 5 рабочих дней", "2022-02-04"),
    ],
)
def test_a_phrase_naming_one_day_gives_that_due_date(raw, due):
    deadline = protocol(raw) if "2021" not in raw and "2024" not in raw else roadmap(raw)
    if "2024" in raw:
        deadline = parse_deadline(raw, Period(date(2024, 1, 1), date(2024, 12, 31)))
    assert (deadline.kind, deadline.due, deadline.start) == ("date", d(due), None)
    assert deadline.occurrences == [d(due)]
    assert deadline.rrule is None


@pytest.mark.parametrize(
    ("raw", "start", "due"),
    [
        ("2021-2022", "2021-01-01", "2022-12-31"),
        ("2021-2023", "2021-01-01", "2023-12-31"),
        ("2021–2023 гг.", "2021-01-01", "2023-12-31"),
        ("2021 - 2023 годы", "2021-01-01", "2023-12-31"),
        ("2021 г. — 2023 г.", "2021-01-01", "2023-12-31"),
        ("в течение 2021-2022 годов", "2021-01-01", "2022-12-31"),
        ("сентябрь–октябрь 2021", "2021-09-01", "2021-10-31"),
        ("сентябрь 2021 - май 2022", "2021-09-01", "2022-05-31"),
        ("сентябрь 2021 г. – май 2022 г.", "2021-09-01", "2022-05-31"),
        ("с сентября по декабрь 2022 года", "2022-09-01", "2022-12-31"),
        ("октябрь - февраль 2022", "2021-10-01", "2022-02-28"),
        ("с 01.03.2022 по 15.03.2022", "2022-03-01", "2022-03-15"),
        ("01.09.2021 – 31.05.2022", "2021-09-01", "2022-05-31"),
        ("I-II квартал 2022", "2022-01-01", "2022-06-30"),
        ("в 2022–2023 учебном году", "2022-09-01", "2023-08-31"),
        ("2022/2023 учебный год", "2022-09-01", "2023-08-31"),
        ("2022-23 уч. год", "2022-09-01", "2023-08-31"),
        ("в течение учебного года 2021-2022", "2021-09-01", "2022-08-31"),
        ("в период с 16 по 20 октября 2021 года", "2021-10-16", "2021-10-20"),
        ("16–20 октября 2021 г.", "2021-10-16", "2021-10-20"),
        ("с 1 по 15 марта 2022", "2022-03-01", "2022-03-15"),
    ],
)
def test_a_range_gives_a_span(raw, start, due):
    deadline = roadmap(raw)
    assert (deadline.kind, deadline.start, deadline.due) == ("span", d(start), d(due))
    assert deadline.occurrences == [d(due)]


def test_the_school_year_without_years_is_the_one_holding_the_documents_date():
    deadline = protocol("в течение учебного года")
    assert (deadline.kind, deadline.start, deadline.due) == (
        "span",
        date(2021, 9, 1),
        date(2022, 8, 31),
    )
    assert deadline.problems == []


def test_a_year_less_phrase_without_anchor_falls_inside_the_period():
    assert roadmap("до 15 марта").due == date(2021, 3, 15)
    assert roadmap("в течение года").due == date(2021, 12, 31)


Y = ["2021", "2022", "2023"]


@pytest.mark.parametrize(
    ("raw", "rrule", "days"),
    [
        ("Ежегодно", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31", [f"{y}-12-31" for y in Y]),
        ("ежегодно", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31", [f"{y}-12-31" for y in Y]),
        ("каждый год", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31", [f"{y}-12-31" for y in Y]),
        ("ежегодно до 1 сентября", "FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=1", [f"{y}-09-01" for y in Y]),
        ("ежегодно, сентябрь", "FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=30", [f"{y}-09-30" for y in Y]),
        (
            "ежегодно в феврале",
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1",
            ["2021-02-28", "2022-02-28", "2023-02-28"],
        ),
        ("ежегодно до 20.05", "FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=20", [f"{y}-05-20" for y in Y]),
        (
            "ежегодно в июне–августе",
            "FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=31",
            [f"{y}-08-31" for y in Y],
        ),
        ("ежегодно, июнь-август", "FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=31", [f"{y}-08-31" for y in Y]),
        (
            "ежегодно в летний период",
            "FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=31",
            [f"{y}-08-31" for y in Y],
        ),
        (
            "ежегодно в IV квартале",
            "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31",
            [f"{y}-12-31" for y in Y],
        ),
        (
            "Январь 2021, далее ежегодно",
            "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=31",
            [f"{y}-01-31" for y in Y],
        ),
        (
            "ежегодно в 2022-2023 гг.",
            "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31",
            ["2022-12-31", "2023-12-31"],
        ),
        ("раз в 3 года", "FREQ=YEARLY;INTERVAL=3;BYMONTH=12;BYMONTHDAY=31", ["2021-12-31"]),
        (
            "не реже одного раза в два года",
            "FREQ=YEARLY;INTERVAL=2;BYMONTH=12;BYMONTHDAY=31",
            ["2021-12-31", "2023-12-31"],
        ),
    ],
)
def test_yearly_recurrences(raw, rrule, days):
    deadline = roadmap(raw)
    assert (deadline.kind, deadline.rrule) == ("recurring", rrule)
    assert deadline.occurrences == [d(x) for x in days]
    assert deadline.due == deadline.occurrences[0]
    assert deadline.problems == []


HALVES = [f"{y}-{md}" for y in Y for md in ("06-30", "12-31")]
QUARTERS = [f"{y}-{md}" for y in Y for md in ("03-31", "06-30", "09-30", "12-31")]


@pytest.mark.parametrize(
    ("raw", "rrule", "days"),
    [
        ("Не менее 2 раз в год", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1", HALVES),
        ("2 раза в год", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1", HALVES),
        ("не реже двух раз в год", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1", HALVES),
        ("раз в полугодие", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1", HALVES),
        ("по полугодиям", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1", HALVES),
        ("ежеполугодно", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1", HALVES),
        ("ежеквартально", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1", QUARTERS),
        ("4 раза в год", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1", QUARTERS),
        ("раз в квартал", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1", QUARTERS),
        (
            "3 раза в год",
            "FREQ=YEARLY;BYMONTH=4,8,12;BYMONTHDAY=-1",
            [f"{y}-{md}" for y in Y for md in ("04-30", "08-31", "12-31")],
        ),
    ],
)
def test_several_times_a_year(raw, rrule, days):
    deadline = roadmap(raw)
    assert (deadline.kind, deadline.rrule) == ("recurring", rrule)
    assert deadline.occurrences == [d(x) for x in days]


@pytest.mark.parametrize(
    ("raw", "rrule", "first", "count"),
    [
        ("ежемесячно", "FREQ=MONTHLY;BYMONTHDAY=-1", "2022-01-31", 12),
        ("каждый месяц", "FREQ=MONTHLY;BYMONTHDAY=-1", "2022-01-31", 12),
        ("до 25 числа каждого месяца", "FREQ=MONTHLY;BYMONTHDAY=25", "2022-01-25", 12),
        ("ежемесячно до 5 числа", "FREQ=MONTHLY;BYMONTHDAY=5", "2022-01-05", 12),
        (
            "ежемесячно до 30-го числа",
            "FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1",
            "2022-01-30",
            12,
        ),
        ("ежемесячно, до 31 числа", "FREQ=MONTHLY;BYMONTHDAY=-1", "2022-01-31", 12),
        ("еженедельно", "FREQ=WEEKLY;BYDAY=FR", "2022-01-07", 52),
        ("каждый понедельник", "FREQ=WEEKLY;BYDAY=MO", "2022-01-03", 52),
        ("еженедельно по пятницам", "FREQ=WEEKLY;BYDAY=FR", "2022-01-07", 52),
        ("по вторникам и четвергам", "FREQ=WEEKLY;BYDAY=TU,TH", "2022-01-04", 104),
        ("2 раза в месяц", "FREQ=MONTHLY;BYMONTHDAY=15,-1", "2022-01-15", 24),
    ],
)
def test_monthly_and_weekly(raw, rrule, first, count):
    deadline = parse_deadline(raw, Period(date(2022, 1, 1), date(2022, 12, 31)))
    assert (deadline.kind, deadline.rrule, deadline.due) == ("recurring", rrule, d(first))
    assert len(deadline.occurrences) == count


@pytest.mark.parametrize(
    "raw", ["не реже одного раза в четверть", "1 раз в четверть", "раз в учебную четверть"]
)
def test_once_a_school_term_ends_each_term(raw):
    deadline = parse_deadline(raw, Period(date(2022, 9, 1), date(2023, 8, 31)))
    assert (deadline.kind, deadline.rrule) == (
        "recurring",
        "FREQ=YEARLY;BYMONTH=3,5,10,12;BYMONTHDAY=-1",
    )
    assert deadline.occurrences == [
        d("2022-10-31"),
        d("2022-12-31"),
        d("2023-03-31"),
        d("2023-05-31"),
    ]


def test_a_yearly_range_of_days_is_due_at_its_last_day():
    deadline = roadmap("ежегодно с 1 по 15 сентября")
    assert (deadline.kind, deadline.rrule) == ("recurring", "FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=15")
    assert deadline.occurrences == [d(f"{y}-09-15") for y in Y]


@pytest.mark.parametrize("raw", ["при формировании бюджета на 2024 год", "при проведении ВПР"])
def test_a_term_tied_to_an_event_needs_a_date(raw):
    deadline = protocol(raw)
    assert (deadline.kind, deadline.due) == ("unknown", None) and deadline.problems


@pytest.mark.parametrize(
    ("raw", "rrule", "first"),
    [
        (
            "до 20 числа последнего месяца квартала",
            "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20",
            "2021-03-20",
        ),
        (
            "ежеквартально до 20 числа последнего месяца квартала",
            "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=20",
            "2021-03-20",
        ),
        (
            "до 25 числа последнего месяца полугодия",
            "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=25",
            "2021-06-25",
        ),
        (
            "до 5 числа месяца, следующего за отчётным полугодием",
            "FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=5",
            "2021-07-05",
        ),
        (
            "до 10 числа месяца, следующего за отчетным кварталом",
            "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=10",
            "2021-04-10",
        ),
    ],
)
def test_the_part_of_the_year_gives_the_frequency(raw, rrule, first):
    deadline = roadmap(raw)
    assert (deadline.kind, deadline.rrule, deadline.due) == ("recurring", rrule, d(first))


SCHOOL_YEAR = Period(date(2024, 9, 1), date(2025, 8, 31))


@pytest.mark.parametrize(
    ("raw", "due"),
    [
        ("в течение года", "2025-08-31"),
        ("в течение календарного года", "2024-12-31"),
        ("до конца года", "2024-12-31"),
    ],
)
def test_within_the_year_of_a_school_year_plan(raw, due):
    deadline = parse_deadline(raw, SCHOOL_YEAR)
    assert (deadline.kind, deadline.due, deadline.problems) == ("date", d(due), [])


@pytest.mark.parametrize(
    ("raw", "start", "due"),
    [
        ("во II четверти", None, "2024-12-31"),
        ("в I полугодии 2024/2025 учебного года", "2024-09-01", "2024-12-31"),
        ("во II полугодии 2024-2025 уч. года", "2025-01-01", "2025-05-31"),
        ("к началу 2025/2026 учебного года", None, "2025-09-01"),
        ("в течение II полугодия", None, "2025-05-31"),
        ("16-27.09", "2024-09-16", "2024-09-27"),
    ],
)
def test_parts_of_a_school_year(raw, start, due):
    deadline = parse_deadline(raw, SCHOOL_YEAR, anchor=date(2024, 9, 2))
    assert (deadline.start, deadline.due) == (d(start), d(due))


def test_an_august_document_plans_the_coming_school_year():
    period = Period(date(2024, 8, 27), date(2025, 8, 31))
    deadline = parse_deadline("в течение учебного года", period, anchor=date(2024, 8, 27))
    assert (deadline.start, deadline.due) == (date(2024, 9, 1), date(2025, 8, 31))


@pytest.mark.parametrize(
    ("raw", "rrule"),
    [
        ("2 раза в год (январь, июнь)", "FREQ=YEARLY;BYMONTH=1,6;BYMONTHDAY=-1"),
        (
            "4 раза в год (март, июнь, сентябрь, декабрь)",
            "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1",
        ),
        ("2 раза в год", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"),
    ],
)
def test_named_months_of_a_frequency(raw, rrule):
    assert roadmap(raw).rrule == rrule


def test_a_backwards_range_of_days_is_flagged():
    deadline = roadmap("с 20 по 16 октября 2021")
    assert deadline.kind == "unknown" and deadline.problems


def test_february_takes_its_last_day_when_the_day_is_past_it():
    deadline = parse_deadline("до 30 числа ежемесячно", Period(date(2023, 1, 1), date(2023, 3, 31)))
    assert deadline.occurrences == [date(2023, 1, 30), date(2023, 2, 28), date(2023, 3, 30)]


def test_a_recurrence_framed_by_a_year_stays_inside_it():
    deadline = roadmap("ежеквартально в течение 2022 года")
    assert deadline.occurrences == [d(x) for x in QUARTERS[4:8]]


def test_a_yearly_window_starts_on_its_first_day():
    deadline = roadmap("ежегодно в июне–августе")
    assert (deadline.start, deadline.due) == (date(2021, 6, 1), date(2021, 8, 31))


def test_optional_yearly():
    deadline = roadmap("Ежегодно по необходимости")
    assert (deadline.kind, deadline.optional) == ("recurring", True)
    assert [o.year for o in deadline.occurrences] == [2021, 2022, 2023]


def test_quarterly_reports_on_the_10th_of_the_following_month():
    deadline = roadmap("ежеквартально до 10 числа месяца, следующего за отчетным кварталом")
    assert deadline.rrule == "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=10"
    # the report of IV quarter 2020 (10.01.2021) and of IV quarter 2023 (10.01.2024) are not due
    assert (deadline.occurrences[0], deadline.occurrences[-1]) == (
        date(2021, 4, 10),
        date(2023, 10, 10),
    )
    assert len(deadline.occurrences) == 11


@pytest.mark.parametrize(
    ("raw", "rrule", "first"),
    [
        ("ежемесячно", "FREQ=MONTHLY;BYMONTHDAY=10", "2021-02-10"),
        ("ежеквартально", "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=10", "2021-04-10"),
        ("ежегодно", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31", "2021-12-31"),
    ],
)
def test_the_regional_report_day_default(raw, rrule, first):
    deadline = roadmap(raw, report_day=10)
    assert (deadline.rrule, deadline.due) == (rrule, d(first))


@pytest.mark.parametrize(
    "raw",
    ["постоянно", "Срок – постоянно.", "в течение периода", "систематически",
     "на постоянной основе", "Постоянно", "регулярно", "в течение всего периода", "ежедневно"],
)  # fmt: skip
def test_ongoing_is_checked_at_each_half_year_end(raw):
    deadline = roadmap(raw)
    assert (deadline.kind, deadline.due, deadline.start) == ("ongoing", None, None)
    assert deadline.occurrences == [d(x) for x in HALVES]
    assert deadline.problems == []


@pytest.mark.parametrize(
    ("check_in", "count", "first"),
    [("month", 12, "2022-01-31"), ("quarter", 4, "2022-03-31"), ("half-year", 2, "2022-06-30"),
     ("year", 1, "2022-12-31")],
)  # fmt: skip
def test_ongoing_check_ins_follow_the_reporting_period(check_in, count, first):
    deadline = protocol("постоянно", check_in=check_in)
    assert (len(deadline.occurrences), deadline.occurrences[0]) == (count, d(first))


def test_an_unknown_check_in_period_is_a_programming_error():
    with pytest.raises(ValueError, match="check-in"):
        protocol("постоянно", check_in="fortnight")


def test_ongoing_in_a_short_period_is_checked_at_its_end():
    deadline = parse_deadline("постоянно", Period(date(2022, 9, 1), date(2022, 9, 30)))
    assert deadline.occurrences == [date(2022, 9, 30)]


def test_ongoing_from_a_date():
    deadline = roadmap("с 01.09.2022 постоянно")
    assert (deadline.kind, deadline.start) == ("ongoing", date(2022, 9, 1))
    assert deadline.occurrences == [date(2022, 12, 31), date(2023, 6, 30), date(2023, 12, 31)]


@pytest.mark.parametrize(
    ("raw", "due", "after"),
    [
        ("до 01.06.2022 года и далее постоянно", "2022-06-01", ["2022-06-30", "2022-12-31"]),
        (
            "Срок - до 01.06.2022 года и далее постоянно.",
            "2022-06-01",
            ["2022-06-30", "2022-12-31"],
        ),
        ("Срок – до 01.03.2022 и далее постоянно", "2022-03-01", ["2022-06-30", "2022-12-31"]),
        ("до 30.06.2022, далее – постоянно", "2022-06-30", ["2022-12-31"]),
    ],
)
def test_a_first_deadline_then_ongoing(raw, due, after):
    deadline = protocol(raw)
    assert (deadline.kind, deadline.due, deadline.then_ongoing) == ("date", d(due), True)
    assert deadline.occurrences == [d(due), *map(d, after)]
    assert deadline.problems == []


@pytest.mark.parametrize(
    ("raw", "optional"),
    [
        ("В соответствии с графиком", False),
        ("по отдельному графику", False),
        ("по плану", False),
        ("согласно утвержденному плану-графику", False),
        ("по запросу", False),
        ("в установленные сроки", False),
        ("по мере необходимости", True),
        ("при необходимости", True),
    ],
)
def test_a_phrase_without_a_date_needs_a_person(raw, optional):
    deadline = roadmap(raw)
    assert (deadline.kind, deadline.due, deadline.optional) == ("unknown", None, optional)
    assert deadline.occurrences == []
    assert len(deadline.problems) == 1
    assert raw in str(deadline.problems[0])


@pytest.mark.parametrize(
    ("raw", "bad"),
    [
        ("Срок – до 20.02.200 года.", "20.02.200"),
        ("31.02.2022", "31.02.2022"),
        ("до 32.13.2022", "32.13.2022"),
        ("до 00.01.2022", "00.01.2022"),
        ("до 1.1.2", "1.1.2"),
        ("30 февраля 2022 г.", "30 февраля 2022"),
        ("до 31 июня", "31 июня"),
        ("2023-2021", "2023-2021"),
        ("13.2022", "13.2022"),
    ],
)
def test_an_invalid_date_is_never_guessed(raw, bad):
    deadline = roadmap(raw)
    assert (deadline.kind, deadline.due, deadline.occurrences) == ("unknown", None, [])
    assert [p.code for p in deadline.problems] == ["deadline_invalid"]
    assert sentences(deadline) == [f"Срок «{raw}» не распознан: неверная дата «{bad}»"]


@pytest.mark.parametrize("raw", [None, "", "   ", "\n\t", "<p></p>", "-", "—", " . "])
def test_no_phrase_is_kind_none(raw):
    deadline = roadmap(raw)
    assert (deadline.kind, sentences(deadline)) == ("none", ["Срок не указан"])


@pytest.mark.parametrize("raw", ["абракадабра", "своевременно", "далее", "по итогам"])
def test_unreadable_text_is_unknown(raw):
    deadline = roadmap(raw)
    assert deadline.kind == "unknown"
    assert sentences(deadline) == [f"Срок «{raw}» не распознан: укажите дату вручную"]


def test_several_dates_give_the_first_as_due_and_all_as_occurrences():
    deadline = protocol("до 01.03.2022;\nдо 01.09.2022, 01.12.2022")
    assert (deadline.kind, deadline.due) == ("date", date(2022, 3, 1))
    assert deadline.occurrences == [date(2022, 3, 1), date(2022, 9, 1), date(2022, 12, 1)]


def test_a_date_outside_the_period_is_kept_and_flagged():
    deadline = protocol("до 01.06.2023")
    assert deadline.due == date(2023, 6, 1)
    assert sentences(deadline) == ["Срок 01.06.2023 вне периода документа 28.01.2022–31.12.2022"]


def test_a_schedule_with_a_year_keeps_the_year_and_asks_for_a_check():
    deadline = roadmap("по графику, 2022 год")
    assert (deadline.kind, deadline.due) == ("date", date(2022, 12, 31))
    assert sentences(deadline) == [
        "Срок «по графику, 2022 год» ссылается на график или план: проверьте даты"
    ]


def test_a_recurrence_with_nothing_inside_the_period_is_flagged():
    deadline = parse_deadline("ежегодно в июне", Period(date(2022, 9, 1), date(2022, 12, 31)))
    assert (deadline.kind, deadline.due, deadline.occurrences) == ("recurring", None, [])
    assert "не даёт ни одной даты" in str(deadline.problems[0])


def test_an_item_reference_is_not_a_date():
    deadline = roadmap("в соответствии с п. 3.12 плана")
    assert deadline.kind == "unknown"


@pytest.mark.parametrize(
    "raw",
    ["Ежегодно", "Не менее 2 раз в год", "ежемесячно до 30 числа", "каждый понедельник",
     "ежегодно в июне–августе", "раз в 2 года", "ежеквартально", "постоянно"],
)  # fmt: skip
def test_rrule_and_occurrences_agree(raw):
    deadline = roadmap(raw)
    rule = rrulestr(deadline.rrule, dtstart=datetime(2021, 1, 1))
    expected = rule.between(datetime(2021, 1, 1), datetime(2023, 12, 31), inc=True)
    assert deadline.occurrences == [moment.date() for moment in expected]


def test_to_contract_is_the_deadline_object_of_the_contract():
    contract = protocol("Срок - до 01.06.2022 года и далее постоянно.").to_contract()
    assert contract == {
        "raw": "Срок - до 01.06.2022 года и далее постоянно.",
        "kind": "date",
        "start": None,
        "due": "2022-06-01",
        "rrule": None,
        "optional": False,
        "then_ongoing": True,
        "occurrences": ["2022-06-01", "2022-06-30", "2022-12-31"],
        "problems": [],
    }
    json.dumps(roadmap("ежегодно").to_contract())


# The "Сроки исполнения" column of roadmap 004 and the golden deadlines expected of it.
ROADMAP_004 = [
    ("Январь 2021", {"kind": "date", "due": "2021-01-31"}),
    ("Май 2021", {"kind": "date", "due": "2021-05-31"}),
    ("Ежегодно по необходимости", {"kind": "recurring", "optional": True, "years": Y}),
    ("2021-2022", {"kind": "span", "start": "2021-01-01", "due": "2022-12-31"}),
    ("Ежегодно", {"kind": "recurring", "years": Y}),
    ("ежегодно", {"kind": "recurring", "years": Y}),
    ("В соответствии с графиком", {"kind": "unknown", "problems": True}),
    ("2021-2023", {"kind": "span", "start": "2021-01-01", "due": "2023-12-31"}),
    ("Не менее 2 раз в год", {"kind": "recurring", "years": [y for y in Y for _ in (1, 2)]}),
]
# Protocol 001: the deadline clauses of its decisions and the golden deadlines.
PROTOCOL_001 = [
    ("до 10.02.2022 года", {"kind": "date", "due": "2022-02-10"}),
    (
        "до 01.06.2022 года и далее постоянно",
        {"kind": "date", "due": "2022-06-01", "then_ongoing": True},
    ),
    ("до 01.04.2022 года", {"kind": "date", "due": "2022-04-01"}),
    ("до 01.08.2022 года", {"kind": "date", "due": "2022-08-01"}),
    ("до 31.01.2022 года", {"kind": "date", "due": "2022-01-31"}),
    ("до 01.03.2022", {"kind": "date", "due": "2022-03-01"}),
    ("постоянно", {"kind": "ongoing"}),
    ("до 20.02.200 года", {"kind": "unknown", "due": None, "problems": True}),
    (None, {"kind": "none", "problems": True}),
    (
        "до 01.03.2022 и далее постоянно",
        {"kind": "date", "due": "2022-03-01", "then_ongoing": True},
    ),
]


@pytest.mark.parametrize(("raw", "golden"), ROADMAP_004 + PROTOCOL_001)
def test_the_seed_documents_match_the_golden_files(raw, golden):
    deadline = roadmap(raw) if (raw, golden) in ROADMAP_004 else protocol(raw)
    contract = deadline.to_contract()
    for key in ("kind", "start", "due", "optional", "then_ongoing"):
        if key in golden:
            assert contract[key] == golden[key], key
    if "years" in golden:
        assert [o.year for o in deadline.occurrences] == [int(y) for y in golden["years"]]
    assert bool(deadline.problems) == golden.get("problems", False)


def test_yearly_in_several_months_of_one_day():
    deadline = roadmap("Ежегодно в сентябре и мае")
    assert deadline.rrule == "FREQ=YEARLY;BYMONTH=5,9;BYMONTHDAY=-1"
    assert len(deadline.occurrences) == 6 and deadline.problems == []


def test_yearly_on_days_of_different_months_names_each():
    deadline = roadmap("ежегодно до 1 марта и 15 октября")
    assert deadline.rrule == "FREQ=YEARLY;BYMONTH=3,10;BYMONTHDAY=1,15;BYSETPOS=1,4"
    assert deadline.occurrences == [d(f"{y}-{md}") for y in Y for md in ("03-01", "10-15")]
    assert deadline.problems == []
    expanded = rrulestr(deadline.rrule, dtstart=datetime(2021, 1, 1))
    assert [m.date() for m in expanded[:4]] == deadline.occurrences[:4]


def test_yearly_on_days_a_month_may_lack_keeps_the_first_and_says_so():
    deadline = roadmap("ежегодно до 31 марта и 15 октября")
    assert deadline.rrule == "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31"
    assert "разные дни года" in str(deadline.problems[0])


def test_monthly_in_the_months_of_a_range():
    deadline = roadmap("ежемесячно, сентябрь–май")
    assert deadline.rrule == "FREQ=MONTHLY;BYMONTH=1,2,3,4,5,9,10,11,12;BYMONTHDAY=-1"
    assert len(deadline.occurrences) == 27


def test_a_frame_without_a_year_does_not_narrow_a_recurrence():
    assert len(roadmap("ежемесячно в течение учебного года").occurrences) == 36
    assert len(roadmap("постоянно в течение учебного года").occurrences) == 6


@pytest.mark.parametrize(
    "raw",
    [
        "в течение 10 дней после проведения",
        "в течение 5 рабочих дней по итогам мониторинга",
        "в течение месяца со дня подписания протокола",
    ],
)
def test_a_term_counted_from_an_event_needs_a_date(raw):
    deadline = protocol(raw)
    assert deadline.kind == "unknown" and deadline.problems


def test_a_term_counted_from_the_document_is_a_date():
    assert protocol("в течение 10 рабочих дней").kind == "date"


@pytest.mark.parametrize(
    "raw", ["по итогам каждой четверти", "ежечетвертно", "по окончании четверти"]
)
def test_school_terms_recur_at_their_ends(raw):
    school_year = Period(date(2023, 9, 1), date(2024, 8, 31))
    deadline = parse_deadline(raw, school_year)
    assert deadline.kind == "recurring"
    assert deadline.occurrences == [
        d("2023-10-31"),
        d("2023-12-31"),
        d("2024-03-31"),
        d("2024-05-31"),
    ]
