"""The stored policy: read it as the domain's Policy, write it from the admin form."""

from sqlalchemy import select

from tracker.core.time import now_utc
from tracker.domain.notification_policy import Policy, parse_days
from tracker.extensions import db
from tracker.notifications.models import NotificationSettings
from tracker.notifications.store import insert_ignore


def settings() -> NotificationSettings:
    """The settings row, created with the defaults the first time it is asked for."""
    row = db.session.get(NotificationSettings, 1)
    if row is None:
        insert_ignore(NotificationSettings, [{"id": 1}])
        row = db.session.scalar(select(NotificationSettings).where(NotificationSettings.id == 1))
    return row


def current_policy() -> Policy:
    return as_policy(settings())


def as_policy(row: NotificationSettings) -> Policy:
    return Policy(
        reminder_days=parse_days(row.reminder_days),
        overdue_after=row.overdue_after,
        escalate_head_after=row.escalate_head_after,
        escalate_upper_after=row.escalate_upper_after,
        controller_after=parse_days(row.controller_after),
        checkin_before=parse_days(row.checkin_before),
        digest_weekday=row.digest_weekday,
        send_hour=row.send_hour,
    )


def update_settings(**values) -> NotificationSettings:
    """Store a new policy; day lists arrive as text ("7, 3, 1, 0") and are normalised."""
    row = settings()
    for name in ("reminder_days", "controller_after", "checkin_before"):
        if name in values:
            values[name] = ",".join(str(d) for d in parse_days(values[name]))
    for name, value in values.items():
        setattr(row, name, value)
    row.updated_at = now_utc()
    return row
