"""Read side of assignments: the lists people work from, as indexed SQL."""

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import Select, or_, select, union_all
from sqlalchemy.orm import contains_eager

from tracker.assignments.models import ACTIVE_STATES, REPORTED, Assignment, Occurrence
from tracker.auth.models import User
from tracker.documents.models import Document, Item
from tracker.documents.queries import visible_clause
from tracker.extensions import db
from tracker.people.models import Organisation, Person

OPEN_LIKE = (*ACTIVE_STATES, REPORTED)


def with_context(stmt: Select) -> Select:
    """Load each occurrence with its item, document, owner and organisation in one query."""
    return (
        stmt.join(Occurrence.assignment)
        .join(Assignment.item)
        .join(Occurrence.document)
        .outerjoin(Occurrence.person)
        .outerjoin(Occurrence.organisation)
        .options(
            contains_eager(Occurrence.assignment).contains_eager(Assignment.item),
            contains_eager(Occurrence.document),
            contains_eager(Occurrence.person),
            contains_eager(Occurrence.organisation),
        )
    )


def owned_by(person: Person):
    """Occurrences a person answers for: their own, and those of the organisation they head."""
    clauses = [Occurrence.person_id == person.id]
    if person.head_of_id:
        clauses.append(
            (Occurrence.person_id.is_(None)) & (Occurrence.organisation_id == person.head_of_id)
        )
    return or_(*clauses)


DUE_ORDER = (Occurrence.due_on.is_(None), Occurrence.due_on, Occurrence.id)


def my_open_statement(person: Person) -> Select:
    stmt = with_context(select(Occurrence)).where(owned_by(person), Occurrence.state.in_(OPEN_LIKE))
    return stmt.order_by(*DUE_ORDER)


def my_open_occurrences(person: Person) -> list[Occurrence]:
    return list(db.session.scalars(my_open_statement(person)))


def done_by_since(user_id: int, since) -> list[Occurrence]:
    """Occurrences this user closed since the instant given (for the same-day undo)."""
    stmt = with_context(select(Occurrence)).where(
        Occurrence.done_by_id == user_id, Occurrence.done_at >= since
    )
    return list(db.session.scalars(stmt.order_by(Occurrence.done_at.desc())))


@dataclass(frozen=True)
class UnitFilter:
    person_id: int | None = None
    document_id: int | None = None
    stage: str | None = None
    overdue_only: bool = False


def subtree_clause(path: str):
    return Organisation.path.startswith(path, autoescape=True)


def unit_within(root: Organisation, unit_id: int | None) -> Organisation | None:
    """The unit a head chose, if it lies in their subtree; the head's own unit by default."""
    if not unit_id:
        return root
    chosen = db.session.get(Organisation, unit_id)
    return chosen if chosen is not None and chosen.path.startswith(root.path) else None


PER_PAGE = 50


def unit_occurrences(scope: Organisation, flt: UnitFilter, today: date, page: int = 1):
    """One page of the open occurrences of every unit under `scope`, overdue first
    (earliest due first), and whether another page follows."""
    offset = (max(page, 1) - 1) * PER_PAGE
    rows = list(db.session.scalars(unit_statement(scope.path, flt, today, PER_PAGE + 1, offset)))
    return rows[:PER_PAGE], len(rows) > PER_PAGE


def unit_statement(
    path: str, flt: UnitFilter, today: date, limit: int = PER_PAGE, offset: int = 0
) -> Select:
    """`limit` open occurrences under `path` in due order from `offset`, with their context."""
    page = _unit_page_ids(path, flt, today, limit, offset)
    return with_context(select(Occurrence)).where(Occurrence.id.in_(page)).order_by(*DUE_ORDER)


def _unit_page_ids(path: str, flt: UnitFilter, today: date, limit: int, offset: int) -> Select:
    """Ids of the page, found without sorting every open occurrence of the subtree.

    A department has tens of thousands of open occurrences; ordering them all (joined)
    to keep one page took most of a second. One ordered, limited walk of (state, due_on) per
    state, plus the undated ones by id, leaves at most 4 × `limit` narrow rows to sort.
    """
    in_scope = Occurrence.organisation_id.in_(
        select(Organisation.id).where(subtree_clause(path)).scalar_subquery()
    )
    base = _apply_filters(select(Occurrence.id, Occurrence.due_on).where(in_scope), flt, today)
    parts = [
        base.where(Occurrence.state == state, Occurrence.due_on.is_not(None))
        .order_by(Occurrence.due_on, Occurrence.id)
        .limit(offset + limit)
        .subquery()
        for state in OPEN_LIKE
    ]
    parts.append(
        base.where(Occurrence.state.in_(OPEN_LIKE), Occurrence.due_on.is_(None))
        .order_by(Occurrence.id)
        .limit(offset + limit)
        .subquery()
    )
    candidates = union_all(*(select(part.c.id, part.c.due_on) for part in parts)).subquery()
    return (
        select(candidates.c.id)
        .order_by(candidates.c.due_on.is_(None), candidates.c.due_on, candidates.c.id)
        .offset(offset)
        .limit(limit)
    )


def _apply_filters(stmt: Select, flt: UnitFilter, today: date) -> Select:
    if flt.person_id:
        stmt = stmt.where(Occurrence.person_id == flt.person_id)
    if flt.document_id:
        stmt = stmt.where(Occurrence.document_id == flt.document_id)
    if flt.stage:
        stmt = stmt.where(Occurrence.stage == flt.stage)
    if flt.overdue_only:
        stmt = stmt.where(Occurrence.due_on < today)
    return stmt


class UnitChoice(NamedTuple):
    id: int
    label: str
    depth: int


class PersonChoice(NamedTuple):
    id: int
    short_name: str


class DocumentChoice(NamedTuple):
    id: int
    label: str


PEOPLE_CHOICES_LIMIT = 300


def filter_choices(user: User, root: Organisation, scope: Organisation | None = None):
    """Units, people and documents a head can filter the unit view by.

    People are those of the chosen unit's subtree; a whole department's thousands would
    make every page heavy, so past PEOPLE_CHOICES_LIMIT the list is empty (None) until a
    unit is chosen.

    Plain rows rather than entities: a department lists thousands of people, and building
    an ORM object for each cost more than the page's own query. Labels come from the models'
    own properties, applied to the rows.
    """
    units = [
        UnitChoice(r.id, Organisation.label.fget(r), Organisation.depth.fget(r))
        for r in db.session.execute(
            select(Organisation.id, Organisation.name, Organisation.short_name, Organisation.path)
            .where(subtree_clause(root.path))
            .order_by(Organisation.path)
        )
    ]
    people = [
        PersonChoice(r.id, Person.short_name.fget(r))
        for r in db.session.execute(
            select(Person.id, Person.surname, Person.initials)
            .join(Organisation, Person.organisation_id == Organisation.id)
            .where(subtree_clause((scope or root).path))
            .order_by(Person.surname)
            .limit(PEOPLE_CHOICES_LIMIT + 1)
        )
    ]
    if len(people) > PEOPLE_CHOICES_LIMIT:
        people = None
    documents = [
        DocumentChoice(r.id, Document.label.fget(r))
        for r in db.session.execute(
            select(Document.id, Document.title, Document.number)
            .where(visible_clause(user))
            .order_by(Document.issued_on.desc())
        )
    ]
    return units, people, documents


def item_of(occurrence: Occurrence) -> Item:
    return occurrence.assignment.item
