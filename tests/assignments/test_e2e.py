"""In Chromium: an official ticks off an occurrence; the head sees it leave the overdue list."""

import threading
from datetime import date

import pytest
from werkzeug.serving import make_server

from config import TestConfig
from tracker import create_app
from tracker.extensions import db

pytestmark = pytest.mark.e2e
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture
def live_app(tmp_path, clock):
    app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'e2e.db'}",
                     CLOCK=clock, WTF_CSRF_ENABLED=True, SERVER_NAME=None)
    with app.app_context():
        db.create_all()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield app, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _scenario(app):
    from tests.factories import Factories

    with app.app_context():
        make = Factories(db.session)
        dept = make.org("Отдел образования", kind="department")
        head = make.person("Ренкевич", "ЛМ", org=dept, head_of=dept)
        official = make.person("Дискулцу", "ЛЮ", org=dept)
        make.user(head, roles=("head",), login="head")
        make.user(official, login="official")
        item = make.item(text="Разработка Положения о профориентации", deadline_raw="Январь 2022")
        occurrence = make.occurrence(official, due_on=date(2022, 1, 31), item=item)
        db.session.commit()
        return occurrence.id


def _sign_in(page, base, login):
    page.goto(f"{base}/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", "secret-pass")
    page.click("input[type=submit]")


def test_tick_off_then_head_sees_it_leave_overdue(live_app, browser):
    app, base = live_app
    occurrence_id = _scenario(app)
    card = f'[data-occurrence="{occurrence_id}"]'

    head_page = browser.new_context().new_page()
    _sign_in(head_page, base, "head")
    head_page.goto(f"{base}/units?overdue=1")
    assert head_page.locator(card).count() == 1

    page = browser.new_context().new_page()
    _sign_in(page, base, "official")
    page.goto(f"{base}/my")
    page.locator(f"#overdue {card} summary").click()
    page.locator(f"{card} textarea[name=report]").fill("Положение утверждено приказом № 12")
    page.locator(f"{card} button[type=submit]").click()
    page.wait_for_selector(".flash-success")
    assert page.locator(f"#overdue {card}").count() == 0

    head_page.reload()
    assert head_page.locator(card).count() == 0
