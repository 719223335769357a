"""Table tests of the notification policy on the Russian production calendar."""

from datetime import UTC, date, datetime, timedelta

import pytest

from tracker.domain.notification_policy import (
    Policy,
    controller_notices,
    due_notices,
    due_range,
    next_send_slot,
    notice_day,
    parse_days,
    rules,
    schedule,
    send_at,
    weekly_digest_day,
)
from tracker.domain.workdays import default_calendar

CAL = default_calendar()
D = date


@pytest.mark.parametrize(
    ("due", "offset", "expected"),
    [
        (D(2022, 2, 10), -7, D(2022, 2, 1)),  # Thursday: seven working days back is Tuesday
        (D(2022, 2, 10), -3, D(2022, 2, 7)),
        (D(2022, 2, 10), -1, D(2022, 2, 9)),
        (D(2022, 2, 10), 0, D(2022, 2, 10)),
        (D(2022, 2, 10), 1, D(2022, 2, 11)),  # overdue the next working day
        (D(2022, 2, 10), 3, D(2022, 2, 15)),  # head after three working days (a weekend between)
        (D(2022, 2, 10), 10, D(2022, 2, 25)),  # head's head after ten; 23 February is a holiday
        (D(2022, 2, 26), 0, D(2022, 2, 25)),  # due on Saturday: "on the due day" is Friday
        (D(2022, 2, 26), 1, D(2022, 2, 28)),  # and overdue on Monday
        (D(2022, 2, 24), -1, D(2022, 2, 22)),  # the day before skips the 23 February holiday
        (D(2022, 3, 9), -1, D(2022, 3, 5)),  # 7 and 8 March off; Saturday 5 March was worked
        (D(2022, 1, 10), -1, D(2021, 12, 30)),  # across the New Year holidays (31.12.2021 off)
        (D(2022, 5, 4), 0, D(2022, 5, 4)),
    ],
)
def test_notice_day(due, offset, expected):
    assert notice_day(due, offset, CAL) == expected


def test_default_rules():
    names = [(r.name, r.audience, r.offset) for r in rules(Policy())]
    assert names == [
        ("reminder_0", "owner", 0),
        ("reminder_1", "owner", -1),
        ("reminder_3", "owner", -3),
        ("reminder_7", "owner", -7),
        ("overdue", "owner", 1),
        ("escalation_head", "head", 3),
        ("escalation_upper", "upper", 10),
        ("checkin_0", "owner", 0),
    ]


def test_schedule_of_a_thursday_deadline():
    got = [(n.on, n.rule) for n in schedule(D(2022, 2, 10), Policy(), CAL)]
    assert got == [
        (D(2022, 2, 1), "reminder_7"),
        (D(2022, 2, 7), "reminder_3"),
        (D(2022, 2, 9), "reminder_1"),
        (D(2022, 2, 10), "reminder_0"),
        (D(2022, 2, 11), "overdue"),
        (D(2022, 2, 15), "escalation_head"),
        (D(2022, 2, 25), "escalation_upper"),
    ]


@pytest.mark.parametrize(
    ("due", "today", "since", "expected"),
    [
        (D(2022, 2, 10), D(2022, 2, 7), None, ["reminder_3"]),
        (D(2022, 2, 10), D(2022, 2, 8), None, []),
        (D(2022, 2, 10), D(2022, 2, 12), None, []),  # Saturday: nothing
        (
            D(2022, 2, 10),
            D(2022, 2, 15),
            D(2022, 2, 8),  # catch-up after downtime
            ["reminder_1", "reminder_0", "overdue", "escalation_head"],
        ),
    ],
)
def test_due_notices(due, today, since, expected):
    assert [n.rule for n in due_notices(due, today, Policy(), CAL, since=since)] == expected


def test_checkins_get_only_checkin_notices():
    got = due_notices(D(2022, 6, 30), D(2022, 6, 30), Policy(), CAL, is_checkin=True)
    assert [n.rule for n in got] == ["checkin_0"]
    assert due_notices(D(2022, 6, 30), D(2022, 7, 1), Policy(), CAL, is_checkin=True) == []


def test_a_changed_policy():
    policy = Policy(
        reminder_days=(2,),
        overdue_after=0,
        escalate_head_after=5,
        escalate_upper_after=0,
        checkin_before=(),
    )
    assert [(n.on, n.rule) for n in schedule(D(2022, 2, 10), policy, CAL)] == [
        (D(2022, 2, 8), "reminder_2"),
        (D(2022, 2, 17), "escalation_head"),
    ]


