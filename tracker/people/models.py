"""The directory: organisations as a tree, and people."""

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db

ORG_KINDS = ("department", "unit", "school", "kindergarten", "institution")
SCHOOL_KINDS = ("school",)


class Organisation(db.Model):
    """A department, one of its units, or a school or institution under it.

    `path` is a materialised path ("/1/4/17/") so that a whole subtree is one indexed
    prefix query instead of a recursive walk.
    """

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str | None] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20), default="unit", server_default="unit")
    timezone: Mapped[str] = mapped_column(
        String(64), default="Europe/Moscow", server_default="Europe/Moscow"
    )
    path: Mapped[str] = mapped_column(String(400), default="/", server_default="/", index=True)

    parent: Mapped["Organisation | None"] = relationship(
        remote_side=[id], back_populates="children"
    )
    children: Mapped[list["Organisation"]] = relationship(back_populates="parent")

    @property
    def label(self) -> str:
        return self.short_name or self.name

    @property
    def depth(self) -> int:
        return self.path.count("/") - 2

    def __repr__(self) -> str:
        return f"<Organisation {self.id} {self.label!r}>"


class Person(db.Model):
    """Somebody who can own assignments; may or may not have a user account."""

    __tablename__ = "people"
    __table_args__ = (Index("ix_people_surname_initials", "surname", "initials"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    surname: Mapped[str] = mapped_column(String(100))
    first_name: Mapped[str] = mapped_column(String(100), default="", server_default="")
    patronymic: Mapped[str] = mapped_column(String(100), default="", server_default="")
    initials: Mapped[str] = mapped_column(String(8), default="", server_default="")
    position: Mapped[str | None] = mapped_column(String(300))
    email: Mapped[str | None] = mapped_column(String(254))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    head_of_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)

    organisation: Mapped[Organisation | None] = relationship(foreign_keys=[organisation_id])
    head_of: Mapped[Organisation | None] = relationship(foreign_keys=[head_of_id])

    @property
    def short_name(self) -> str:
        """ "Фамилия И.О." as Russian documents write it."""
        letters = "".join(f"{c}." for c in self.initials)
        return f"{self.surname} {letters}".strip()

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.surname, self.first_name, self.patronymic) if p)

    def __repr__(self) -> str:
        return f"<Person {self.id} {self.short_name}>"
