"""The import wizard's drafts: read an upload, keep it under review, apply the secretary's
edits, and confirm it into a document. Services add and flush; the view commits."""

import copy
from datetime import date, timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import delete, select

from tracker.assignments.models import Occurrence
from tracker.auth.models import User
from tracker.core.time import now_utc, today_in
from tracker.documents.importing import (
    ImportRefused,
    ImportResult,
    content_digest,
    due_dates,
    existing_import,
    import_parsed,
)
from tracker.documents.models import ImportDraft
from tracker.domain.deadlines import Period, parse_deadline
from tracker.domain.problems import Problem, from_records, records
from tracker.domain.workdays import default_calendar
from tracker.extensions import db
from tracker.notifications.services import notify_new_assignments
from tracker.parsing.api import parse_bytes
from tracker.parsing.readers import UnreadableDocument
from tracker.people.models import Organisation, Person
from tracker.people.services import save_person

PASTED_FILENAME = "Текст документа.txt"
DRAFT_MAX_AGE = timedelta(days=14)
SHOWN_DATES = 4


class PreviewError(Exception):
    """An edit the wizard refuses (e.g. a person that does not exist); Russian message."""


# --- step 1: reading an upload -------------------------------------------------------------


def read_upload(data: bytes, filename: str, issuer: Organisation | None) -> dict:
    """Parse an upload for review, or raise ImportRefused / UnreadableDocument saying why."""
    existing = existing_import(data)
    if existing is not None:
        raise ImportRefused(_("Этот файл уже импортирован."), existing)
    parsed = parse_bytes(
        data,
        filename,
        max_bytes=current_app.config["MAX_CONTENT_LENGTH"],
        today=today_in(issuer.timezone if issuer else None),
    ).to_contract(coded=True)
    if not parsed["items"]:
        raise UnreadableDocument(_no_items_message(parsed["problems"]))
    return parsed


def _no_items_message(problems: list[dict]) -> str:
    """The parser's own problem says why (no columns, no recognisable structure)."""
    if problems:
        return Problem.from_record(problems[0]).sentence(_)
    return _("В документе не найдено ни одного пункта, который можно превратить в поручение.")


def create_draft(
    user: User, data: bytes, filename: str, issuer: Organisation | None, parsed: dict
) -> ImportDraft:
    discard_old_drafts(user)
    draft = ImportDraft(
        user_id=user.id,
        filename=filename[:255],
        data=data,
        sha256=content_digest(data),
        parsed=parsed,
        issuer_id=issuer.id if issuer else None,
    )
    db.session.add(draft)
    db.session.flush()
    return draft


def discard_old_drafts(user: User) -> None:
    """Drafts left behind for longer than DRAFT_MAX_AGE are dropped."""
    cutoff = now_utc() - DRAFT_MAX_AGE
    db.session.execute(
        delete(ImportDraft).where(ImportDraft.user_id == user.id, ImportDraft.created_at < cutoff)
    )


def drafts_of(user: User) -> list[ImportDraft]:
    return list(
        db.session.scalars(
            select(ImportDraft)
            .where(ImportDraft.user_id == user.id)
            .order_by(ImportDraft.created_at.desc())
        )
    )


# --- step 2: the preview and its edits -----------------------------------------------------


def draft_period(parsed: dict) -> Period:
    period = parsed["period"]
    return Period(date.fromisoformat(period["start"]), date.fromisoformat(period["end"]))


def draft_anchor(parsed: dict) -> date | None:
    return date.fromisoformat(parsed["date"]) if parsed.get("date") else None


def reparse_deadline(parsed: dict, raw: str | None) -> dict:
    return parse_deadline(raw, draft_period(parsed), anchor=draft_anchor(parsed)).to_record()


def form_data(parsed: dict) -> dict:
    """The preview form's initial values from a draft."""
    return {"title": parsed.get("title") or "", "items": [_item_data(e) for e in parsed["items"]]}


def _item_data(entry: dict) -> dict:
    deadline = entry.get("deadline") or {}
    return {
        "stage": entry.get("stage") or "",
        "text": entry.get("text") or "",
        "deadline": deadline.get("raw") or "",
        "actionable": bool(entry.get("actionable", True)),
        "owners": [_owner_data(owner) for owner in entry.get("owners") or []],
        "add_person": 0,
    }


def _owner_data(owner: dict) -> dict:
    surname, _sep, rest = (owner.get("name") or "").partition(" ")
    action = "drop" if owner.get("dropped") else "person" if owner.get("person_id") else "auto"
    return {
        "action": action,
        "person": int(owner.get("person_id") or 0),
        "surname": surname if owner.get("kind") == "person" else "",
        "initials": "".join(ch for ch in rest if ch.isalpha())[:8],
        "organisation": 0,
    }


def apply_edits(draft: ImportDraft, form) -> None:
    """Write the reviewed values into the draft; new people are created (flushed) here."""
    parsed = copy.deepcopy(draft.parsed)
    if len(form.items.entries) != len(parsed["items"]):
        raise PreviewError(_("Черновик изменился: откройте его заново."))
    parsed["title"] = form.title.data.strip()
    for entry, item_form in zip(parsed["items"], form.items.entries, strict=True):
        _apply_item(parsed, entry, item_form.form)
    draft.parsed = parsed
    db.session.flush()


