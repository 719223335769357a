"""Which documents a user may see, the documents list as one aggregate query, and the
rows of a document's page."""

from collections import defaultdict
from datetime import date

from sqlalchemy import and_, false, func, or_, select, true
from sqlalchemy.orm import selectinload

from tracker.assignments.models import (
    ACTIVE_STATES,
    CANCELLED,
    Assignment,
    CoExecutor,
    Occurrence,
)
from tracker.auth.models import User
from tracker.documents.models import Document, Item
from tracker.extensions import db
from tracker.people.models import Organisation

SEE_ALL_ROLES = ("admin", "secretary", "controller")


def visible_clause(user: User):
    """A WHERE clause on Document: all for the office, else documents touching the user.

    "Touching" matches whoever may open one of its occurrences (assignments.access): the
    owner, a head above the owner, the controller of the document or of any of its items,
    and a co-executor of any of its assignments.
    """
    if user.has_role(*SEE_ALL_ROLES):
        return true()
    person = user.person
    if person is None:
        return false()
    mine = [Occurrence.person_id == person.id]
    if person.head_of is not None:
        subtree = select(Organisation.id).where(
            Organisation.path.startswith(person.head_of.path, autoescape=True)
        )
        mine.append(Occurrence.organisation_id.in_(subtree))
    # Correlated EXISTS: each document's own occurrences (document index) until one matches,
    # rather than collecting the documents of every occurrence in a department's subtree.
    touched = (
        select(Occurrence.id).where(Occurrence.document_id == Document.id, or_(*mine)).exists()
    )
    controls_item = (
        select(Item.id)
        .where(Item.document_id == Document.id, Item.controller_id == person.id)
        .exists()
    )
    helps = (
        select(CoExecutor.id)
        .join(Assignment, Assignment.id == CoExecutor.assignment_id)
        .join(Item, Item.id == Assignment.item_id)
        .where(CoExecutor.person_id == person.id, Item.document_id == Document.id)
        .exists()
    )
    return or_(touched, Document.controller_id == person.id, controls_item, helps)


def visible_document(document_id: int, user: User) -> Document | None:
    return db.session.scalar(
        select(Document)
        .where(Document.id == document_id, visible_clause(user))
        .options(selectinload(Document.issuer), selectinload(Document.controller))
    )


def document_rows(user: User, today: date):
    """(Document, items, open, overdue) for every visible document, newest first."""
    items = (
        select(Item.document_id, func.count(Item.id).label("n"))
        .group_by(Item.document_id)
        .subquery()
    )
    active = Occurrence.state.in_(ACTIVE_STATES)
    occurrences = (
        select(
            Occurrence.document_id,
            func.count(Occurrence.id).filter(active).label("open"),
            func.count(Occurrence.id)
            .filter(and_(active, Occurrence.due_on < today))
            .label("overdue"),
        )
        .group_by(Occurrence.document_id)
        .subquery()
    )
    stmt = (
        select(
            Document,
            func.coalesce(items.c.n, 0),
            func.coalesce(occurrences.c.open, 0),
            func.coalesce(occurrences.c.overdue, 0),
        )
        .outerjoin(items, items.c.document_id == Document.id)
        .outerjoin(occurrences, occurrences.c.document_id == Document.id)
        .where(visible_clause(user))
        .order_by(Document.issued_on.desc().nulls_last(), Document.id.desc())
    )
    return db.session.execute(stmt).all()


def item_rows(document: Document):
    """The document's items, each with its current owners (assignments not wholly cancelled,
    i.e. not removed) and next open due date."""
    items = list(
        db.session.scalars(
            select(Item).where(Item.document_id == document.id).order_by(Item.position)
        )
    )
    still_owned = (
        select(Occurrence.id)
        .where(Occurrence.assignment_id == Assignment.id, Occurrence.state != CANCELLED)
        .exists()
    )
    assignments = db.session.scalars(
        select(Assignment)
        .join(Item)
        .where(Item.document_id == document.id, still_owned)
        .options(selectinload(Assignment.person), selectinload(Assignment.organisation))
        .order_by(Assignment.id)
    )
    owners = defaultdict(list)
    for assignment in assignments:
        owners[assignment.item_id].append(assignment)
    return items, owners, _next_due(document)


def _next_due(document: Document) -> dict[int, tuple[date | None, int]]:
    """Per item: the earliest open due date and the number of occurrences."""
    rows = db.session.execute(
        select(
            Assignment.item_id,
            func.min(Occurrence.due_on).filter(Occurrence.state.in_(ACTIVE_STATES)),
            func.count(Occurrence.id),
        )
        .join(Occurrence, Occurrence.assignment_id == Assignment.id)
        .where(Occurrence.document_id == document.id)
        .group_by(Assignment.item_id)
    )
    return {item_id: (due, count) for item_id, due, count in rows}
