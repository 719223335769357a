"""Evidence files, deadline extension requests, comments, co-executors and the control
settings a department chooses."""

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.assignments.models import Occurrence
from tracker.auth.models import User
from tracker.core.time import now_utc
from tracker.extensions import db

PENDING, APPROVED, REFUSED = "pending", "approved", "refused"
DECIDERS = ("controller", "head")
COUNTS_AGAINST = ("new", "original")


class Attachment(db.Model):
    """A file of evidence; stored on disk under a random name, never under its own."""

    __tablename__ = "control_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurrence_id: Mapped[int] = mapped_column(ForeignKey("occurrences.id"), index=True)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    original_name: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column()
    content_type: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)

    occurrence: Mapped[Occurrence] = relationship()
    uploaded_by: Mapped[User | None] = relationship()


class ExtensionRequest(db.Model):
    """A request to move a deadline (перенос срока) and its decision."""

    __tablename__ = "control_extension_requests"
    __table_args__ = (Index("ix_control_extensions_state", "state", "occurrence_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    occurrence_id: Mapped[int] = mapped_column(ForeignKey("occurrences.id"), index=True)
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    requested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)
    old_due_on: Mapped[date | None] = mapped_column(Date)
    new_due_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(10), default=PENDING, server_default=PENDING)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decision_comment: Mapped[str | None] = mapped_column(Text)

    occurrence: Mapped[Occurrence] = relationship()
    requested_by: Mapped[User | None] = relationship(foreign_keys=[requested_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])


class Comment(db.Model):
    __tablename__ = "control_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurrence_id: Mapped[int] = mapped_column(ForeignKey("occurrences.id"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)

    author: Mapped[User | None] = relationship()


class ControlSettings(db.Model):
    """The department's choices; one row (id 1), created with the defaults."""

    __tablename__ = "control_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    extensions_decided_by: Mapped[str] = mapped_column(
        String(12), default="controller", server_default="controller"
    )
    report_counts_against: Mapped[str] = mapped_column(
        String(10), default="new", server_default="new"
    )
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
