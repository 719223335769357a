from dataclasses import dataclass
from datetime import date

import pytest

from tracker.domain.agenda import bucket_of, group_by_bucket

MONDAY = date(2022, 2, 7)


@pytest.mark.parametrize(
    ("due_on", "is_checkin", "bucket"),
    [
        (date(2022, 2, 6), False, "overdue"),
        (MONDAY, False, "this_week"),
        (date(2022, 2, 13), False, "this_week"),
        (date(2022, 2, 14), False, "later"),
        (None, False, "ongoing"),
        (date(2022, 2, 6), True, "ongoing"),
    ],
)
def test_bucket_of(due_on, is_checkin, bucket):
    assert bucket_of(due_on, is_checkin, MONDAY) == bucket


def test_group_keeps_order_and_all_buckets():
    @dataclass
    class Row:
        due_on: date | None
        is_checkin: bool = False

    rows = [Row(date(2022, 2, 1)), Row(date(2022, 1, 1)), Row(None)]
    groups = group_by_bucket(rows, MONDAY)
    assert [r.due_on for r in groups["overdue"]] == [date(2022, 2, 1), date(2022, 1, 1)]
    assert groups["this_week"] == [] and len(groups["ongoing"]) == 1
