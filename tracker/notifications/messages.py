"""Message bodies, built from the data as it is at send time (templates/emails/)."""

from datetime import date, timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from tracker.assignments.models import ACTIVE_STATES, REPORTED, Assignment, Occurrence
from tracker.core.time import local_day, occurrence_tz
from tracker.extensions import db
from tracker.notifications.mailer import build_message
from tracker.notifications.models import BATCHED, MailBatch, Notification
from tracker.people.models import Organisation, Person

DIGEST_LIMIT = 200
OWNER_RULES = ("reminder", "overdue", "checkin")


def still_relevant(row: Notification, occurrence: Occurrence) -> bool:
    """A notice about work done, cancelled, accepted or moved since planning sends nothing."""
    if row.rule.startswith("controller"):
        return occurrence.state == REPORTED
    return (
        occurrence.state in ACTIVE_STATES
        and occurrence.due_on is not None
        and occurrence.due_on.isoformat() == row.period_key
    )


def subject_for(rule: str, occurrence: Occurrence) -> str:
    due = occurrence.due_on.strftime("%d.%m.%Y") if occurrence.due_on else ""
    if rule.startswith("reminder"):
        return _("Напоминание: срок исполнения %(due)s", due=due)
    if rule == "overdue":
        return _("Просрочено поручение со сроком %(due)s", due=due)
    if rule.startswith("escalation"):
        return _("Просрочка в подчинённом подразделении: срок %(due)s", due=due)
    if rule.startswith("controller"):
        return _("Ожидает проверки: отчёт об исполнении поручения")
    return _("Отчёт за период по постоянному поручению")


def occurrence_url(config, occurrence_id: int) -> str:
    return f"{config['BASE_URL'].rstrip('/')}/occurrences/{occurrence_id}"


def answer_url(config, occurrence_id: int, what: str) -> str:
    from tracker.notifications.services import answer_token

    token = answer_token(occurrence_id, what)
    return f"{config['BASE_URL'].rstrip('/')}/notifications/done/{token}"


def notice_message(config, row: Notification, person: Person, occurrence: Occurrence):
    item = occurrence.assignment.item
    owner_rule = row.rule.startswith(OWNER_RULES)
    context = {
        "person": person,
        "occurrence": occurrence,
        "item": item,
        "rule": row.rule,
        "open_url": occurrence_url(config, occurrence.id),
        "done_url": answer_url(config, occurrence.id, "done") if owner_rule else None,
        "not_needed_url": (
            answer_url(config, occurrence.id, "not_needed")
            if owner_rule and item.is_optional
            else None
        ),
    }
    return _render(
        config,
        person,
        subject_for(row.rule, occurrence),
        "notice",
        context,
        {"X-Tracker-Notice": f"n{row.id}"},
    )


def batch_message(config, row: MailBatch, person: Person, now):
    """None when there is nothing left to say: an empty digest is never sent."""
    rows, title = _batch_rows(row, person, now)
    if not rows:
        return None
    context = {
        "person": person,
        "kind": row.kind,
        "rows": rows,
        "title": title,
        "base_url": config["BASE_URL"].rstrip("/"),
    }
    return _render(config, person, title, "digest", context, {"X-Tracker-Notice": f"b{row.id}"})


def _render(config, person: Person, subject: str, name: str, context: dict, headers: dict):
    # Straight from the environment: mail has no request, so the context processors that
    # render_template would run for every message add nothing but time.
    env = current_app.jinja_env
    text = env.get_template(f"emails/{name}.txt").render(**context)
    html = env.get_template(f"emails/{name}.html").render(subject=subject, **context)
    return build_message(
        config, person.email or "", person.short_name, subject, text, html, headers
    )


def _batch_rows(row: MailBatch, person: Person, now) -> tuple[list[Occurrence], str]:
    if row.kind == "daily":
        return _daily_rows(row), _("Сводка напоминаний на %(day)s", day=_ru(row.period_key))
    if row.kind == "weekly":
        return (
            _weekly_rows(person, date.fromisoformat(row.period_key)),
            _("Еженедельная сводка: просрочено и срок на этой неделе"),
        )
    ids = row.payload.get("occurrence_ids", [])
    return _occurrences(Occurrence.id.in_(ids), Occurrence.state.in_(ACTIVE_STATES)), _(
        "Вам назначены новые поручения"
    )


def _daily_rows(row: MailBatch) -> list[Occurrence]:
    notices = select(Notification.occurrence_id, Notification.period_key).where(
        Notification.person_id == row.person_id,
        Notification.status == BATCHED,
        Notification.notice_on == date.fromisoformat(row.period_key),
    )
    keys = {(occ_id, key) for occ_id, key in db.session.execute(notices)}
    found = _occurrences(Occurrence.id.in_({k[0] for k in keys}))
    return [o for o in found if _relevant_key(o, keys)]


def _relevant_key(occurrence: Occurrence, keys: set) -> bool:
    """Planned for the occurrence as it still is: same due date, or same report day."""
    if occurrence.state == REPORTED:
        key = _reported_on(occurrence)
    elif occurrence.state in ACTIVE_STATES and occurrence.due_on is not None:
        key = occurrence.due_on
    else:
        return False
    return key is not None and (occurrence.id, key.isoformat()) in keys


def _weekly_rows(head: Person, week_day: date) -> list[Occurrence]:
    unit = db.session.get(Organisation, head.head_of_id) if head.head_of_id else None
    if unit is None:
        return []
    week_end = week_day + timedelta(days=6 - week_day.weekday())
    subtree = select(Organisation.id).where(
        func.substr(Organisation.path, 1, len(unit.path)) == unit.path
    )
    return _occurrences(
        Occurrence.organisation_id.in_(subtree),
        Occurrence.state.in_(ACTIVE_STATES),
        Occurrence.due_on <= week_end,
    )


def _occurrences(*where) -> list[Occurrence]:
    stmt = (
        select(Occurrence)
        .where(*where)
        .options(
            joinedload(Occurrence.assignment).joinedload(Assignment.item),
            joinedload(Occurrence.person),
            joinedload(Occurrence.organisation),
        )
        .order_by(Occurrence.due_on, Occurrence.id)
        .limit(DIGEST_LIMIT)
    )
    return list(db.session.scalars(stmt).unique())


def _ru(iso: str) -> str:
    return date.fromisoformat(iso).strftime("%d.%m.%Y")


def _reported_on(occurrence: Occurrence) -> date | None:
    tz = occurrence_tz(occurrence)
    return local_day(occurrence.reported_at, tz) if occurrence.reported_at else None
