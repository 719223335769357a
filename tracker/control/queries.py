"""Read side of control: the controller's queue, pending extensions, and the occurrence's
history, files and comments for its page."""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager, selectinload

from tracker.assignments.models import REPORTED, Assignment, AuditEvent, CoExecutor, Occurrence
from tracker.assignments.queries import with_context
from tracker.auth.models import User
from tracker.control.models import PENDING, Attachment, Comment, ExtensionRequest
from tracker.core.time import as_utc
from tracker.documents.models import Document, Item
from tracker.extensions import db
from tracker.people.models import Person


def _controlled_by(user: User):
    """Occurrences whose effective controller (item's, else document's) is the user."""
    if user.has_role("admin"):
        return True
    return func.coalesce(Item.controller_id, Document.controller_id) == user.person_id


def queue(user: User, limit: int = 500) -> list[Occurrence]:
    """Reported occurrences awaiting this controller, oldest report first."""
    if user.person_id is None and not user.has_role("admin"):
        return []
    stmt = (
        with_context(select(Occurrence))
        .where(Occurrence.state == REPORTED, _controlled_by(user))
        .order_by(Occurrence.reported_at, Occurrence.id)
        .limit(limit)
    )
    return list(db.session.scalars(stmt))


def queue_count(user: User) -> int:
    if user.person_id is None and not user.has_role("admin"):
        return 0
    stmt = (
        select(func.count())
        .select_from(Occurrence)
        .join(Assignment, Occurrence.assignment_id == Assignment.id)
        .join(Item, Assignment.item_id == Item.id)
        .join(Document, Occurrence.document_id == Document.id)
        .where(Occurrence.state == REPORTED, _controlled_by(user))
    )
    return db.session.scalar(stmt) or 0


def pending_extensions(user: User, decided_by: str, limit: int = 200) -> list[ExtensionRequest]:
    """Requests this user decides: as controller, or as a head above the owner's unit."""
    stmt = (
        select(ExtensionRequest)
        .join(ExtensionRequest.occurrence)
        .join(Occurrence.assignment)
        .join(Assignment.item)
        .join(Occurrence.document)
        .options(
            contains_eager(ExtensionRequest.occurrence)
            .contains_eager(Occurrence.assignment)
            .contains_eager(Assignment.item),
            selectinload(ExtensionRequest.requested_by).selectinload(User.person),
        )
        .where(ExtensionRequest.state == PENDING)
        .order_by(ExtensionRequest.requested_at)
    )
    if not user.has_role("admin"):
        stmt = stmt.where(_decider_clause(user, decided_by))
    return list(db.session.scalars(stmt.limit(limit)))


def _decider_clause(user: User, decided_by: str):
    if decided_by == "controller":
        return _controlled_by(user)
    from tracker.people.models import Organisation

    unit = user.person.head_of if user.person else None
    if unit is None:
        return False
    inside = select(Organisation.id).where(Organisation.path.startswith(unit.path, autoescape=True))
    return Occurrence.organisation_id.in_(inside)


@dataclass(frozen=True)
class HistoryRow:
    at: datetime
    local: str
    actor: str
    action: str
    details: dict
    from_state: str | None
    to_state: str | None


def history(occurrence: Occurrence, tz_name: str | None) -> list[HistoryRow]:
    """The audit trail of one occurrence, oldest first, in the viewer's local time; the
    first row is the document's import (there is no per-occurrence creation event)."""
    tz = ZoneInfo(tz_name or "Europe/Moscow")
    rows = [_created_row(occurrence, tz)]
    stmt = (
        select(AuditEvent)
        .where(AuditEvent.occurrence_id == occurrence.id)
        .options(selectinload(AuditEvent.actor).selectinload(User.person))
        .order_by(AuditEvent.at, AuditEvent.id)
    )
    for e in db.session.scalars(stmt):
        at = as_utc(e.at)
        rows.append(
            HistoryRow(
                at,
                _local(at, tz),
                e.actor.display_name if e.actor else "—",
                e.action,
                e.details or {},
                e.from_state,
                e.to_state,
            )
        )
    return rows


def _created_row(occurrence: Occurrence, tz: ZoneInfo) -> HistoryRow:
    document = occurrence.document
    creator = db.session.get(User, document.created_by_id) if document.created_by_id else None
    at = as_utc(document.created_at)
    return HistoryRow(
        at, _local(at, tz), creator.display_name if creator else "—", "created", {}, None, None
    )


def _local(at: datetime, tz: ZoneInfo) -> str:
    return at.astimezone(tz).strftime("%d.%m.%Y %H:%M")


def attachments(occurrence: Occurrence) -> list[Attachment]:
    stmt = (
        select(Attachment)
        .where(Attachment.occurrence_id == occurrence.id)
        .options(selectinload(Attachment.uploaded_by).selectinload(User.person))
        .order_by(Attachment.created_at, Attachment.id)
    )
    return list(db.session.scalars(stmt))


def comments(occurrence: Occurrence) -> list[Comment]:
    stmt = (
        select(Comment)
        .where(Comment.occurrence_id == occurrence.id)
        .options(selectinload(Comment.author).selectinload(User.person))
        .order_by(Comment.created_at, Comment.id)
    )
    return list(db.session.scalars(stmt))


def coexecutors(occurrence: Occurrence) -> list[Person]:
    stmt = (
        select(Person)
        .join(CoExecutor, CoExecutor.person_id == Person.id)
        .where(CoExecutor.assignment_id == occurrence.assignment_id)
        .order_by(Person.surname)
    )
    return list(db.session.scalars(stmt))


def extensions(occurrence: Occurrence) -> list[ExtensionRequest]:
    stmt = (
        select(ExtensionRequest)
        .where(ExtensionRequest.occurrence_id == occurrence.id)
        .order_by(ExtensionRequest.requested_at.desc(), ExtensionRequest.id.desc())
    )
    return list(db.session.scalars(stmt))


def people_of_unit(user: User) -> list[Person]:
    """Whom a head may pick: people of the head's unit and the units below it."""
    from tracker.people.models import Organisation

    if user.has_role("admin"):
        stmt = select(Person)
    else:
        unit = user.person.head_of if user.person else None
        if unit is None:
            return []
        stmt = (
            select(Person)
            .join(Organisation, Person.organisation_id == Organisation.id)
            .where(Organisation.path.startswith(unit.path, autoescape=True))
        )
    return list(db.session.scalars(stmt.order_by(Person.surname).limit(1000)))
