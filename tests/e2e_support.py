"""Reusable end-to-end fixtures: the app served on 127.0.0.1 and Debian's Chromium.

Use them from a test module with
    from tests.e2e_support import browser, live_server  # noqa: F401
and mark the module `pytestmark = pytest.mark.e2e`. The server runs in a thread against a
temporary SQLite FILE (an in-memory database cannot be shared between threads).
"""

import os
import threading
from dataclasses import dataclass

import pytest
from flask import Flask
from werkzeug.serving import make_server

from config import TestConfig
from tracker import create_app
from tracker.extensions import db

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass
class LiveServer:
    app: Flask
    url: str

    def sign_in(self, page, login: str, password: str = "secret-pass") -> None:
        page.goto(f"{self.url}/login")
        page.fill("input[name=login]", login)
        page.fill("input[name=password]", password)
        page.click("input[type=submit]")


@pytest.fixture
def live_server(tmp_path, clock):
    """The app on 127.0.0.1:<free port>, tables created; seed it inside `server.app`."""
    app = create_app(
        TestConfig,
        SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'e2e.db'}",
        CLOCK=clock,
        WTF_CSRF_ENABLED=True,
        SERVER_NAME=None,
    )
    with app.app_context():
        db.create_all()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield LiveServer(app, f"http://127.0.0.1:{server.server_port}")
    server.shutdown()
    thread.join(timeout=5)
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def browser():
    """Chromium through Playwright; skipped only when Chromium is not installed at all."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
