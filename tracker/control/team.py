"""Working on an occurrence together: comments with mentions, files, co-executors, and
handing an assignment to another person."""

import re

from flask_babel import gettext as _
from sqlalchemy import select

from tracker.assignments.access import can_view
from tracker.assignments.models import ACTIVE_STATES, CoExecutor, Occurrence
from tracker.assignments.services import TransitionError, record
from tracker.auth.models import User
from tracker.control import access, storage
from tracker.control.models import Attachment, Comment
from tracker.control.notify import notify, owner_ids
from tracker.control.services import store_files
from tracker.core.time import now_utc
from tracker.extensions import db
from tracker.people.models import Person

# "@Фамилия" optionally followed by initials: "@Дискулцу Л.Ю." or "@Дискулцу"
MENTION_RE = re.compile(r"@([А-ЯЁA-Z][а-яёa-z\-]+)(?:\s+([А-ЯЁA-Z])\.\s?([А-ЯЁA-Z])\.?)?")


def mentioned_people(text: str, picked_ids=()) -> list[int]:
    """People named "@Фамилия" (narrowed by initials when given) or picked from the list."""
    wanted = MENTION_RE.findall(text or "")
    ids = {int(i) for i in picked_ids if str(i).isdigit()}
    if wanted:
        surnames = {surname for surname, _a, _b in wanted}
        people = db.session.execute(
            select(Person.id, Person.surname, Person.initials).where(Person.surname.in_(surnames))
        ).all()
        for surname, first, second in wanted:
            initials = f"{first}{second}" if first else ""
            ids.update(
                pid for pid, s, i in people if s == surname and (not initials or i == initials)
            )
    return sorted(ids)


def who_may_see(person_ids: list[int], occurrence: Occurrence) -> list[int]:
    """Of the mentioned people, those with an account that may see the occurrence: the
    notice prints the item, so nobody else is told (people without an account neither)."""
    if not person_ids:
        return []
    users = db.session.scalars(select(User).where(User.person_id.in_(person_ids)))
    return sorted({u.person_id for u in users if can_view(u, occurrence)})


def add_comment(occurrence: Occurrence, user: User, text: str, picked_ids=()) -> Comment:
    text = (text or "").strip()
    if not text:
        raise TransitionError(_("Напишите текст комментария."))
    comment = Comment(
        occurrence_id=occurrence.id, author_id=user.id, text=text, created_at=now_utc()
    )
    db.session.add(comment)
    mentioned = who_may_see(mentioned_people(text, picked_ids), occurrence)
    event = record(occurrence, user, "commented", text=text[:500], mentioned=mentioned)
    notify(mentioned, occurrence, "mention", event, skip=user.person_id)
    return comment


def attach(occurrence: Occurrence, user: User, uploads) -> list[Attachment]:
    """Files from the owner, a co-executor or the controller; all checked before any is kept."""
    if not access.may_contribute(user, occurrence):
        raise TransitionError(
            _("Прикладывать файлы могут ответственный, соисполнители и контролёр.")
        )
    checked = [storage.check(u) for u in uploads if u and u.filename]
    if not checked:
        raise TransitionError(_("Выберите файл."))
    return store_files(occurrence, user, checked)


def add_coexecutor(occurrence: Occurrence, user: User, person: Person | None) -> CoExecutor:
    if not access.may_manage_team(user, occurrence):
        raise TransitionError(_("Соисполнителей назначает ответственный или руководитель."))
    if person is None or person.id in owner_ids(occurrence):
        raise TransitionError(_("Выберите сотрудника, который не является ответственным."))
    if not access.may_pick(user, person):  # the select list is not validated: check here
        raise TransitionError(_("Выберите сотрудника из предложенного списка."))
    existing = db.session.scalar(
        select(CoExecutor).where(
            CoExecutor.assignment_id == occurrence.assignment_id, CoExecutor.person_id == person.id
        )
    )
    if existing:
        raise TransitionError(_("Этот сотрудник уже соисполнитель."))
    row = CoExecutor(assignment_id=occurrence.assignment_id, person_id=person.id)
    db.session.add(row)
    event = record(occurrence, user, "coexecutor_added", person=person.short_name)
    notify([person.id], occurrence, "coexecutor", event, skip=user.person_id)
    return row


def remove_coexecutor(occurrence: Occurrence, user: User, person_id: int) -> None:
    if not access.may_manage_team(user, occurrence):
        raise TransitionError(_("Соисполнителей назначает ответственный или руководитель."))
    row = db.session.scalar(
        select(CoExecutor).where(
            CoExecutor.assignment_id == occurrence.assignment_id, CoExecutor.person_id == person_id
        )
    )
    if row is None:
        raise TransitionError(_("Этот сотрудник не соисполнитель."))
    record(occurrence, user, "coexecutor_removed", person=row.person.short_name)
    db.session.delete(row)


def reassign(occurrence: Occurrence, user: User, person: Person | None) -> int:
    """Hand the whole assignment to another person of the head's units: the assignment and
    every still-open occurrence move; each move is audited; the new owner is told."""
    if not access.may_reassign(user, occurrence):
        raise TransitionError(_("Передать поручение может только руководитель подразделения."))
    if person is None or not access.in_subtree_of(user, person):
        raise TransitionError(_("Выберите сотрудника своего подразделения."))
    assignment = occurrence.assignment
    if person.id == assignment.person_id:
        raise TransitionError(_("Поручение уже у этого сотрудника."))
    old = assignment.owner_label
    assignment.person_id, assignment.organisation_id = person.id, person.organisation_id
    moved = _move_open_occurrences(assignment.id, user, person, old)
    if moved:  # one notice in the app, one summary mail listing every moved date
        notify([person.id], moved[0][0], "reassigned", moved[0][1], skip=user.person_id)
        from tracker.notifications.services import notify_new_assignments

        notify_new_assignments({person.id: [occ.id for occ, _e in moved]})
    return len(moved)


def _move_open_occurrences(assignment_id: int, user: User, person: Person, old: str):
    rows = db.session.scalars(
        select(Occurrence).where(
            Occurrence.assignment_id == assignment_id, Occurrence.state.in_(ACTIVE_STATES)
        )
    )
    moved = []
    for occ in rows:
        occ.person_id, occ.organisation_id = person.id, person.organisation_id
        occ.sequence += 1
        occ.updated_at = now_utc()
        moved.append((occ, record(occ, user, "reassigned", old=old, new=person.short_name)))
    return moved
