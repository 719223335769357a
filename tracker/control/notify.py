"""The one place the control workflow tells people something.

The notifications area offers no generic "notify this person" call yet, so this writes an
in-app notice through its model: status IN_APP, which the outbox never mails. The period
key is the audit event's id, so every event yields its own notice and a retried request
cannot produce two.
"""

from sqlalchemy import select

from tracker.assignments.models import AuditEvent, Occurrence
from tracker.core.time import now_utc, today_in
from tracker.extensions import db
from tracker.notifications.models import IN_APP, Notification
from tracker.people.models import Person


def event_key(event: AuditEvent) -> str:
    db.session.flush()  # the event's id is the notice's key
    return f"e{event.id}"


def notify(
    person_ids, occurrence: Occurrence, rule: str, event: AuditEvent, skip: int | None = None
) -> int:
    """Put an in-app notice about `event` in each person's list; returns how many."""
    ids = sorted({pid for pid in person_ids if pid and pid != skip})
    if not ids:
        return 0
    key = event_key(event)
    now = now_utc()
    tz = occurrence.organisation.timezone if occurrence.organisation else None
    for person_id in ids:
        db.session.add(
            Notification(
                occurrence_id=occurrence.id,
                person_id=person_id,
                rule=rule,
                period_key=key,
                notice_on=today_in(tz),
                send_after=now,
                status=IN_APP,
                attempts=0,
                created_at=now,
            )
        )
    return len(ids)


def owner_ids(occurrence: Occurrence) -> list[int]:
    """Who answers for the occurrence: its person, or the head of its organisation."""
    if occurrence.person_id:
        return [occurrence.person_id]
    if occurrence.organisation_id is None:
        return []
    stmt = select(Person.id).where(Person.head_of_id == occurrence.organisation_id)
    return list(db.session.scalars(stmt))
