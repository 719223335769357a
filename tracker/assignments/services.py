"""Write side of assignments: ticking off, undoing, and the audit trail."""

from flask_babel import gettext as _

from tracker.assignments.models import (
    ACTIVE_STATES,
    DONE,
    OPEN,
    REPORTED,
    AuditEvent,
    Occurrence,
)
from tracker.auth.models import User
from tracker.core.time import local_day, now_utc, occurrence_tz, today_in
from tracker.extensions import db


class TransitionError(Exception):
    """A state change that is not allowed; the message is for the user."""


def record(
    occurrence: Occurrence | None,
    actor: User | None,
    action: str,
    from_state: str | None = None,
    to_state: str | None = None,
    **details,
) -> AuditEvent:
    event = AuditEvent(
        occurrence_id=occurrence.id if occurrence else None,
        actor_id=actor.id if actor else None,
        at=now_utc(),
        action=action,
        from_state=from_state,
        to_state=to_state,
        details=details,
    )
    db.session.add(event)
    return event


def change_state(
    occurrence: Occurrence, actor: User | None, to_state: str, action: str, **details
) -> None:
    """Move an occurrence to a new state, bump its calendar sequence, and audit it."""
    from_state = occurrence.state
    occurrence.state = to_state
    occurrence.sequence += 1
    occurrence.updated_at = now_utc()
    record(occurrence, actor, action, from_state, to_state, **details)


def answers_for(user: User, occurrence: Occurrence) -> bool:
    """The person who must tick this occurrence off: its owner or the owning school's head."""
    person = user.person
    if person is None:
        return False
    if occurrence.person_id is not None:
        return occurrence.person_id == person.id
    owning_unit = occurrence.organisation_id
    return owning_unit is not None and owning_unit == person.head_of_id


def complete(occurrence: Occurrence, user: User, report: str, evidence_url: str | None) -> str:
    """Tick off an occurrence: done, or reported when a controller must accept it."""
    if not answers_for(user, occurrence):
        raise TransitionError(_("Отметить выполнение может только ответственный."))
    if occurrence.state not in ACTIVE_STATES:
        raise TransitionError(_("Это поручение уже отмечено."))
    item = occurrence.assignment.item
    needs_acceptance = item.needs_acceptance and item.effective_controller_id is not None
    now = now_utc()
    occurrence.report = report.strip()
    occurrence.evidence_url = (evidence_url or "").strip() or None
    occurrence.reported_at = now
    occurrence.reported_by_id = user.id
    if needs_acceptance:
        change_state(occurrence, user, REPORTED, "reported")
    else:
        occurrence.done_at = now
        occurrence.done_on = today_in(occurrence_tz(occurrence))
        occurrence.done_by_id = user.id
        change_state(occurrence, user, DONE, "done")
    return occurrence.state


def undo(occurrence: Occurrence, user: User) -> None:
    """Take back a tick made by this user today (local to the owner); never a controller's
    acceptance."""
    own_report = occurrence.state == REPORTED and occurrence.reported_by_id == user.id
    own_tick = occurrence.state == DONE and occurrence.done_by_id == user.id
    if not (own_report or own_tick):
        raise TransitionError(_("Отменить можно только собственную отметку."))
    tz = occurrence_tz(occurrence)
    if occurrence.reported_at is None or local_day(occurrence.reported_at, tz) != today_in(tz):
        raise TransitionError(_("Отметку можно отменить только в тот же день."))
    occurrence.done_at = occurrence.done_on = occurrence.done_by_id = None
    occurrence.reported_at = occurrence.reported_by_id = None
    change_state(occurrence, user, OPEN, "undone")
