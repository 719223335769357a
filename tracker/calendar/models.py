"""Private calendar feed addresses: only a hash of each token is stored."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.auth.models import User
from tracker.core.time import now_utc
from tracker.extensions import db


class CalendarToken(db.Model):
    """One feed address of a user; regenerating revokes the previous one.

    `token_hash` is the SHA-256 of a `secrets.token_urlsafe(32)` token (256 bits). A fast
    hash is enough here: the token is random, so there is nothing to brute-force offline.
    """

    __tablename__ = "calendar_tokens"
    __table_args__ = (Index("ix_calendar_tokens_user_revoked", "user_id", "revoked_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now_utc)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
