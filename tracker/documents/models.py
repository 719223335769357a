"""Imported documents and their items (пункты)."""

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.core.time import now_utc
from tracker.extensions import db
from tracker.people.models import Organisation, Person

DOCUMENT_KINDS = ("roadmap", "protocol", "resolution", "order", "unknown")


class Document(db.Model):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    number: Mapped[str | None] = mapped_column(String(60))
    issued_on: Mapped[date | None] = mapped_column(Date)
    issuer_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    controller_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    requires_acceptance: Mapped[bool] = mapped_column(default=True, server_default="1")
    original_filename: Mapped[str | None] = mapped_column(String(255))
    original_file: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    source_text: Mapped[str | None] = mapped_column(Text, deferred=True)
    content_sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)

    issuer: Mapped[Organisation | None] = relationship()
    controller: Mapped[Person | None] = relationship()
    items: Mapped[list["Item"]] = relationship(
        back_populates="document", order_by="Item.position", cascade="all, delete-orphan"
    )

    @property
    def label(self) -> str:
        parts = [self.title[:80]]
        if self.number:
            parts.append(f"№ {self.number}")
        return " ".join(parts)


class Item(db.Model):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    number: Mapped[str | None] = mapped_column(String(30))
    section: Mapped[str | None] = mapped_column(String(300))
    stage: Mapped[str | None] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    deadline_raw: Mapped[str | None] = mapped_column(Text)
    deadline_kind: Mapped[str] = mapped_column(String(12), default="none", server_default="none")
    rrule: Mapped[str | None] = mapped_column(String(200))
    is_optional: Mapped[bool] = mapped_column(default=False, server_default="0")
    result: Mapped[str | None] = mapped_column(Text)
    is_actionable: Mapped[bool] = mapped_column(default=True, server_default="1")
    controller_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    requires_acceptance: Mapped[bool | None] = mapped_column()
    problems: Mapped[list] = mapped_column(JSON, default=list)

    document: Mapped[Document] = relationship(back_populates="items")
    controller: Mapped[Person | None] = relationship()

    @property
    def effective_controller_id(self) -> int | None:
        return self.controller_id or self.document.controller_id

    @property
    def needs_acceptance(self) -> bool:
        if self.requires_acceptance is not None:
            return self.requires_acceptance
        return self.document.requires_acceptance


class ImportDraft(db.Model):
    """An upload under review in the import wizard: the file and its (edited) parse.

    Nothing of the document exists until the draft is confirmed; the draft belongs to the
    user who uploaded it and is deleted when it is imported or discarded.
    """

    __tablename__ = "import_drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    sha256: Mapped[str] = mapped_column(String(64))
    parsed: Mapped[dict] = mapped_column(JSON)
    issuer_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)

    issuer: Mapped[Organisation | None] = relationship()
