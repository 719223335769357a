"""The web process entry point: `gunicorn wsgi:app`. The scheduler runs separately."""

from tracker import create_app

app = create_app()
