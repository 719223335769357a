"""Fixing an imported item on its document's page: stage, text, deadline, actionable (owners:
owner_editing).

Everything runs in the caller's transaction and is audited; the view commits once.
Occurrences that were reported, done or returned are history and are never touched: a new
deadline re-dates (or cancels) only open occurrences without a report.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, select, update
from sqlalchemy.orm import selectinload

from tracker.assignments.models import CANCELLED, OPEN, Assignment, Occurrence
from tracker.assignments.services import change_state, record
from tracker.auth.models import User
from tracker.core.time import now_utc
from tracker.documents.importing import due_dates, occurrence_rows
from tracker.documents.models import Document, Item
from tracker.domain.deadlines import Period, parse_deadline
from tracker.domain.problems import Problem, from_records, records
from tracker.extensions import db
from tracker.notifications.services import notify_new_assignments

EDIT_ROLES = ("admin", "secretary")


class EditError(Exception):
    """An edit that is refused; the message is for the user (Russian)."""


@dataclass
class ItemChanges:
    stage: str | None
    text: str
    deadline_raw: str | None
    actionable: bool


def may_edit(user: User, item: Item) -> bool:
    """The office, or the person who controls the item (its own or its document's)."""
    if user.has_role(*EDIT_ROLES):
        return True
    return user.person_id is not None and item.effective_controller_id == user.person_id


def parse_for(document: Document, raw: str | None) -> dict:
    """A deadline phrase read as the import reads it: the document's period and date."""
    period = Period(document.period_start, document.period_end)
    return parse_deadline(raw, period, anchor=document.issued_on).to_record()


# --- the item itself ------------------------------------------------------------------------


def update_item(item: Item, changes: ItemChanges, user: User) -> int:
    """Apply the edit form; returns how many owners were notified of new occurrences."""
    new = {
        "stage": changes.stage or None,
        "text": changes.text.strip(),
        "actionable": changes.actionable,
    }
    old = {"stage": item.stage, "text": item.text, "actionable": item.is_actionable}
    changed = {key: [old[key], new[key]] for key in old if old[key] != new[key]}
    item.stage, item.text, item.is_actionable = new["stage"], new["text"], new["actionable"]
    if changed:
        record(
            None,
            user,
            "item_edited",
            item_id=item.id,
            document_id=item.document_id,
            changes=changed,
        )
    if "stage" in changed or "text" in changed:
        _touch_occurrences(item)
    if "actionable" in changed and not item.is_actionable:
        _cancel_open(item, user)
    added: dict[int, list[int]] = {}
    raw = (changes.deadline_raw or "").strip() or None
    if raw != item.deadline_raw:
        added = set_deadline(item, raw, user)
    recompute_problems(item)
    return notify_new_assignments(added)


def _touch_occurrences(item: Item) -> None:
    """Calendars show the item's text and stage: every occurrence gets a new sequence."""
    db.session.execute(
        update(Occurrence)
        .where(
            Occurrence.assignment_id.in_(select(Assignment.id).where(Assignment.item_id == item.id))
        )
        .values(stage=item.stage, sequence=Occurrence.sequence + 1, updated_at=now_utc())
        .execution_options(synchronize_session="fetch")
    )


def _cancel_open(item: Item, user: User) -> None:
    """An item that is only for information stops asking anyone for work."""
    for assignment in _assignments(item):
        for occurrence in assignment.occurrences:
            if replaceable(occurrence):
                change_state(occurrence, user, CANCELLED, "item_not_actionable")


# --- the deadline ---------------------------------------------------------------------------


def set_deadline(item: Item, raw: str | None, user: User) -> dict[int, list[int]]:
    """Store a new phrase and re-date the open occurrences; person → new occurrence ids."""
    deadline = parse_for(item.document, raw)
    record(
        None,
        user,
        "deadline_changed",
        item_id=item.id,
        document_id=item.document_id,
        old=item.deadline_raw,
        new=raw,
        kind=deadline["kind"],
    )
    item.deadline_raw, item.deadline_kind = raw, deadline["kind"]
    item.rrule, item.is_optional = deadline["rrule"], bool(deadline["optional"])
    added: dict[int, list[int]] = {}
    if not item.is_actionable:
        return added
    dates = due_dates(deadline)
    for assignment in _assignments(item):
        if _is_live(assignment):
            new_ids = _redate(item, assignment, dates, user)
            if assignment.person_id and new_ids:
                added.setdefault(assignment.person_id, []).extend(new_ids)
    return added


def _redate(item: Item, assignment: Assignment, dates, user: User) -> list[int]:
    """Give the open occurrences the new dates: re-date, cancel the surplus, add the rest.

    A date already answered by a kept (reported or done) occurrence is not asked again.
    """
    occurrences = sorted(assignment.occurrences, key=_by_due)
    open_ = [o for o in occurrences if replaceable(o)]
    kept = [o for o in occurrences if o.state != CANCELLED and not replaceable(o)]
    wanted = _unanswered(occurrence_rows(assignment, item, dates), kept)
    for occurrence, row in zip(open_, wanted, strict=False):
        _redate_one(occurrence, row, user)
    for occurrence in open_[len(wanted) :]:
        change_state(occurrence, user, CANCELLED, "deadline_changed")
    return insert_occurrences(wanted[len(open_) :])


def _unanswered(rows: list[dict], kept: list[Occurrence]) -> list[dict]:
    """The rows no kept occurrence answers: one with the same date, else the nearest one
    (work done by the old date of a corrected deadline is not asked for twice)."""
    rows, rest = list(rows), []
    for occurrence in kept:
        key = (occurrence.original_due_on, occurrence.is_checkin)
        same = [r for r in rows if (r["due_on"], r["is_checkin"]) == key]
        if same:
            rows.remove(same[0])
        else:
            rest.append(occurrence)
    for occurrence in rest:
        alike = [r for r in rows if r["is_checkin"] == occurrence.is_checkin]
        if alike:
            day = occurrence.original_due_on
            rows.remove(min(alike, key=lambda r, day=day: _distance(r["due_on"], day)))
    return rows


def _distance(a: date | None, b: date | None) -> int:
    if a is None or b is None:
        return 0 if a == b else 100_000
    return abs((a - b).days)


def _redate_one(occurrence: Occurrence, row: dict, user: User) -> None:
    if (occurrence.due_on, occurrence.original_due_on, occurrence.is_checkin) == (
        row["due_on"],
        row["original_due_on"],
        row["is_checkin"],
    ):
        return
    old = occurrence.due_on
    occurrence.due_on, occurrence.original_due_on = row["due_on"], row["original_due_on"]
    occurrence.is_checkin = row["is_checkin"]
    occurrence.sequence += 1
    occurrence.updated_at = now_utc()
    record(
        occurrence,
        user,
        "deadline_changed",
        occurrence.state,
        occurrence.state,
        old=_iso(old),
        new=_iso(row["due_on"]),
    )


def insert_occurrences(rows: list[dict]) -> list[int]:
    occurrences = [Occurrence(**row) for row in rows]
    db.session.add_all(occurrences)
    db.session.flush()
    return [o.id for o in occurrences]


# --- shared helpers -------------------------------------------------------------------------


def _assignments(item: Item) -> list[Assignment]:
    return list(
        db.session.scalars(
            select(Assignment)
            .where(Assignment.item_id == item.id)
            .order_by(Assignment.id)
            .options(selectinload(Assignment.occurrences))
        )
    )


def live_clause():
    return exists().where(Occurrence.assignment_id == Assignment.id, Occurrence.state != CANCELLED)


def _is_live(assignment: Assignment) -> bool:
    return any(o.state != CANCELLED for o in assignment.occurrences)


def replaceable(occurrence: Occurrence) -> bool:
    return occurrence.state == OPEN and occurrence.report is None and occurrence.reported_at is None


def _by_due(occurrence: Occurrence) -> tuple:
    return (occurrence.due_on is None, occurrence.due_on or date.min, occurrence.id)


def recompute_problems(item: Item) -> None:
    """Owner and deadline problems anew, by code; the parser's other remarks stay."""
    kept = [
        problem
        for problem in from_records(item.problems)
        if problem.code != "owner_missing" and not problem.code.startswith("deadline_")
    ]
    if item.is_actionable:
        has_owner = db.session.scalar(
            select(
                select(Assignment.id).where(Assignment.item_id == item.id, live_clause()).exists()
            )
        )
        kept += [] if has_owner else [Problem.of("owner_missing")]
        kept += from_records(parse_for(item.document, item.deadline_raw)["problems"])
    item.problems = records(kept)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
