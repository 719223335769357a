"""The control workflow's transitions: report, accept, return, extend, and the settings."""

from datetime import date, timedelta

from flask_babel import gettext as _
from sqlalchemy import select

from tracker.assignments.models import (
    ACTIVE_STATES,
    DONE,
    REPORTED,
    RETURNED,
    AuditEvent,
    Occurrence,
)
from tracker.assignments.services import (
    TransitionError,
    answers_for,
    change_state,
    complete,
    record,
)
from tracker.auth.models import User
from tracker.control import access, storage
from tracker.control.models import (
    APPROVED,
    COUNTS_AGAINST,
    DECIDERS,
    PENDING,
    REFUSED,
    Attachment,
    ControlSettings,
    ExtensionRequest,
)
from tracker.control.notify import notify, owner_ids
from tracker.core.time import local_day, now_utc, occurrence_tz, today_in
from tracker.documents.models import Item
from tracker.extensions import db


def settings() -> ControlSettings:
    """The department's control settings; the defaults (not yet saved) until changed."""
    row = db.session.get(ControlSettings, 1)
    if row is None:
        row = ControlSettings(id=1, extensions_decided_by="controller", report_counts_against="new")
    return row


def update_settings(user: User, decided_by: str, counts_against: str) -> ControlSettings:
    if decided_by not in DECIDERS or counts_against not in COUNTS_AGAINST:
        raise TransitionError(_("Недопустимое значение настройки."))
    row = settings()
    db.session.add(row)
    row.extensions_decided_by, row.report_counts_against = decided_by, counts_against
    row.updated_at = now_utc()
    record(None, user, "control_settings", decided_by=decided_by, counts_against=counts_against)
    return row


def counted_due_on(occurrence: Occurrence) -> date | None:
    """The date a report is judged against: the moved one, or the original, as chosen."""
    if settings().report_counts_against == "original" and occurrence.original_due_on:
        return occurrence.original_due_on
    return occurrence.due_on


def store_files(occurrence: Occurrence, user: User, checked) -> list[Attachment]:
    """Write already-checked files and audit each one."""
    rows = []
    for f in checked:
        row = Attachment(
            occurrence_id=occurrence.id,
            uploaded_by_id=user.id,
            original_name=f.original_name,
            stored_name=storage.write(f.data),
            size=len(f.data),
            content_type=f.content_type,
            created_at=now_utc(),
        )
        db.session.add(row)
        record(occurrence, user, "attached", name=f.original_name, size=len(f.data))
        rows.append(row)
    return rows


def report(occurrence: Occurrence, user: User, text: str, links: list[str], uploads) -> str:
    """The owner reports with text, links and files: reported, or done without acceptance.

    Every file is checked before anything is written, so a bad one saves nothing.
    """
    if not answers_for(user, occurrence):  # refuse the person before judging their files
        raise TransitionError(_("Отметить выполнение может только ответственный."))
    checked = [storage.check(u) for u in uploads if u and u.filename]
    state = complete(occurrence, user, text, "\n".join(links) or None)
    store_files(occurrence, user, checked)
    return state


def _require_reported(occurrence: Occurrence, user: User) -> None:
    if not access.is_controller(user, occurrence):
        raise TransitionError(_("Принять или вернуть отчёт может только контролёр."))
    if occurrence.state != REPORTED:
        raise TransitionError(_("Принять или вернуть можно только отчёт, ожидающий проверки."))


def accept(occurrence: Occurrence, user: User) -> None:
    """Снять с контроля. done_at is the acceptance instant (shown as "снято с контроля"), but
    done_on, which reports judge against the due date, is the owner's local day of the
    report: a report made on time stays on time however late the controller accepts it."""
    _require_reported(occurrence, user)
    now = now_utc()
    occurrence.done_at = now
    occurrence.done_on = local_day(occurrence.reported_at or now, occurrence_tz(occurrence))
    occurrence.done_by_id = user.id
    change_state(occurrence, user, DONE, "accepted")


def return_report(occurrence: Occurrence, user: User, comment: str) -> None:
    """Back to the owner with the controller's reason; the owner is told."""
    comment = (comment or "").strip()
    if not comment:
        raise TransitionError(_("Укажите, почему отчёт возвращается."))
    _require_reported(occurrence, user)
    occurrence.done_at = occurrence.done_on = occurrence.done_by_id = None
    change_state(occurrence, user, RETURNED, "returned", comment=comment)
    notify(owner_ids(occurrence), occurrence, "returned", _latest_event(occurrence, "returned"))


def _latest_event(occurrence: Occurrence, action: str) -> AuditEvent:
    """The audit event change_state has just written (autoflushed), for a notice to cite."""
    stmt = (
        select(AuditEvent)
        .where(AuditEvent.occurrence_id == occurrence.id, AuditEvent.action == action)
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )
    return db.session.scalars(stmt).one()


