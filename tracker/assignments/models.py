"""Assignments (item × one owner) and their occurrences (one per due date)."""

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.core.time import now_utc
from tracker.documents.models import Document, Item
from tracker.extensions import db
from tracker.people.models import Organisation, Person

OPEN, REPORTED, DONE, RETURNED, NOT_NEEDED, CANCELLED = (
    "open",
    "reported",
    "done",
    "returned",
    "not_needed",
    "cancelled",
)
STATES = (OPEN, REPORTED, DONE, RETURNED, NOT_NEEDED, CANCELLED)
ACTIVE_STATES = (OPEN, RETURNED)
CLOSED_STATES = (DONE, NOT_NEEDED, CANCELLED)


class Assignment(db.Model):
    """One owner's share of an item: a person, or an organisation (fan-out of a group)."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    owner_raw: Mapped[str | None] = mapped_column(String(300))

    item: Mapped[Item] = relationship()
    person: Mapped[Person | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship()
    occurrences: Mapped[list["Occurrence"]] = relationship(
        back_populates="assignment", cascade="all, delete-orphan"
    )

    @property
    def owner_label(self) -> str:
        if self.person:
            return self.person.short_name
        return self.organisation.label if self.organisation else (self.owner_raw or "—")


class Occurrence(db.Model):
    """One due date of an assignment (or a check-in of ongoing work).

    Owner, organisation, document and stage are copied from the assignment and item so
    that "my occurrences by due date" and "open occurrences of these units" are single
    indexed scans rather than joins across four tables.
    """

    __tablename__ = "occurrences"
    __table_args__ = (
        Index("ix_occurrences_person_state_due", "person_id", "state", "due_on"),
        Index("ix_occurrences_org_state_due", "organisation_id", "state", "due_on"),
        Index("ix_occurrences_document_due", "document_id", "due_on"),
        Index("ix_occurrences_state_due", "state", "due_on"),
        Index("ix_occurrences_done_by_at", "done_by_id", "done_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    stage: Mapped[str | None] = mapped_column(String(20))
    due_on: Mapped[date | None] = mapped_column(Date)
    original_due_on: Mapped[date | None] = mapped_column(Date)
    is_checkin: Mapped[bool] = mapped_column(default=False, server_default="0")
    state: Mapped[str] = mapped_column(String(12), default=OPEN, server_default=OPEN)
    report: Mapped[str | None] = mapped_column(Text)
    evidence_url: Mapped[str | None] = mapped_column(String(1000))
    reported_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reported_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    done_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    done_on: Mapped[date | None] = mapped_column(Date)
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    sequence: Mapped[int] = mapped_column(default=0, server_default="0")
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=now_utc, onupdate=now_utc
    )

    assignment: Mapped[Assignment] = relationship(back_populates="occurrences")
    person: Mapped[Person | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship()
    document: Mapped[Document] = relationship()
    done_by = relationship("User", foreign_keys=[done_by_id])

    @property
    def is_ongoing(self) -> bool:
        return self.due_on is None


class AuditEvent(db.Model):
    """Who changed what and when: the history of an occurrence."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurrence_id: Mapped[int | None] = mapped_column(ForeignKey("occurrences.id"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)
    action: Mapped[str] = mapped_column(String(30))
    from_state: Mapped[str | None] = mapped_column(String(12))
    to_state: Mapped[str | None] = mapped_column(String(12))
    details: Mapped[dict] = mapped_column(JSON, default=dict)

    actor = relationship("User")


class CoExecutor(db.Model):
    """A helper (соисполнитель) on an assignment: may comment and attach, never report."""

    __tablename__ = "co_executors"
    __table_args__ = (
        UniqueConstraint("assignment_id", "person_id", name="uq_co_executors_assignment_person"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)

    assignment: Mapped[Assignment] = relationship()
    person: Mapped[Person] = relationship()
