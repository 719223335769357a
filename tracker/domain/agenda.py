"""Grouping of a person's open occurrences into the buckets "Мои поручения" shows."""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Protocol, TypeVar

BUCKETS = ("overdue", "this_week", "later", "ongoing")


class Dated(Protocol):
    due_on: date | None
    is_checkin: bool


def bucket_of(due_on: date | None, is_checkin: bool, today: date) -> str:
    """Overdue before today; this week up to Sunday; check-ins of ongoing work apart."""
    if is_checkin or due_on is None:
        return "ongoing"
    if due_on < today:
        return "overdue"
    week_end = today + timedelta(days=6 - today.weekday())
    return "this_week" if due_on <= week_end else "later"


T = TypeVar("T", bound=Dated)


def group_by_bucket(rows: Iterable[T], today: date) -> dict[str, list[T]]:
    groups: dict[str, list[T]] = {name: [] for name in BUCKETS}
    for row in rows:
        groups[bucket_of(row.due_on, row.is_checkin, today)].append(row)
    return groups