def pending_extension(occurrence: Occurrence) -> ExtensionRequest | None:
    stmt = select(ExtensionRequest).where(
        ExtensionRequest.occurrence_id == occurrence.id, ExtensionRequest.state == PENDING
    )
    return db.session.scalars(stmt).first()


def request_extension(
    occurrence: Occurrence, user: User, new_due_on: date | None, reason: str
) -> ExtensionRequest:
    reason = (reason or "").strip()
    if not answers_for(user, occurrence):
        raise TransitionError(_("Перенос срока может попросить только ответственный."))
    if occurrence.state not in ACTIVE_STATES or occurrence.due_on is None:
        raise TransitionError(_("Для этого поручения перенос срока не запрашивается."))
    if new_due_on is None or new_due_on < today_in(occurrence_tz(occurrence)) + timedelta(days=1):
        raise TransitionError(_("Новый срок должен быть не раньше завтрашнего дня."))
    if new_due_on == occurrence.due_on:
        raise TransitionError(_("Новый срок совпадает с текущим."))
    if not reason:
        raise TransitionError(_("Укажите причину переноса срока."))
    if pending_extension(occurrence):
        raise TransitionError(_("Запрос на перенос срока уже ожидает решения."))
    row = ExtensionRequest(
        occurrence_id=occurrence.id,
        requested_by_id=user.id,
        requested_at=now_utc(),
        old_due_on=occurrence.due_on,
        new_due_on=new_due_on,
        reason=reason,
        state=PENDING,
    )
    db.session.add(row)
    event = record(
        occurrence, user, "extension_requested", new_due_on=new_due_on.isoformat(), reason=reason
    )
    notify(deciders(occurrence), occurrence, "extension", event, skip=user.person_id)
    return row


def deciders(occurrence: Occurrence) -> list[int]:
    """Who is told of a request: the controller, or the heads above the owner's unit."""
    if settings().extensions_decided_by == "controller":
        return [occurrence.assignment.item.effective_controller_id]
    from tracker.people.models import Organisation, Person

    org = occurrence.organisation
    if org is None:
        return []
    ids = [int(x) for x in org.path.strip("/").split("/") if x]
    stmt = (
        select(Person.id)
        .join(Organisation, Person.head_of_id == Organisation.id)
        .where(Organisation.id.in_(ids))
        .order_by(Organisation.path.desc())
    )
    owners = set(owner_ids(occurrence))
    return [pid for pid in db.session.scalars(stmt) if pid not in owners][:1]


def decide_extension(row: ExtensionRequest, user: User, approve: bool, comment: str) -> None:
    """Approve (the due date moves; the first one stays visible) or refuse with a reason."""
    occurrence = row.occurrence
    comment = (comment or "").strip()
    if not access.may_decide_extension(user, occurrence, settings().extensions_decided_by):
        raise TransitionError(_("Решение о переносе срока принимает не вы."))
    if row.state != PENDING:
        raise TransitionError(_("По этому запросу решение уже принято."))
    if not approve and not comment:
        raise TransitionError(_("Укажите причину отказа."))
    if approve and occurrence.state not in (*ACTIVE_STATES, REPORTED):
        raise TransitionError(_("Поручение уже закрыто: срок не переносится."))
    row.state = APPROVED if approve else REFUSED
    row.decided_by_id, row.decided_at, row.decision_comment = user.id, now_utc(), comment or None
    if approve:
        _move_due_date(occurrence, row.new_due_on)
    event = record(
        occurrence,
        user,
        "extension_approved" if approve else "extension_refused",
        new_due_on=row.new_due_on.isoformat(),
        comment=comment,
    )
    notify(owner_ids(occurrence), occurrence, "extension", event, skip=user.person_id)


def _move_due_date(occurrence: Occurrence, new_due_on: date) -> None:
    if occurrence.original_due_on is None:
        occurrence.original_due_on = occurrence.due_on
    occurrence.due_on = new_due_on
    occurrence.sequence += 1  # calendars pick up the moved event
    occurrence.updated_at = now_utc()


def set_acceptance(target, user: User, required: bool) -> None:
    """Mark a document or an item as (not) needing the controller's acceptance."""
    is_item = isinstance(target, Item)
    controller_id = target.effective_controller_id if is_item else target.controller_id
    if not access.may_toggle_acceptance(user, controller_id):
        raise TransitionError(_("Изменить это может только контролёр или секретарь."))
    target.requires_acceptance = required
    record(
        None,
        user,
        "acceptance_set",
        target="item" if is_item else "document",
        target_id=target.id,
        required=required,
    )
