"""Fixtures: an app per database (SQLite and PostgreSQL), a client, a clock, factories."""

import os
from datetime import UTC, datetime

import pytest
from flask import g
from flask.testing import FlaskClient
from sqlalchemy import text

from bench import postgres_database
from config import TestConfig
from tracker import create_app
from tracker.extensions import db as _db

PG_ADMIN_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def pytest_addoption(parser):
    parser.addoption(
        "--databases",
        default=os.environ.get("TEST_DATABASES", "sqlite,postgresql"),
        help="comma-separated databases to run database tests against",
    )


def pytest_generate_tests(metafunc):
    if "db_kind" in metafunc.fixturenames:
        kinds = [k for k in metafunc.config.getoption("databases").split(",") if k]
        metafunc.parametrize("db_kind", kinds, scope="session")


def new_postgres_database():
    """A fresh, empty PostgreSQL database, dropped afterwards; yields its URL."""
    return postgres_database("tracker_test", PG_ADMIN_URL)


@pytest.fixture(scope="session")
def postgres_url():
    """The database the `db` fixture's PostgreSQL runs share (one per xdist worker)."""
    with new_postgres_database() as url:
        yield url


@pytest.fixture
def empty_postgres_url():
    """A database of the test's own, for tests that build the schema themselves."""
    with new_postgres_database() as url:
        yield url


class Clock:
    """A clock the tests set; the app reads it through config["CLOCK"]."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def set(self, *args, **kwargs) -> None:
        self.now = datetime(*args, tzinfo=kwargs.get("tzinfo", UTC))


@pytest.fixture
def clock():
    return Clock(datetime(2022, 2, 7, 6, 0, tzinfo=UTC))


class FreshUserClient(FlaskClient):
    """A test client whose every request starts with an empty `g`.

    The `app` fixture keeps one app context pushed for the whole test, so requests would
    share `g` (where Flask-Login caches the user and i18n the locale); in production each
    request has its own.
    """

    def open(self, *args, **kwargs):
        vars(g).clear()
        return super().open(*args, **kwargs)


_pg_schema_ready: set[str] = set()


@pytest.fixture
def app(request, clock, tmp_path):
    kind = request.getfixturevalue("db_kind") if "db_kind" in request.fixturenames else "sqlite"
    uri = request.getfixturevalue("postgres_url") if kind == "postgresql" else "sqlite://"
    app = create_app(
        TestConfig, SQLALCHEMY_DATABASE_URI=uri, CLOCK=clock, UPLOAD_DIR=str(tmp_path / "uploads")
    )
    app.test_client_class = FreshUserClient
    with app.app_context():
        if kind == "sqlite" or uri not in _pg_schema_ready:
            _db.create_all()
            _pg_schema_ready.add(uri)
        yield app
        _db.session.remove()
        _reset(kind)
        _db.engine.dispose()


def _reset(kind: str) -> None:
    if kind == "sqlite":
        _db.drop_all()
        return
    tables = ", ".join(f'"{t.name}"' for t in _db.metadata.sorted_tables)
    with _db.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture
def db(app, db_kind):
    """The database session, on every configured database."""
    return _db


@pytest.fixture
def csrf_app(tmp_path, clock):
    """An app with CSRF protection on, as in production, on a SQLite file of its own."""
    app = create_app(
        TestConfig,
        WTF_CSRF_ENABLED=True,
        CLOCK=clock,
        SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'csrf.db'}",
        UPLOAD_DIR=str(tmp_path / "uploads"),
    )
    with app.app_context():
        _db.create_all()
    yield app
    with app.app_context():
        _db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def login(client):
    def do_login(user, password="secret-pass"):
        response = client.post("/login", data={"login": user.login, "password": password})
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        return client

    return do_login


@pytest.fixture
def make(db):
    from tests.factories import Factories

    return Factories(db.session)
