"""Benchmark: notification planning over 1,000,000 occurrences, and delivery over SMTP.

    .venv/bin/python bench/bench_notifications.py                    # SQLite in a temp file
    .venv/bin/python bench/bench_notifications.py --url postgresql+psycopg://postgres@127.0.0.1/db

Planning is timed twice on the same table: a day on which 10,000 occurrences fall due and a
day on which 1,000 do, to show that its cost follows the occurrences due, not the table.
Delivery sends to a local aiosmtpd server and reports messages per second.
"""

import argparse
import random
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, text

from config import TestConfig
from tracker import create_app
from tracker.assignments.models import Assignment, Occurrence
from tracker.auth.models import User
from tracker.documents.models import Document, Item
from tracker.extensions import db
from tracker.notifications import jobs, planning
from tracker.notifications.models import JobRun
from tracker.people.models import Organisation, Person

BUSY_DAY, QUIET_DAY = date(2022, 2, 7), date(2022, 3, 9)
ZONES = ("Europe/Moscow", "Asia/Sakhalin", "Asia/Krasnoyarsk")
PEOPLE, ASSIGNMENTS, CHUNK = 5000, 1000, 20000


def _far_day(rng: random.Random) -> date:
    """A due date well away from both benchmark days' notice windows."""
    while True:
        day = date(2019, 1, 1) + timedelta(days=rng.randrange(365 * 7))
        if abs((day - BUSY_DAY).days) > 45 and abs((day - QUIET_DAY).days) > 45:
            return day


def seed(total: int, busy: int, quiet: int) -> None:
    s = db.session
    s.execute(
        insert(Organisation),
        [
            {"id": i + 1, "name": f"Орг {i}", "path": f"/{i + 1}/", "timezone": z}
            for i, z in enumerate(ZONES)
        ],
    )
    s.execute(
        insert(Person),
        [
            {
                "id": p,
                "surname": f"Фамилия{p}",
                "initials": "АБ",
                "organisation_id": p % 3 + 1,
                "email": f"p{p}@example.ru",
            }
            for p in range(1, PEOPLE + 1)
        ],
    )
    s.execute(
        insert(User),
        [
            {"id": p, "login": f"u{p}", "password_hash": "x", "person_id": p}
            for p in range(1, PEOPLE + 1)
        ],
    )
    s.execute(
        insert(Document),
        [
            {
                "id": 1,
                "kind": "roadmap",
                "title": "Дорожная карта",
                "period_start": date(2019, 1, 1),
                "period_end": date(2025, 12, 31),
            }
        ],
    )
    s.execute(
        insert(Item), [{"id": 1, "document_id": 1, "text": "Провести мониторинг", "problems": []}]
    )
    s.execute(
        insert(Assignment),
        [{"id": a, "item_id": 1, "person_id": a % PEOPLE + 1} for a in range(1, ASSIGNMENTS + 1)],
    )
    rng = random.Random(7)
    # mostly closed history; "reported" (waiting for a controller) is a small backlog
    states = ("open", "open", "done", "done", "done", "done", "returned", "cancelled")
    for start in range(0, total, CHUNK):
        rows = []
        for i in range(start, min(start + CHUNK, total)):
            due = BUSY_DAY if i < busy else QUIET_DAY if i < busy + quiet else _far_day(rng)
            state = "open" if i < busy + quiet else rng.choice(states)
            reported = i % 1000 == 999 and i >= busy + quiet
            state = "reported" if reported else state
            person = i % PEOPLE + 1
            rows.append(
                {
                    "assignment_id": i % ASSIGNMENTS + 1,
                    "person_id": person,
                    "organisation_id": person % 3 + 1,
                    "document_id": 1,
                    "due_on": due,
                    "state": state,
                    "reported_at": datetime.combine(due, datetime.min.time(), UTC)
                    if reported
                    else None,
                    "updated_at": datetime(2022, 1, 1, tzinfo=UTC),
                }
            )
        s.execute(insert(Occurrence), rows)
    s.commit()


def time_planning(until: date) -> tuple[float, int]:
    run = planning.job_run(planning.JOB)
    run.high_water_on = until - timedelta(days=1)
    db.session.flush()
    started = time.perf_counter()
    plan = planning.plan_notifications(until=until)
    db.session.commit()
    return time.perf_counter() - started, plan.notices


def _smtp_sink(port: int) -> subprocess.Popen:
    """aiosmtpd in its own process, so the server does not share the sender's GIL."""
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "aiosmtpd",
            "-n",
            "-l",
            f"127.0.0.1:{port}",
            "-c",
            "aiosmtpd.handlers.Sink",
        ]
    )
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return server
        time.sleep(0.1)
    raise RuntimeError("the SMTP server did not start")


def time_delivery(app) -> tuple[float, int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = _smtp_sink(port)
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
    try:
        started = time.perf_counter()
        totals = jobs.deliver_job()
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait()
    return elapsed, totals["sent"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--total", type=int, default=1_000_000)
    parser.add_argument("--busy", type=int, default=10_000)
    parser.add_argument("--quiet", type=int, default=1_000)
    parser.add_argument("--keep", action="store_true", help="reuse the seeded database at --url")
    args = parser.parse_args()
    url = args.url or f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    now = {"value": datetime(2022, 2, 7, 12, tzinfo=UTC)}
    app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=url, CLOCK=lambda: now["value"])
    with app.app_context():
        if args.keep:
            for table in ("notifications", "mail_batches", "job_runs"):
                db.session.execute(text(f"DELETE FROM {table}"))
        else:
            db.drop_all()
            db.create_all()
            started = time.perf_counter()
            seed(args.total, args.busy, args.quiet)
            print(f"seeded {args.total:,} occurrences in {time.perf_counter() - started:.1f} s")
            db.session.execute(text("ANALYZE"))
        db.session.commit()
        busy_s, busy_n = time_planning(BUSY_DAY)
        print(f"planning, {args.busy:,} due: {busy_s:.2f} s ({busy_n:,} notices)")
        quiet_s, quiet_n = time_planning(QUIET_DAY)
        print(f"planning, {args.quiet:,} due: {quiet_s:.2f} s ({quiet_n:,} notices)")
        db.session.execute(text("DELETE FROM notifications WHERE notice_on <> :d"), {"d": BUSY_DAY})
        db.session.execute(text("DELETE FROM mail_batches"))
        db.session.get(JobRun, planning.JOB).high_water_on = BUSY_DAY
        db.session.commit()
        elapsed, sent = time_delivery(app)
        print(f"delivery: {sent:,} messages in {elapsed:.2f} s = {sent / elapsed:.0f} msg/s")


if __name__ == "__main__":
    main()
