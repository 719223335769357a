"""Three scheduler processes on one PostgreSQL database: every message arrives exactly once."""

import subprocess
import sys
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import insert, text

from config import TestConfig
from tracker import create_app
from tracker.assignments.models import Assignment, Occurrence
from tracker.auth.models import User
from tracker.documents.models import Document, Item
from tracker.extensions import db
from tracker.notifications.models import SENT, Notification
from tracker.people.models import Organisation, Person

OCCURRENCES, OWNERS = 5000, 500
NOW = datetime(2022, 2, 10, 6, 0, tzinfo=UTC)  # 09:00 in Moscow on the due day
WORKER = Path(__file__).with_name("worker.py")


@pytest.fixture
def pg_app(postgres_url):
    app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=postgres_url, CLOCK=lambda: NOW)
    with app.app_context():
        db.create_all()
        yield app
        db.session.remove()
        tables = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
        with db.engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        db.engine.dispose()


def _seed() -> None:
    """5,000 occurrences due today, ten per owner, inserted in bulk."""
    session = db.session
    session.execute(
        insert(Organisation),
        [{"id": 1, "name": "Отдел", "path": "/1/", "timezone": "Europe/Moscow"}],
    )
    session.execute(
        insert(Person),
        [
            {
                "id": p,
                "surname": f"Фамилия{p}",
                "initials": "АБ",
                "organisation_id": 1,
                "email": f"p{p}@example.ru",
            }
            for p in range(1, OWNERS + 1)
        ],
    )
    session.execute(
        insert(User),
        [
            {"id": p, "login": f"u{p}", "password_hash": "x", "person_id": p}
            for p in range(1, OWNERS + 1)
        ],
    )
    session.execute(
        insert(Document),
        [
            {
                "id": 1,
                "kind": "roadmap",
                "title": "Дорожная карта",
                "period_start": date(2022, 1, 1),
                "period_end": date(2022, 12, 31),
            }
        ],
    )
    session.execute(
        insert(Item), [{"id": 1, "document_id": 1, "text": "Провести мониторинг", "problems": []}]
    )
    owners = [(i % OWNERS) + 1 for i in range(OCCURRENCES)]
    session.execute(
        insert(Assignment),
        [{"id": i + 1, "item_id": 1, "person_id": p} for i, p in enumerate(owners)],
    )
    session.execute(
        insert(Occurrence),
        [
            {
                "id": i + 1,
                "assignment_id": i + 1,
                "person_id": p,
                "organisation_id": 1,
                "document_id": 1,
                "due_on": date(2022, 2, 10),
                "updated_at": NOW,
            }
            for i, p in enumerate(owners)
        ],
    )
    for table in (
        "organisations",
        "people",
        "users",
        "documents",
        "items",
        "assignments",
        "occurrences",
    ):
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
        )
    session.commit()


def test_three_schedulers_deliver_each_message_exactly_once(pg_app, postgres_url, smtp_server):
    _seed()
    smtp_server.refuse = 25  # a few refusals on the way: retried, still once each
    args = [postgres_url, str(smtp_server.port), NOW.isoformat()]
    workers = [
        subprocess.Popen(
            [sys.executable, str(WORKER), *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        for _ in range(3)
    ]
    outputs = [w.communicate(timeout=240)[0].decode() for w in workers]
    assert [w.returncode for w in workers] == [0, 0, 0], "\n".join(outputs)[-3000:]
    counts = Counter(smtp_server.notices())
    assert len(counts) == OCCURRENCES
    assert set(counts.values()) == {1}
    statuses = Counter(db.session.scalars(db.select(Notification.status)))
    assert statuses == {SENT: OCCURRENCES}
