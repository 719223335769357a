"""The import service: occurrences a deadline implies, shifted to working days."""

from datetime import date

import pytest

from tracker.documents.importing import due_dates


@pytest.mark.parametrize(
    ("deadline", "expected"),
    [
        (
            {"kind": "date", "due": "2022-02-10", "occurrences": ["2022-02-10"]},
            [(date(2022, 2, 10), False)],
        ),
        (
            {"kind": "recurring", "due": "2021-12-31", "occurrences": ["2021-12-31", "2022-12-31"]},
            [(date(2021, 12, 31), False), (date(2022, 12, 31), False)],
        ),
        (
            {"kind": "ongoing", "occurrences": ["2022-06-30", "2022-12-31"]},
            [(date(2022, 6, 30), True), (date(2022, 12, 31), True)],
        ),
        (
            {
                "kind": "date",
                "due": "2022-06-01",
                "then_ongoing": True,
                "occurrences": ["2022-06-01", "2022-06-30", "2022-12-31"],
            },
            [(date(2022, 6, 1), False), (date(2022, 6, 30), True), (date(2022, 12, 31), True)],
        ),
        ({"kind": "unknown", "occurrences": []}, [(None, False)]),
        ({"kind": "none"}, [(None, False)]),
    ],
)
def test_due_dates(deadline, expected):
    assert due_dates(deadline) == expected