def _apply_item(parsed: dict, entry: dict, f) -> None:
    entry["stage"] = f.stage.data or None
    entry["text"] = f.text.data.strip()
    entry["actionable"] = bool(f.actionable.data)
    raw = (f.deadline.data or "").strip() or None
    old = entry.get("deadline") or {}
    if raw != old.get("raw"):
        stale = set(from_records(old.get("problems")))
        kept = [p for p in from_records(entry.get("problems")) if p not in stale]
        entry["problems"] = records(kept)
        entry["deadline"] = reparse_deadline(parsed, raw)
    owners = entry.setdefault("owners", [])
    for owner, owner_form in zip(owners, f.owners.entries, strict=False):
        _apply_owner(owner, owner_form.form)
    if f.add_person.data:
        person = _existing_person(f.add_person.data)
        owners.append(
            {
                "raw": person.short_name,
                "kind": "person",
                "name": person.short_name,
                "position": person.position,
                "person_id": person.id,
            }
        )
    if owners:
        kept = [p for p in from_records(entry.get("problems")) if p.code != "owner_missing"]
        entry["problems"] = records(kept)


def _apply_owner(owner: dict, f) -> None:
    owner.pop("person_id", None)
    owner.pop("organisation_id", None)
    owner["dropped"] = f.action.data == "drop"
    if f.action.data == "person":
        owner["person_id"] = _existing_person(f.person.data).id
    elif f.action.data == "create":
        organisation = db.session.get(Organisation, f.organisation.data or 0)
        person = save_person(
            Person(),
            surname=f.surname.data,
            initials=f.initials.data or "",
            position=owner.get("position"),
            organisation=organisation,
        )
        owner["person_id"] = person.id


def _existing_person(person_id: int) -> Person:
    person = db.session.get(Person, person_id or 0)
    if person is None:
        raise PreviewError(_("Выбранный сотрудник не найден в справочнике."))
    return person


# --- deadline readings ---------------------------------------------------------------------


def deadline_reading(deadline: dict) -> str:
    """What the importer will make of a deadline, in words, with the working-day shift."""
    kind = deadline.get("kind")
    if kind == "none":
        return _("Срок не указан")
    if kind == "unknown":
        return _("Срок не распознан: дату нужно указать вручную")
    rows = due_dates(deadline)
    rule = current_app.config["DEADLINE_SHIFT_RULE"]
    calendar = default_calendar()
    due = [_shown(d, calendar.shift(d, rule)) for d, checkin in rows if d and not checkin]
    checkins = [calendar.shift(d, rule).strftime("%d.%m.%Y") for d, c in rows if d and c]
    parts = []
    if kind == "span" and deadline.get("start"):
        parts.append(_("с %(day)s", day=_ru(deadline["start"])))
    if due:
        parts.append(_("до %(days)s", days=_listed(due)))
    if checkins:
        parts.append(_("постоянно, отчёт: %(days)s", days=_listed(checkins)))
    elif kind == "ongoing":
        parts.append(_("постоянно"))
    if deadline.get("optional"):
        parts.append(_("(по необходимости)"))
    return " ".join(parts) or _("Срок не даёт ни одной даты")


def _shown(written: date, shifted: date) -> str:
    if written == shifted:
        return written.strftime("%d.%m.%Y")
    return _(
        "%(shifted)s (перенос с %(written)s)",
        shifted=shifted.strftime("%d.%m.%Y"),
        written=written.strftime("%d.%m.%Y"),
    )


def _ru(iso: str) -> str:
    return date.fromisoformat(iso).strftime("%d.%m.%Y")


def _listed(days: list[str]) -> str:
    shown = ", ".join(days[:SHOWN_DATES])
    if len(days) > SHOWN_DATES:
        shown += _(" и ещё %(n)d", n=len(days) - SHOWN_DATES)
    return shown


def deadline_preview(draft: ImportDraft, raw: str) -> dict:
    """The JSON answer for a deadline phrase typed in the preview."""
    deadline = reparse_deadline(draft.parsed, raw.strip() or None)
    return {
        "kind": deadline["kind"],
        "due": deadline["due"],
        "reading": deadline_reading(deadline),
        "problems": [p.sentence(_) for p in from_records(deadline["problems"])],
    }


# --- step 3: confirming --------------------------------------------------------------------


def importable(parsed: dict) -> dict:
    """The draft's parse as import_parsed expects it: owners set aside are left out."""
    result = copy.deepcopy(parsed)
    for entry in result["items"]:
        entry["owners"] = [o for o in entry.get("owners") or [] if not o.get("dropped")]
    return result


def confirm(draft: ImportDraft, user: User) -> ImportResult:
    """Create the document from the draft, queue the owners' mail and drop the draft, all
    in the caller's transaction (the mail queue is an outbox: no import, no mail)."""
    result = import_parsed(importable(draft.parsed), draft.data, draft.filename, user, draft.issuer)
    db.session.delete(draft)
    db.session.flush()
    notify_new_assignments(new_occurrences_by_person(result.document.id))
    return result


def new_occurrences_by_person(document_id: int) -> dict[int, list[int]]:
    """Person → occurrence ids of a freshly imported document (what the mail lists)."""
    by_person: dict[int, list[int]] = {}
    for person_id, occurrence_id in db.session.execute(
        select(Occurrence.person_id, Occurrence.id)
        .where(Occurrence.document_id == document_id, Occurrence.person_id.is_not(None))
        .order_by(Occurrence.id)
    ):
        by_person.setdefault(person_id, []).append(occurrence_id)
    return by_person
