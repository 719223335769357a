"""Notices, mail batches (digests and summaries), the editable policy, and job runs."""

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.assignments.models import Occurrence
from tracker.core.time import now_utc
from tracker.extensions import db
from tracker.people.models import Person

# Delivery states: pending → sent | skipped | in_app | failed; batched = goes out in a digest
PENDING, SENT, SKIPPED, IN_APP, FAILED, BATCHED = (
    "pending",
    "sent",
    "skipped",
    "in_app",
    "failed",
    "batched",
)


class DeliveryMixin:
    """What the outbox needs to send a row once, retry it, and show its failure."""

    status: Mapped[str] = mapped_column(String(10), default=PENDING, server_default=PENDING)
    send_after: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)


class Notification(DeliveryMixin, db.Model):
    """One notice about one occurrence to one person under one rule.

    The unique key makes planning idempotent: any number of planners (or a planner re-run
    after downtime) insert the same row at most once. `period_key` is the due date (or the
    report date for controller reminders) the notice was planned for: a moved deadline gets
    fresh notices, and the stale ones are skipped at send time.
    """

    __tablename__ = "notifications"
    __table_args__ = (
        UniqueConstraint(
            "occurrence_id", "person_id", "rule", "period_key", name="uq_notifications_key"
        ),
        Index("ix_notifications_status_send_after", "status", "send_after"),
        Index("ix_notifications_person_read", "person_id", "read_at", "send_after"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    occurrence_id: Mapped[int] = mapped_column(ForeignKey("occurrences.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    rule: Mapped[str] = mapped_column(String(30))
    period_key: Mapped[str] = mapped_column(String(20))
    notice_on: Mapped[date] = mapped_column(Date)
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    occurrence: Mapped[Occurrence] = relationship()
    person: Mapped[Person] = relationship()


class MailBatch(DeliveryMixin, db.Model):
    """One mail about many occurrences: a daily digest, the heads' weekly digest, or the
    summary of new assignments after an import. Its content is computed when it is sent."""

    __tablename__ = "mail_batches"
    __table_args__ = (
        UniqueConstraint("person_id", "kind", "period_key", name="uq_mail_batches_key"),
        Index("ix_mail_batches_status_send_after", "status", "send_after"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))  # daily | weekly | assigned
    period_key: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict] = mapped_column(JSON, default=dict)

    person: Mapped[Person] = relationship()


class NotificationSettings(db.Model):
    """The policy an administrator edits; one row (id 1), created with the defaults."""

    __tablename__ = "notification_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    reminder_days: Mapped[str] = mapped_column(
        String(60), default="7,3,1,0", server_default="7,3,1,0"
    )
    overdue_after: Mapped[int] = mapped_column(default=1, server_default="1")
    escalate_head_after: Mapped[int] = mapped_column(default=3, server_default="3")
    escalate_upper_after: Mapped[int] = mapped_column(default=10, server_default="10")
    controller_after: Mapped[str] = mapped_column(String(60), default="2", server_default="2")
    checkin_before: Mapped[str] = mapped_column(String(60), default="0", server_default="0")
    digest_weekday: Mapped[int] = mapped_column(default=0, server_default="0")
    send_hour: Mapped[int] = mapped_column(default=9, server_default="9")
    max_attempts: Mapped[int] = mapped_column(default=5, server_default="5")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class JobRun(db.Model):
    """The last success and failure of each scheduler job, and planning's high-water mark."""

    __tablename__ = "job_runs"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    high_water_on: Mapped[date | None] = mapped_column(Date)
    last_success_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_failure_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)
    last_result: Mapped[str | None] = mapped_column(String(200))
