"""Delivery: claim due outbox rows, build each message from current data, send, retry.

On PostgreSQL the claim is SELECT … FOR UPDATE SKIP LOCKED and the rows stay locked until
the caller commits the batch, so several scheduler processes never send the same row; on
SQLite (one process) a plain select does. A row's status changes in the same transaction
as the claim, hence exactly once per committed batch.
"""

import logging
from collections import Counter
from contextlib import contextmanager
from datetime import timedelta

from flask import current_app
from flask_babel import force_locale
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from tracker.assignments.models import Assignment, Occurrence
from tracker.core.time import now_utc
from tracker.domain.notification_policy import next_send_slot
from tracker.domain.workdays import default_calendar
from tracker.extensions import db
from tracker.notifications import messages
from tracker.notifications.mailer import SMTP_ERRORS, Mailer
from tracker.notifications.models import (
    FAILED,
    IN_APP,
    PENDING,
    SENT,
    SKIPPED,
    MailBatch,
    Notification,
)
from tracker.notifications.policy import settings
from tracker.notifications.recipients import Directory
from tracker.people.models import Person

log = logging.getLogger(__name__)
JOB = "deliver_outbox"
BATCH_SIZE = 50


def claim(model, now, limit: int = BATCH_SIZE) -> list:
    """Due rows of the model, locked for this transaction where the database can."""
    stmt = (
        select(model)
        .where(model.status == PENDING, model.send_after <= now)
        .order_by(model.send_after, model.id)
        .limit(limit)
    )
    if db.session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(skip_locked=True, of=model)
    return list(db.session.scalars(stmt))


def deliver_batch(mailer: Mailer, limit: int = BATCH_SIZE) -> Counter:
    """Send one claimed batch of notices and one of mail batches; the caller commits."""
    now, counts = now_utc(), Counter()
    context = _Context(now)
    with force_locale("ru"):  # mail is Russian, and a job has no request to pick a locale
        for model, send in ((Notification, _send_notice), (MailBatch, _send_batch)):
            rows = claim(model, now, limit)
            counts["claimed"] += len(rows)
            context.preload(rows)
            for row in rows:
                counts[_deliver(row, send, mailer, context)] += 1
                if mailer.unavailable:
                    counts["unavailable"] += 1
                    return counts
    return counts


class _Context:
    """What a batch of rows needs, loaded in a few queries: policy, people, occurrences."""

    def __init__(self, now) -> None:
        self.now = now
        row = settings()
        self.hour, self.max_attempts = row.send_hour, row.max_attempts
        self.calendar = default_calendar()
        self.directory = Directory()
        self.config = current_app.config

    def preload(self, rows) -> None:
        """Load the batch's people and occurrences, keeping them: the identity map only
        holds weak references, and a dropped object would be fetched again one by one."""
        person_ids = {r.person_id for r in rows}
        self.people = self.directory.load_people(person_ids)
        self.persons = {p.id: p for p in _fetch(Person, person_ids)}
        occurrence_ids = {r.occurrence_id for r in rows if isinstance(r, Notification)}
        self.occurrences = {
            o.id: o
            for o in _fetch(
                Occurrence,
                occurrence_ids,
                joinedload(Occurrence.assignment).joinedload(Assignment.item),
                joinedload(Occurrence.assignment).joinedload(Assignment.person),
                joinedload(Occurrence.assignment).joinedload(Assignment.organisation),
                joinedload(Occurrence.document),
                joinedload(Occurrence.organisation),
            )
        }


def _fetch(model, ids, *options) -> list:
    if not ids:
        return []
    stmt = select(model).where(model.id.in_(ids)).options(*options)
    return list(db.session.scalars(stmt).unique())


def _deliver(row, send, mailer: Mailer, ctx: _Context) -> str:
    person = ctx.persons.get(row.person_id)
    tz = ctx.people[row.person_id].timezone if row.person_id in ctx.people else None
    slot = next_send_slot(ctx.now, tz, ctx.hour, ctx.calendar)
    if slot > ctx.now:
        row.send_after = slot  # a day off or before 09:00 there: wait for the next slot
        return "deferred"
    try:
        with _savepoint():
            return _build_and_send(row, person, send, mailer, ctx)
    except SMTP_ERRORS as error:
        return _failed(row, error, ctx)
    except Exception as error:  # one broken row must not undo the rows already sent
        log.exception("could not deliver %s %s", type(row).__name__, row.id)
        return _failed(row, error, ctx)


@contextmanager
def _savepoint():
    """A SAVEPOINT around one message on PostgreSQL.

    There a failed statement aborts the whole transaction: one message whose building hit a
    database error would make the batch's commit fail, and the mail already sent in it
    would go out again. SQLite keeps the transaction usable after a failed statement (and
    pysqlite's SAVEPOINTs need workarounds), so there the rows need no savepoint.
    """
    if db.session.get_bind().dialect.name != "postgresql":
        yield
        return
    with db.session.begin_nested():
        yield


def _build_and_send(row, person: Person | None, send, mailer: Mailer, ctx: _Context) -> str:
    message = send(row, person, ctx) if person is not None else None
    if message is None:
        row.status = SKIPPED
        return "skipped"
    if not person.email:
        row.status = IN_APP
        return "in_app"
    mailer.send(message)
    row.status, row.sent_at = SENT, ctx.now
    return "sent"


def _failed(row, error, ctx: _Context) -> str:
    """Retry with exponential backoff; after the last try the row waits for an admin."""
    row.attempts += 1
    row.last_error = f"{type(error).__name__}: {error}"[:2000]
    if row.attempts >= ctx.max_attempts:
        row.status = FAILED
        log.warning(
            "giving up on %s %s after %s attempts: %s",
            type(row).__name__,
            row.id,
            row.attempts,
            row.last_error,
        )
        return "failed"
    base = ctx.config.get("NOTIFY_RETRY_SECONDS", 60)
    row.send_after = ctx.now + timedelta(seconds=base * 2 ** (row.attempts - 1))
    log.info("retrying %s %s at %s: %s", type(row).__name__, row.id, row.send_after, row.last_error)
    return "retry"


def _send_notice(row: Notification, person: Person, ctx: _Context):
    occurrence = ctx.occurrences.get(row.occurrence_id)
    if occurrence is None or not messages.still_relevant(row, occurrence):
        return None
    return messages.notice_message(ctx.config, row, person, occurrence)


def _send_batch(row: MailBatch, person: Person, ctx: _Context):
    return messages.batch_message(ctx.config, row, person, ctx.now)
