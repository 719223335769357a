"""Who may do what on an occurrence under control."""

from tracker.assignments.access import heads_over, is_coexecutor
from tracker.assignments.models import Occurrence
from tracker.assignments.services import answers_for
from tracker.auth.models import User
from tracker.people.models import Person


def is_controller(user: User, occurrence: Occurrence) -> bool:
    """The effective controller of the item (or of its document); admins stand in."""
    if user.has_role("admin"):
        return True
    person_id = user.person_id
    return person_id is not None and person_id == occurrence.assignment.item.effective_controller_id


def may_contribute(user: User, occurrence: Occurrence) -> bool:
    """Attach files: the owner, a co-executor, or the controller."""
    return (
        answers_for(user, occurrence)
        or is_coexecutor(user, occurrence)
        or is_controller(user, occurrence)
    )


def may_manage_team(user: User, occurrence: Occurrence) -> bool:
    """Add or remove co-executors: the owner, a head above, a secretary or an admin."""
    return (
        user.has_role("admin", "secretary")
        or answers_for(user, occurrence)
        or heads_over(user, occurrence)
    )


def may_reassign(user: User, occurrence: Occurrence) -> bool:
    return user.has_role("admin") or heads_over(user, occurrence)


def in_subtree_of(user: User, person: Person) -> bool:
    """A person a head may hand work to: somebody of the head's unit or a unit below."""
    if user.has_role("admin"):
        return True
    unit = user.person.head_of if user.person else None
    return bool(unit and person.organisation and person.organisation.path.startswith(unit.path))


def may_pick(user: User, person: Person) -> bool:
    """Whom the team form offers: a head's subtree, else the actor's own organisation."""
    if user.has_role("admin"):
        return True
    actor = user.person
    if actor is None:
        return False
    if actor.head_of_id:
        return in_subtree_of(user, person)
    return actor.organisation_id is not None and person.organisation_id == actor.organisation_id


def may_decide_extension(user: User, occurrence: Occurrence, decided_by: str) -> bool:
    """The controller or the owner's head decides, as the department has chosen."""
    if user.has_role("admin"):
        return True
    if decided_by == "head":
        return heads_over(user, occurrence) and not answers_for(user, occurrence)
    return is_controller(user, occurrence)


def may_toggle_acceptance(user: User, controller_id: int | None) -> bool:
    if user.has_role("admin", "secretary"):
        return True
    return user.person_id is not None and user.person_id == controller_id
