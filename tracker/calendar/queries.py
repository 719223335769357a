"""Which occurrences a feed holds: one WHERE clause shared by the fingerprint and the rows."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Select, and_, exists, false, func, or_, select
from sqlalchemy.sql.util import find_tables

from tracker.assignments.models import CLOSED_STATES, Assignment, Occurrence
from tracker.assignments.queries import owned_by, subtree_clause
from tracker.auth.models import User
from tracker.calendar.feeds import FeedSpec
from tracker.documents.models import Document, Item
from tracker.extensions import db
from tracker.people.models import Organisation, Person


@dataclass(frozen=True)
class Scope:
    """The rows a feed shows: a visibility clause plus the feed's filters."""

    where: ColumnElement[bool]
    title: str  # what the calendar is about: a person, a unit or a document
    shows_others: bool  # put the owner's name in each title


@dataclass(frozen=True)
class Fingerprint:
    count: int
    last_modified: datetime | None
    max_sequence: int


def _joined(stmt: Select) -> Select:
    return (
        stmt.select_from(Occurrence)
        .join(Assignment, Occurrence.assignment_id == Assignment.id)
        .join(Item, Assignment.item_id == Item.id)
        .join(Document, Occurrence.document_id == Document.id)
        .outerjoin(Person, Occurrence.person_id == Person.id)
        .outerjoin(Organisation, Occurrence.organisation_id == Organisation.id)
    )


def _filters(spec: FeedSpec) -> list[ColumnElement[bool]]:
    clauses = [Occurrence.due_on.is_not(None)]
    if not spec.include_done:
        clauses.append(Occurrence.state.not_in(CLOSED_STATES))
    if spec.stage:
        clauses.append(Occurrence.stage == spec.stage)
    return clauses


def feed_scope(user: User, spec: FeedSpec) -> Scope | None:
    """The feed's rows for this user, or None when the user may not have that feed (404)."""
    person = user.person
    if spec.scope == "document":
        return _document_scope(user, spec)
    if spec.scope == "units":
        if person is None or person.head_of is None:
            return None
        visible = subtree_clause(person.head_of.path)
        return Scope(and_(visible, *_filters(spec)), person.head_of.label, True)
    visible = owned_by(person) if person else false()
    return Scope(and_(visible, *_filters(spec)), user.display_name, False)


def _document_scope(user: User, spec: FeedSpec) -> Scope | None:
    document = db.session.get(Document, spec.document_id)
    if document is None:
        return None
    in_document = Occurrence.document_id == document.id
    person = user.person
    sees_all = user.has_role("admin", "secretary") or (
        person is not None and document.controller_id == person.id
    )
    if sees_all:
        return Scope(and_(in_document, *_filters(spec)), document.label, True)
    if person is None:
        return None
    visible = and_(in_document, _personal_visibility(person))
    if not db.session.scalar(select(exists(_joined(select(Occurrence.id)).where(visible)))):
        return None
    return Scope(and_(visible, *_filters(spec)), document.label, True)


def _personal_visibility(person: Person) -> ColumnElement[bool]:
    """Own occurrences, the units the person heads, and items the person controls."""
    clauses = [owned_by(person), Item.controller_id == person.id]
    if person.head_of is not None:
        clauses.append(subtree_clause(person.head_of.path))
    return or_(*clauses)


def _joined_as_needed(stmt: Select, clause: ColumnElement[bool]) -> Select:
    """The joins of `_joined` that the clause refers to, and no others.

    The fingerprint runs on every conditional request; a personal feed's clause names only
    occurrence columns, and joining four more tables per row would double its cost.
    """
    tables = {table.name for table in find_tables(clause, check_columns=True)}
    stmt = stmt.select_from(Occurrence)
    if tables & {"assignments", "items"}:
        stmt = stmt.join(Assignment, Occurrence.assignment_id == Assignment.id).join(
            Item, Assignment.item_id == Item.id
        )
    if "documents" in tables:
        stmt = stmt.join(Document, Occurrence.document_id == Document.id)
    if "people" in tables:
        stmt = stmt.outerjoin(Person, Occurrence.person_id == Person.id)
    if "organisations" in tables:
        stmt = stmt.outerjoin(Organisation, Occurrence.organisation_id == Organisation.id)
    return stmt


def fingerprint(scope: Scope) -> Fingerprint:
    """One aggregate query: enough to tell whether anything in the feed changed."""
    stmt = _joined_as_needed(
        select(
            func.count(Occurrence.id),
            func.max(Occurrence.updated_at),
            func.max(Occurrence.sequence),
        ),
        scope.where,
    ).where(scope.where)
    count, last_modified, max_sequence = db.session.execute(stmt).one()
    return Fingerprint(count, last_modified, max_sequence or 0)


FEED_COLUMNS = (
    Occurrence.id,
    Occurrence.due_on,
    Occurrence.state,
    Occurrence.is_checkin,
    Occurrence.stage,
    Occurrence.sequence,
    Occurrence.updated_at,
    Occurrence.done_at,
    Item.text.label("item_text"),
    Item.number.label("item_number"),
    Item.result.label("item_result"),
    Item.deadline_raw,
    Document.title.label("document_title"),
    Document.number.label("document_number"),
    Person.surname,
    Person.initials,
    Organisation.name.label("organisation_name"),
    Organisation.short_name.label("organisation_short_name"),
    Assignment.owner_raw,
)


def feed_rows(scope: Scope) -> list:
    """Plain rows (no ORM objects): a thousand-event feed stays one cheap query."""
    stmt = _joined(select(*FEED_COLUMNS)).where(scope.where)
    return list(db.session.execute(stmt.order_by(Occurrence.due_on, Occurrence.id)))
