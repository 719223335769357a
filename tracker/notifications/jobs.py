"""Scheduler jobs: thin wrappers that run a sweep inside an app context, commit at its end,
and record success or failure in job_runs for the admin page."""

import logging
from collections import Counter

from flask import Flask, current_app

from tracker.extensions import db
from tracker.notifications import delivery, planning
from tracker.notifications.mailer import Mailer
from tracker.notifications.store import record_failure, record_success

log = logging.getLogger(__name__)


def plan_job() -> str:
    plan = planning.plan_notifications()
    db.session.commit()
    return f"{plan.notices} notices for ({plan.since}, {plan.horizon}]"


def deliver_job(max_batches: int | None = None) -> Counter:
    """Send everything due, one claimed batch per transaction, over one SMTP connection."""
    totals: Counter = Counter()
    with Mailer(current_app.config) as mailer:
        batches = 0
        while max_batches is None or batches < max_batches:
            counts = delivery.deliver_batch(mailer)
            db.session.commit()
            totals.update(counts)
            batches += 1
            if counts["claimed"] == 0 or counts["unavailable"]:
                break
    summary = ", ".join(f"{k} {v}" for k, v in sorted(totals.items()) if k != "claimed")
    record_success(delivery.JOB, summary or "nothing due")
    db.session.commit()
    return totals


def run(app: Flask, name: str, job) -> None:
    """Run a job in an app context; a failure is rolled back, logged and recorded."""
    with app.app_context():
        try:
            log.info("job %s: %s", name, job())
        except Exception as error:  # the scheduler must keep running; the admin page shows it
            db.session.rollback()
            log.exception("job %s failed", name)
            _record_failure(name, error)
        finally:
            db.session.remove()


def _record_failure(name: str, error: Exception) -> None:
    try:
        record_failure(name, f"{type(error).__name__}: {error}")
        db.session.commit()
    except Exception:  # the database itself may be what failed
        db.session.rollback()
        log.exception("could not record the failure of job %s", name)
