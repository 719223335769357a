"""Owners of an imported item: adding a person, an organisation or a group (fanned out as
the import does), and removing an owner who has not reported yet. Runs in the caller's
transaction; the view commits."""

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tracker.assignments.models import CANCELLED, Assignment
from tracker.assignments.services import change_state, record
from tracker.auth.models import User
from tracker.documents.editing import (
    EditError,
    insert_occurrences,
    live_clause,
    parse_for,
    recompute_problems,
    replaceable,
)
from tracker.documents.importing import due_dates, occurrence_rows
from tracker.documents.matching import group_members
from tracker.documents.models import Item
from tracker.extensions import db
from tracker.notifications.services import notify_new_assignments
from tracker.people.models import Organisation, Person

# The groups a secretary may assign an item to, as the directory's kinds are named.
GROUP_TITLES = {
    "schools": "Общеобразовательные организации",
    "kindergartens": "Дошкольные образовательные организации",
    "additional_education": "Организации дополнительного образования",
    "institutions": "Все образовательные организации",
    "education_authorities": "Органы управления образованием",
}


def add_owner(
    item: Item, user: User, *, person_id: int = 0, organisation_id: int = 0, group: str = ""
) -> int:
    """Assign the item to a person, an organisation or every organisation of a group, with
    occurrences for its current deadline; returns how many assignments were created."""
    if not item.is_actionable:
        raise EditError(_("Пункт отмечен как «к сведению»: сначала отметьте его как поручение."))
    targets = _targets(item, person_id, organisation_id, group)
    dates = due_dates(parse_for(item.document, item.deadline_raw))
    added: dict[int, list[int]] = {}
    ids = []
    for target_person, target_org, raw in targets:
        assignment = Assignment(
            item_id=item.id,
            person_id=target_person,
            organisation_id=target_org,
            owner_raw=raw[:300],
        )
        db.session.add(assignment)
        db.session.flush()
        new_ids = insert_occurrences(occurrence_rows(assignment, item, dates))
        ids.append(assignment.id)
        if target_person:
            added.setdefault(target_person, []).extend(new_ids)
    record(
        None,
        user,
        "owner_added",
        item_id=item.id,
        document_id=item.document_id,
        owner=targets[0][2],
        assignment_ids=ids,
    )
    recompute_problems(item)
    notify_new_assignments(added)
    return len(ids)


def _targets(item: Item, person_id: int, organisation_id: int, group: str):
    """(person_id, organisation_id, label) per assignment to create."""
    people, orgs = _current_owners(item)
    if person_id:
        person = db.session.get(Person, person_id)
        if person is None:
            raise EditError(_("Выбранный сотрудник не найден в справочнике."))
        if person.id in people:
            raise EditError(_("%(name)s уже отвечает за этот пункт.", name=person.short_name))
        return [(person.id, person.organisation_id, person.short_name)]
    if organisation_id:
        org = db.session.get(Organisation, organisation_id)
        if org is None:
            raise EditError(_("Выбранная организация не найдена в справочнике."))
        if org.id in orgs:
            raise EditError(_("%(name)s уже отвечает за этот пункт.", name=org.name))
        return [(None, org.id, org.name)]
    if group not in GROUP_TITLES:
        raise EditError(_("Выберите сотрудника, организацию или группу."))
    members = [o for o in group_members(group, item.document.issuer) if o not in orgs]
    if not members:
        raise EditError(_("В группе нет организаций, которым этот пункт ещё не назначен."))
    return [(None, org_id, GROUP_TITLES[group]) for org_id in members]


def _current_owners(item: Item) -> tuple[set[int], set[int]]:
    """Person ids and (organisation-owned) organisation ids of the live assignments."""
    rows = db.session.execute(
        select(Assignment.person_id, Assignment.organisation_id).where(
            Assignment.item_id == item.id, live_clause()
        )
    ).all()
    return ({p for p, _o in rows if p}, {o for p, o in rows if not p and o})


def remove_owner(item: Item, assignment_id: int, user: User) -> None:
    """Cancel an owner's occurrences; refused once any of them was reported or done."""
    assignment = db.session.scalar(
        select(Assignment)
        .where(Assignment.id == assignment_id, Assignment.item_id == item.id)
        .options(selectinload(Assignment.occurrences))
    )
    live = [o for o in assignment.occurrences if o.state != CANCELLED] if assignment else []
    if not live:
        raise EditError(_("Этот ответственный не назначен на пункт."))
    if not all(replaceable(o) for o in live):
        raise EditError(_("Ответственный уже отчитывался по этому пункту: снять его нельзя."))
    for occurrence in live:
        change_state(occurrence, user, CANCELLED, "owner_removed")
    record(
        None,
        user,
        "owner_removed",
        item_id=item.id,
        document_id=item.document_id,
        assignment_id=assignment.id,
        owner=assignment.owner_label,
    )
    recompute_problems(item)


def owners_of(item: Item) -> list[Assignment]:
    """The item's assignments with their occurrences, people and organisations."""
    return list(
        db.session.scalars(
            select(Assignment)
            .where(Assignment.item_id == item.id)
            .order_by(Assignment.id)
            .options(
                selectinload(Assignment.occurrences),
                selectinload(Assignment.person),
                selectinload(Assignment.organisation),
            )
        )
    )


def removable(assignment: Assignment) -> bool:
    live = [o for o in assignment.occurrences if o.state != CANCELLED]
    return bool(live) and all(replaceable(o) for o in live)
