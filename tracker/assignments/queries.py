"""Read side of assignments: the lists people work from, as indexed SQL."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import contains_eager

from tracker.assignments.models import ACTIVE_STATES, REPORTED, Assignment, Occurrence
from tracker.documents.models import Document, Item
from tracker.extensions import db
from tracker.people.models import Organisation, Person

OPEN_LIKE = (*ACTIVE_STATES, REPORTED)


def _with_context(stmt: Select) -> Select:
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


def my_open_occurrences(person: Person) -> list[Occurrence]:
    stmt = _with_context(select(Occurrence)).where(
        owned_by(person), Occurrence.state.in_(OPEN_LIKE)
    )
    stmt = stmt.order_by(Occurrence.due_on.is_(None), Occurrence.due_on, Occurrence.id)
    return list(db.session.scalars(stmt))


def done_by_since(user_id: int, since) -> list[Occurrence]:
    """Occurrences this user closed since the instant given (for the same-day undo)."""
    stmt = _with_context(select(Occurrence)).where(
        Occurrence.done_by_id == user_id, Occurrence.done_at >= since
    )
    return list(db.session.scalars(stmt.order_by(Occurrence.done_at.desc())))


@dataclass(frozen=True)
class UnitFilter:
    organisation_id: int | None = None
    person_id: int | None = None
    document_id: int | None = None
    stage: str | None = None
    overdue_only: bool = False


def subtree_clause(path: str):
    return Organisation.path.startswith(path, autoescape=True)


def unit_occurrences(root: Organisation, flt: UnitFilter, today: date, limit: int = 200):
    """Open occurrences of every unit under `root`, overdue first (earliest due first)."""
    scope = root
    if flt.organisation_id:
        chosen = db.session.get(Organisation, flt.organisation_id)
        if chosen is None or not chosen.path.startswith(root.path):
            return []
        scope = chosen
    stmt = _with_context(select(Occurrence)).where(
        subtree_clause(scope.path), Occurrence.state.in_(OPEN_LIKE)
    )
    stmt = _apply_filters(stmt, flt, today)
    stmt = stmt.order_by(Occurrence.due_on.is_(None), Occurrence.due_on, Occurrence.id)
    return list(db.session.scalars(stmt.limit(limit)))


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


def filter_choices(root: Organisation):
    """Units, people and documents a head can filter the unit view by."""
    units = db.session.scalars(
        select(Organisation).where(subtree_clause(root.path)).order_by(Organisation.path)
    ).all()
    people = db.session.scalars(
        select(Person)
        .join(Organisation, Person.organisation_id == Organisation.id)
        .where(subtree_clause(root.path))
        .order_by(Person.surname)
    ).all()
    documents = db.session.scalars(select(Document).order_by(Document.issued_on.desc())).all()
    return units, people, documents


def item_of(occurrence: Occurrence) -> Item:
    return occurrence.assignment.item
