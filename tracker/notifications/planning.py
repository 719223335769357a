"""Planning: turn the occurrences whose notice days fell in (high-water mark, horizon] into
outbox rows. Each rule asks the database only for the due dates that map onto the window
(see domain.notification_policy.due_range), so the cost follows what is due, not the size
of the table; the unique keys make a re-run or a concurrent planner harmless."""

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select

from tracker.assignments.models import ACTIVE_STATES, REPORTED, Assignment, Occurrence
from tracker.core.time import local_day, now_utc
from tracker.documents.models import Document, Item
from tracker.domain.notification_policy import (
    Policy,
    controller_notices,
    due_range,
    notice_day,
    rules,
    send_at,
    weekly_digest_day,
)
from tracker.domain.workdays import default_calendar
from tracker.extensions import db
from tracker.notifications.models import BATCHED, PENDING, MailBatch, Notification
from tracker.notifications.policy import current_policy
from tracker.notifications.recipients import Directory
from tracker.notifications.store import insert_ignore, job_run, record_success

log = logging.getLogger(__name__)
JOB = "plan_notifications"
# The easternmost zone is UTC+14: a local day may begin this long before the UTC one.
LEAD = timedelta(hours=14)


@dataclass
class Plan:
    since: date
    horizon: date
    notices: int = 0
    batches: int = 0


def horizon(now: datetime) -> date:
    """The latest local date anywhere: notices for it can be planned before its 09:00."""
    return (now + LEAD).date()


def plan_notifications(until: date | None = None) -> Plan:
    """Plan every notice with a day in (high-water mark, until]; flushes, never commits."""
    now = now_utc()
    until = until or horizon(now)
    run = job_run(JOB)
    since = run.high_water_on or until - timedelta(days=1)
    plan = Plan(since, until)
    if since >= until:
        return plan
    policy, cal, directory = current_policy(), default_calendar(), Directory()
    notices = _occurrence_notices(policy, cal, directory, since, until)
    notices += _controller_notices(policy, cal, directory, since, until)
    plan.notices = _store(notices, policy, directory, now)
    plan.batches += _weekly_batches(policy, cal, directory, since, until, now)
    record_success(JOB, f"{plan.notices} notices", high_water_on=until)
    log.info(
        "planned %s notices and %s weekly digests for (%s, %s]",
        plan.notices,
        plan.batches,
        since,
        until,
    )
    return plan


def _occurrence_notices(policy: Policy, cal, directory: Directory, since, until) -> list[tuple]:
    found = []
    for rule in rules(policy):
        window = due_range(rule.offset, since, until, cal)
        if window is None:
            continue
        stmt = select(
            Occurrence.id, Occurrence.person_id, Occurrence.organisation_id, Occurrence.due_on
        ).where(
            Occurrence.state.in_(ACTIVE_STATES),
            Occurrence.due_on.between(*window),
            Occurrence.is_checkin.is_(rule.checkin),
        )
        for occ_id, person_id, org_id, due_on in db.session.execute(stmt):
            recipient = directory.recipient_for(rule.audience, person_id, org_id)
            if recipient is not None:
                on = notice_day(due_on, rule.offset, cal)
                found.append((occ_id, recipient, rule.name, due_on.isoformat(), on))
    return found


def _controller_notices(policy: Policy, cal, directory: Directory, since, until) -> list[tuple]:
    """Reported occurrences waiting for acceptance: a few, found by their state; only those
    reported recently enough for a reminder day to fall in the window are read."""
    offsets = [n for n in policy.controller_after if n > 0]
    if not offsets:
        return []
    # n working days never span more than 2n + 15 calendar days (the New Year holidays)
    earliest = since - timedelta(days=2 * max(offsets) + 16)
    controller = func.coalesce(Item.controller_id, Document.controller_id)
    stmt = (
        select(Occurrence.id, Occurrence.organisation_id, Occurrence.reported_at, controller)
        .join(Assignment, Assignment.id == Occurrence.assignment_id)
        .join(Item, Item.id == Assignment.item_id)
        .join(Document, Document.id == Item.document_id)
        .where(
            Occurrence.state == REPORTED,
            Occurrence.reported_at >= datetime.combine(earliest, time(), UTC),
            controller.is_not(None),
        )
    )
    found = []
    for occ_id, org_id, reported_at, controller_id in db.session.execute(stmt):
        reported_on = local_day(reported_at, directory.timezones.get(org_id))
        for notice in controller_notices(reported_on, since, until, policy, cal):
            found.append((occ_id, controller_id, notice.rule, reported_on.isoformat(), notice.on))
    return found


def _store(notices: list[tuple], policy: Policy, directory: Directory, now) -> int:
    """Insert the notices (and a daily digest for each digest reader's day) idempotently."""
    people = directory.load_people(n[1] for n in notices)
    rows, digests = [], {}
    for occ_id, person_id, rule, key, on in sorted(notices):
        who = people.get(person_id)
        if who is None:
            continue
        when = send_at(on, who.timezone, policy.send_hour)
        batched = who.mode == "digest"
        rows.append(
            {
                "occurrence_id": occ_id,
                "person_id": person_id,
                "rule": rule,
                "period_key": key,
                "notice_on": on,
                "send_after": when,
                "status": BATCHED if batched else PENDING,
                "attempts": 0,
                "created_at": now,
            }
        )
        if batched:
            digests[(person_id, on)] = {
                "person_id": person_id,
                "kind": "daily",
                "period_key": on.isoformat(),
                "send_after": when,
                "status": PENDING,
                "attempts": 0,
                "payload": {},
                "created_at": now,
            }
    insert_ignore(Notification, rows)
    insert_ignore(MailBatch, [digests[k] for k in sorted(digests)])
    return len(rows)


def _weekly_batches(policy: Policy, cal, directory: Directory, since, until, now) -> int:
    """The heads' digest on the week's digest day; its content is computed when sent."""
    days = [since + timedelta(days=i) for i in range(1, (until - since).days + 1)]
    digest_days = [d for d in days if weekly_digest_day(d, policy, cal) == d]
    if not digest_days:
        return 0
    heads = directory.load_people(directory.head_orgs)
    rows = [
        {
            "person_id": pid,
            "kind": "weekly",
            "period_key": day.isoformat(),
            "send_after": send_at(day, heads[pid].timezone, policy.send_hour),
            "status": PENDING,
            "attempts": 0,
            "payload": {},
            "created_at": now,
        }
        for day in digest_days
        for pid in sorted(heads)
    ]
    insert_ignore(MailBatch, rows)
    return len(rows)
