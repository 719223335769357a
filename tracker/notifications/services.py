"""What other areas and the views call: assignment summaries, the in-app list, resending,
and answering an occurrence from a reminder."""

import hashlib
from datetime import datetime

from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import func, select, update
from sqlalchemy.orm import selectinload

from tracker.assignments.models import ACTIVE_STATES, NOT_NEEDED, Occurrence
from tracker.assignments.services import TransitionError, answers_for, change_state, complete
from tracker.auth.models import User
from tracker.core.time import now_utc
from tracker.domain.notification_policy import next_send_slot
from tracker.domain.workdays import default_calendar
from tracker.extensions import db
from tracker.notifications.models import (
    FAILED,
    PENDING,
    SKIPPED,
    MailBatch,
    Notification,
)
from tracker.notifications.policy import current_policy
from tracker.notifications.recipients import Directory
from tracker.notifications.store import insert_ignore

TOKEN_SALT = "notification-answer"
TOKEN_MAX_AGE = 90 * 24 * 3600
ANSWERS = ("done", "not_needed")


def notify_new_assignments(person_ids_to_occurrence_ids: dict[int, list[int]]) -> int:
    """Queue ONE summary mail per owner listing their new occurrences (after an import or
    a re-assignment), at the next 09:00 of a working day in their zone. Returns how many."""
    if not person_ids_to_occurrence_ids:
        return 0
    hour, now = current_policy().send_hour, now_utc()
    people = Directory().load_people(person_ids_to_occurrence_ids)
    rows = []
    for person_id, occurrence_ids in sorted(person_ids_to_occurrence_ids.items()):
        ids = sorted(set(occurrence_ids))
        if person_id not in people or not ids:
            continue
        digest = hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:40]
        when = next_send_slot(now, people[person_id].timezone, hour, default_calendar())
        rows.append(
            {
                "person_id": person_id,
                "kind": "assigned",
                "period_key": digest,
                "send_after": when,
                "status": PENDING,
                "attempts": 0,
                "payload": {"occurrence_ids": ids},
                "created_at": now,
            }
        )
    insert_ignore(MailBatch, rows)
    return len(rows)


def _visible(person_id: int, now: datetime):
    return (
        Notification.person_id == person_id,
        Notification.send_after <= now,
        Notification.status != SKIPPED,
    )


def unread_count(person_id: int) -> int:
    """The bell: one COUNT over the (person_id, read_at, send_after) index."""
    stmt = (
        select(func.count())
        .select_from(Notification)
        .where(*_visible(person_id, now_utc()), Notification.read_at.is_(None))
    )
    return db.session.scalar(stmt) or 0


def inbox(person_id: int, limit: int = 100) -> list[Notification]:
    from sqlalchemy.orm import joinedload

    from tracker.assignments.models import Assignment

    stmt = (
        select(Notification)
        .where(*_visible(person_id, now_utc()))
        .options(
            joinedload(Notification.occurrence)
            .joinedload(Occurrence.assignment)
            .joinedload(Assignment.item)
        )
        .order_by(Notification.send_after.desc(), Notification.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(stmt))


def mark_read(person_id: int, notification_id: int | None = None) -> int:
    """Mark one notification (or all of them) read; only the person's own."""
    stmt = (
        update(Notification)
        .where(
            Notification.person_id == person_id,
            Notification.read_at.is_(None),
            Notification.send_after <= now_utc(),
        )
        .values(read_at=now_utc())
    )
    if notification_id is not None:
        stmt = stmt.where(Notification.id == notification_id)
    return db.session.execute(stmt).rowcount


def failed_messages(limit: int = 200) -> tuple[list[Notification], list[MailBatch]]:
    """Failed rows with their recipients loaded up front: the admin page prints each one."""
    notes = (
        select(Notification)
        .where(Notification.status == FAILED)
        .options(selectinload(Notification.person))
        .order_by(Notification.id)
    )
    batches = (
        select(MailBatch)
        .where(MailBatch.status == FAILED)
        .options(selectinload(MailBatch.person))
        .order_by(MailBatch.id)
    )
    return (
        list(db.session.scalars(notes.limit(limit))),
        list(db.session.scalars(batches.limit(limit))),
    )


def resend(model, row_id: int) -> bool:
    """Put a failed message back in the outbox for the next delivery sweep."""
    result = db.session.execute(
        update(model)
        .where(model.id == row_id, model.status == FAILED)
        .values(status=PENDING, attempts=0, send_after=now_utc(), last_error=None)
    )
    return result.rowcount == 1


def answer_token(occurrence_id: int, answer: str) -> str:
    return _serializer().dumps({"o": occurrence_id, "a": answer})


def read_answer_token(token: str) -> tuple[int, str] | None:
    try:
        data = _serializer().loads(token, max_age=TOKEN_MAX_AGE)
    except BadSignature:
        return None
    if not isinstance(data, dict) or data.get("a") not in ANSWERS:
        return None
    return int(data["o"]), data["a"]


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=TOKEN_SALT)


def answer(occurrence: Occurrence, user: User, what: str, report: str) -> str:
    """Apply the answer chosen from a reminder: done (or reported), or not needed."""
    if what == "done":
        return complete(occurrence, user, report, None)
    if not answers_for(user, occurrence):
        raise TransitionError(_("Отметить выполнение может только ответственный."))
    if not occurrence.assignment.item.is_optional or occurrence.state not in ACTIVE_STATES:
        raise TransitionError(_("Это поручение нельзя отметить как «не требуется»."))
    change_state(occurrence, user, NOT_NEEDED, "not_needed")
    return occurrence.state
