"""Idempotent inserts and job bookkeeping, the same on SQLite and PostgreSQL."""

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from tracker.core.time import now_utc
from tracker.extensions import db
from tracker.notifications.models import JobRun

CHUNK = 1000


def is_postgresql() -> bool:
    return db.session.get_bind().dialect.name == "postgresql"


def insert_ignore(model, rows: list[dict]) -> None:
    """INSERT … ON CONFLICT DO NOTHING: a row whose unique key exists is left alone, so a
    second planner (or a re-run) adds nothing. Rows are sorted by the caller so that
    concurrent planners take their key locks in the same order."""
    insert = pg_insert if is_postgresql() else sqlite_insert
    statement = insert(model).on_conflict_do_nothing()
    for start in range(0, len(rows), CHUNK):
        db.session.execute(statement, rows[start : start + CHUNK])


def job_run(name: str) -> JobRun:
    """The bookkeeping row of a job, created on first use even by concurrent schedulers."""
    insert_ignore(JobRun, [{"name": name}])
    return db.session.scalar(select(JobRun).where(JobRun.name == name))


def record_success(name: str, result: str, high_water_on=None) -> None:
    run = job_run(name)
    run.last_success_at = now_utc()
    run.last_result = result[:200]
    if high_water_on is not None and (
        run.high_water_on is None or high_water_on > run.high_water_on
    ):
        run.high_water_on = high_water_on


def record_failure(name: str, error: str) -> None:
    run = job_run(name)
    run.last_failure_at = now_utc()
    run.last_error = error[:2000]
