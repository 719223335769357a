"""Loading a directory from CSV: organisations, people, and optionally their accounts.

Every row is checked before anything is written, and the view commits only a result
without errors (rolling back otherwise), so one bad row leaves the database untouched
while every bad row is reported with its line number.
"""

from flask_babel import gettext as _
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from tracker.auth.models import User
from tracker.extensions import db
from tracker.people.csv_rows import NO, ImportResult, Row, check_values, decode, norm, read_rows
from tracker.people.models import Organisation, Person
from tracker.people.services import UNUSABLE_PASSWORD, create_organisation


def import_directory(raw: bytes) -> ImportResult:
    """Check the whole file, then create and update; errors mean the caller must roll back."""
    result = ImportResult()
    try:
        rows = read_rows(decode(raw), result)
    except (UnicodeDecodeError, ValueError):
        result.errors.append(_("Не удалось прочитать файл: нужен CSV в UTF-8 или Windows-1251."))
        return result
    if not rows and not result.errors:
        result.errors.append(_("В файле нет ни одной строки с данными."))
    if result.errors:
        return result
    orgs, users = check(rows, result)
    if not result.errors:
        _Loader(orgs, users, result).load(rows)
    return result


def _existing_orgs(rows: list[Row]) -> dict[str, Organisation]:
    names = {r.get(k) for r in rows for k in ("organisation", "parent") if r.get(k)}
    found = db.session.scalars(
        select(Organisation).where(
            or_(Organisation.name.in_(names), Organisation.short_name.in_(names))
        )
    )
    orgs = {}
    for org in found:
        orgs.setdefault(norm(org.name), org)
        if org.short_name:
            orgs.setdefault(norm(org.short_name), org)
    return orgs


def _existing_users(rows: list[Row]) -> dict[str, User]:
    logins = {r.get("login") for r in rows if r.get("login")}
    users = db.session.scalars(
        select(User).where(User.login.in_(logins)).options(selectinload(User.person))
    )
    return {norm(u.login): u for u in users}


def check(rows: list[Row], result: ImportResult) -> tuple[dict, dict]:
    """Every row's problems; returns the organisations and accounts already stored."""
    orgs, users = _existing_orgs(rows), _existing_users(rows)
    seen = set(orgs)
    for row in rows:
        problems = check_values(row)
        parent = norm(row.get("parent"))
        if parent and parent not in seen:
            problems.append(
                _(
                    "вышестоящая организация «%(v)s» не найдена ни в справочнике, ни выше в файле",
                    v=row.get("parent"),
                )
            )
        problems += _check_login(row, users)
        if row.get("organisation"):
            seen.add(norm(row.get("organisation")))
        result.errors += [_("Строка %(n)s: %(p)s.", n=row.line, p=p) for p in problems]
    return orgs, users


def _check_login(row: Row, users: dict[str, User]) -> list[str]:
    user = users.get(norm(row.get("login")))
    if user is None or user.person is None:
        return []
    initials = row.names()[2]
    if norm(user.person.surname) == norm(row.get("surname")) and (
        not initials or user.person.initials == initials
    ):
        return []
    return [_("логин «%(v)s» уже занят другим сотрудником", v=row.get("login"))]


class _Loader:
    """Writes checked rows: organisations on first mention, people matched by surname,
    initials and organisation, accounts by login."""

    def __init__(self, orgs: dict[str, Organisation], users: dict[str, User], result: ImportResult):
        self.orgs, self.users, self.result = orgs, users, result
        org_ids = {o.id for o in orgs.values()}
        people = db.session.scalars(select(Person).where(Person.organisation_id.in_(org_ids)))
        self.people = {(norm(p.surname), p.initials, p.organisation_id): p for p in people}
        accounts = db.session.scalars(
            select(User).where(User.person_id.in_([p.id for p in self.people.values()]))
        )
        self.accounts = {u.person: u for u in accounts}
        self.created: set[int] = set()
        self.updated: set[int] = set()

    def load(self, rows: list[Row]) -> None:
        for row in rows:
            org = self._organisation(row)
            if row.has_person:
                person = self._person(row, org)
                if row.get("login"):
                    self._account(row, person)
        self.result.people_created = len(self.created)
        self.result.people_updated = len(self.updated - self.created)

    def _organisation(self, row: Row) -> Organisation:
        key = norm(row.get("organisation"))
        if key not in self.orgs:
            parent = self.orgs.get(norm(row.get("parent"))) if row.get("parent") else None
            timezone = row.timezone or (parent.timezone if parent else "Europe/Moscow")
            kind = row.kind or ("unit" if parent else "department")
            self.orgs[key] = create_organisation(row.get("organisation"), kind, timezone, parent)
            self.result.organisations_created += 1
        return self.orgs[key]

    def _person(self, row: Row, org: Organisation) -> Person:
        first, patronymic, initials = row.names()
        key = (norm(row.get("surname")), initials, org.id)
        person = self.people.get(key)
        if person is None:
            person = Person(surname=row.get("surname"), initials=initials, organisation=org)
            db.session.add(person)
            db.session.flush()
            self.people[key] = person
            self.created.add(person.id)
        self.updated.add(person.id)
        person.first_name = first or person.first_name
        person.patronymic = patronymic or person.patronymic
        person.position = row.get("position") or person.position
        person.email = row.get("email") or person.email
        if row.head:
            person.head_of = org
        elif norm(row.get("head")) in NO and row.get("head") and person.head_of_id == org.id:
            person.head_of = None
        return person

    def _account(self, row: Row, person: Person) -> None:
        key = norm(row.get("login"))
        user = self.users.get(key)
        owned = self.accounts.get(person)
        if owned is not None and owned is not user:
            self.result.errors.append(
                _(
                    "Строка %(n)s: у сотрудника %(name)s уже есть учётная запись «%(login)s».",
                    n=row.line,
                    name=person.short_name,
                    login=owned.login,
                )
            )
            return
        if user is None:
            user = User(login=row.get("login"), person=person)
            user.password_hash = UNUSABLE_PASSWORD  # an administrator sets the real one
            db.session.add(user)
            self.users[key] = user
            self.result.accounts_created += 1
        else:
            self.result.accounts_updated += 1
        user.person = person
        self.accounts[person] = user
        if row.get("roles") or user.id is None:
            user.roles = row.roles
