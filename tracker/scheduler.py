"""`tracker scheduler`: the one separate process that runs the jobs.

Jobs are periodic sweeps over the database, so any number of these processes may run on
PostgreSQL: exactly-once comes from unique keys and row locks, not from the job store.
"""

import logging
from datetime import UTC, datetime
from functools import partial

import click
from flask import current_app
from flask.cli import with_appcontext

from tracker.notifications import jobs

log = logging.getLogger(__name__)

# id, function, interval in seconds
JOBS = (
    ("plan_notifications", jobs.plan_job, 300),
    ("deliver_outbox", jobs.deliver_job, 30),
)


def build_scheduler(app, blocking: bool = True):
    from apscheduler.schedulers.background import BackgroundScheduler
    from apscheduler.schedulers.blocking import BlockingScheduler

    scheduler = (BlockingScheduler if blocking else BackgroundScheduler)(timezone="UTC")
    for job_id, function, seconds in JOBS:
        scheduler.add_job(
            partial(jobs.run, app, job_id, function),
            "interval",
            seconds=seconds,
            id=job_id,
            name=job_id,
            replace_existing=True,
            coalesce=True,
            max_instances=1,
            next_run_time=datetime.now(UTC),  # wall-clock trigger: run once at start-up
        )
    return scheduler


@click.command("scheduler")
@with_appcontext
def scheduler_command() -> None:
    """Run the scheduler: plan notifications and deliver the outbox until interrupted."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    app = current_app._get_current_object()
    scheduler = build_scheduler(app)
    log.info("scheduler starting with jobs: %s", ", ".join(j[0] for j in JOBS))
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        log.info("scheduler stopped")
