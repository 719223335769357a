"""The directory's write side: the organisation tree, people and their user accounts.

Services add and flush; the view commits. Problems a user can fix are raised as
DirectoryError with a Russian message the view shows next to the form.
"""

from flask_babel import gettext as _
from sqlalchemy import exists, func, literal, or_, select, update

from tracker.assignments.models import Assignment, Occurrence
from tracker.auth.models import ROLES, User
from tracker.documents.models import Document
from tracker.extensions import db
from tracker.people.models import ORG_KINDS, Organisation, Person

TIMEZONES = (
    "Europe/Kaliningrad",
    "Europe/Moscow",
    "Europe/Samara",
    "Asia/Yekaterinburg",
    "Asia/Omsk",
    "Asia/Krasnoyarsk",
    "Asia/Irkutsk",
    "Asia/Yakutsk",
    "Asia/Vladivostok",
    "Asia/Sakhalin",
    "Asia/Magadan",
    "Asia/Kamchatka",
)
KIND_LABELS = {
    "department": "Управление (отдел) образования",
    "unit": "Подразделение",
    "school": "Школа",
    "kindergarten": "Детский сад",
    "institution": "Учреждение",
}
ROLE_LABELS = {
    "admin": "Администратор",
    "secretary": "Секретарь",
    "head": "Руководитель",
    "controller": "Контролёр",
    "executor": "Исполнитель",
}
MIN_PASSWORD_LENGTH = 8
# No hash ever equals "!" (the Unix convention for a locked password): an account created
# without a password cannot sign in until an administrator sets one, and costs no hashing.
UNUSABLE_PASSWORD = "!"
assert set(KIND_LABELS) == set(ORG_KINDS) and set(ROLE_LABELS) == set(ROLES)


class DirectoryError(Exception):
    """A change the directory refuses, with the reason in Russian."""


# --- organisations -----------------------------------------------------------------------


def place_in_tree(org: Organisation) -> None:
    """Set the materialised path from the parent (the organisation must have an id)."""
    parent_path = org.parent.path if org.parent else "/"
    org.path = f"{parent_path}{org.id}/"


def move(org: Organisation, new_parent: Organisation | None) -> None:
    """Re-parent an organisation and rewrite the paths of its whole subtree."""
    if new_parent is not None and new_parent.path.startswith(org.path):
        raise ValueError("Нельзя перенести организацию внутрь неё самой.")
    old_path = org.path
    org.parent = new_parent
    place_in_tree(org)
    db.session.flush()
    db.session.execute(
        update(Organisation)
        .where(Organisation.path.startswith(old_path, autoescape=True), Organisation.id != org.id)
        .values(path=literal(org.path) + func.substr(Organisation.path, len(old_path) + 1))
        .execution_options(synchronize_session="fetch")
    )


def create_organisation(
    name: str,
    kind: str,
    timezone: str,
    parent: Organisation | None = None,
    short_name: str | None = None,
) -> Organisation:
    org = Organisation(
        name=name.strip(),
        short_name=(short_name or "").strip() or None,
        kind=kind,
        timezone=timezone,
        parent=parent,
    )
    db.session.add(org)
    db.session.flush()
    place_in_tree(org)
    return org


def update_organisation(
    org: Organisation,
    *,
    name: str,
    short_name: str | None,
    kind: str,
    timezone: str,
    parent: Organisation | None,
) -> None:
    """Change the fields; a new parent moves the whole subtree."""
    org.name = name.strip()
    org.short_name = (short_name or "").strip() or None
    org.kind = kind
    org.timezone = timezone
    if parent is not org.parent:
        try:
            move(org, parent)
        except ValueError as exc:
            raise DirectoryError(_("Нельзя перенести организацию внутрь неё самой.")) from exc


def _blockers(org: Organisation) -> list[str]:
    """What still refers to the organisation, as Russian phrases."""
    checks = (
        (Organisation.parent_id == org.id, _("подчинённые организации")),
        (or_(Person.organisation_id == org.id, Person.head_of_id == org.id), _("сотрудники")),
        (Assignment.organisation_id == org.id, _("поручения")),
        (Occurrence.organisation_id == org.id, _("сроки поручений")),
        (Document.issuer_id == org.id, _("документы")),
    )
    return [
        label for condition, label in checks if db.session.scalar(select(exists().where(condition)))
    ]


def delete_organisation(org: Organisation) -> None:
    """Delete an organisation nothing refers to any more."""
    blockers = _blockers(org)
    if blockers:
        raise DirectoryError(
            _(
                "Организацию «%(name)s» нельзя удалить: в ней есть %(what)s.",
                name=org.label,
                what=", ".join(blockers),
            )
        )
    db.session.delete(org)
    db.session.flush()


# --- people ------------------------------------------------------------------------------


def derive_initials(first_name: str, patronymic: str, typed: str = "") -> str:
    """ "ЛЮ" from Людмила Юрьевна; the typed initials when only those are known."""
    letters = "".join(part.strip()[:1].upper() for part in (first_name, patronymic) if part.strip())
    if letters:
        return letters
    return "".join(ch.upper() for ch in typed if ch.isalpha())[:8]


def save_person(
    person: Person,
    *,
    surname: str,
    first_name: str = "",
    patronymic: str = "",
    initials: str = "",
    position: str | None = None,
    email: str | None = None,
    organisation: Organisation | None = None,
    head_of: Organisation | None = None,
) -> Person:
    """Fill a new or existing person; initials follow the names unless only initials are known."""
    person.surname = surname.strip()
    person.first_name = first_name.strip()
    person.patronymic = patronymic.strip()
    person.initials = derive_initials(person.first_name, person.patronymic, initials)
    person.position = (position or "").strip() or None
    person.email = (email or "").strip() or None
    person.organisation = organisation
    person.head_of = head_of
    if person.id is None:
        db.session.add(person)
    db.session.flush()
    return person


# --- user accounts -----------------------------------------------------------------------


def login_taken(login: str, user: User | None = None) -> bool:
    query = select(User.id).where(func.lower(User.login) == login.strip().lower())
    if user is not None and user.id is not None:
        query = query.where(User.id != user.id)
    return db.session.scalar(query) is not None


def person_has_account(person: Person, user: User | None = None) -> bool:
    query = select(User.id).where(User.person_id == person.id)
    if user is not None and user.id is not None:
        query = query.where(User.id != user.id)
    return db.session.scalar(query) is not None


def save_user(
    user: User,
    *,
    login: str,
    person: Person | None,
    roles,
    is_enabled: bool = True,
    password: str | None = None,
    acting: User | None = None,
) -> User:
    """Create or change an account; the acting admin cannot lock themselves out."""
    if login_taken(login, user):
        raise DirectoryError(_("Логин «%(login)s» уже занят.", login=login.strip()))
    if person is not None and person_has_account(person, user):
        raise DirectoryError(
            _("У сотрудника %(name)s уже есть учётная запись.", name=person.short_name)
        )
    if acting is not None and acting.id == user.id and ("admin" not in roles or not is_enabled):
        raise DirectoryError(_("Нельзя снять с себя роль администратора или отключить себя."))
    user.login = login.strip()
    user.person = person
    user.roles = roles
    user.is_enabled = is_enabled
    if password:
        set_password(user, password)
    elif user.id is None:
        user.password_hash = UNUSABLE_PASSWORD
    if user.id is None:
        db.session.add(user)
    db.session.flush()
    return user


def set_password(user: User, password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise DirectoryError(
            _("Пароль должен быть не короче %(n)s символов.", n=MIN_PASSWORD_LENGTH)
        )
    user.set_password(password)