@pytest.mark.parametrize(
    ("offset", "since", "today", "expected"),
    [
        (0, D(2022, 2, 10), D(2022, 2, 11), (D(2022, 2, 11), D(2022, 2, 13))),  # Fri takes weekend
        (1, D(2022, 2, 13), D(2022, 2, 14), (D(2022, 2, 11), D(2022, 2, 13))),  # Mon: overdue
        (0, D(2022, 2, 11), D(2022, 2, 12), None),  # Saturday: none
        (-7, D(2022, 2, 6), D(2022, 2, 7), (D(2022, 2, 16), D(2022, 2, 16))),
    ],
)
def test_due_range(offset, since, today, expected):
    assert due_range(offset, since, today, CAL) == expected


@pytest.mark.parametrize("offset", [-7, -3, -1, 0, 1, 3, 10])
def test_due_range_agrees_with_brute_force(offset):
    """Over a year with every kind of holiday, the interval is exactly the brute-force set."""
    start = D(2021, 12, 1)
    for step in range(0, 200, 3):
        since = start + timedelta(days=step)
        today = since + timedelta(days=step % 7 + 1)
        candidates = [since - timedelta(days=40) + timedelta(days=i) for i in range(100)]
        brute = [d for d in candidates if since < notice_day(d, offset, CAL) <= today]
        got = due_range(offset, since, today, CAL)
        assert got == ((brute[0], brute[-1]) if brute else None), (offset, since, today)
        if got:
            assert len(brute) == (got[1] - got[0]).days + 1


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2022, 2, 9), D(2022, 2, 7)),  # an ordinary week: Monday
        (D(2022, 5, 6), D(2022, 5, 4)),  # 2 and 3 May off: Wednesday
        (D(2022, 1, 5), None),  # the New Year week is off altogether
    ],
)
def test_weekly_digest_day(day, expected):
    assert weekly_digest_day(day, Policy(), CAL) == expected


def test_controller_reminders_count_from_the_report():
    got = controller_notices(D(2022, 2, 10), D(2022, 2, 13), D(2022, 2, 14), Policy(), CAL)
    assert [(n.on, n.rule, n.audience) for n in got] == [
        (D(2022, 2, 14), "controller_2", "controller"),
    ]


@pytest.mark.parametrize(
    ("tz", "expected"),
    [
        ("Asia/Sakhalin", datetime(2022, 2, 9, 22, tzinfo=UTC)),
        ("Europe/Moscow", datetime(2022, 2, 10, 6, tzinfo=UTC)),
        ("Asia/Krasnoyarsk", datetime(2022, 2, 10, 2, tzinfo=UTC)),
        (None, datetime(2022, 2, 10, 6, tzinfo=UTC)),
    ],
)
def test_send_at_nine_local(tz, expected):
    assert send_at(D(2022, 2, 10), tz, 9) == expected


@pytest.mark.parametrize(
    ("now", "tz", "expected"),
    [
        (
            datetime(2022, 2, 10, 7, tzinfo=UTC),
            "Europe/Moscow",
            datetime(2022, 2, 10, 7, tzinfo=UTC),
        ),
        (
            datetime(2022, 2, 10, 5, tzinfo=UTC),
            "Europe/Moscow",
            datetime(2022, 2, 10, 6, tzinfo=UTC),
        ),
        (
            datetime(2022, 2, 12, 7, tzinfo=UTC),
            "Europe/Moscow",
            datetime(2022, 2, 14, 6, tzinfo=UTC),
        ),
        (
            datetime(2022, 2, 11, 14, tzinfo=UTC),
            "Asia/Sakhalin",  # Sat 01:00 there → Mon 09:00
            datetime(2022, 2, 13, 22, tzinfo=UTC),
        ),
        (
            datetime(2022, 2, 22, 23, tzinfo=UTC),
            "Asia/Krasnoyarsk",  # 23 Feb 06:00, a holiday
            datetime(2022, 2, 24, 2, tzinfo=UTC),
        ),
    ],
)
def test_next_send_slot(now, tz, expected):
    assert next_send_slot(now, tz, 9, CAL) == expected


def test_parse_days():
    assert parse_days("7, 3,1 ,0") == (7, 3, 1, 0)
    assert parse_days("") == ()
    with pytest.raises(ValueError):
        parse_days("7, x")
    with pytest.raises(ValueError):
        parse_days("-1")
