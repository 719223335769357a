"""The Alembic revisions build the schema the models describe, on SQLite and PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from config import TestConfig
from tracker import create_app
from tracker.extensions import db


def _upgraded_app(url):
    app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=url)
    with app.app_context():
        upgrade()
    return app


def _diff(app):
    with app.app_context(), db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"render_as_batch": True})
        return compare_metadata(context, db.metadata)


def test_migrations_match_models_on_sqlite(tmp_path):
    app = _upgraded_app(f"sqlite:///{tmp_path / 'migrated.db'}")
    assert _diff(app) == []
    with app.app_context():
        db.engine.dispose()


def test_migrations_match_models_on_postgresql(empty_postgres_url):
    app = _upgraded_app(empty_postgres_url)
    try:
        assert _diff(app) == []
        with app.app_context():
            downgrade(revision="base")
            tables = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
            assert tables == set()
    finally:
        with app.app_context():
            db.engine.dispose()


def test_stored_problem_sentences_become_codes_and_back():
    """The revision that made problems codes converts what earlier imports stored."""
    import importlib.util
    from pathlib import Path

    path = next(Path("migrations/versions").glob("*_problems_as_codes.py"))
    spec = importlib.util.spec_from_file_location("problems_as_codes", path)
    revision = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(revision)
    stored = [
        "Ответственный не указан: назначьте исполнителя вручную.",
        "Срок не указан",
        "Срок «до 31.02.2022» не распознан: неверная дата «31.02.2022»",
        "В пункте больше одного срока: проверьте.",
    ]
    codes = [revision._record(sentence) for sentence in stored]
    assert [c["code"] for c in codes] == [
        "owner_missing",
        "deadline_missing",
        "deadline_note",
        "note",
    ]
    assert [revision._sentence(c) for c in codes] == stored
