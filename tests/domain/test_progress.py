"""Table tests of reporting periods, classification and shares."""

from datetime import date

import pytest

from tracker.domain import progress as p

D = date


@pytest.mark.parametrize(
    "preset, year, today, expected",
    [
        (p.H1, 2021, D(2022, 2, 7), (D(2021, 1, 1), D(2021, 6, 30), "I полугодие 2021 года")),
        (p.H2, 2021, D(2022, 2, 7), (D(2021, 7, 1), D(2021, 12, 31), "II полугодие 2021 года")),
        (p.H1, None, D(2022, 2, 7), (D(2022, 1, 1), D(2022, 6, 30), "I полугодие 2022 года")),
        (
            p.SCHOOL_YEAR,
            2021,
            D(2022, 2, 7),
            (D(2021, 9, 1), D(2022, 8, 31), "2021–2022 учебный год"),
        ),
        (p.SCHOOL_YEAR, None, D(2022, 2, 7), (D(2021, 9, 1), D(2022, 8, 31), None)),
        (p.SCHOOL_YEAR, None, D(2022, 9, 1), (D(2022, 9, 1), D(2023, 8, 31), None)),
        (p.SCHOOL_YEAR, None, D(2022, 8, 31), (D(2021, 9, 1), D(2022, 8, 31), None)),
        (p.YEAR, 2023, D(2022, 2, 7), (D(2023, 1, 1), D(2023, 12, 31), "2023 год")),
        (p.YEAR, None, D(2022, 2, 7), (D(2022, 1, 1), D(2022, 12, 31), None)),
    ],
)
def test_presets(preset, year, today, expected):
    period = p.resolve_period(preset, year, today)
    assert (period.start, period.end) == expected[:2]
    if expected[2]:
        assert period.label == expected[2]


def test_document_period_and_custom():
    today = D(2022, 2, 7)
    whole = (D(2021, 1, 1), D(2023, 12, 31))
    assert (
        p.resolve_period(p.DOCUMENT, None, today, whole=whole).start,
        p.resolve_period(p.DOCUMENT, None, today, whole=whole).end,
    ) == whole
    custom = p.resolve_period(p.CUSTOM, None, today, custom=(D(2021, 3, 1), D(2021, 5, 31)))
    assert (custom.start, custom.end) == (D(2021, 3, 1), D(2021, 5, 31))
    swapped = p.resolve_period(p.CUSTOM, None, today, custom=(D(2021, 5, 31), D(2021, 3, 1)))
    assert (swapped.start, swapped.end) == (D(2021, 3, 1), D(2021, 5, 31))
    half_open = p.resolve_period(p.CUSTOM, None, today, custom=(D(2021, 3, 1), None))
    assert (half_open.start, half_open.end) == (D(2021, 3, 1), D(2021, 3, 1))
    empty = p.resolve_period(p.CUSTOM, None, today)
    assert (empty.start, empty.end) == (today, today)
    assert D(2021, 4, 1) in custom and D(2021, 6, 1) not in custom


AS_OF = D(2021, 7, 1)
DUE = D(2021, 3, 31)


@pytest.mark.parametrize(
    "state, due_on, done_on, original, count_ext, expected",
    [
        ("done", DUE, D(2021, 3, 31), None, True, p.ON_TIME),
        ("done", DUE, D(2021, 3, 1), None, True, p.ON_TIME),
        ("done", DUE, D(2021, 4, 1), None, True, p.LATE),
        ("done", DUE, None, None, True, p.ON_TIME),
        # closed after the as-of day: still open on that day
        ("done", DUE, D(2021, 8, 1), None, True, p.OVERDUE),
        ("done", D(2021, 9, 1), D(2021, 8, 1), None, True, p.NOT_YET_DUE),
        ("open", DUE, None, None, True, p.OVERDUE),
        ("returned", DUE, None, None, True, p.OVERDUE),
        ("reported", DUE, None, None, True, p.OVERDUE),
        ("open", AS_OF, None, None, True, p.NOT_YET_DUE),
        ("open", D(2021, 6, 30), None, None, True, p.OVERDUE),
        ("reported", D(2021, 12, 31), None, None, True, p.NOT_YET_DUE),
        ("not_needed", DUE, None, None, True, p.NOT_NEEDED),
        ("cancelled", DUE, None, None, True, None),
        ("open", None, None, None, True, None),
        # an approved extension from 31.03 to 30.04, done on 15.04
        ("done", D(2021, 4, 30), D(2021, 4, 15), DUE, True, p.ON_TIME),
        ("done", D(2021, 4, 30), D(2021, 4, 15), DUE, False, p.LATE),
        ("open", D(2021, 7, 30), None, DUE, True, p.NOT_YET_DUE),
        ("open", D(2021, 7, 30), None, DUE, False, p.OVERDUE),
    ],
)
def test_classify(state, due_on, done_on, original, count_ext, expected):
    assert p.classify(state, due_on, done_on, AS_OF, original, count_ext) == expected


@pytest.mark.parametrize(
    "numerator, due, not_needed, expected, text",
    [
        (5, 6, 0, 5 / 6, "83,3 %"),
        (3, 4, 1, 1.0, "100 %"),
        (0, 2, 2, None, "—"),
        (0, 0, 0, None, "—"),
        (1, 2, 0, 0.5, "50 %"),
    ],
)
def test_share(numerator, due, not_needed, expected, text):
    assert p.share(numerator, due, not_needed) == expected
    assert p.format_share(p.share(numerator, due, not_needed)) == text


def test_stage_order():
    stages = ("goals", "indicators", "monitoring")
    keys = ["monitoring", None, "goals", "odd", "indicators"]
    assert sorted(keys, key=lambda s: p.stage_order(stages, s)) == [
        "goals",
        "indicators",
        "monitoring",
        "odd",
        None,
    ]
