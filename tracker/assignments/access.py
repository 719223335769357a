"""Who may see an occurrence."""

from tracker.assignments.models import Occurrence
from tracker.assignments.services import answers_for
from tracker.auth.models import User


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
    return heads_over(user, occurrence)


def heads_over(user: User, occurrence: Occurrence) -> bool:
    """True when the user heads the occurrence's organisation or one above it."""
    unit = user.person.head_of if user.person else None
    organisation = occurrence.organisation
    return bool(unit and organisation and organisation.path.startswith(unit.path))
