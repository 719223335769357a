"""Which notices are due, and when: reminders, overdue notices, escalations, digests.

Pure: dates, a policy and a calendar in, notices out. Only `is_working_day` is asked of the
calendar, so any WorkCalendar (or a test double) will do. Offsets are signed working days
relative to the due date: -7 is "seven working days before", 0 "the due day" (or the working
day before it when it falls on a day off), +3 "three working days after".
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

OWNER, HEAD, UPPER, CONTROLLER = "owner", "head", "upper", "controller"
DEFAULT_TZ = "Europe/Moscow"


class Calendar(Protocol):
    def is_working_day(self, day: date) -> bool: ...


@dataclass(frozen=True)
class Policy:
    """What the administrator may change; the defaults are the department's usual practice."""

    reminder_days: tuple[int, ...] = (7, 3, 1, 0)
    overdue_after: int = 1
    escalate_head_after: int = 3
    escalate_upper_after: int = 10
    controller_after: tuple[int, ...] = (2,)
    checkin_before: tuple[int, ...] = (0,)
    digest_weekday: int = 0
    send_hour: int = 9


@dataclass(frozen=True)
class Rule:
    """One kind of notice: its name (part of the unique key), audience and signed offset."""

    name: str
    audience: str
    offset: int
    checkin: bool = False


@dataclass(frozen=True, order=True)
class Notice:
    on: date
    rule: str = field(compare=True)
    audience: str = field(default=OWNER, compare=False)


def rules(policy: Policy) -> list[Rule]:
    """Every occurrence-driven rule of the policy (controller reminders are apart)."""
    found = [Rule(f"reminder_{n}", OWNER, -n) for n in sorted(set(policy.reminder_days))]
    if policy.overdue_after > 0:
        found.append(Rule("overdue", OWNER, policy.overdue_after))
    if policy.escalate_head_after > 0:
        found.append(Rule("escalation_head", HEAD, policy.escalate_head_after))
    if policy.escalate_upper_after > 0:
        found.append(Rule("escalation_upper", UPPER, policy.escalate_upper_after))
    found += [
        Rule(f"checkin_{n}", OWNER, -n, checkin=True) for n in sorted(set(policy.checkin_before))
    ]
    return found


def previous_working_day(day: date, cal: Calendar) -> date:
    """The day itself when it is a working day, else the last working day before it."""
    while not cal.is_working_day(day):
        day -= timedelta(days=1)
    return day


def next_working_day(day: date, cal: Calendar) -> date:
    """The day itself when it is a working day, else the first working day after it."""
    while not cal.is_working_day(day):
        day += timedelta(days=1)
    return day


def notice_day(due_on: date, offset: int, cal: Calendar) -> date:
    """The working day `offset` working days from the due date (see the module docstring)."""
    if offset <= 0:
        day = previous_working_day(due_on, cal)
        for _ in range(-offset):
            day = previous_working_day(day - timedelta(days=1), cal)
        return day
    day = due_on
    for _ in range(offset):
        day = next_working_day(day + timedelta(days=1), cal)
    return day


def schedule(due_on: date, policy: Policy, cal: Calendar, is_checkin: bool = False) -> list[Notice]:
    """Every notice an open occurrence due that day gets, in date order."""
    return sorted(
        Notice(notice_day(due_on, r.offset, cal), r.name, r.audience)
        for r in rules(policy)
        if r.checkin == is_checkin
    )


def due_notices(
    due_on: date,
    today: date,
    policy: Policy,
    cal: Calendar,
    is_checkin: bool = False,
    since: date | None = None,
) -> list[Notice]:
    """The notices whose day falls in (since, today]; `since` defaults to yesterday."""
    since = since if since is not None else today - timedelta(days=1)
    return [n for n in schedule(due_on, policy, cal, is_checkin) if since < n.on <= today]


def due_range(offset: int, since: date, today: date, cal: Calendar) -> tuple[date, date] | None:
    """The due dates whose notice at `offset` falls in (since, today], or None.

    notice_day is monotone in the due date, so the answer is one interval: planning can ask
    the database for exactly those due dates instead of scanning every occurrence.
    """
    low = since
    while notice_day(low, offset, cal) > since:
        low -= timedelta(days=1)
    while notice_day(low, offset, cal) <= since:
        low += timedelta(days=1)
    high = today
    while notice_day(high, offset, cal) > today:
        high -= timedelta(days=1)
    while notice_day(high + timedelta(days=1), offset, cal) <= today:
        high += timedelta(days=1)
    return (low, high) if low <= high else None


def controller_notices(
    reported_on: date, since: date, today: date, policy: Policy, cal: Calendar
) -> list[Notice]:
    """Reminders to the controller of a report still waiting for acceptance."""
    offsets = sorted(n for n in set(policy.controller_after) if n > 0)
    notices = (
        Notice(notice_day(reported_on, n, cal), f"controller_{n}", CONTROLLER) for n in offsets
    )
    return [n for n in notices if since < n.on <= today]


def weekly_digest_day(day: date, policy: Policy, cal: Calendar) -> date | None:
    """The day of `day`'s week the heads' digest goes out: the digest weekday, or the first
    working day after it in the same week; None when the rest of the week is off."""
    candidate = day - timedelta(days=day.weekday() - policy.digest_weekday)
    week_end = day + timedelta(days=6 - day.weekday())
    while candidate <= week_end:
        if cal.is_working_day(candidate):
            return candidate
        candidate += timedelta(days=1)
    return None


def send_at(day: date, tz_name: str | None, hour: int) -> datetime:
    """`hour`:00 local to the recipient on that day, as a UTC instant."""
    local = datetime.combine(day, time(hour), tzinfo=ZoneInfo(tz_name or DEFAULT_TZ))
    return local.astimezone(UTC)


def next_send_slot(now: datetime, tz_name: str | None, hour: int, cal: Calendar) -> datetime:
    """The earliest moment at or after `now` that is `hour`:00 or later on a local working day."""
    local_now = now.astimezone(ZoneInfo(tz_name or DEFAULT_TZ))
    day = local_now.date()
    if cal.is_working_day(day) and local_now.hour >= hour:
        return now
    if local_now.hour >= hour:
        day += timedelta(days=1)
    return send_at(next_working_day(day, cal), tz_name, hour)


def parse_days(text: str) -> tuple[int, ...]:
    """ "7, 3, 1, 0" → (7, 3, 1, 0); raises ValueError on anything else."""
    values = tuple(int(part) for part in text.replace(";", ",").split(",") if part.strip())
    if any(v < 0 or v > 60 for v in values):
        raise ValueError(text)
    return values
