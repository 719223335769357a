"""Turning a reviewed parse (the PARSE-CONTRACT dict, edited by the secretary) into a
document with its items, assignments and occurrences — in one transaction."""

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from flask import current_app
from sqlalchemy import insert, select

from tracker.assignments.models import Assignment, Occurrence
from tracker.assignments.services import record
from tracker.auth.models import User
from tracker.documents.matching import OwnerResolver, find_person
from tracker.documents.models import Document, Item
from tracker.domain.problems import from_records, records
from tracker.domain.workdays import default_calendar
from tracker.extensions import db
from tracker.people.models import Organisation, Person


class ImportRefused(Exception):
    """The import cannot go ahead; the message is for the user (Russian)."""

    def __init__(self, message: str, existing: Document | None = None):
        super().__init__(message)
        self.existing = existing


@dataclass
class ImportResult:
    document: Document
    assignments: int = 0
    occurrences: int = 0
    unresolved: list[str] = field(default_factory=list)


def content_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def existing_import(data: bytes) -> Document | None:
    digest = content_digest(data)
    return db.session.scalar(select(Document).where(Document.content_sha256 == digest))


def _iso(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def create_document(
    parsed: dict, data: bytes, filename: str, user: User | None, issuer: Organisation | None
) -> Document:
    existing = existing_import(data)
    if existing is not None:
        raise ImportRefused("Этот файл уже импортирован.", existing)
    controller = parsed.get("controller") or {}
    document = Document(
        kind=parsed.get("kind") or "unknown",
        title=(parsed.get("title") or filename or "Без названия")[:2000],
        number=parsed.get("number"),
        issued_on=_iso(parsed.get("date")),
        issuer=issuer,
        period_start=_iso(parsed["period"]["start"]),
        period_end=_iso(parsed["period"]["end"]),
        controller=_controller_person(controller),
        original_filename=filename,
        original_file=data,
        source_text=parsed.get("source_text"),
        content_sha256=content_digest(data),
        created_by_id=user.id if user else None,
    )
    db.session.add(document)
    db.session.flush()
    return document


def _controller_person(controller: dict) -> Person | None:
    if controller.get("person_id"):
        return db.session.get(Person, int(controller["person_id"]))
    if controller.get("kind") == "person" and controller.get("name"):
        return find_person(controller["name"])
    return None


def import_parsed(
    parsed: dict,
    data: bytes,
    filename: str,
    user: User | None = None,
    issuer: Organisation | None = None,
) -> ImportResult:
    """Create everything from a reviewed parse; the caller commits (or rolls back)."""
    document = create_document(parsed, data, filename, user, issuer)
    result = ImportResult(document=document)
    resolver = OwnerResolver(issuer)
    for position, entry in enumerate(parsed.get("items") or []):
        item = _create_item(document, position, entry)
        if item.is_actionable:
            _assign(item, entry, resolver, result)
    record(
        None,
        user,
        "document_imported",
        document_id=document.id,
        assignments=result.assignments,
        occurrences=result.occurrences,
    )
    return result


def _create_item(document: Document, position: int, entry: dict) -> Item:
    deadline = entry.get("deadline") or {}
    item = Item(
        document=document,
        position=position,
        number=entry.get("number"),
        section=entry.get("section"),
        stage=entry.get("stage"),
        text=entry.get("text") or "",
        deadline_raw=deadline.get("raw"),
        deadline_kind=deadline.get("kind") or "none",
        rrule=deadline.get("rrule"),
        is_optional=bool(deadline.get("optional")),
        result=entry.get("result"),
        is_actionable=entry.get("actionable", True),
        problems=records(
            from_records([*(entry.get("problems") or []), *(deadline.get("problems") or [])])
        ),
    )
    db.session.add(item)
    db.session.flush()
    return item


def due_dates(deadline: dict) -> list[tuple[date | None, bool]]:
    """(due date as written, is_checkin) for every occurrence a deadline implies."""
    kind = deadline.get("kind")
    dates = [_iso(d) for d in deadline.get("occurrences") or []]
    if kind == "ongoing":
        return [(d, True) for d in dates] or [(None, True)]
    if kind not in ("date", "span", "recurring"):
        return [(None, False)]
    due = _iso(deadline.get("due"))
    if deadline.get("then_ongoing") and due:
        return [(due, False)] + [(d, True) for d in dates if d > due]
    rows = [(d, False) for d in (dates or [due]) if d]
    return rows or [(None, False)]


class NewAssignment(NamedTuple):
    id: int
    person_id: int | None
    organisation_id: int | None


def _assign(item: Item, entry: dict, resolver: OwnerResolver, result: ImportResult) -> None:
    """Create the item's assignments and occurrences: two bulk statements per item."""
    owners = _owner_targets(entry.get("owners") or [], resolver, result)
    if not owners:
        return
    ids = db.session.scalars(
        insert(Assignment).returning(Assignment.id, sort_by_parameter_order=True),
        [
            {
                "item_id": item.id,
                "person_id": person_id,
                "organisation_id": org_id,
                "owner_raw": raw[:300],
            }
            for person_id, org_id, raw in owners
        ],
    ).all()
    dates = due_dates(entry.get("deadline") or {})
    rows = [
        row
        for assignment_id, (person_id, org_id, _raw) in zip(ids, owners, strict=True)
        for row in occurrence_rows(NewAssignment(assignment_id, person_id, org_id), item, dates)
    ]
    db.session.execute(insert(Occurrence), rows)
    result.assignments += len(ids)
    result.occurrences += len(rows)


def _owner_targets(owners: list[dict], resolver: OwnerResolver, result: ImportResult):
    """(person_id, organisation_id, raw) per assignment to create, de-duplicated."""
    resolutions = [resolver.resolve(owner) for owner in owners]
    result.unresolved += [r.raw for r in resolutions if not r.found]
    person_ids = {pid for r in resolutions for pid in r.person_ids}
    orgs_of = (
        dict(
            db.session.execute(
                select(Person.id, Person.organisation_id).where(Person.id.in_(person_ids))
            ).all()
        )
        if person_ids
        else {}
    )
    targets, seen = [], set()
    for r in resolutions:
        for key, target in [(("p", p), (p, orgs_of.get(p), r.raw)) for p in r.person_ids] + [
            (("o", o), (None, o, r.raw)) for o in r.organisation_ids
        ]:
            if key not in seen:
                seen.add(key)
                targets.append(target)
    return targets


def occurrence_rows(assignment, item, dates: list[tuple[date | None, bool]]) -> list[dict]:
    """Insert rows for one assignment's due dates, each moved to a working day."""
    rule = current_app.config["DEADLINE_SHIFT_RULE"]
    calendar = default_calendar()
    return [
        _occurrence_row(assignment, item, due, checkin, calendar, rule) for due, checkin in dates
    ]


def _occurrence_row(assignment, item, due, checkin, calendar, rule) -> dict:
    shifted = calendar.shift(due, rule) if due else None
    return {
        "assignment_id": assignment.id,
        "person_id": assignment.person_id,
        "organisation_id": assignment.organisation_id,
        "document_id": item.document_id,
        "stage": item.stage,
        "due_on": shifted,
        "original_due_on": shifted,
        "is_checkin": checkin,
        "state": "open",
        "sequence": 0,
    }
