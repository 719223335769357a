"""The directory's read side: the tree in one query, paginated people and accounts."""

from sqlalchemy import or_, select
from sqlalchemy.orm import aliased, contains_eager

from tracker.auth.models import User
from tracker.extensions import db
from tracker.people.models import Organisation, Person

PER_PAGE = 50


def organisation_tree() -> list[Organisation]:
    """Every organisation in pre-order: a subtree's paths share a prefix, so sorting by path
    puts each organisation right after its parent."""
    return list(db.session.scalars(select(Organisation).order_by(Organisation.path)))


def organisation_choices(blank: str, exclude: Organisation | None = None) -> list[tuple[int, str]]:
    """(id, indented label) pairs for a select; `exclude` drops that subtree (a move target
    inside itself is impossible)."""
    choices = [(0, blank)]
    for org in organisation_tree():
        if exclude is not None and org.path.startswith(exclude.path):
            continue
        choices.append((org.id, "\u2003" * org.depth + org.label))
    return choices


def _surname_filter(term: str):
    """Prefix match on the surname; SQLite folds only ASCII case, so try the usual spellings."""
    variants = {term, term.lower(), term.capitalize(), term.upper()}
    return or_(*(Person.surname.like(f"{v}%", escape="\\") for v in map(_escape_like, variants)))


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def people_page(page: int, surname: str = "", organisation: Organisation | None = None):
    """People with their organisation and headed unit, optionally within one subtree."""
    org = aliased(Organisation)
    head_of = aliased(Organisation)
    query = (
        select(Person)
        .outerjoin(org, Person.organisation)
        .outerjoin(head_of, Person.head_of)
        .options(
            contains_eager(Person.organisation.of_type(org)),
            contains_eager(Person.head_of.of_type(head_of)),
        )
        .order_by(Person.surname, Person.initials, Person.id)
    )
    if surname.strip():
        query = query.where(_surname_filter(surname.strip()))
    if organisation is not None:
        query = query.where(org.path.startswith(organisation.path, autoescape=True))
    return db.paginate(query, page=page, per_page=PER_PAGE, error_out=False)


def users_page(page: int):
    """Accounts with their person, by login."""
    query = (
        select(User)
        .outerjoin(User.person)
        .options(contains_eager(User.person))
        .order_by(User.login)
    )
    return db.paginate(query, page=page, per_page=PER_PAGE, error_out=False)


def people_choices(blank: str) -> list[tuple[int, str]]:
    rows = db.session.execute(
        select(
            Person.id, Person.surname, Person.initials, Organisation.name, Organisation.short_name
        )
        .outerjoin(Organisation, Person.organisation_id == Organisation.id)
        .order_by(Person.surname, Person.initials)
    )
    choices = [(0, blank)]
    for pid, surname, initials, org_name, org_short in rows:
        short = f"{surname} {''.join(f'{c}.' for c in initials)}".strip()
        where = org_short or org_name
        choices.append((pid, f"{short} — {where}" if where else short))
    return choices
