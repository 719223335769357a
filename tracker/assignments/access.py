"""Who may see an occurrence."""

from sqlalchemy import exists, select

from tracker.assignments.models import CoExecutor, Occurrence
from tracker.assignments.services import answers_for
from tracker.auth.models import User
from tracker.extensions import db


def can_view(user: User, occurrence: Occurrence) -> bool:
    if user.has_role("admin", "secretary"):
        return True
    if answers_for(user, occurrence):
        return True
    person = user.person
    if person is None:
        return False
    if person.id == occurrence.assignment.item.effective_controller_id:
        return True
    return heads_over(user, occurrence) or is_coexecutor(user, occurrence)


def is_coexecutor(user: User, occurrence: Occurrence) -> bool:
    """Helpers (соисполнители) of the assignment see it too: they comment and attach."""
    if user.person_id is None:
        return False
    stmt = select(
        exists().where(
            CoExecutor.assignment_id == occurrence.assignment_id,
            CoExecutor.person_id == user.person_id,
        )
    )
    return bool(db.session.scalar(stmt))


def heads_over(user: User, occurrence: Occurrence) -> bool:
    """True when the user heads the occurrence's organisation or one above it."""
    unit = user.person.head_of if user.person else None
    organisation = occurrence.organisation
    return bool(unit and organisation and organisation.path.startswith(unit.path))
