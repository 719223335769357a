"""User accounts and their roles."""

from datetime import datetime

from flask import current_app
from flask_login import UserMixin
from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from tracker.extensions import db
from tracker.people.models import Person

ROLES = ("admin", "secretary", "head", "controller", "executor")


class LoginFailure(db.Model):
    """Failed sign-ins per attempted login name, whether or not the login exists."""

    __tablename__ = "login_failures"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    count: Mapped[int] = mapped_column(default=0)
    last_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(120), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), unique=True)
    roles_csv: Mapped[str] = mapped_column(
        String(120), default="executor", server_default="executor"
    )
    locale: Mapped[str] = mapped_column(String(5), default="ru", server_default="ru")
    notify_mode: Mapped[str] = mapped_column(String(10), default="each", server_default="each")
    is_enabled: Mapped[bool] = mapped_column(default=True, server_default="1")

    person: Mapped[Person | None] = relationship()

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(r for r in self.roles_csv.split(",") if r)

    @roles.setter
    def roles(self, values) -> None:
        self.roles_csv = ",".join(r for r in ROLES if r in set(values))

    def has_role(self, *names: str) -> bool:
        return bool(self.roles & set(names))

    @property
    def is_active(self) -> bool:
        return self.is_enabled

    def set_password(self, password: str) -> None:
        method = current_app.config.get("PASSWORD_HASH_METHOD", "scrypt")
        self.password_hash = generate_password_hash(password, method=method)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def display_name(self) -> str:
        return self.person.short_name if self.person else self.login
